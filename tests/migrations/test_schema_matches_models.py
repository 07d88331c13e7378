"""The migrations build exactly the schema the models describe (on SQLite and PostgreSQL)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.db.migrate import current_revision, head_revision
from app.db.schema_filter import include_object
from app.models import Base


def test_migrated_database_matches_the_models(db):
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
