"""The audit trail: one append-only row per changed field of a business record."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_record", "table_name", "row_key", "id"),
        Index("ix_audit_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None]
    username: Mapped[str] = mapped_column(String(40), default="")
    role: Mapped[str] = mapped_column(String(16), default="")
    workstation: Mapped[str] = mapped_column(String(60), default="")
    table_name: Mapped[str] = mapped_column(String(40))
    row_key: Mapped[str] = mapped_column(String(40))
    # insert / update / void / cancel / login / login_failed / export / print / reprint …
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str] = mapped_column(String(40), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(200), default="")
