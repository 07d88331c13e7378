"""Maintenance contracts (商品保养合同书): make, renew, lapse, and the renewal list.

Seed 002 §二十: one month before a contract ends the store sends the expiry notice
(保养到期通知书) and someone to renew it: who is sent is assigned here, and their visit and its
outcome recorded (renewed, declined → lapsed, or still undecided).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.numbering import next_number
from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.contracts import ContractItem, ContractStatus, MaintenanceContract
from app.models.customers import Customer, Item
from app.models.staff import User
from app.services import messaging_service
from app.services.complaint_dto import first_phones
from app.services.context import ServiceContext
from app.services.contract_dto import ContractDTO, ExpiryNotice
from app.services.dto import StoreHeader
from app.services.permissions import Perm, require
from app.services.reference_service import letterhead_in
from app.services.validation import check_version, clean_text, plausible_date, searchable
from app.services.voice_common import (
    decimal_to_cents,
    item_labels,
    user_names,
)
from app.services.warranty import add_months

COVERING = tuple(s.value for s in ContractStatus if s.covers)
RENEWAL_OUTCOMES = ("renewed", "declined", "undecided")


@dataclass(frozen=True)
class ContractInput:
    customer_id: int
    item_ids: tuple[int, ...]
    start_date: date
    end_date: date
    fee: Decimal = Decimal("0")
    covers_labour: bool = True
    covers_parts: bool = False
    visits_per_year: int = 0
    terms: str = ""


# ---- queries used by other services ---------------------------------------------------------

def covering_contract(session: Session, item_id: int, day: date) -> MaintenanceContract | None:
    """The contract that covers ``item_id`` on ``day``, if any (category B, DOMAIN.md)."""
    return session.scalar(
        select(MaintenanceContract)
        .join(ContractItem, ContractItem.contract_id == MaintenanceContract.id)
        .where(ContractItem.item_id == item_id,
               MaintenanceContract.status.in_(COVERING),
               MaintenanceContract.start_date <= day, MaintenanceContract.end_date >= day)
        .order_by(MaintenanceContract.end_date.desc()).limit(1))


def coverage(ctx: ServiceContext, item_id: int, day: date) -> ContractDTO | None:
    """The contract covering an item on a day, for billing by its terms (labour, parts)."""
    with ctx.read() as session:
        contract = covering_contract(session, item_id, day)
        return contract_dto(session, contract, ctx.today()) if contract else None


def renewal_window_end(today: date) -> date:
    """Contracts ending on or before this day are due for renewal (one month ahead)."""
    return add_months(today, 1)


# ---- actions --------------------------------------------------------------------------------

def _checked(session: Session, data: ContractInput) -> tuple[str, int]:
    customer = session.get(Customer, data.customer_id)
    if customer is None:
        raise ValidationError(N_("Choose a customer."), field="customer")
    if not data.item_ids:
        raise ValidationError(N_("Choose at least one item the contract covers."),
                              field="items")
    for item_id in data.item_ids:
        item = session.get(Item, item_id)
        if item is None or item.customer_id != customer.id:
            raise ValidationError(N_("The item does not belong to this customer."),
                                  field="items")
    plausible_date(data.start_date, field="start_date", future_days=None)
    plausible_date(data.end_date, field="end_date", future_days=None)
    if data.end_date < data.start_date:
        raise ValidationError(N_("The contract must end after it starts."), field="end_date")
    if not 0 <= data.visits_per_year <= 52:
        raise ValidationError(N_("Visits per year: 0 to 52."), field="visits_per_year")
    terms = clean_text(data.terms, field="terms", max_len=2000, multiline=True)
    return terms, decimal_to_cents(data.fee)


def _insert(session: Session, ctx: ServiceContext, data: ContractInput,
            previous_id: int | None = None) -> MaintenanceContract:
    terms, fee_cents = _checked(session, data)
    customer = session.get(Customer, data.customer_id)
    contract = MaintenanceContract(
        number=next_number(session, "contract", ctx.today(),
                           branch_id=customer.branch_id if customer else None),
        customer_id=data.customer_id,
        start_date=data.start_date, end_date=data.end_date, fee_cents=fee_cents,
        covers_labour=data.covers_labour, covers_parts=data.covers_parts,
        visits_per_year=data.visits_per_year, terms=terms, status=ContractStatus.ACTIVE.value,
        previous_id=previous_id, created_by_id=ctx.actor.user_id)
    session.add(contract)
    session.flush()
    session.add_all(ContractItem(contract_id=contract.id, item_id=i)
                    for i in dict.fromkeys(data.item_ids))
    session.flush()
    return contract


def create_contract(ctx: ServiceContext, data: ContractInput) -> ContractDTO:
    """Record a new maintenance contract for a customer's items."""
    require(ctx.actor, Perm.CONTRACT_MANAGE)
    with ctx.write(action="contract.create") as session:
        return contract_dto(session, _insert(session, ctx, data), ctx.today())


