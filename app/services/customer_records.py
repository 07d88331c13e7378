"""Everything the store has on one customer besides the calls (用户登记表 → the customer's
file): complaints, survey cards, follow-up calls, contracts, carried-in items and payments,
each as short lines (day, number, what, state) newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.errors import NotFound
from app.i18n import N_
from app.models.billing import Bill, Payment
from app.models.calls import Call
from app.models.carry_in import ItemReceipt, ItemReturn
from app.models.contracts import MaintenanceContract
from app.models.customers import Customer
from app.models.voice import Complaint, FollowUp, SurveyCard
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.voice_common import item_labels

LIMIT = 200  # lines per section: a file is read, not exported


@dataclass(frozen=True)
class RecordLine:
    day: date | None
    number: str
    what: str
    state: str  # a code of the section's vocabulary, or plain text
    amount_cents: int | None = None


@dataclass(frozen=True)
class CustomerRecords:
    complaints: tuple[RecordLine, ...]
    cards: tuple[RecordLine, ...]
    followups: tuple[RecordLine, ...]
    contracts: tuple[RecordLine, ...]
    carry_ins: tuple[RecordLine, ...]
    payments: tuple[RecordLine, ...]


def customer_records(ctx: ServiceContext, customer_id: int) -> CustomerRecords:
    require(ctx.actor, Perm.CALL_REGISTER)

    def day(moment: datetime | None) -> date | None:
        return ctx.local(moment).date() if moment else None

    with ctx.read() as session:
        if session.get(Customer, customer_id) is None:  # or another branch's
            raise NotFound(N_("No such customer."))
        complaints = tuple(
            RecordLine(c.accepted_on, c.number, c.description, c.status)
            for c in session.scalars(select(Complaint).where(Complaint.customer_id == customer_id)
                                     .order_by(Complaint.id.desc()).limit(LIMIT)))
        cards = tuple(
            RecordLine(card.issued_on, card.number, card.comments or call_number, card.status)
            for card, call_number in session.execute(
                select(SurveyCard, Call.number).join(Call, Call.id == SurveyCard.call_id)
                .where(Call.customer_id == customer_id)
                .order_by(SurveyCard.id.desc()).limit(LIMIT)))
        followups = tuple(
            RecordLine(f.done_on, number, f.answer, "yes" if f.satisfied else "no")
            for f, number in session.execute(
                select(FollowUp, Call.number).join(Call, Call.id == FollowUp.call_id)
                .where(Call.customer_id == customer_id)
                .order_by(FollowUp.id.desc()).limit(LIMIT)))
        contracts = tuple(
            RecordLine(k.end_date, k.number, f"{k.start_date.isoformat()} — "
                                             f"{k.end_date.isoformat()}", k.status, k.fee_cents)
            for k in session.scalars(select(MaintenanceContract)
                                     .where(MaintenanceContract.customer_id == customer_id)
                                     .order_by(MaintenanceContract.id.desc()).limit(LIMIT)))
        receipts = session.execute(
            select(ItemReceipt, ItemReturn.returned_at)
            .outerjoin(ItemReturn, ItemReturn.receipt_id == ItemReceipt.id)
            .where(ItemReceipt.customer_id == customer_id)
            .order_by(ItemReceipt.id.desc()).limit(LIMIT)).all()
        labels = item_labels(session, {r.item_id for r, _ in receipts})
        carry_ins = tuple(
            RecordLine(day(r.taken_in_at), r.number, f"{labels.get(r.item_id, '')} {r.fault}",
                       "returned" if back else "in_store")
            for r, back in receipts)
        payments = tuple(
            RecordLine(day(p.collected_at), p.number, call_number,
                       "voided" if p.voided else p.method, p.amount_cents)
            for p, call_number in session.execute(
                select(Payment, Call.number).join(Bill, Bill.id == Payment.bill_id)
                .join(Call, Call.id == Bill.call_id).where(Call.customer_id == customer_id)
                .order_by(Payment.id.desc()).limit(LIMIT)))
        return CustomerRecords(complaints, cards, followups, contracts, carry_ins, payments)
