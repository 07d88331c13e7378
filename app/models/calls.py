"""The call-log book (叫修登记簿): every call, letter, e-mail or walk-in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DDL, ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, Versioned
from app.models.branch import BranchOwned

FAULT_MAX = 500


class Call(BranchOwned, Versioned, Timestamped, Base):
    __tablename__ = "calls"
    __audited__ = True
    __audit_exclude__ = frozenset({"search_text"})
    __table_args__ = (
        Index("ix_calls_received", "received_at", "id"),
        Index("ix_calls_status_received", "status", "received_at"),
        Index("ix_calls_customer_received", "customer_id", "received_at"),
        # a branch's book, newest first (a one-store database reads ix_calls_received)
        Index("ix_calls_branch_received", "branch_id", "received_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    received_at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(String(10))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"), index=True)
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("zones.id"), index=True)
    fault: Mapped[str] = mapped_column(String(FAULT_MAX))
    service_kind: Mapped[str] = mapped_column(String(16), default="repair")
    urgency: Mapped[str] = mapped_column(String(10), default="normal")
    proposed_category: Mapped[str] = mapped_column(String(1))
    category: Mapped[str] = mapped_column(String(1))
    category_reason: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="registered")
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    closed_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Lower-cased customer name, phones, model, serial and fault: one column to search.
    search_text: Mapped[str] = mapped_column(Text, default="")


# Trigram full-text index over search_text (SQLite only; PostgreSQL uses ILIKE).
FTS_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS calls_fts USING fts5("
    "search_text, content='calls', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS calls_fts_ai AFTER INSERT ON calls BEGIN "
    "INSERT INTO calls_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS calls_fts_ad AFTER DELETE ON calls BEGIN "
    "INSERT INTO calls_fts(calls_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS calls_fts_au AFTER UPDATE OF search_text ON calls BEGIN "
    "INSERT INTO calls_fts(calls_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO calls_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]
for _stmt in FTS_DDL:
    _ddl = DDL(_stmt)  # type: ignore[no-untyped-call]
    event.listen(Call.__table__, "after_create", _ddl.execute_if(dialect="sqlite"))