def next_term(contract: ContractDTO) -> tuple[date, date]:
    """The renewal term: starts the day after the end, as long as the current term."""
    start = contract.end_date + timedelta(days=1)
    months = _whole_months(contract.start_date, contract.end_date)
    if months:
        return start, add_months(start, months) - timedelta(days=1)
    return start, start + (contract.end_date - contract.start_date)


def _whole_months(start: date, end: date) -> int:
    after = end + timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    return months if months > 0 and add_months(start, months) == after else 0


def renew_contract(ctx: ServiceContext, contract_id: int, *, expected_version: int,
                   fee: Decimal | None = None, start_date: date | None = None,
                   end_date: date | None = None) -> ContractDTO:
    """Renewal (续约): a new contract follows this one; this one is kept, marked renewed."""
    require(ctx.actor, Perm.CONTRACT_MANAGE)
    with ctx.write(action="contract.renew") as session:
        old = _get(session, contract_id)
        check_version(session, old, expected_version)
        new = _renew(session, ctx, old, fee, start_date, end_date)
        return contract_dto(session, new, ctx.today())


def _renew(session: Session, ctx: ServiceContext, old: MaintenanceContract,
           fee: Decimal | None = None, start_date: date | None = None,
           end_date: date | None = None) -> MaintenanceContract:
    if old.status != ContractStatus.ACTIVE.value:
        raise ValidationError(N_("Only an active contract can be renewed."), field="status")
    current = contract_dto(session, old, ctx.today())
    start, end = next_term(current)
    data = ContractInput(
        old.customer_id, current.item_ids, start_date or start, end_date or end,
        current.fee if fee is None else fee, old.covers_labour, old.covers_parts,
        old.visits_per_year, old.terms)
    new = _insert(session, ctx, data, previous_id=old.id)
    old.status = ContractStatus.RENEWED.value
    session.flush()
    return new


def assign_renewal(ctx: ServiceContext, contract_id: int, *, user_id: int,
                   expected_version: int) -> ContractDTO:
    """Send someone to renew a contract that ends within a month (§二十)."""
    require(ctx.actor, Perm.CONTRACT_MANAGE)
    with ctx.write(action="contract.send_renew") as session:
        contract = _get(session, contract_id)
        check_version(session, contract, expected_version)
        if contract.status != ContractStatus.ACTIVE.value:
            raise ValidationError(N_("Only an active contract can be renewed."), field="status")
        if contract.end_date > renewal_window_end(ctx.today()):
            raise ValidationError(N_("Renewal visits are assigned in the contract's last "
                                     "month."), field="end_date")
        user = session.get(User, user_id)
        if user is None or not user.active:
            raise ValidationError(N_("Choose who goes to renew the contract."),
                                  field="renewal_by")
        contract.renewal_by_id, contract.renewal_assigned_on = user.id, ctx.today()
        session.flush()
        return contract_dto(session, contract, ctx.today())


def record_renewal_visit(ctx: ServiceContext, contract_id: int, *, visit_on: date,
                         outcome: str, notes: str, expected_version: int,
                         fee: Decimal | None = None) -> ContractDTO:
    """The renewal visit and what came of it, in one step: ``renewed`` makes the next term
    (returned), ``declined`` records the lapse with the notes as its reason, ``undecided``
    keeps the contract on the renewal list."""
    require(ctx.actor, Perm.CONTRACT_MANAGE)
    if outcome not in RENEWAL_OUTCOMES:
        raise ValidationError(N_("Choose what came of the visit."), field="renewal_outcome")
    notes = clean_text(notes, field="renewal_notes", max_len=200,
                       required=outcome == "declined")
    with ctx.write(reason=notes if outcome == "declined" else None,
                   action="contract.renew_visit") as session:
        contract = _get(session, contract_id)
        check_version(session, contract, expected_version)
        if contract.renewal_by_id is None:
            raise ValidationError(N_("Assign who goes to renew the contract first."),
                                  field="renewal_by")
        if contract.renewal_assigned_on and visit_on < contract.renewal_assigned_on:
            raise ValidationError(N_("The visit cannot be before it was assigned."),
                                  field="renewal_visit_on")
        plausible_date(visit_on, field="renewal_visit_on", today=ctx.today())
        if contract.status != ContractStatus.ACTIVE.value:
            raise ValidationError(N_("Only an active contract can be renewed."), field="status")
        contract.renewal_visit_on, contract.renewal_outcome = visit_on, outcome
        contract.renewal_notes = notes
        result = contract
        if outcome == "renewed":
            result = _renew(session, ctx, contract, fee)
        elif outcome == "declined":
            contract.status, contract.lapse_reason = ContractStatus.LAPSED.value, notes
        session.flush()
        return contract_dto(session, result, ctx.today())


