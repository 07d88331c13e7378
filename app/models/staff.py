"""Staff accounts (职员): who logs in, with which role."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, Versioned


class User(Versioned, Timestamped, Base):
    __tablename__ = "users"
    __audited__ = True
    __audit_exclude__ = frozenset(
        {"password_hash", "failed_logins", "first_failed_at", "locked_until", "last_login_at"}
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    first_failed_at: Mapped[datetime | None]
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    # The branch the user works in; NULL: the service department (服务部), which sees all.
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branches.id"), index=True)
