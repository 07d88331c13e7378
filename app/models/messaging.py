"""Phone-first intake and messages to customers: chases (催修) on open calls, SMS templates,
customers' consent to messages (PIPL) and the outbox of messages to send."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Versioned, utcnow
from app.models.branch import BranchOwned


class CallChase(BranchOwned, Base):
    """The customer called again about an open call (催修): counted, never a second call."""

    __tablename__ = "call_chases"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id"), index=True)
    chased_at: Mapped[datetime]
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    phone: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(String(200), default="")


class MessageTemplate(Versioned, Base):
    """The store's wording of one kind of message; ``gateway_template_id`` for gateways that
    send only registered templates."""

    __tablename__ = "message_templates"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), unique=True)
    body: Mapped[str] = mapped_column(Text)
    gateway_template_id: Mapped[str] = mapped_column(String(40), default="")
    enabled: Mapped[bool] = mapped_column(default=True)


class MessageConsent(Versioned, Base):
    """A customer's yes or no to service messages: when, how and who recorded it."""

    __tablename__ = "message_consents"
    __audited__ = True

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    consented: Mapped[bool]
    recorded_at: Mapped[datetime]
    source: Mapped[str] = mapped_column(String(12))  # counter / reply / form
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(String(200), default="")


class OutboxMessage(BranchOwned, Base):
    """One message to one customer for one event; ``event_key`` makes it once-only.

    queued → sending (``attempt_id`` written and committed before the sender is called) →
    sent | queued again with ``next_try_at`` | failed (reason) | skipped (no consent / opted
    out). A row found ``sending`` at start is reconciled, never blindly sent again.
    """

    __tablename__ = "outbox_messages"
    __table_args__ = (Index("ix_outbox_messages_status_next", "status", "next_try_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_key: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"), index=True)
    phone: Mapped[str] = mapped_column(String(30))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="queued")
    attempts: Mapped[int] = mapped_column(default=0)
    attempt_id: Mapped[str] = mapped_column(String(40), default="")
    next_try_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    provider_ref: Mapped[str] = mapped_column(String(80), default="")
    last_error: Mapped[str] = mapped_column(String(300), default="")