def record_lapse(ctx: ServiceContext, contract_id: int, *, reason: str,
                 expected_version: int) -> ContractDTO:
    """The customer does not renew: recorded with the reason; the term still runs out."""
    return _close(ctx, contract_id, ContractStatus.LAPSED, reason=reason,
                  expected_version=expected_version)


def cancel_contract(ctx: ServiceContext, contract_id: int, *, reason: str,
                    expected_version: int) -> ContractDTO:
    """Void a contract entered by mistake; it covers nothing from then on."""
    return _close(ctx, contract_id, ContractStatus.CANCELLED, reason=reason,
                  expected_version=expected_version)


def _close(ctx: ServiceContext, contract_id: int, status: ContractStatus, *, reason: str,
           expected_version: int) -> ContractDTO:
    require(ctx.actor, Perm.CONTRACT_MANAGE)
    reason = clean_text(reason, field="reason", max_len=200, required=True)
    with ctx.write(reason=reason, action=f"contract.{status.value}") as session:
        contract = _get(session, contract_id)
        check_version(session, contract, expected_version)
        if contract.status != ContractStatus.ACTIVE.value:
            raise ValidationError(N_("Only an active contract can be changed."),
                                  field="status")
        contract.status = status.value
        if status is ContractStatus.LAPSED:
            contract.lapse_reason = reason
        else:
            contract.cancel_reason = reason
        session.flush()
        return contract_dto(session, contract, ctx.today())


def expiry_notices(ctx: ServiceContext, contract_ids: list[int]) -> list[ExpiryNotice]:
    """The notices to print for these contracts. Reads only: the sending is noted on the
    contract when a notice leaves the app (``notice_sent``), not when it is previewed."""
    require(ctx.actor, Perm.CONTRACT_MANAGE)
    with ctx.read() as session:
        headers: dict[int, StoreHeader] = {}  # each contract's branch's letterhead, read once
        notices = []
        for contract_id in contract_ids:
            contract = _get(session, contract_id)
            if contract.branch_id not in headers:
                headers[contract.branch_id] = letterhead_in(session, contract.branch_id)
            dto = contract_dto(session, contract, ctx.today())
            start, end = next_term(dto)
            notices.append(ExpiryNotice(headers[contract.branch_id], dto, ctx.today(), start,
                                        end))
        return notices


def notice_sent(session: Session, ctx: ServiceContext, number: str) -> None:
    """The expiry notice of contract ``number`` was printed or saved: the contract notes it
    as sent, in the transaction that records the copy on the print trail."""
    require(ctx.actor, Perm.CONTRACT_MANAGE)
    contract = _by_number(session, number)
    contract.notice_sent_at = ctx.now()  # the copy itself is on the print trail, once
    session.flush()
    messaging_service.notify_contract_ending(
        session, ctx, contract_id=contract.id, number=contract.number,
        customer_id=contract.customer_id, end_date=contract.end_date)


# ---- lists ----------------------------------------------------------------------------------

def renewal_list(ctx: ServiceContext, *, today: date | None = None) -> list[ContractDTO]:
    """Active contracts ending within one month (and any already ended but not handled)."""
    day = today or ctx.today()
    with ctx.read() as session:
        rows = session.scalars(
            select(MaintenanceContract)
            .where(MaintenanceContract.status == ContractStatus.ACTIVE.value,
                   MaintenanceContract.end_date <= renewal_window_end(day))
            .order_by(MaintenanceContract.end_date, MaintenanceContract.id))
        return contract_dtos(session, list(rows), day)


def renewal_summary(ctx: ServiceContext, *, today: date | None = None) -> tuple[int, str]:
    """How many contracts renewal_list holds, and the first one's number (one count query
    and one row: the Today page)."""
    day = today or ctx.today()
    due = (MaintenanceContract.status == ContractStatus.ACTIVE.value,
           MaintenanceContract.end_date <= renewal_window_end(day))
    with ctx.read() as session:
        count = session.scalar(select(func.count()).select_from(MaintenanceContract)
                               .where(*due)) or 0
        first = session.scalar(select(MaintenanceContract.number).where(*due).order_by(
            MaintenanceContract.end_date, MaintenanceContract.id).limit(1))
        return count, first or ""


