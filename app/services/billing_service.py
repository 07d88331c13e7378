"""The bill of a call (收费单): labour, parts, transport and other lines, by category rules.

A (有费) charges every line; C (保修) and D (内部) charge nothing; B (合同) charges what the
contract does not cover. The lines always show full prices, so the customer sees what the
warranty or contract paid for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.locking import lock
from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.billing import Bill, BillLine, Invoice, Payment
from app.models.calls import Call
from app.models.carry_in import ItemReceipt, RepairCard, RepairWork
from app.models.customers import Customer
from app.models.enums import Category
from app.models.jobs import Job, Visit
from app.models.parts import Part
from app.models.store import Zone
from app.services import parts_service
from app.services.calls_service import get_call_row
from app.services.context import ServiceContext
from app.services.contract_service import covering_contract
from app.services.money import MAX_CENTS, check_decimal, format_money, to_cents
from app.services.money_dto import BillDTO, BillLineDTO, LineInput
from app.services.permissions import Perm, require
from app.services.settings_kv import SESSION, BranchArg, load_setting, save_setting
from app.services.validation import check_version, clean_text, searchable

DEFAULT_RATES = {"repair": 6000, "install": 8000, "maintenance": 5000, "inspection": 4000,
                 "consult": 0}  # cents per hour of labour
DEFAULT_TRANSPORT = {"city": 2000, "suburb": 5000}  # cents per on-site job
LINE_KINDS = ("labour", "parts", "transport", "other")
MAX_QUANTITY = Decimal(9999)  # of one hand-written line: more is a typing slip


@dataclass(frozen=True)
class Coverage:
    labour: bool
    parts: bool
    transport: bool
    rule: str

    def covers(self, kind: str) -> bool:
        return {"labour": self.labour, "parts": self.parts,
                "transport": self.transport}.get(kind, False)


def coverage_for(category: str, *, contract_labour: bool = False,
                 contract_parts: bool = False) -> Coverage:
    """What the customer does not pay, by category (and the contract's terms for B)."""
    if category in (Category.C, Category.D):
        return Coverage(True, True, True, N_("Free: warranty or internal work, nothing billed."))
    if category == Category.B:
        return Coverage(contract_labour, contract_parts, contract_labour,
                        N_("Contract: only what the maintenance contract does not cover."))
    return Coverage(False, False, False, N_("Paid service: labour, parts and transport."))


def _rates(session: Session,
           branch: BranchArg = SESSION) -> tuple[dict[str, int], dict[str, int]]:
    """A branch's prices (its own, else the company's; by default the session's branch)."""
    rates, _ = load_setting(session, "billing.labour_rates", branch=branch)
    transport, _ = load_setting(session, "billing.transport", branch=branch)
    return {**DEFAULT_RATES, **(rates or {})}, {**DEFAULT_TRANSPORT, **(transport or {})}


def _coverage(session: Session, call: Call) -> Coverage:
    if call.category != Category.B or call.item_id is None:
        return coverage_for(call.category)
    contract = covering_contract(session, call.item_id, call.received_at.date())
    if contract is None:
        return coverage_for(Category.A)
    return coverage_for(Category.B, contract_labour=contract.covers_labour,
                        contract_parts=contract.covers_parts)


def _labour_line(session: Session, call: Call, job_ids: list[int],
                 card_ids: list[int]) -> BillLineDTO | None:
    minutes = int(session.scalar(select(func.coalesce(func.sum(Visit.labour_minutes), 0))
                                 .where(Visit.job_id.in_(job_ids))) or 0)
    minutes += int(session.scalar(select(func.coalesce(func.sum(RepairWork.minutes), 0))
                                  .where(RepairWork.card_id.in_(card_ids))) or 0)
    if not minutes:
        return None
    rate = _rates(session, call.branch_id)[0].get(call.service_kind, DEFAULT_RATES["repair"])
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.001"))
    amount = int((Decimal(minutes) * rate / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return BillLineDTO("labour", "", hours, rate, amount, False)


def _parts_lines(session: Session, call: Call) -> list[BillLineDTO]:
    """The parts taken from stock for the call, on site or on its repair cards, each at the
    price it went out at (the same rows as the month's materials cost)."""
    used = parts_service.parts_used()
    rows = session.execute(select(Part.number, Part.name, used.c.quantity,
                                  used.c.unit_price_cents, used.c.cents)
                           .join(Part, Part.id == used.c.part_id)
                           .where(used.c.call_id == call.id).order_by(used.c.movement_id))
    return [BillLineDTO("parts", f"{number} {name}", Decimal(qty), int(unit), int(cents), False)
            for number, name, qty, unit, cents in rows]


def _transport_line(session: Session, call: Call, job_ids: list[int]) -> BillLineDTO | None:
    visited = session.scalar(select(func.count(Visit.id)).where(Visit.job_id.in_(job_ids)))
    if not visited:
        return None
    zone = session.get(Zone, call.zone_id) if call.zone_id else None
    price = _rates(session, call.branch_id)[1].get(zone.kind if zone else "city",
                                                   DEFAULT_TRANSPORT["city"])
    return BillLineDTO("transport", "", Decimal(1), price, price, False)


def _manual_lines(extra: Sequence[LineInput]) -> list[BillLineDTO]:
    lines = []
    for line in extra:
        if line.kind not in LINE_KINDS:
            raise ValidationError(N_("Unknown kind of line."), field="lines")
        description = clean_text(line.description, field="lines", max_len=120, required=True)
        quantity = check_decimal(line.quantity, field="lines", places=3, maximum=MAX_QUANTITY)
        unit = to_cents(line.unit_price, field="lines")
        amount = int((quantity * unit).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        if amount > MAX_CENTS:
            raise ValidationError(N_("Too large: at most {max}."), field="lines",
                                  max=format_money(MAX_CENTS))
        lines.append(BillLineDTO(line.kind, description, line.quantity, unit, amount, False,
                                 manual=True))
    return lines


def _fact_lines(session: Session, call: Call) -> list[BillLineDTO]:
    job_ids = list(session.scalars(select(Job.id).where(Job.call_id == call.id)))
    receipt_ids = select(ItemReceipt.id).where(ItemReceipt.call_id == call.id)
    card_ids = list(session.scalars(select(RepairCard.id)
                                    .where(RepairCard.receipt_id.in_(receipt_ids))))
    lines = [_labour_line(session, call, job_ids, card_ids), *_parts_lines(session, call),
             _transport_line(session, call, job_ids)]
    return [line for line in lines if line is not None]


def _priced(session: Session, call: Call, manual: list[BillLineDTO],
            discount_cents: int) -> tuple[list[BillLineDTO], Coverage, int, int, int]:
    """The facts' lines and the hand-typed ones, each covered or charged by the category."""
    coverage = _coverage(session, call)
    lines = [replace(ln, covered=coverage.covers(ln.kind))
             for ln in [*_fact_lines(session, call), *manual]]
    gross = sum(ln.amount_cents for ln in lines)
    covered = sum(ln.amount_cents for ln in lines if ln.covered)
    if gross > MAX_CENTS:
        raise ValidationError(N_("Too large: at most {max}."), field="lines",
                              max=format_money(MAX_CENTS))
    if discount_cents < 0 or discount_cents > gross - covered:
        raise ValidationError(N_("The discount cannot exceed what the customer pays."),
                              field="discount")
    return lines, coverage, gross, covered, gross - covered - discount_cents


def _paid(session: Session, bill_id: int | None) -> tuple[int, int]:
    if bill_id is None:
        return 0, 0
    paid = session.scalar(select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
        Payment.bill_id == bill_id, Payment.voided.is_(False)))
    invoiced = session.scalar(select(func.coalesce(func.sum(Invoice.amount_cents), 0)).where(
        Invoice.bill_id == bill_id, Invoice.voided.is_(False)))
    return int(paid or 0), int(invoiced or 0)


def _customer_name(session: Session, call: Call) -> str:
    customer = session.get(Customer, call.customer_id)
    return customer.name if customer else ""


def preview_bill(ctx: ServiceContext, call_id: int, *, extra: Sequence[LineInput] = (),
                 discount: Decimal = Decimal(0)) -> BillDTO:
    """What the bill would be, without saving it (the bill dialog shows this live)."""
    require(ctx.actor, Perm.BILL)
    with ctx.read() as session:
        call = get_call_row(session, call_id)
        discount_cents = to_cents(discount, field="discount")
        lines, coverage, gross, covered, total = _priced(session, call, _manual_lines(extra),
                                                         discount_cents)
        existing = session.scalar(select(Bill).where(Bill.call_id == call_id))
        paid, invoiced = _paid(session, existing.id if existing else None)
        return BillDTO(None, call.id, call.number, _customer_name(session, call), call.category,
                       tuple(lines), gross, covered, discount_cents, "", total, paid,
                       invoiced, "preview", 0, coverage.rule)


def make_bill(ctx: ServiceContext, call_id: int, *, extra: Sequence[LineInput] = (),
              discount: Decimal = Decimal(0), discount_reason: str = "",
              expected_version: int = 0) -> BillDTO:
    """Save (or recompute) the call's bill; a discount needs the right and a reason."""
    require(ctx.actor, Perm.BILL)
    discount_cents = to_cents(discount, field="discount")
    reason = clean_text(discount_reason, field="discount_reason", max_len=200,
                        required=discount_cents > 0)
    if discount_cents:
        require(ctx.actor, Perm.DISCOUNT)
    with ctx.write(reason=reason or None) as session:
        call = get_call_row(session, call_id)
        lock(session, call)  # one bill per call, even when two clerks bill it at once
        lines, coverage, gross, covered, total = _priced(session, call, _manual_lines(extra),
                                                         discount_cents)
        bill = _bill_for_update(session, call_id, expected_version)
        if bill is None:
            bill = Bill(call_id=call_id, billed_at=ctx.now(), billed_by_id=ctx.actor.user_id)
            session.add(bill)
        bill.category, bill.gross_cents, bill.covered_cents = call.category, gross, covered
        bill.discount_cents, bill.discount_reason, bill.total_cents = discount_cents, reason, total
        bill.status = "paid" if total == 0 else "open"
        session.flush()
        _replace_lines(session, bill.id, lines)
        return bill_dto(session, bill, coverage.rule)


def bill_of_facts(session: Session, ctx: ServiceContext, call: Call) -> Bill:
    """The call's bill inside the caller's unit of work: the saved one, else a new one made
    from the recorded facts (labour, parts taken from stock, transport) by category rules.
    A technician taking money on site gets the same bill the counter would make."""
    bill = session.scalar(select(Bill).where(Bill.call_id == call.id))
    if bill is not None:
        return bill
    lines, _coverage_rule, gross, covered, total = _priced(session, call, [], 0)
    bill = Bill(call_id=call.id, billed_at=ctx.now(), billed_by_id=ctx.actor.user_id,
                category=call.category, gross_cents=gross, covered_cents=covered,
                discount_cents=0, discount_reason="", total_cents=total,
                status="paid" if total == 0 else "open")
    session.add(bill)
    session.flush()
    _replace_lines(session, bill.id, lines)
    return bill


def _bill_for_update(session: Session, call_id: int, expected_version: int) -> Bill | None:
    bill = session.scalar(select(Bill).where(Bill.call_id == call_id))
    if bill is None:
        return None
    check_version(session, bill, expected_version)
    if _paid(session, bill.id)[0]:
        raise ValidationError(N_("Money was already taken on this bill: void the payment "
                                 "before changing the bill."), field="lines")
    return bill


def _replace_lines(session: Session, bill_id: int, lines: list[BillLineDTO]) -> None:
    for old in session.scalars(select(BillLine).where(BillLine.bill_id == bill_id)):
        session.delete(old)  # lines are the bill's detail; the bill's totals are audited
    session.add_all(BillLine(bill_id=bill_id, kind=ln.kind, description=ln.description,
                             quantity_milli=int(ln.quantity * 1000), unit_cents=ln.unit_cents,
                             amount_cents=ln.amount_cents, covered=ln.covered,
                             manual=ln.manual) for ln in lines)
    session.flush()


def _saved_lines(session: Session, bill_id: int) -> list[BillLine]:
    return list(session.scalars(select(BillLine).where(BillLine.bill_id == bill_id)
                                .order_by(BillLine.id)))


def _line_dto(line: BillLine) -> BillLineDTO:
    return BillLineDTO(line.kind, line.description, Decimal(line.quantity_milli) / 1000,
                       line.unit_cents, line.amount_cents, line.covered, line.manual)


def manual_lines(bill: BillDTO) -> list[LineInput]:
    """A saved bill's hand-typed lines, as the bill dialog edits them again."""
    return [LineInput(ln.kind, ln.description, ln.quantity, Decimal(ln.unit_cents) / 100)
            for ln in bill.lines if ln.manual]


def follow_facts(session: Session, call_id: int) -> None:
    """The one rule for facts added after a bill was made (a later visit, a repair-card
    entry with time or parts): in the same transaction the bill is made again from the
    call's facts, its hand-typed lines and discount kept. Money already taken stays taken;
    a bill that now asks for more is open again and the rest shows as receivable. A call
    without a bill is left alone: its bill is made from the same facts when it is made."""
    bill = session.scalar(select(Bill).where(Bill.call_id == call_id))
    if bill is None or bill.status == "void":
        return
    call = get_call_row(session, call_id)
    lock(session, call)  # the same lock as make_bill: one writer of the call's bill
    manual = [_line_dto(ln) for ln in _saved_lines(session, bill.id) if ln.manual]
    lines, _rule, gross, covered, _total = _priced(session, call, manual, 0)
    discount = min(bill.discount_cents, gross - covered)  # never more than is charged
    total = gross - covered - discount
    bill.category, bill.gross_cents, bill.covered_cents = call.category, gross, covered
    bill.discount_cents, bill.total_cents = discount, total
    bill.status = "paid" if _paid(session, bill.id)[0] >= total else "open"
    session.flush()
    _replace_lines(session, bill.id, lines)


def bill_dto(session: Session, bill: Bill, rule: str = "") -> BillDTO:
    call = session.get(Call, bill.call_id)
    assert call is not None
    lines = tuple(_line_dto(ln) for ln in _saved_lines(session, bill.id))
    paid, invoiced = _paid(session, bill.id)
    return BillDTO(bill.id, call.id, call.number, _customer_name(session, call), bill.category,
                   lines, bill.gross_cents, bill.covered_cents, bill.discount_cents,
                   bill.discount_reason, bill.total_cents, paid, invoiced, bill.status,
                   bill.version, rule or coverage_for(bill.category).rule)


def get_bill(ctx: ServiceContext, call_id: int) -> BillDTO | None:
    with ctx.read() as session:
        bill = session.scalar(select(Bill).where(Bill.call_id == call_id))
        return bill_dto(session, bill) if bill else None


def bill_for_payment(ctx: ServiceContext, bill_id: int) -> BillDTO:
    """The bill a payment was taken against (for printing its receipt)."""
    with ctx.read() as session:
        bill = session.get(Bill, bill_id)
        if bill is None:
            raise NotFound(N_("No such bill."))
        return bill_dto(session, bill)


@dataclass(frozen=True)
class ToBill:
    call_id: int
    call_number: str
    customer_name: str
    category: str
    status: str
    received_at: datetime


def calls_to_bill(ctx: ServiceContext, *, limit: int = 200) -> list[ToBill]:
    """Paid or contract work that is done (or in the store) and has no bill yet, newest first."""
    require(ctx.actor, Perm.BILL)
    done = ("completed", "closed", "taken_in")
    with ctx.read() as session:
        rows = session.execute(
            select(Call.id, Call.number, Customer.name, Call.category, Call.status,
                   Call.received_at)
            .join(Customer, Customer.id == Call.customer_id)
            .where(Call.status.in_(done), Call.category.in_(("A", "B")),
                   ~select(Bill.id).where(Bill.call_id == Call.id).exists())
            .order_by(Call.received_at.desc()).limit(limit))
        return [ToBill(*row) for row in rows]


def call_for_number(ctx: ServiceContext, number: str) -> int:
    """The call behind a call, voucher (V…) or item-receipt (R…) number."""
    text = searchable(number).upper()
    with ctx.read() as session:
        found = session.scalar(select(Call.id).where(Call.number == text))
        if found is None:
            found = session.scalar(select(Job.call_id).where(Job.number == text))
        if found is None:
            found = session.scalar(select(ItemReceipt.call_id).where(ItemReceipt.number == text))
    if found is None:
        raise NotFound(N_("No call, voucher or receipt with the number {number}."),
                       field="number", number=number)
    return int(found)


@dataclass(frozen=True)
class Rates:
    """Labour per hour by kind of service, transport per trip by zone kind (cents)."""

    labour: dict[str, int]
    transport: dict[str, int]
    labour_version: int
    transport_version: int


def get_rates(ctx: ServiceContext, branch: BranchArg = SESSION) -> Rates:
    """The price tables of the user's branch (the service department: the company's, or
    ``branch``'s)."""
    with ctx.read() as session:
        labour, lv = load_setting(session, "billing.labour_rates", branch=branch)
        transport, tv = load_setting(session, "billing.transport", branch=branch)
    return Rates({**DEFAULT_RATES, **(labour or {})}, {**DEFAULT_TRANSPORT, **(transport or {})},
                 lv, tv)


def set_rates(ctx: ServiceContext, *, labour: dict[str, Decimal], transport: dict[str, Decimal],
              labour_version: int, transport_version: int,
              branch: BranchArg = SESSION) -> Rates:
    """Managers set the prices; each table saves against the version it was opened with."""
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    labour_cents = {kind: to_cents(value, field="rates") for kind, value in labour.items()}
    transport_cents = {kind: to_cents(value, field="rates") for kind, value in transport.items()}
    with ctx.write() as session:
        save_setting(session, "billing.labour_rates", labour_cents, labour_version,
                     branch=branch)
        save_setting(session, "billing.transport", transport_cents, transport_version,
                     branch=branch)
    return get_rates(ctx, branch)


def rates_of(session: Session,
             branch: BranchArg = SESSION) -> tuple[dict[str, int], dict[str, int]]:
    """(labour cents/hour by kind of service, transport cents/trip by zone kind)."""
    return _rates(session, branch)
