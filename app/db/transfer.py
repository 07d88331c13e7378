"""Move a store's data from one database to another (SQLite file → PostgreSQL server).

Generic over the models' metadata: tables are copied parent-first in batches inside one
transaction on the target, PostgreSQL sequences are moved past the copied ids, and the
result is verified — row counts per table and the sum of every money (``*_cents``) column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Table, func, select, text

from app.db.database import Database
from app.models import Base

BATCH = 2000
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TableCheck:
    table: str
    source_rows: int
    target_rows: int
    source_money: int
    target_money: int

    @property
    def ok(self) -> bool:
        return (self.source_rows, self.source_money) == (self.target_rows, self.target_money)


class TransferError(Exception):
    """The target is not empty or the copy did not verify."""


def money_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name.endswith("_cents")]


def _figures(conn: Connection, table: Table) -> tuple[int, int]:
    rows = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
    money = 0
    for name in money_columns(table):
        money += int(conn.execute(select(func.coalesce(func.sum(table.c[name]), 0))).scalar_one())
    return rows, money


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


# Rows every migrated database starts with (the first branch): the source's replace them.
_MIGRATION_ROWS = frozenset({"branches"})


def _refuse_non_empty(conn: Connection) -> None:
    for table in _tables():
        if table.name in _MIGRATION_ROWS:
            conn.execute(table.delete())
        elif conn.execute(select(func.count()).select_from(table)).scalar_one():
            raise TransferError(f"the target already holds data (table {table.name})")


def _copy_table(src: Connection, dst: Connection, table: Table,
                progress: Progress | None) -> None:
    total = int(src.execute(select(func.count()).select_from(table)).scalar_one())
    done = 0
    result = src.execution_options(yield_per=BATCH).execute(select(table))
    for chunk in result.partitions(BATCH):
        dst.execute(table.insert(), [dict(row._mapping) for row in chunk])
        done += len(chunk)
        if progress:
            progress(table.name, done, total)


def reset_sequences(dst: Connection) -> None:
    for table in _tables():
        for column in table.primary_key.columns:
            if column.autoincrement is True or (
                    column.autoincrement == "auto" and column.type.python_type is int
                    and len(table.primary_key.columns) == 1):
                seq = dst.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                  {"t": table.name, "c": column.name}).scalar()
                if seq:
                    top = f"COALESCE((SELECT max({column.name}) FROM {table.name}), 0) + 1"
                    dst.execute(text(f"SELECT setval('{seq}', {top}, false)"))


def transfer(source: Database, target: Database, *, progress: Progress | None = None,
             finish: Callable[[Connection], object] | None = None) -> list[TableCheck]:
    """Copy everything; both databases must already be at the same schema revision.
    ``finish`` runs last in the same transaction (e.g. naming the first branch)."""
    checks: list[TableCheck] = []
    with source.engine.connect() as src, target.engine.begin() as dst:
        _refuse_non_empty(dst)
        if dst.dialect.name == "sqlite":
            dst.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        for table in _tables():
            _copy_table(src, dst, table, progress)
        if dst.dialect.name == "postgresql":
            reset_sequences(dst)
        if finish is not None:
            finish(dst)
        for table in _tables():
            src_rows, src_money = _figures(src, table)
            dst_rows, dst_money = _figures(dst, table)
            checks.append(TableCheck(table.name, src_rows, dst_rows, src_money, dst_money))
        bad = [c for c in checks if not c.ok]
        if bad:
            raise TransferError("verification failed: " + ", ".join(
                f"{c.table} {c.source_rows}/{c.target_rows} rows" for c in bad))
    return checks
