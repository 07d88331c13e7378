"""Small helpers shared by the contract, survey, complaint and follow-up services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.customers import Customer, CustomerPhone, Item
from app.models.staff import User
from app.models.store import ProductModel
from app.services.dto import item_label
from app.services.money import from_cents, to_cents
from app.services.settings_kv import load_setting
from app.services.warranty import add_months

# Settings this feature reads (key → default); a store changes them in its settings.
COMPLAINT_DEADLINE_KEY = "complaint.deadline_days"
COMPLAINT_DEADLINE_DEFAULT = {"domestic": 13, "abroad": 17}
FOLLOWUP_DAYS_KEY = "followup.after_days"
FOLLOWUP_DAYS_DEFAULT = 7


def setting_value(session: Session, key: str, default: Any) -> Any:
    """The session's branch's value (its own, else the company's; see settings_kv)."""
    try:
        value, _ = load_setting(session, key)
    except ValueError:
        return default
    return default if value is None else value




def month_bounds(year: int, month: int) -> tuple[date, date]:
    """First day of the month and first day of the next."""
    first = date(year, month, 1)
    return first, add_months(first, 1)


def item_labels(session: Session, item_ids: set[int]) -> dict[int, str]:
    if not item_ids:
        return {}
    rows = session.execute(
        select(Item.id, ProductModel.code, ProductModel.name, Item.serial)
        .join(ProductModel, ProductModel.id == Item.product_model_id)
        .where(Item.id.in_(item_ids)))
    return {r.id: item_label(r.code, r.name, r.serial) for r in rows}


def customer_names(session: Session, customer_ids: set[int]) -> dict[int, str]:
    if not customer_ids:
        return {}
    rows = session.execute(select(Customer.id, Customer.name)
                           .where(Customer.id.in_(customer_ids)))
    return {row[0]: row[1] for row in rows}


def first_phone(session: Session, customer_id: int) -> str:
    phone = session.scalar(select(CustomerPhone.phone)
                           .where(CustomerPhone.customer_id == customer_id)
                           .order_by(CustomerPhone.id).limit(1))
    return phone or ""


def user_names(session: Session, user_ids: set[int]) -> dict[int, str]:
    ids = {i for i in user_ids if i is not None}
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(ids)))
    return {row[0]: row[1] for row in rows}


def cents_to_decimal(cents: int) -> Decimal:
    return from_cents(cents)


def decimal_to_cents(value: Decimal) -> int:
    """A fee typed in yuan: exact cents or a ValidationError at the fee field (never rounded)."""
    return to_cents(value, field="fee")
