"""Spare parts (配件): the catalogue and the stock ledger (received, counted, used).

``Part.stock_on_hand`` is a kept balance, and every change to it is one ``StockMovement``
row written by the same function in the same transaction, with the balance after the move.
The column makes the catalogue, the low-stock list and the negative-stock check one indexed
read; the ledger keeps the why and who, and ``sum(quantity)`` over it must equal the balance
(parts_service.verify_stock checks that).

Stock has places: the store's shelf (库房) and each technician's van (车上). ``VanStock`` keeps
one van's balance of one part; ``stock_on_hand`` stays the part's total over every place, so
the store's quantity is the total less the vans. Each ledger line names its place
(``van_id``: the technician whose van, NULL for the store); a transfer is two lines of kind
"transfer" (out of one place, into the other) that sum to nothing, so a transfer never
changes the total and is never a use.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, ForeignKey, Index, String, UniqueConstraint, literal_column
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, Versioned
from app.models.branch import BranchOwned


class Part(Versioned, Timestamped, Base):
    __tablename__ = "parts"
    __audited__ = True
    __table_args__ = (Index("ix_parts_low", "active", "stock_on_hand", "reorder_level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # part number 零件编号
    name: Mapped[str] = mapped_column(String(80), index=True)
    unit: Mapped[str] = mapped_column(String(10), default="个")
    unit_price_cents: Mapped[int] = mapped_column(default=0)
    stock_on_hand: Mapped[int] = mapped_column(default=0)
    reorder_level: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class StockMovement(BranchOwned, Base):
    """One line of the stock ledger; append-only (never updated, never deleted)."""

    __tablename__ = "stock_movements"
    __audited__ = True
    __table_args__ = (
        Index("ix_stock_movements_part_at", "part_id", "at"),
        # parts used in a time range (the month's materials, parts by model) without reading
        # the whole ledger; queries say ``movement_is_use()``
        Index("ix_stock_movements_used_at", "at",
              sqlite_where=literal_column("kind = 'used'"),
              postgresql_where=literal_column("kind = 'used'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(10))  # received | count | used | transfer
    quantity: Mapped[int]  # signed change of stock_on_hand (of the place's stock)
    balance_after: Mapped[int]  # the part's total after the move
    van_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)  # None: store
    unit_price_cents: Mapped[int] = mapped_column(default=0, server_default="0")  # at the move
    reason: Mapped[str] = mapped_column(String(200), default="")
    repair_card_id: Mapped[int | None] = mapped_column(ForeignKey("repair_cards.id"),
                                                       index=True)
    voucher_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    overridden: Mapped[bool] = mapped_column(default=False)  # went below zero by override
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class BranchStock(BranchOwned, Base):
    """What one branch holds of one part over its places (its shelf and its vans): a kept
    balance, changed with each ledger line of the branch (``sum(quantity)`` of the branch's
    lines equals it). ``Part.stock_on_hand`` stays the company's total."""

    __tablename__ = "branch_stock"
    __audited__ = True
    __table_args__ = (UniqueConstraint("branch_id", "part_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"), index=True)
    quantity: Mapped[int] = mapped_column(default=0)


class VanStock(BranchOwned, Base):
    """What one technician's van carries of one part: a kept balance, changed only with a
    ledger line naming the van (``sum(quantity)`` of those lines equals it)."""

    __tablename__ = "van_stock"
    __audited__ = True
    __table_args__ = (UniqueConstraint("part_id", "technician_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    technician_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    quantity: Mapped[int] = mapped_column(default=0)


def movement_is_use() -> ColumnElement[bool]:
    """``kind = 'used'`` with the word written into the SQL, not a bound parameter, so the
    partial index ix_stock_movements_used_at serves a range of time (a parameter cannot be
    proved to be 'used', by SQLite or by a PostgreSQL generic plan)."""
    return StockMovement.kind == literal_column("'used'")
