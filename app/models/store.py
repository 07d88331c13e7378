"""Store reference data: profile settings, business hours, zones, product catalogue.

Each branch (issue 17) has its own profile, letterhead, hours, calendar exceptions, zones and
prices. The company's values are the defaults (``settings``, ``business_hours``,
``store_days``, ``product_models.price_cents``); a branch's own value is a row of the
``branch_*`` tables, and a branch reads its own where it has one, else the company's. A
single store keeps its values where they always were (its branch has no rows of its own
until someone of the branch saves one). Zones belong to one branch each.
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, Versioned
from app.models.branch import BranchOwned

# settings of the database itself, not of a branch (the demo store's mark, the set-up's
# progress): never a branch's own copy
COMPANY_WIDE_SETTINGS = frozenset({"store.demo", "setup.progress"})


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


class BranchSetting(BranchOwned, Versioned, Base):
    """A branch's own value of a setting (its letterhead, terms, prices …)."""

    __tablename__ = "branch_settings"
    __audited__ = True
    __table_args__ = (UniqueConstraint("branch_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text)


class BranchHours(BranchOwned, Versioned, Base):
    """A branch's own working hours on one weekday (else the company's)."""

    __tablename__ = "branch_hours"
    __audited__ = True
    __table_args__ = (UniqueConstraint("branch_id", "weekday"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    weekday: Mapped[int]
    is_open: Mapped[bool] = mapped_column(default=True)
    opens_at: Mapped[time] = mapped_column(default=time(9, 0))
    closes_at: Mapped[time] = mapped_column(default=time(18, 0))


class BranchDay(BranchOwned, Versioned, Base):
    """A branch's own calendar exception on one day (else the company's ``StoreDay``)."""

    __tablename__ = "branch_days"
    __audited__ = True
    __table_args__ = (UniqueConstraint("branch_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date]
    is_open: Mapped[bool]
    opens_at: Mapped[time | None]  # None: the usual hours
    closes_at: Mapped[time | None]
    note: Mapped[str] = mapped_column(String(100), default="")


class Zone(BranchOwned, Versioned, Timestamped, Base):
    """A service zone of one branch: city or suburb, with its dispatch deadline in business
    hours."""

    __tablename__ = "zones"
    __audited__ = True
    __table_args__ = (UniqueConstraint("branch_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
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


class BranchPrice(BranchOwned, Versioned, Base):
    """A branch's own list price of a catalogue model (else the catalogue's)."""

    __tablename__ = "branch_prices"
    __audited__ = True
    __table_args__ = (UniqueConstraint("branch_id", "product_model_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_model_id: Mapped[int] = mapped_column(ForeignKey("product_models.id"), index=True)
    price_cents: Mapped[int] = mapped_column(default=0)
