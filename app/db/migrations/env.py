"""Alembic environment: runs on the connection the app hands over (render_as_batch for SQLite)."""

from __future__ import annotations

from typing import Any

from alembic import context

from app.db.schema_filter import include_object
from app.models import Base

config = context.config


OPTIONS: dict[str, Any] = {"target_metadata": Base.metadata, "render_as_batch": True,
           "include_object": include_object}
connection = config.attributes.get("connection")

if connection is None:  # pragma: no cover - alembic CLI use
    from app.db.engine import create_app_engine

    engine = create_app_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        context.configure(connection=conn, **OPTIONS)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, **OPTIONS)
    with context.begin_transaction():
        context.run_migrations()
