"""Reference data and settings (基础资料): store profile, terms, hours, zones, catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db.locking import lock_name
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.i18n import N_
from app.models.branch import FIRST_BRANCH_ID, Branch
from app.models.enums import StoreKind, ZoneKind
from app.models.store import BranchHours, BranchPrice, BusinessHours, ProductModel, Zone
from app.services.context import ServiceContext
from app.services.dto import StoreHeader
from app.services.money import from_cents, to_cents
from app.services.permissions import Perm, require
from app.services.settings_kv import (
    SESSION,
    BranchArg,
    load_setting,
    may_edit,
    resolve_branch,
    save_setting,
)
from app.services.setup_service import DEFAULT_PROFILE
from app.services.validation import check_version, clean_text, normalise_phone, searchable

PROFILE_KEY = "store.profile"
TERMS_KEY = "store.terms"


# ---------------------------------------------------------------- DTOs and inputs


@dataclass(frozen=True)
class StoreProfile:
    """The store's letterhead: printed on every form's header."""

    name: str
    address: str
    phone: str
    kind: StoreKind
    timezone: str
    version: int = 0


@dataclass(frozen=True)
class ReceiptTerms:
    text: str
    version: int = 0


@dataclass(frozen=True)
class DayHours:
    """Business hours of one weekday (0 = Monday); ``version`` is the one the form opened."""

    weekday: int
    is_open: bool
    opens_at: time
    closes_at: time
    version: int = 0


@dataclass(frozen=True)
class ZoneInput:
    name: str
    kind: ZoneKind
    dispatch_hours: int | None = None  # None: the kind's (ZoneKind.dispatch_hours)
    active: bool = True


@dataclass(frozen=True)
class ZoneDTO:
    id: int
    name: str
    kind: ZoneKind
    dispatch_hours: int
    active: bool
    version: int


@dataclass(frozen=True)
class ProductModelInput:
    code: str
    name: str
    category: str = ""
    brand: str = ""
    warranty_months: int = 12
    price: Decimal = Decimal("0")
    active: bool = True


@dataclass(frozen=True)
class ProductModelDTO:
    id: int
    code: str
    name: str
    category: str
    brand: str
    warranty_months: int
    price: Decimal
    active: bool
    version: int


# ---------------------------------------------------------------- money


# ---------------------------------------------------------------- settings (profile, terms)


def _profile(data: Any, version: int) -> StoreProfile:
    merged = {**DEFAULT_PROFILE, **(data or {})}
    kind = merged["kind"] if merged["kind"] in set(StoreKind) else StoreKind.SERVICE_CENTRE
    return StoreProfile(str(merged["name"]), str(merged["address"]), str(merged["phone"]),
                        StoreKind(kind), str(merged["timezone"]), version)


def store_profile_in(session: Session, branch: BranchArg = SESSION) -> StoreProfile:
    """The store profile of a branch (by default the session's; its own, else the
    company's), defaults filled in, inside an open session."""
    return _profile(*load_setting(session, PROFILE_KEY, branch=branch))


def letterhead_in(session: Session, branch: BranchArg = SESSION) -> StoreHeader:
    """The letterhead of every printed form: the profile of the branch the record belongs to
    (``branch``; defaults filled in, the same checks as the profile's own form)."""
    profile = store_profile_in(session, branch)
    return StoreHeader(profile.name, profile.address, profile.phone, profile.timezone)


def letterhead(ctx: ServiceContext, branch: BranchArg = SESSION) -> StoreHeader:
    """The letterhead of every printed form (see ``letterhead_in``)."""
    with ctx.read() as session:
        return letterhead_in(session, branch)


def get_store_profile(ctx: ServiceContext, branch: BranchArg = SESSION) -> StoreProfile:
    """Name, address, phone, kind and time zone of the store (for headers of printed forms)."""
    with ctx.read() as session:
        return store_profile_in(session, branch)


def update_store_profile(ctx: ServiceContext, profile: StoreProfile, *,
                         expected_version: int, branch: BranchArg = SESSION) -> StoreProfile:
    """Save the profile of the user's branch (the service department: the company's, or
    with ``branch`` a branch's own)."""
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    clean = _checked_profile(profile)
    value = {"name": clean.name, "address": clean.address, "phone": clean.phone,
             "kind": clean.kind.value, "timezone": clean.timezone}
    with ctx.write(action="store_profile") as session:
        version = save_setting(session, PROFILE_KEY, value, expected_version, branch=branch)
        _name_first_branch(session, resolve_branch(session, branch), clean.name)
    return _profile(value, version)


def _name_first_branch(session: Session, branch: int | None, name: str) -> None:
    """A new store's first branch is made before its profile: the store's name (the
    company's, or the first branch's own) names it until someone renames it."""
    if branch not in (None, FIRST_BRANCH_ID):
        return
    first = session.get(Branch, FIRST_BRANCH_ID)
    if first is not None and not first.name:
        first.name = name
        session.flush()


def _checked_profile(profile: StoreProfile) -> StoreProfile:
    name = clean_text(profile.name, field="name", max_len=60, required=True)
    address = clean_text(profile.address, field="address", max_len=200)
    phone = clean_text(profile.phone, field="phone", max_len=40)
    if phone:
        phone = normalise_phone(phone, field="phone")[0]
    try:
        StoreKind(profile.kind)
    except ValueError:
        raise ValidationError(N_("Choose a value from the list."), field="kind") from None
    timezone = clean_text(profile.timezone, field="timezone", max_len=60, required=True)
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(N_("{value} is not a time zone."), field="timezone",
                              value=timezone) from None
    return StoreProfile(name, address, phone, StoreKind(profile.kind), timezone)


def get_receipt_terms(ctx: ServiceContext, branch: BranchArg = SESSION) -> ReceiptTerms:
    """The terms printed on the customer item receipt (客户商品领取收据)."""
    with ctx.read() as session:
        data, version = load_setting(session, TERMS_KEY, branch=branch)
    return ReceiptTerms(str(data or ""), version)


def update_receipt_terms(ctx: ServiceContext, text: str, *,
                         expected_version: int, branch: BranchArg = SESSION) -> ReceiptTerms:
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    text = clean_text(text, field="terms", max_len=4000, multiline=True)
    with ctx.write(action="receipt_terms") as session:
        version = save_setting(session, TERMS_KEY, text, expected_version, branch=branch)
    return ReceiptTerms(text, version)


# ---------------------------------------------------------------- business hours


def _day(row: BusinessHours | BranchHours, version: int | None = None) -> DayHours:
    return DayHours(row.weekday, row.is_open, row.opens_at, row.closes_at,
                    row.version if version is None else version)


def hours_in(session: Session, branch: int | None) -> list[DayHours]:
    """A branch's week, Monday first: its own hours of a weekday, else the company's (with
    version 0: a save makes the branch's own)."""
    days = {r.weekday: _day(r) for r in session.scalars(select(BusinessHours))}
    if branch is not None:
        days = {w: _day_inherited(d) for w, d in days.items()}
        days.update({r.weekday: _day(r) for r in session.scalars(
            select(BranchHours).where(BranchHours.branch_id == branch))})
    return [days[w] for w in sorted(days)]


def _day_inherited(day: DayHours) -> DayHours:
    return DayHours(day.weekday, day.is_open, day.opens_at, day.closes_at, 0)


def list_business_hours(ctx: ServiceContext, branch: BranchArg = SESSION) -> list[DayHours]:
    """Seven rows, Monday first: the user's branch's (see ``hours_in``)."""
    with ctx.read() as session:
        return hours_in(session, resolve_branch(session, branch))


def _check_day(day: DayHours) -> None:
    if not 0 <= day.weekday <= 6:
        raise ValidationError(N_("No such weekday."), field="weekday")
    if day.is_open and day.closes_at <= day.opens_at:
        raise ValidationError(N_("Closing time must be after opening time."),
                              field=f"closes_at_{day.weekday}")


def update_business_hours(ctx: ServiceContext, days: Sequence[DayHours],
                          branch: BranchArg = SESSION) -> list[DayHours]:
    """Save several weekdays at once (one transaction); each carries the version it opened.
    The user's branch's hours (the service department: the company's, or ``branch``'s)."""
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    for day in days:
        _check_day(day)
    with ctx.write(action="business_hours") as session:
        return write_business_hours(session, days, branch)


def _write_branch_hours(session: Session, days: Sequence[DayHours],
                        branch: int) -> list[DayHours]:
    lock_name(session, *(f"business_hours:{branch}:{day.weekday}" for day in days))
    company = {r.weekday: r for r in session.scalars(select(BusinessHours))}
    for day in days:
        row = session.scalar(select(BranchHours).where(BranchHours.branch_id == branch,
                                                       BranchHours.weekday == day.weekday))
        if row is None:
            if day.version != 0:
                raise ConflictError()
            same = company.get(day.weekday)
            if same is not None and (same.is_open, same.opens_at, same.closes_at) == (
                    day.is_open, day.opens_at, day.closes_at):
                continue  # a day as the company's stays the company's (follows its changes)
            row = BranchHours(weekday=day.weekday, branch_id=branch)
            session.add(row)
        else:
            check_version(session, row, day.version)
        row.is_open, row.opens_at, row.closes_at = day.is_open, day.opens_at, day.closes_at
    session.flush()
    return hours_in(session, branch)


def write_business_hours(session: Session, days: Sequence[DayHours],
                         branch: BranchArg = SESSION) -> list[DayHours]:
    """Save checked weekdays in an open unit of work (``update_business_hours``)."""
    for day in days:
        _check_day(day)
    at = resolve_branch(session, branch)
    may_edit(session, at)
    if at is not None:
        return _write_branch_hours(session, days, at)
    lock_name(session, *(f"business_hours:{day.weekday}" for day in days))
    for day in days:
        row = session.get(BusinessHours, day.weekday)
        if row is None:
            if day.version != 0:
                raise NotFound(N_("No such weekday."))
            row = BusinessHours(weekday=day.weekday)
            session.add(row)
        else:
            check_version(session, row, day.version)
        row.is_open, row.opens_at, row.closes_at = day.is_open, day.opens_at, day.closes_at
    session.flush()
    rows = session.scalars(select(BusinessHours).order_by(BusinessHours.weekday))
    return [_day(r) for r in rows]


# ---------------------------------------------------------------- zones


def copy_zones(session: Session, source: int, target: int) -> None:
    """A new branch starts with the active zones of ``source`` (the first branch's: the
    company's usual ones), as its own to edit."""
    for zone in session.scalars(select(Zone).where(Zone.branch_id == source,
                                                   Zone.active.is_(True)).order_by(Zone.id)):
        session.add(Zone(name=zone.name, kind=zone.kind, dispatch_hours=zone.dispatch_hours,
                         active=True, branch_id=target))
    session.flush()


def _zone(row: Zone) -> ZoneDTO:
    return ZoneDTO(row.id, row.name, ZoneKind(row.kind), row.dispatch_hours, row.active,
                   row.version)


def list_zones(ctx: ServiceContext, *, include_inactive: bool = False,
               branch: BranchArg = SESSION) -> list[ZoneDTO]:
    """The zones of the user's branch (of ``branch``; the service department: every
    branch's unless it names one)."""
    with ctx.read() as session:
        query = select(Zone).order_by(Zone.kind, Zone.name)
        at = resolve_branch(session, branch)
        if at is not None:
            query = query.where(Zone.branch_id == at)
        if not include_inactive:
            query = query.where(Zone.active.is_(True))
        return [_zone(z) for z in session.scalars(query)]


def get_zone(ctx: ServiceContext, zone_id: int) -> ZoneDTO:
    with ctx.read() as session:
        return _zone(_get_zone(session, zone_id))


def _get_zone(session: Session, zone_id: int) -> Zone:
    zone = session.get(Zone, zone_id)
    if zone is None:
        raise NotFound(N_("No such zone."))
    return zone


def _checked_zone(session: Session, data: ZoneInput, own_id: int | None,
                  branch: int) -> ZoneInput:
    name = clean_text(data.name, field="name", max_len=40, required=True)
    try:
        kind = ZoneKind(data.kind)
    except ValueError:
        raise ValidationError(N_("Choose a value from the list."), field="kind") from None
    hours = kind.dispatch_hours if data.dispatch_hours is None else data.dispatch_hours
    if not 1 <= hours <= 72:
        raise ValidationError(N_("Between {low} and {high}."), field="dispatch_hours",
                              low=1, high=72)
    others = session.scalars(select(Zone.name).where(Zone.id != (own_id or 0),
                                                     Zone.branch_id == branch))
    if any(other.casefold() == name.casefold() for other in others):  # SQL lower(): ASCII only
        raise ValidationError(N_("The zone {name} already exists."), field="name", name=name)
    return ZoneInput(name, kind, hours, data.active)


def create_zone(ctx: ServiceContext, data: ZoneInput, branch: BranchArg = SESSION) -> ZoneDTO:
    """A zone of the user's branch (the service department's: of ``branch``, else of the
    first branch)."""
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    with ctx.write() as session:
        at = resolve_branch(session, branch)
        may_edit(session, at)
        at = FIRST_BRANCH_ID if at is None else at
        clean = _checked_zone(session, data, None, at)
        zone = Zone(name=clean.name, kind=clean.kind.value, dispatch_hours=clean.dispatch_hours,
                    active=clean.active, branch_id=at)
        session.add(zone)
        session.flush()
        return _zone(zone)


def update_zone(ctx: ServiceContext, zone_id: int, data: ZoneInput, *,
                expected_version: int) -> ZoneDTO:
    """Edit or (``active=False``) retire a zone; zones are never deleted."""
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    with ctx.write() as session:
        zone = _get_zone(session, zone_id)
        check_version(session, zone, expected_version)
        may_edit(session, zone.branch_id)
        clean = _checked_zone(session, data, zone_id, zone.branch_id)
        zone.name, zone.kind, zone.active = clean.name, clean.kind.value, clean.active
        zone.dispatch_hours = clean.dispatch_hours or 0
        session.flush()
        return _zone(zone)


# ---------------------------------------------------------------- product models


def _model(row: ProductModel, own: BranchPrice | None = None,
           branch: int | None = None) -> ProductModelDTO:
    """The entry as ``branch`` reads it: its own price where it set one (the version then
    that of its price: what its save changes; 0 while it has none), else the catalogue's."""
    if branch is None:
        return ProductModelDTO(row.id, row.code, row.name, row.category, row.brand,
                               row.warranty_months, from_cents(row.price_cents), row.active,
                               row.version)
    return ProductModelDTO(row.id, row.code, row.name, row.category, row.brand,
                           row.warranty_months,
                           from_cents(row.price_cents if own is None else own.price_cents),
                           row.active, 0 if own is None else own.version)


def own_prices(session: Session, branch: int | None,
               model_ids: Sequence[int]) -> dict[int, BranchPrice]:
    """model id → the branch's own price row, for these models (one read)."""
    if branch is None or not model_ids:
        return {}
    return {p.product_model_id: p for p in session.scalars(select(BranchPrice).where(
        BranchPrice.branch_id == branch, BranchPrice.product_model_id.in_(model_ids)))}


def price_in(session: Session, model: ProductModel, branch: BranchArg = SESSION) -> int:
    """The list price of a model in a branch (cents): its own, else the catalogue's."""
    at = resolve_branch(session, branch)
    own = own_prices(session, at, [model.id]).get(model.id)
    return model.price_cents if own is None else own.price_cents


def check_product_model(data: ProductModelInput) -> tuple[ProductModelInput, int]:
    """Validate a catalogue entry without the database: (cleaned input, price in cents)."""
    code = clean_text(data.code, field="code", max_len=40, required=True).upper()
    name = clean_text(data.name, field="name", max_len=80, required=True)
    category = clean_text(data.category, field="category", max_len=40)
    brand = clean_text(data.brand, field="brand", max_len=40)
    months = data.warranty_months
    if isinstance(months, bool) or not isinstance(months, int) or not 0 <= months <= 240:
        raise ValidationError(N_("Between {low} and {high}."), field="warranty_months",
                              low=0, high=240)
    cents = to_cents(data.price, field="price")
    return ProductModelInput(code, name, category, brand, months, from_cents(cents),
                             data.active), cents


def code_taken(session: Session, code: str, own_id: int | None = None) -> bool:
    query = select(ProductModel.id).where(func.upper(ProductModel.code) == code.upper())
    if own_id is not None:
        query = query.where(ProductModel.id != own_id)
    return session.scalar(query) is not None


def insert_product_model(session: Session, data: ProductModelInput) -> ProductModel:
    """Add a catalogue entry inside an open unit of work (used by the import too)."""
    clean, cents = check_product_model(data)
    if code_taken(session, clean.code):
        raise ValidationError(N_("The model {code} is already in the catalogue."), field="code",
                              code=clean.code)
    row = ProductModel(code=clean.code, name=clean.name, category=clean.category,
                       brand=clean.brand, warranty_months=clean.warranty_months,
                       price_cents=cents, active=clean.active)
    session.add(row)
    session.flush()
    return row


def create_product_model(ctx: ServiceContext, data: ProductModelInput) -> ProductModelDTO:
    """A new catalogue entry: the catalogue is the company's (a branch sets its prices)."""
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    with ctx.write() as session:
        may_edit(session, None)
        return _model(insert_product_model(session, data))


def _set_branch_price(session: Session, row: ProductModel, clean: ProductModelInput,
                      cents: int, branch: int, expected_version: int) -> ProductModelDTO:
    """A branch's save of a catalogue entry: its own price; the entry itself is the
    company's, so a change to anything else is refused."""
    may_edit(session, branch)
    if (clean.code, clean.name, clean.category, clean.brand, clean.warranty_months,
            clean.active) != (row.code.upper(), row.name, row.category, row.brand,
                              row.warranty_months, row.active):
        raise PermissionDenied(N_("the company's catalogue"))
    lock_name(session, f"branch_price:{branch}:{row.id}")
    own = own_prices(session, branch, [row.id]).get(row.id)
    if own is None:
        if expected_version != 0:
            raise ConflictError()
        own = BranchPrice(product_model_id=row.id, branch_id=branch, price_cents=cents)
        session.add(own)
    else:
        check_version(session, own, expected_version)
        own.price_cents = cents
    session.flush()
    return _model(row, own, branch)


def update_product_model(ctx: ServiceContext, model_id: int, data: ProductModelInput, *,
                         expected_version: int, branch: BranchArg = SESSION) -> ProductModelDTO:
    """The service department edits the catalogue; a branch (or the service department
    for ``branch``) saves its own price of the entry (see ``_set_branch_price``)."""
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    clean, cents = check_product_model(data)
    with ctx.write() as session:
        row = _get_model(session, model_id)
        at = resolve_branch(session, branch)
        if at is not None:
            return _set_branch_price(session, row, clean, cents, at, expected_version)
        check_version(session, row, expected_version)
        if code_taken(session, clean.code, model_id):
            raise ValidationError(N_("The model {code} is already in the catalogue."),
                                  field="code", code=clean.code)
        row.code, row.name, row.category, row.brand = (clean.code, clean.name, clean.category,
                                                       clean.brand)
        row.warranty_months, row.price_cents, row.active = (clean.warranty_months, cents,
                                                            clean.active)
        session.flush()
        return _model(row)


def _get_model(session: Session, model_id: int) -> ProductModel:
    row = session.get(ProductModel, model_id)
    if row is None:
        raise NotFound(N_("No such product model."))
    return row


def get_product_model(ctx: ServiceContext, model_id: int,
                      branch: BranchArg = SESSION) -> ProductModelDTO:
    with ctx.read() as session:
        at = resolve_branch(session, branch)
        row = _get_model(session, model_id)
        return _model(row, own_prices(session, at, [row.id]).get(row.id), at)


def list_product_models(ctx: ServiceContext, *, search: str = "", include_inactive: bool = True,
                        after_code: str | None = None, limit: int = 100,
                        branch: BranchArg = SESSION) -> list[ProductModelDTO]:
    """One keyset page of the catalogue ordered by code; ``search`` matches code/name/brand."""
    query = select(ProductModel).order_by(ProductModel.code).limit(limit)
    text = searchable(search)
    if text:
        query = query.where(or_(*(col.contains(text, autoescape=True) for col in (
            ProductModel.code, ProductModel.name, ProductModel.brand, ProductModel.category))))
    if not include_inactive:
        query = query.where(ProductModel.active.is_(True))
    if after_code is not None:
        query = query.where(ProductModel.code > after_code)
    with ctx.read() as session:
        at = resolve_branch(session, branch)
        rows = list(session.scalars(query))
        own = own_prices(session, at, [m.id for m in rows])
        return [_model(m, own.get(m.id), at) for m in rows]
