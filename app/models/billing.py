"""Money: a call's bill (收费单) and its lines, payments (收据), invoices (发票), exchanges."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, literal_column
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, Versioned
from app.models.branch import BranchOwned


class Bill(BranchOwned, Versioned, Timestamped, Base):
    """The bill of one call: what the work cost and what the customer pays."""

    __tablename__ = "bills"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id"), unique=True)
    category: Mapped[str] = mapped_column(String(1))
    gross_cents: Mapped[int] = mapped_column(default=0)  # every line at full price
    covered_cents: Mapped[int] = mapped_column(default=0)  # borne by warranty or contract
    discount_cents: Mapped[int] = mapped_column(default=0)
    discount_reason: Mapped[str] = mapped_column(String(200), default="")
    total_cents: Mapped[int] = mapped_column(default=0)  # what the customer owes
    billed_at: Mapped[datetime]
    billed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | paid | void
    void_reason: Mapped[str] = mapped_column(String(200), default="")


class BillLine(Base):
    __tablename__ = "bill_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bills.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # labour | parts | transport | other
    description: Mapped[str] = mapped_column(String(120))
    quantity_milli: Mapped[int]  # thousandths: 1.5 h = 1500
    unit_cents: Mapped[int]
    amount_cents: Mapped[int]
    covered: Mapped[bool] = mapped_column(default=False)
    # typed by the clerk; the other lines are made from the call's facts and are made
    # again when a visit or a repair-card entry adds to them (billing_service.follow_facts)
    manual: Mapped[bool] = mapped_column(default=False)


class Payment(BranchOwned, Versioned, Timestamped, Base):
    """Money received against a bill: on site by a technician, or at the counter."""

    __tablename__ = "payments"
    __audited__ = True
    __table_args__ = (
        Index("ix_payments_collected", "collected_at"),
        # Cash still held by a technician (the Today page's line, the hand-over list): a few
        # rows, however many payments the store has taken.
        Index("ix_payments_cash_held", "held_by_id",
              sqlite_where=literal_column("held_by_id IS NOT NULL AND handed_over_at IS NULL"),
              postgresql_where=literal_column(
                  "held_by_id IS NOT NULL AND handed_over_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bills.id"), index=True)
    amount_cents: Mapped[int]
    method: Mapped[str] = mapped_column(String(12))  # cash | wechat | alipay | card | transfer
    place: Mapped[str] = mapped_column(String(10))  # on_site | counter
    collected_at: Mapped[datetime]
    collected_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    handed_over_at: Mapped[datetime | None]
    handover_confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    voided: Mapped[bool] = mapped_column(default=False)
    void_reason: Mapped[str] = mapped_column(String(200), default="")
    print_count: Mapped[int] = mapped_column(default=0)
    # The technician who took the money on site (the daily report's 收费合计), whoever
    # typed it in (``collected_by``). Cash stays with them (``held_by``) until the
    # accountant confirms the hand-over (§十); WeChat, Alipay or card money is the store's
    # at once and has no holder.
    taken_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    held_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    handover_id: Mapped[int | None] = mapped_column(ForeignKey("cash_handovers.id"))


class CashHandover(BranchOwned, Base):
    """One hand-over of money taken on site: what was recorded, what was counted, and the
    reason for any difference (会计员 confirms)."""

    __tablename__ = "cash_handovers"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    confirmed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime]
    recorded_cents: Mapped[int]
    counted_cents: Mapped[int]
    reason: Mapped[str] = mapped_column(String(200), default="")


class Invoice(BranchOwned, Versioned, Timestamped, Base):
    """An invoice (发票) the accountant issued against one bill (voucher)."""

    __tablename__ = "invoices"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_no: Mapped[str] = mapped_column(String(40), unique=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bills.id"), index=True)
    issued_on: Mapped[date]
    amount_cents: Mapped[int]
    to_mail: Mapped[bool] = mapped_column(default=False)
    mailed_on: Mapped[date | None]
    voided: Mapped[bool] = mapped_column(default=False)
    void_reason: Mapped[str] = mapped_column(String(200), default="")


class Exchange(BranchOwned, Versioned, Timestamped, Base):
    """An exchange or refund inside the warranty, charged by the depreciation table."""

    __tablename__ = "exchanges"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"))
    kind: Mapped[str] = mapped_column(String(10))  # exchange | refund
    sale_price_cents: Mapped[int]
    days_since_sale: Mapped[int]
    percent_milli: Mapped[int]  # depreciation percent × 1000
    charge_cents: Mapped[int]
    explanation: Mapped[str] = mapped_column(String(300))
    decided_at: Mapped[datetime]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
