"""The customer file (客户资料袋): customers, their phones and the items they own."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Timestamped, Versioned
from app.models.branch import BranchOwned


class Customer(BranchOwned, Versioned, Timestamped, Base):
    __tablename__ = "customers"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="person")
    address: Mapped[str] = mapped_column(String(200), default="")
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("zones.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    phones: Mapped[list[CustomerPhone]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="CustomerPhone.id"
    )
    items: Mapped[list[Item]] = relationship(
        back_populates="customer", order_by="Item.id"
    )


class CustomerPhone(BranchOwned, Versioned, Base):
    """One phone of a customer; ``digits`` holds only the digits, for search."""

    __tablename__ = "customer_phones"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    phone: Mapped[str] = mapped_column(String(30))
    digits: Mapped[str] = mapped_column(String(30), index=True)

    customer: Mapped[Customer] = relationship(back_populates="phones")


class Item(BranchOwned, Versioned, Timestamped, Base):
    """A product a customer owns: model, serial, purchase date and invoice."""

    __tablename__ = "items"
    __audited__ = True
    __table_args__ = (Index("ix_items_serial", "serial"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    product_model_id: Mapped[int] = mapped_column(ForeignKey("product_models.id"), index=True)
    serial: Mapped[str] = mapped_column(String(60), default="")
    purchase_date: Mapped[date | None]
    invoice_no: Mapped[str] = mapped_column(String(40), default="")
    # A replaced key part restarts the warranty from this date (seed 001).
    warranty_restart: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")

    customer: Mapped[Customer] = relationship(back_populates="items")
