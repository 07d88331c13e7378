"""SQLite's query plans of what a service reads: tests that hold a hot query on its index."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from app.db.database import Database


@contextmanager
def statements(db: Database) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
               _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def query_plans(db: Database, read: Callable[[], object], table: str) -> list[str]:
    """The query plans of the statements ``read`` sends that read ``table``."""
    with statements(db) as seen:
        read()
    plans = []
    with db.engine.connect() as conn:
        for statement, parameters in seen:
            if f"FROM {table}" in statement:
                plans.append(" / ".join(row[3] for row in conn.exec_driver_sql(
                    "EXPLAIN QUERY PLAN " + statement, parameters)))
    assert plans, f"no statement read {table}"
    return plans
