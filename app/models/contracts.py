"""Maintenance contracts (商品保养合同书) and the items each one covers."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, Versioned
from app.models.branch import BranchOwned


class ContractStatus(StrEnum):
    """A maintenance contract's term: active → renewed (a successor exists) | lapsed (not
    renewed, reason kept) | cancelled."""

    ACTIVE = "active"
    RENEWED = "renewed"
    LAPSED = "lapsed"
    CANCELLED = "cancelled"

    @property
    def covers(self) -> bool:
        """A lapse stops renewal, not the paid term; a cancelled contract covers nothing."""
        return self is not ContractStatus.CANCELLED


class MaintenanceContract(BranchOwned, Versioned, Timestamped, Base):
    """One contract term; a renewal is a new row pointing back at the one it follows."""

    __tablename__ = "maintenance_contracts"
    __audited__ = True
    __table_args__ = (
        Index("ix_contracts_status_end", "status", "end_date"),
        Index("ix_contracts_customer", "customer_id", "end_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    start_date: Mapped[date]
    end_date: Mapped[date]
    fee_cents: Mapped[int] = mapped_column(default=0)
    covers_labour: Mapped[bool] = mapped_column(default=True)
    covers_parts: Mapped[bool] = mapped_column(default=False)
    visits_per_year: Mapped[int] = mapped_column(default=0)
    terms: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default=ContractStatus.ACTIVE.value)
    lapse_reason: Mapped[str] = mapped_column(String(200), default="")
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("maintenance_contracts.id"), index=True)
    notice_sent_at: Mapped[datetime | None]
    # §二十: with the notice someone is sent to renew — who, the visit and what came of it
    renewal_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    renewal_assigned_on: Mapped[date | None]
    renewal_visit_on: Mapped[date | None]
    renewal_outcome: Mapped[str] = mapped_column(String(12), default="")  # RENEWAL_OUTCOMES
    renewal_notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ContractItem(Base):
    """An item covered by a contract (fixed when the contract is made)."""

    __tablename__ = "contract_items"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("maintenance_contracts.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)


class ContractVisit(BranchOwned, Base):
    """A maintenance visit a contract promises (visits_per_year), scheduled as a B-category
    call on its due day and dispatched like any other."""

    __tablename__ = "contract_visits"
    __audited__ = True
    __table_args__ = (UniqueConstraint("contract_id", "due_on",
                                       name="uq_contract_visits_contract_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("maintenance_contracts.id"))
    due_on: Mapped[date]
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id"), index=True)
