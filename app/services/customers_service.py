"""The customer file (客户资料袋): create, edit, find by phone, name or serial."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.db.locking import lock_name
from app.errors import NotFound, UserError, ValidationError
from app.i18n import N_
from app.models.calls import Call
from app.models.customers import Customer, CustomerPhone, Item
from app.models.enums import CustomerKind
from app.models.store import ProductModel, Zone
from app.services.call_book_service import search_text_for
from app.services.context import ServiceContext
from app.services.dto import CallSummary, CustomerDTO, CustomerSummary, ItemDTO, PhoneDTO
from app.services.permissions import Perm, allowed, require
from app.services.validation import (
    check_version,
    clean_text,
    mask_phone,
    normalise_phone,
    not_in_future,
    phone_digits,
    searchable,
)
from app.services.warranty import warranty_status


@dataclass(frozen=True)
class CustomerInput:
    name: str
    phones: tuple[str, ...]
    address: str = ""
    zone_id: int | None = None
    kind: CustomerKind = CustomerKind.PERSON
    notes: str = ""


@dataclass(frozen=True)
class ModelChoice:
    """A product model for pick lists (catalogue)."""

    id: int
    code: str
    name: str
    warranty_months: int

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


@dataclass(frozen=True)
class ZoneChoice:
    id: int
    name: str
    kind: str


def propose_zone(zones: list[ZoneChoice], address: str) -> ZoneChoice | None:
    """The zone an address names (余杭区… → 余杭区): the longest zone name found in it, the
    earliest in the address on a tie; None if the address names none (pure)."""
    found = [(len(z.name), -address.find(z.name), z) for z in zones
             if z.name and z.name in address]
    return max(found, key=lambda f: (f[0], f[1]))[2] if found else None


@dataclass(frozen=True)
class ItemInput:
    product_model_id: int
    serial: str = ""
    purchase_date: date | None = None
    invoice_no: str = ""


class DuplicatePhone(UserError):
    """The phone belongs to an existing customer file; the UI offers to open it."""

    def __init__(self, phone: str, customer_ids: tuple[int, ...], names: str) -> None:
        super().__init__(N_("The phone {phone} is already on file for {names}."),
                         field="phones", phone=phone, names=names)
        self.customer_ids = customer_ids


def _checked_customer(data: CustomerInput) -> tuple[CustomerInput, list[tuple[str, str]]]:
    name = clean_text(data.name, field="name", max_len=60, required=True)
    address = clean_text(data.address, field="address", max_len=200)
    notes = clean_text(data.notes, field="notes", max_len=2000, multiline=True)
    phones = [normalise_phone(p, field="phones") for p in data.phones if p.strip()]
    if not phones:
        raise ValidationError(N_("Enter at least one phone number."), field="phones")
    cleaned = CustomerInput(name, data.phones, address, data.zone_id, CustomerKind(data.kind),
                            notes)
    return cleaned, phones


def _refuse_duplicates(session: Session, phones: list[tuple[str, str]],
                       own_id: int | None = None) -> None:
    lock_name(session, *(f"phone:{digits}" for _, digits in phones))  # until this one commits
    for display, digits in phones:
        query = select(Customer.id, Customer.name).join(CustomerPhone).where(
            CustomerPhone.digits == digits)
        if own_id is not None:
            query = query.where(Customer.id != own_id)
        found = session.execute(query).all()
        if found:
            raise DuplicatePhone(display, tuple(r.id for r in found),
                                 "、".join(r.name for r in found))


def insert_customer(session: Session, data: CustomerInput, *,
                    allow_duplicate_phone: bool = False) -> Customer:
    """Create a customer inside an open unit of work (used by register_call too)."""
    data, phones = _checked_customer(data)
    if data.zone_id is not None and session.get(Zone, data.zone_id) is None:
        raise ValidationError(N_("No such zone."), field="zone_id")
    if not allow_duplicate_phone:
        _refuse_duplicates(session, phones)
    customer = Customer(name=data.name, kind=data.kind.value, address=data.address,
                        zone_id=data.zone_id, notes=data.notes)
    customer.phones = [CustomerPhone(phone=d, digits=g) for d, g in phones]
    session.add(customer)
    session.flush()
    return customer


def insert_item(session: Session, customer_id: int, data: ItemInput, today: date) -> Item:
    if session.get(ProductModel, data.product_model_id) is None:
        raise ValidationError(N_("Choose a product model."), field="product_model_id")
    not_in_future(data.purchase_date, today, field="purchase_date")
    item = Item(customer_id=customer_id, product_model_id=data.product_model_id,
                serial=clean_text(data.serial, field="serial", max_len=60),
                purchase_date=data.purchase_date,
                invoice_no=clean_text(data.invoice_no, field="invoice_no", max_len=40))
    session.add(item)
    session.flush()
    return item


def create_customer(ctx: ServiceContext, data: CustomerInput, *,
                    allow_duplicate_phone: bool = False) -> CustomerDTO:
    require(ctx.actor, Perm.CUSTOMER_EDIT)
    with ctx.write() as session:
        customer = insert_customer(session, data, allow_duplicate_phone=allow_duplicate_phone)
        return customer_dto(session, customer, ctx.today())


def update_customer(ctx: ServiceContext, customer_id: int, data: CustomerInput, *,
                    expected_version: int, reason: str = "") -> CustomerDTO:
    require(ctx.actor, Perm.CUSTOMER_EDIT)
    data, phones = _checked_customer(data)
    with ctx.write(reason=reason) as session:
        customer = _get(session, customer_id)
        check_version(session, customer, expected_version)
        _refuse_duplicates(session, phones, own_id=customer_id)
        customer.name, customer.address, customer.zone_id = data.name, data.address, data.zone_id
        customer.kind, customer.notes = data.kind.value, data.notes
        _replace_phones(customer, phones)
        # A phone-only change must bump the file's version too: forms opened before it are stale.
        customer.updated_at = ctx.now()
        session.flush()
        _refresh_call_search(session, customer_id)
        return customer_dto(session, customer, ctx.today())


def _replace_phones(customer: Customer, phones: list[tuple[str, str]]) -> None:
    keep = {p.digits: p for p in customer.phones}
    customer.phones = [keep.get(g) or CustomerPhone(phone=d, digits=g) for d, g in phones]


def _refresh_call_search(session: Session, customer_id: int) -> None:
    for call in session.scalars(select(Call).where(Call.customer_id == customer_id)):
        call.search_text = search_text_for(session, call.customer_id, call.item_id, call.fault)


def add_item(ctx: ServiceContext, customer_id: int, data: ItemInput) -> ItemDTO:
    require(ctx.actor, Perm.CUSTOMER_EDIT)
    with ctx.write() as session:
        _get(session, customer_id)
        return item_dto(session, insert_item(session, customer_id, data, ctx.today()),
                        ctx.today())


def update_item(ctx: ServiceContext, item_id: int, data: ItemInput, *,
                expected_version: int, reason: str = "") -> ItemDTO:
    require(ctx.actor, Perm.CUSTOMER_EDIT)
    with ctx.write(reason=reason) as session:
        item = session.get(Item, item_id)
        if item is None:
            raise NotFound(N_("No such item."))
        check_version(session, item, expected_version)
        if session.get(ProductModel, data.product_model_id) is None:
            raise ValidationError(N_("Choose a product model."), field="product_model_id")
        not_in_future(data.purchase_date, ctx.today(), field="purchase_date")
        item.product_model_id, item.purchase_date = data.product_model_id, data.purchase_date
        item.serial = clean_text(data.serial, field="serial", max_len=60)
        item.invoice_no = clean_text(data.invoice_no, field="invoice_no", max_len=40)
        session.flush()
        return item_dto(session, item, ctx.today())


def _get(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(N_("No such customer."))
    return customer


def item_dto(session: Session, item: Item, today: date) -> ItemDTO:
    model = session.get(ProductModel, item.product_model_id)
    assert model is not None
    status = warranty_status(item.purchase_date, model.warranty_months, today,
                             restarted=item.warranty_restart)
    return ItemDTO(item.id, item.customer_id, model.id, model.code, model.name, item.serial,
                   item.purchase_date, item.invoice_no, status, item.version)


def customer_dto(session: Session, customer: Customer, today: date,
                 *, with_calls: bool = False) -> CustomerDTO:
    zone = session.get(Zone, customer.zone_id) if customer.zone_id else None
    calls: tuple[CallSummary, ...] = ()
    if with_calls:
        rows = session.scalars(select(Call).where(Call.customer_id == customer.id)
                               .order_by(Call.received_at.desc()).limit(200))
        calls = tuple(CallSummary(c.id, c.number, c.received_at, c.fault, c.category, c.status)
                      for c in rows)
    return CustomerDTO(
        customer.id, customer.name, customer.kind, customer.address, customer.zone_id,
        zone.name if zone else "", customer.notes, customer.version,
        tuple(PhoneDTO(p.id, p.phone) for p in customer.phones),
        tuple(item_dto(session, i, today) for i in customer.items), calls)


def sees_full_phones(ctx: ServiceContext) -> bool:
    """Who works with the numbers sees them whole; others get 138****5678 (PIPL)."""
    return allowed(ctx.actor, Perm.CUSTOMER_FULL_PHONE) or allowed(ctx.actor, Perm.CALL_REGISTER)


def get_customer(ctx: ServiceContext, customer_id: int) -> CustomerDTO:
    """The whole file: phones, items with warranty status, the latest calls."""
    with ctx.read() as session:
        file = customer_dto(session, _get(session, customer_id), ctx.today(), with_calls=True)
    if sees_full_phones(ctx):
        return file
    return replace(file, phones=tuple(PhoneDTO(p.id, mask_phone(p.phone)) for p in file.phones))


def find_customers(ctx: ServiceContext, query: str, *, limit: int = 30) -> list[CustomerSummary]:
    """Any part of a phone (digits), any part of a name, or a serial number."""
    text = searchable(query)
    if not text:
        return []
    digits = phone_digits(text)  # full-width digits typed by an IME count as digits
    typed = unicodedata.normalize("NFKC", text)
    ids: list[int] = []
    with ctx.read() as session:
        if len(digits) >= 3 and len(digits) == len(typed.replace("-", "").replace(" ", "")):
            ids += session.scalars(select(CustomerPhone.customer_id).where(
                CustomerPhone.digits.contains(digits, autoescape=True)).limit(limit))
        ids += session.scalars(select(Customer.id).where(
            Customer.name.contains(text, autoescape=True)).limit(limit))
        ids += session.scalars(select(Item.customer_id).where(Item.serial == text).limit(limit))
        unique = list(dict.fromkeys(ids))[:limit]
        customers = session.scalars(select(Customer).where(Customer.id.in_(unique))
                                    .options(selectinload(Customer.phones)))
        zones = {z.id: z.name for z in session.scalars(select(Zone))}
        by_id = {c.id: c for c in customers}
        show = (lambda p: p) if sees_full_phones(ctx) else mask_phone
        return [CustomerSummary(c.id, c.name, tuple(show(p.phone) for p in c.phones),
                                c.address, zones.get(c.zone_id or 0, ""))
                for c in (by_id[i] for i in unique if i in by_id)]


def list_product_models(ctx: ServiceContext) -> list[ModelChoice]:
    """The active catalogue, by code, for choosing a new item's model."""
    with ctx.read() as session:
        rows = session.scalars(select(ProductModel).where(ProductModel.active.is_(True))
                               .order_by(ProductModel.code))
        return [ModelChoice(m.id, m.code, m.name, m.warranty_months) for m in rows]


def list_zones(ctx: ServiceContext) -> list[ZoneChoice]:
    """Active service zones (市区/郊区 …) for pick lists and filters."""
    with ctx.read() as session:
        rows = session.scalars(select(Zone).where(Zone.active.is_(True)).order_by(Zone.id))
        return [ZoneChoice(z.id, z.name, z.kind) for z in rows]


def exact_phone_match(query: str, found: list[CustomerSummary]) -> CustomerSummary | None:
    """The one customer whose phone is exactly the typed number, if there is exactly one."""
    digits = phone_digits(query)
    if len(digits) < 7 or len(found) != 1:
        return None
    return found[0] if any(phone_digits(p) == digits for p in found[0].phones) else None
