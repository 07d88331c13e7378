"""Money taken (收款): on site by technicians, at the counter; hand-over; invoices (发票)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.locking import get_locked, lock_name
from app.db.numbering import next_number
from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.billing import Bill, CashHandover, Invoice, Payment
from app.models.calls import Call
from app.models.customers import Customer
from app.models.enums import Role
from app.models.jobs import Job
from app.models.staff import User
from app.services.audit_service import last_change
from app.services.context import ServiceContext
from app.services.dto import VoidInfo
from app.services.money import format_money, to_cents
from app.services.money_dto import (
    CashHeld,
    CollectorTotal,
    DayEndReport,
    InvoiceDTO,
    PaymentDTO,
    Receivable,
)
from app.services.permissions import Perm, require
from app.services.validation import check_version, clean_text, searchable

METHODS = ("cash", "wechat", "alipay", "card", "transfer")
PLACES = ("on_site", "counter")


def _bill(session: Session, bill_id: int) -> Bill:
    """The bill, locked: what is paid and invoiced against it is checked, then written."""
    bill = get_locked(session, Bill, bill_id)
    if bill is None or bill.status == "void":
        raise NotFound(N_("No such bill."))
    return bill


def paid_cents(session: Session, bill_id: int) -> int:
    """What was paid on a bill (live payments), inside the caller's unit of work."""
    return _paid(session, bill_id)


def _paid(session: Session, bill_id: int) -> int:
    return int(session.scalar(select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
        Payment.bill_id == bill_id, Payment.voided.is_(False))) or 0)


def check_method(method: str, place: str) -> None:
    if method not in METHODS:
        raise ValidationError(N_("Choose how the customer paid."), field="method")
    if place not in PLACES:
        raise ValidationError(N_("Choose where the money was taken."), field="place")


def collect(ctx: ServiceContext, bill_id: int, *, amount: Decimal, method: str,
            place: str) -> PaymentDTO:
    """Take money against a bill; on site it stays with the technician until hand-over."""
    require(ctx.actor, Perm.COLLECT)
    check_method(method, place)
    cents = to_cents(amount)
    with ctx.write() as session:
        bill = _bill(session, bill_id)
        payment = take_payment(session, ctx, bill, cents=cents, method=method, place=place,
                               taken_by_id=_taker(session, ctx, bill, place))
        return payment_dto(session, payment)


def _taker(session: Session, ctx: ServiceContext, bill: Bill, place: str) -> int | None:
    """Who took money on site: the actor if a technician records it, else the technician
    on the call's latest voucher."""
    if place != "on_site":
        return None
    if ctx.actor.role == Role.TECHNICIAN:
        return ctx.actor.user_id
    holder = session.scalar(select(Job.technician_id).where(Job.call_id == bill.call_id)
                            .order_by(Job.dispatched_at.desc(), Job.id.desc()).limit(1))
    if holder is None:
        raise ValidationError(N_("Money taken on site needs a technician's voucher: this "
                                 "call was never dispatched."), field="place")
    return int(holder)


def holder(method: str, taken_by_id: int | None) -> int | None:
    """Who holds the money until the accountant confirms a hand-over (seed 002 §十: the
    cash collected on site is handed to the accountant): the technician who took cash;
    WeChat, Alipay, card or transfer money is in the store's account at once — no holder."""
    return taken_by_id if method == "cash" else None


def take_payment(session: Session, ctx: ServiceContext, bill: Bill, *, cents: int,
                 method: str, place: str, taken_by_id: int | None) -> Payment:
    """One payment against ``bill`` in the caller's unit of work (at most what is owed);
    ``taken_by_id`` is the technician who took it on site (None at the counter)."""
    outstanding = bill.total_cents - _paid(session, bill.id)
    if cents <= 0 or cents > outstanding:
        raise ValidationError(N_("The amount must be more than zero and at most what is "
                                 "still owed ({owed})."), field="amount",
                              owed=format_money(outstanding))
    payment = Payment(number=next_number(session, "payment", ctx.today(),
                                                 branch_id=bill.branch_id), bill_id=bill.id,
                      amount_cents=cents, method=method, place=place,
                      collected_at=ctx.now(), collected_by_id=ctx.actor.user_id or 0,
                      taken_by_id=taken_by_id, held_by_id=holder(method, taken_by_id))
    session.add(payment)
    if cents == outstanding:
        bill.status = "paid"
    session.flush()
    return payment


