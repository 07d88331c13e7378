"""Store reference data: profile settings, business hours, zones, product catalogue."""

from __future__ import annotations

from datetime import time

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, Versioned


class Setting(Versioned, Base):
    """One store setting as JSON text (store profile, receipt terms, rates …)."""

    __tablename__ = "settings"
    __audited__ = True

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class BusinessHours(Versioned, Base):
    """Working hours for one weekday (0 = Monday)."""

    __tablename__ = "business_hours"
    __audited__ = True

    weekday: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    is_open: Mapped[bool] = mapped_column(default=True)
    opens_at: Mapped[time] = mapped_column(default=time(9, 0))
    closes_at: Mapped[time] = mapped_column(default=time(18, 0))


class Zone(Versioned, Timestamped, Base):
    """A service zone: city or suburb, with its dispatch deadline in business hours."""

    __tablename__ = "zones"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    dispatch_hours: Mapped[int]  # business hours, from ZoneKind.dispatch_hours unless set
    active: Mapped[bool] = mapped_column(default=True)


class ProductModel(Versioned, Timestamped, Base):
    """A model in the product catalogue, with its warranty months and list price."""

    __tablename__ = "product_models"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    category: Mapped[str] = mapped_column(String(40), default="")
    brand: Mapped[str] = mapped_column(String(40), default="")
    warranty_months: Mapped[int] = mapped_column(default=12)
    price_cents: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
