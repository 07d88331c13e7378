"""Carry-in repairs: item receipts (客户商品领取收据), the goods in/out register
(客户商品进出登记簿), repair cards (修护卡) with work and parts, inspections (验讫), returns."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, Versioned
from app.models.branch import BranchOwned


class ReceiptStatus(StrEnum):
    """The customer item receipt (客户商品领取收据)."""

    HELD = "held"  # the customer holds it: the item is in the store
    TAKEN_BACK = "taken_back"  # taken back at the return and voided (作废)
    LOST = "lost"  # returned without it, identity checked; voided


class CardStatus(StrEnum):
    """The repair card (修护卡) hanging on the item."""

    IN_REPAIR = "in_repair"
    FAILED = "failed"  # failed inspection: back to repair
    PASSED = "passed"  # inspected (验讫): ready to return
    RETURNED = "returned"

    @property
    def is_open(self) -> bool:
        """Work can still be recorded on it (the one statement of which cards are open)."""
        return self in (CardStatus.IN_REPAIR, CardStatus.FAILED)


OPEN_CARD_STATUSES = tuple(s.value for s in CardStatus if s.is_open)


class ItemReceipt(BranchOwned, Versioned, Timestamped, Base):
    """The numbered receipt the customer holds while the item is in the store."""

    __tablename__ = "item_receipts"
    __audited__ = True
    __table_args__ = (Index("ix_item_receipts_status_promised", "status", "promised_date"),
                      Index("ix_item_receipts_taken_in", "taken_in_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id"), index=True)
    # The service voucher (Job) of the on-site visit that took the item in, if any.
    voucher_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    taken_in_at: Mapped[datetime]
    accessories: Mapped[str] = mapped_column(Text, default="")  # JSON list of names
    accessories_note: Mapped[str] = mapped_column(String(200), default="")
    condition: Mapped[str] = mapped_column(String(300), default="")
    fault: Mapped[str] = mapped_column(String(500))
    promised_date: Mapped[date]
    technician_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # who took it in
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # who entered it
    status: Mapped[str] = mapped_column(String(12), default=ReceiptStatus.HELD.value)
    voided_at: Mapped[datetime | None]
    print_count: Mapped[int] = mapped_column(default=0)
    waiting_for_parts: Mapped[bool] = mapped_column(default=False)


class PromiseChange(Base):
    """The promised date moved (waiting for parts, §十四), with the reason for the customer."""

    __tablename__ = "promise_changes"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("item_receipts.id"), index=True)
    old_date: Mapped[date]
    new_date: Mapped[date]
    waiting_for_parts: Mapped[bool]
    reason: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime]
    by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class Escalation(Base):
    """The technician asks the supervisor for help with a late repair (§十四)."""

    __tablename__ = "repair_escalations"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("item_receipts.id"), index=True)
    asked_at: Mapped[datetime]
    asked_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(String(300))
    answered_at: Mapped[datetime | None]
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answer: Mapped[str] = mapped_column(String(300), default="")


class RegisterEntry(BranchOwned, Versioned, Timestamped, Base):
    """One line of the goods in/out book, as written on paper (text snapshots)."""

    __tablename__ = "register_entries"
    __audited__ = True
    __table_args__ = (
        Index("ix_register_entries_in", "date_in", "id"),
        Index("ix_register_entries_out", "date_out"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("item_receipts.id"), unique=True)
    date_in: Mapped[datetime]
    receipt_number: Mapped[str] = mapped_column(String(20))
    customer_name: Mapped[str] = mapped_column(String(60))
    item_label: Mapped[str] = mapped_column(String(200))
    accessories_text: Mapped[str] = mapped_column(String(400), default="")
    taken_in_by: Mapped[str] = mapped_column(String(40))
    promised_date: Mapped[date]
    date_out: Mapped[datetime | None]
    returned_to: Mapped[str] = mapped_column(String(60), default="")
    returned_by: Mapped[str] = mapped_column(String(40), default="")
    remark: Mapped[str] = mapped_column(String(200), default="")


class RepairCard(BranchOwned, Versioned, Timestamped, Base):
    """The card hanging on the item: work done, parts, inspection state."""

    __tablename__ = "repair_cards"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("item_receipts.id"), unique=True)
    technician_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default=CardStatus.IN_REPAIR.value)
    total_minutes: Mapped[int] = mapped_column(default=0)
    parts_cents: Mapped[int] = mapped_column(default=0)
    print_count: Mapped[int] = mapped_column(default=0)


class RepairWork(Base):
    """One work entry on a card: time spent, optionally start/stop, and a note."""

    __tablename__ = "repair_work"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("repair_cards.id"), index=True)
    technician_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[datetime | None]
    stopped_at: Mapped[datetime | None]
    minutes: Mapped[int]
    note: Mapped[str] = mapped_column(String(300), default="")
    recorded_at: Mapped[datetime]


class RepairPartUse(Base):
    """A part replaced (配换零件) during a work entry; its stock movement is linked."""

    __tablename__ = "repair_part_uses"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("repair_cards.id"), index=True)
    work_id: Mapped[int] = mapped_column(ForeignKey("repair_work.id"))
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    quantity: Mapped[int]
    unit_price_cents: Mapped[int]
    movement_id: Mapped[int] = mapped_column(ForeignKey("stock_movements.id"))


class Inspection(Base):
    """The supervisor's inspection (验讫): passed, or failed back to repair with a note."""

    __tablename__ = "repair_inspections"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("repair_cards.id"), index=True)
    inspector_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime]
    passed: Mapped[bool]
    note: Mapped[str] = mapped_column(String(300), default="")


class ItemReturn(Base):
    """The check-out: who collected, signature, and the identity check for a lost receipt."""

    __tablename__ = "item_returns"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("item_receipts.id"), unique=True)
    returned_at: Mapped[datetime]
    returned_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    collected_by: Mapped[str] = mapped_column(String(60))
    customer_signed: Mapped[bool]
    receipt_lost: Mapped[bool] = mapped_column(default=False)
    id_type: Mapped[str] = mapped_column(String(20), default="")
    id_last_digits: Mapped[str] = mapped_column(String(6), default="")
    phone_matched: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(String(300), default="")
    # What was decided about the bill at the counter (§十三): paid | free | receivable
    settlement: Mapped[str] = mapped_column(String(12), default="")
    settlement_reason: Mapped[str] = mapped_column(String(200), default="")