def confirm_handover(ctx: ServiceContext, payment_ids: list[int], *,
                     counted: Decimal | None = None, reason: str = "") -> list[PaymentDTO]:
    """The accountant confirms the money one technician brought back (seed 002 §十).

    ``counted`` is what was actually handed over (None: exactly what was recorded); a
    difference needs a reason and is kept on the hand-over record.
    """
    require(ctx.actor, Perm.HANDOVER_CONFIRM)
    reason = clean_text(reason, field="reason", max_len=200)
    with ctx.write(action="handover", reason=reason or None) as session:
        for payment_id in sorted(set(payment_ids)):  # two accountants at once: one waits
            get_locked(session, Payment, payment_id)
        done = [_held_payment(session, payment_id) for payment_id in payment_ids]
        if not done:
            raise ValidationError(N_("Choose the payments handed over."), field="payments")
        holders = {p.held_by_id for p in done}
        if len(holders) != 1:
            raise ValidationError(N_("One hand-over is the money of one technician."),
                                  field="payments")
        recorded = sum(p.amount_cents for p in done)
        counted_cents = recorded if counted is None else to_cents(counted)
        if counted_cents != recorded and not reason:
            raise ValidationError(N_("{counted} handed over but {recorded} recorded: give the "
                                     "reason for the difference."), field="reason",
                                  counted=format_money(counted_cents),
                                  recorded=format_money(recorded))
        handover = CashHandover(holder_id=holders.pop() or 0, confirmed_by_id=ctx.actor.user_id,
                                at=ctx.now(), recorded_cents=recorded,
                                counted_cents=counted_cents, reason=reason)
        session.add(handover)
        session.flush()
        for payment in done:
            payment.handed_over_at = handover.at
            payment.handover_confirmed_by_id = ctx.actor.user_id
            payment.handover_id = handover.id
        session.flush()
        return payment_dtos(session, done)


def _held_payment(session: Session, payment_id: int) -> Payment:
    payment = session.get(Payment, payment_id)
    if payment is None or payment.voided:
        raise NotFound(N_("No such payment."))
    if payment.held_by_id is None or payment.handed_over_at is not None:
        raise ValidationError(N_("Payment {number} is not waiting for hand-over."),
                              field="payments", number=payment.number)
    return payment


def void_payment(ctx: ServiceContext, payment_id: int, *, reason: str,
                 expected_version: int) -> PaymentDTO:
    """A printed receipt is voided with a reason, never deleted."""
    require(ctx.actor, Perm.HANDOVER_CONFIRM)
    reason = clean_text(reason, field="reason", max_len=200, required=True)
    with ctx.write(reason=reason, action="void") as session:
        payment = session.get(Payment, payment_id)
        if payment is None:
            raise NotFound(N_("No such payment."))
        check_version(session, payment, expected_version)
        if payment.voided:
            raise ValidationError(N_("This payment is already void."), field="reason")
        payment.voided, payment.void_reason = True, reason
        bill = get_locked(session, Bill, payment.bill_id)
        if bill is not None and bill.status == "paid" and bill.total_cents:
            bill.status = "open"
        session.flush()
        return payment_dto(session, payment)


def cash_held(ctx: ServiceContext) -> list[CashHeld]:
    """Money taken on site and not yet handed over, per technician who holds it."""
    with ctx.read() as session:
        rows = session.execute(
            select(User.id, User.display_name, func.count(Payment.id),
                   func.sum(Payment.amount_cents))
            .join(User, User.id == Payment.held_by_id)
            .where(Payment.held_by_id.is_not(None), Payment.handed_over_at.is_(None),
                   Payment.voided.is_(False))  # the first two: ix_payments_cash_held
            .group_by(User.id, User.display_name).order_by(User.display_name))
        return [CashHeld(uid, name, int(n), int(total or 0)) for uid, name, n, total in rows]


def held_payments(ctx: ServiceContext, collector_id: int) -> list[PaymentDTO]:
    """What one technician holds (``collector_id`` is the holder, whoever typed it in)."""
    with ctx.read() as session:
        rows = session.scalars(select(Payment).where(
            Payment.held_by_id == collector_id,
            Payment.handed_over_at.is_(None), Payment.voided.is_(False))
            .order_by(Payment.collected_at))
        return payment_dtos(session, list(rows))