def contracts_ending_in(ctx: ServiceContext, year: int, month: int) -> list[ContractDTO]:
    """Active contracts whose term ends in this month: the month's batch of notices."""
    first = date(year, month, 1)
    with ctx.read() as session:
        rows = session.scalars(
            select(MaintenanceContract)
            .where(MaintenanceContract.status == ContractStatus.ACTIVE.value,
                   MaintenanceContract.end_date >= first,
                   MaintenanceContract.end_date < add_months(first, 1))
            .order_by(MaintenanceContract.end_date, MaintenanceContract.id))
        return contract_dtos(session, list(rows), ctx.today())


def list_contracts(ctx: ServiceContext, *, status: str | None = None,
                   customer_id: int | None = None, after_id: int | None = None,
                   limit: int = 100) -> list[ContractDTO]:
    """Contracts newest first, one keyset page after ``after_id``."""
    with ctx.read() as session:
        query = select(MaintenanceContract)
        if status:
            query = query.where(MaintenanceContract.status == status)
        if customer_id is not None:
            query = query.where(MaintenanceContract.customer_id == customer_id)
        if after_id is not None:
            query = query.where(MaintenanceContract.id < after_id)
        rows = session.scalars(query.order_by(MaintenanceContract.id.desc()).limit(limit))
        return contract_dtos(session, list(rows), ctx.today())


def find_contract(ctx: ServiceContext, number: str) -> ContractDTO:
    with ctx.read() as session:
        return contract_dto(session, _by_number(session, number), ctx.today())


def _by_number(session: Session, number: str) -> MaintenanceContract:
    contract = session.scalar(select(MaintenanceContract).where(
        MaintenanceContract.number == searchable(number).upper()))
    if contract is None:
        raise NotFound(N_("No contract with the number {number}."), number=number)
    return contract


def get_contract(ctx: ServiceContext, contract_id: int) -> ContractDTO:
    with ctx.read() as session:
        return contract_dto(session, _get(session, contract_id), ctx.today())


def contract_history(ctx: ServiceContext, contract_id: int) -> list[ContractDTO]:
    """This contract and every term before it, oldest first."""
    with ctx.read() as session:
        chain = []
        contract: MaintenanceContract | None = _get(session, contract_id)
        while contract is not None:
            chain.append(contract_dto(session, contract, ctx.today()))
            contract = (session.get(MaintenanceContract, contract.previous_id)
                        if contract.previous_id else None)
        return chain[::-1]


def _get(session: Session, contract_id: int) -> MaintenanceContract:
    contract = session.get(MaintenanceContract, contract_id)
    if contract is None:
        raise NotFound(N_("No such contract."))
    return contract


def contract_dtos(session: Session, rows: Sequence[MaintenanceContract],
                  today: date) -> list[ContractDTO]:
    """DTOs of a page of contracts: customers, items and predecessors looked up once."""
    if not rows:
        return []
    customers = {c.id: c for c in session.scalars(
        select(Customer).where(Customer.id.in_({r.customer_id for r in rows})))}
    phones = first_phones(session, set(customers))
    items: dict[int, list[int]] = {}
    for contract_id, item_id in session.execute(
            select(ContractItem.contract_id, ContractItem.item_id)
            .where(ContractItem.contract_id.in_({r.id for r in rows}))
            .order_by(ContractItem.id)):
        items.setdefault(contract_id, []).append(item_id)
    labels = item_labels(session, {i for ids in items.values() for i in ids})
    previous_ids = {r.previous_id for r in rows if r.previous_id}
    previous = {row[0]: row[1] for row in session.execute(
        select(MaintenanceContract.id, MaintenanceContract.number)
        .where(MaintenanceContract.id.in_(previous_ids)))} if previous_ids else {}
    sent = user_names(session, {r.renewal_by_id for r in rows if r.renewal_by_id})
    out = []
    for c in rows:
        customer, item_ids = customers[c.customer_id], tuple(items.get(c.id, ()))
        out.append(ContractDTO(
            c.id, c.number, customer.id, customer.name, customer.address,
            phones.get(customer.id, ""), item_ids, tuple(labels.get(i, "") for i in item_ids),
            c.start_date, c.end_date, c.fee_cents, c.covers_labour, c.covers_parts,
            c.visits_per_year, c.terms, c.status, c.lapse_reason, c.previous_id,
            previous.get(c.previous_id or 0, ""), c.notice_sent_at, c.version,
            (c.end_date - today).days, c.renewal_by_id, sent.get(c.renewal_by_id or 0, ""),
            c.renewal_assigned_on, c.renewal_visit_on, c.renewal_outcome, c.renewal_notes))
    return out


def contract_dto(session: Session, c: MaintenanceContract, today: date) -> ContractDTO:
    return contract_dtos(session, [c], today)[0]
