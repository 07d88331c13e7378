"""Money taken (收款): on site by technicians, at the counter; hand-over; invoices (发票)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.numbering import next_number
from app.i18n import N_
from app.models.billing import Bill, Invoice, Payment
from app.models.calls import Call
from app.models.customers import Customer
from app.models.staff import User
from app.services.context import ServiceContext
from app.services.errors import NotFound, ValidationError
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
    bill = session.get(Bill, bill_id)
    if bill is None or bill.status == "void":
        raise NotFound(N_("No such bill."))
    return bill


def _paid(session: Session, bill_id: int) -> int:
    return int(session.scalar(select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
        Payment.bill_id == bill_id, Payment.voided.is_(False))) or 0)


def collect(ctx: ServiceContext, bill_id: int, *, amount: Decimal, method: str,
            place: str) -> PaymentDTO:
    """Take money against a bill; on site it stays with the technician until hand-over."""
    require(ctx.actor, Perm.COLLECT)
    if method not in METHODS:
        raise ValidationError(N_("Choose how the customer paid."), field="method")
    if place not in PLACES:
        raise ValidationError(N_("Choose where the money was taken."), field="place")
    cents = to_cents(amount)
    with ctx.write() as session:
        bill = _bill(session, bill_id)
        outstanding = bill.total_cents - _paid(session, bill_id)
        if cents <= 0 or cents > outstanding:
            raise ValidationError(N_("The amount must be more than zero and at most what is "
                                     "still owed ({owed})."), field="amount",
                                  owed=format_money(outstanding))
        payment = Payment(number=next_number(session, "payment", ctx.today()), bill_id=bill_id,
                          amount_cents=cents, method=method, place=place,
                          collected_at=ctx.now(), collected_by_id=ctx.actor.user_id or 0)
        session.add(payment)
        if cents == outstanding:
            bill.status = "paid"
        session.flush()
        return payment_dto(session, payment)


def confirm_handover(ctx: ServiceContext, payment_ids: list[int]) -> list[PaymentDTO]:
    """The accountant confirms the cash a technician brought back (seed 002 §十)."""
    require(ctx.actor, Perm.HANDOVER_CONFIRM)
    with ctx.write(action="handover") as session:
        done = []
        for payment_id in payment_ids:
            payment = session.get(Payment, payment_id)
            if payment is None or payment.voided:
                raise NotFound(N_("No such payment."))
            if payment.place != "on_site" or payment.handed_over_at is not None:
                raise ValidationError(N_("Payment {number} is not waiting for hand-over."),
                                      field="payments", number=payment.number)
            payment.handed_over_at = ctx.now()
            payment.handover_confirmed_by_id = ctx.actor.user_id
            done.append(payment)
        session.flush()
        return payment_dtos(session, done)


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
        bill = session.get(Bill, payment.bill_id)
        if bill is not None and bill.status == "paid" and bill.total_cents:
            bill.status = "open"
        session.flush()
        return payment_dto(session, payment)


def cash_held(ctx: ServiceContext) -> list[CashHeld]:
    """Cash collected on site and not yet handed over, per technician."""
    with ctx.read() as session:
        rows = session.execute(
            select(User.id, User.display_name, func.count(Payment.id),
                   func.sum(Payment.amount_cents))
            .join(User, User.id == Payment.collected_by_id)
            .where(Payment.place == "on_site", Payment.handed_over_at.is_(None),
                   Payment.voided.is_(False))
            .group_by(User.id, User.display_name).order_by(User.display_name))
        return [CashHeld(uid, name, int(n), int(total or 0)) for uid, name, n, total in rows]


def held_payments(ctx: ServiceContext, collector_id: int) -> list[PaymentDTO]:
    with ctx.read() as session:
        rows = session.scalars(select(Payment).where(
            Payment.collected_by_id == collector_id, Payment.place == "on_site",
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
    collectors = {uid: name for uid, name in session.execute(
        select(User.id, User.display_name)
        .where(User.id.in_({p.collected_by_id for p in payments})))} if payments else {}
    return [PaymentDTO(p.id, p.number, p.bill_id, *facts.get(p.bill_id, ("", "")),
                       p.amount_cents, p.method, p.place, p.collected_at,
                       collectors.get(p.collected_by_id, ""), p.handed_over_at, p.voided,
                       p.version) for p in payments]


def payment_dto(session: Session, payment: Payment) -> PaymentDTO:
    return payment_dtos(session, [payment])[0]


def find_payment(ctx: ServiceContext, number: str) -> PaymentDTO:
    with ctx.read() as session:
        payment = session.scalar(select(Payment).where(Payment.number == searchable(number)))
        if payment is None:
            raise NotFound(N_("No payment receipt with the number {number}."), number=number)
        return payment_dto(session, payment)


# ---- invoices (发票) ---------------------------------------------------------------------

def record_invoice(ctx: ServiceContext, bill_id: int, *, invoice_no: str, amount: Decimal,
                   issued_on: date, to_mail: bool = False) -> InvoiceDTO:
    """Record an invoice against one bill; refuse over-invoicing and a double entry."""
    require(ctx.actor, Perm.INVOICE)
    number = clean_text(invoice_no, field="invoice_no", max_len=40, required=True)
    cents = to_cents(amount)
    with ctx.write() as session:
        bill = _bill(session, bill_id)
        if session.scalar(select(Invoice.id).where(Invoice.invoice_no == number)):
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
    held = sum(p.amount_cents for p in payments
               if p.place == "on_site" and p.handed_over_at is None)
    total = sum(p.amount_cents for p in payments)
    handed = sum(p.amount_cents for p in payments if p.handed_over_at is not None)
    return DayEndReport(day, payments, collectors, by_method, total, handed, held)