def _bill_facts(session: Session, bill_ids: set[int]) -> dict[int, tuple[str, str]]:
    """bill id → (call number, customer name) in one query, for lists of payments/invoices."""
    if not bill_ids:
        return {}
    rows = session.execute(select(Bill.id, Call.number, Customer.name)
                           .join(Call, Call.id == Bill.call_id)
                           .join(Customer, Customer.id == Call.customer_id)
                           .where(Bill.id.in_(bill_ids)))
    return {bill_id: (number, name) for bill_id, number, name in rows}


def payment_dtos(session: Session, payments: list[Payment]) -> list[PaymentDTO]:
    """Many payments with three queries in all, whatever their number."""
    facts = _bill_facts(session, {p.bill_id for p in payments})
    people = {p.collected_by_id for p in payments} | {p.held_by_id for p in payments
                                                      if p.held_by_id is not None}
    names = {uid: name for uid, name in session.execute(
        select(User.id, User.display_name).where(User.id.in_(people)))} if payments else {}
    return [PaymentDTO(p.id, p.number, p.bill_id, *facts.get(p.bill_id, ("", "")),
                       p.amount_cents, p.method, p.place, p.collected_at,
                       names.get(p.collected_by_id, ""), p.handed_over_at, p.voided,
                       p.version, names.get(p.held_by_id or 0, ""), branch_id=p.branch_id)
            for p in payments]


def payment_dto(session: Session, payment: Payment) -> PaymentDTO:
    return payment_dtos(session, [payment])[0]


def payment_number(ctx: ServiceContext, payment_id: int) -> str:
    with ctx.read() as session:
        number = session.scalar(select(Payment.number).where(Payment.id == payment_id))
        if number is None:
            raise NotFound(N_("No such payment."))
        return str(number)


def find_payment(ctx: ServiceContext, number: str) -> PaymentDTO:
    """Payment ``number`` with, when voided, when and why (what its receipt prints)."""
    with ctx.read() as session:
        wanted = searchable(number).upper()
        payment = session.scalar(select(Payment).where(Payment.number == wanted))
        if payment is None:
            raise NotFound(N_("No payment receipt with the number {number}."), number=number)
        return replace(payment_dto(session, payment), void=payment_void(session, payment))


def payment_void(session: Session, payment: Payment) -> VoidInfo | None:
    """When and why ``payment`` was voided (None while it holds)."""
    if not payment.voided:
        return None
    change = last_change(session, "payments", payment.id, "voided")
    return VoidInfo(change[0] if change else payment.updated_at, payment.void_reason)


# ---- invoices (发票) ---------------------------------------------------------------------

def record_invoice(ctx: ServiceContext, bill_id: int, *, invoice_no: str, amount: Decimal,
                   issued_on: date, to_mail: bool = False) -> InvoiceDTO:
    """Record an invoice against one bill; refuse over-invoicing and a double entry."""
    require(ctx.actor, Perm.INVOICE)
    number = clean_text(invoice_no, field="invoice_no", max_len=40, required=True)
    cents = to_cents(amount)
    with ctx.write() as session:
        bill = _bill(session, bill_id)
        lock_name(session, f"invoice_no:{number}")  # the same paper number on another bill
        # the paper's number is the company's (unique in every branch): asked of the table
        # on the connection, past the branch filter; only "recorded or not" comes back
        invoices_table = Invoice.__table__
        if session.connection().scalar(select(invoices_table.c.id).where(
                invoices_table.c.invoice_no == number)):
            raise ValidationError(N_("Invoice number {number} is already recorded."),
                                  field="invoice_no", number=number)
        _check_invoice_amount(session, bill, cents)
        invoice = Invoice(invoice_no=number, bill_id=bill_id, issued_on=issued_on,
                          amount_cents=cents, to_mail=to_mail)
        session.add(invoice)
        session.flush()
        return invoice_dto(session, invoice)


def _check_invoice_amount(session: Session, bill: Bill, cents: int) -> None:
    live = list(session.scalars(select(Invoice.amount_cents).where(
        Invoice.bill_id == bill.id, Invoice.voided.is_(False))))
    if cents <= 0 or cents + sum(live) > bill.total_cents:
        raise ValidationError(N_("An invoice cannot exceed what was billed ({left} left "
                                 "to invoice)."), field="amount",
                              left=format_money(bill.total_cents - sum(live)))
    if cents in live:
        raise ValidationError(N_("This bill already has an invoice for that amount."),
                              field="amount")


def invoices(ctx: ServiceContext, *, to_mail_only: bool = False,
             limit: int = 500) -> list[InvoiceDTO]:
    with ctx.read() as session:
        query = select(Invoice).where(Invoice.voided.is_(False))
        if to_mail_only:
            query = query.where(Invoice.to_mail.is_(True), Invoice.mailed_on.is_(None))
        rows = session.scalars(query.order_by(Invoice.issued_on.desc(), Invoice.id.desc())
                               .limit(limit))
        return invoice_dtos(session, list(rows))


def mark_mailed(ctx: ServiceContext, invoice_id: int, *, day: date) -> InvoiceDTO:
    require(ctx.actor, Perm.INVOICE)
    with ctx.write() as session:
        invoice = session.get(Invoice, invoice_id)
        if invoice is None:
            raise NotFound(N_("No such invoice."))
        invoice.mailed_on = day
        session.flush()
        return invoice_dto(session, invoice)


def invoice_dtos(session: Session, invoices: list[Invoice]) -> list[InvoiceDTO]:
    facts = _bill_facts(session, {i.bill_id for i in invoices})
    return [InvoiceDTO(i.id, i.invoice_no, i.bill_id, *facts.get(i.bill_id, ("", "")),
                       i.issued_on, i.amount_cents, i.to_mail, i.mailed_on, i.voided)
            for i in invoices]


def invoice_dto(session: Session, invoice: Invoice) -> InvoiceDTO:
    return invoice_dtos(session, [invoice])[0]


# ---- receivables and the day's money -----------------------------------------------------

def receivables(ctx: ServiceContext, *, limit: int = 1000) -> list[Receivable]:
    """Billed but not (fully) paid, oldest first, with age in days."""
    paid = (select(Payment.bill_id, func.sum(Payment.amount_cents).label("paid"))
            .where(Payment.voided.is_(False)).group_by(Payment.bill_id).subquery())
    with ctx.read() as session:
        rows = session.execute(
            select(Bill, Call.number, Customer.name, func.coalesce(paid.c.paid, 0))
            .join(Call, Call.id == Bill.call_id).join(Customer, Customer.id == Call.customer_id)
            .outerjoin(paid, paid.c.bill_id == Bill.id)
            .where(Bill.status == "open", Bill.total_cents > func.coalesce(paid.c.paid, 0))
            .order_by(Bill.billed_at).limit(limit))
        today = ctx.today()
        return [Receivable(b.id, number, name, b.billed_at, b.total_cents, int(p),
                           (today - ctx.local(b.billed_at).date()).days)
                for b, number, name, p in rows]


def day_end(ctx: ServiceContext, day: date) -> DayEndReport:
    """Money taken on one store-local day, per collector and method (日结)."""
    require(ctx.actor, Perm.REPORTS_VIEW)
    start = datetime.combine(day, time.min, tzinfo=ctx.tz)
    with ctx.read() as session:
        rows = session.scalars(select(Payment).where(
            Payment.collected_at >= start, Payment.collected_at < start + timedelta(days=1),
            Payment.voided.is_(False)).order_by(Payment.collected_at, Payment.id))
        payments = tuple(payment_dtos(session, list(rows)))
    by_method: dict[str, int] = {}
    per: dict[str, dict[str, int]] = {}
    for p in payments:
        by_method[p.method] = by_method.get(p.method, 0) + p.amount_cents
        methods = per.setdefault(p.collector, {})
        methods[p.method] = methods.get(p.method, 0) + p.amount_cents
    collectors = tuple(CollectorTotal(name, methods, sum(methods.values()),
                                      sum(1 for p in payments if p.collector == name))
                       for name, methods in sorted(per.items()))
    held = sum(p.amount_cents for p in payments if p.holder and p.handed_over_at is None)
    total = sum(p.amount_cents for p in payments)
    handed = sum(p.amount_cents for p in payments if p.handed_over_at is not None)
    return DayEndReport(day, payments, collectors, by_method, total, handed, held)
