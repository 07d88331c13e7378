"""Late repairs (§十四): the technician asks the supervisor for help, or records that the
repair waits for parts with a new promised date and the reason the customer is told; and
vouchers completed on site that the clerk has not closed after a day (§九)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.carry_in import Escalation, ItemReceipt, PromiseChange, ReceiptStatus
from app.models.jobs import Job, JobStatus
from app.models.staff import User
from app.services import messaging_service
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.validation import check_version, clean_text

CLOSE_WARNING = timedelta(days=1)  # a completed voucher not closed after this warns (§九)


@dataclass(frozen=True)
class EscalationDTO:
    id: int
    receipt_id: int
    receipt_number: str
    asked_by: str
    asked_at: datetime
    note: str
    answered_by: str
    answered_at: datetime | None
    answer: str


def _held_receipt(session: Session, receipt_id: int) -> ItemReceipt:
    receipt = session.get(ItemReceipt, receipt_id)
    if receipt is None:
        raise NotFound(N_("No such receipt."))
    if receipt.status != ReceiptStatus.HELD.value:
        raise ValidationError(N_("The item of receipt {number} has already been returned."),
                              field="number", number=receipt.number)
    return receipt


def ask_for_help(ctx: ServiceContext, receipt_id: int, *, note: str) -> EscalationDTO:
    """报请服务主任协助: recorded, and listed for the supervisor until answered."""
    require(ctx.actor, Perm.REPAIR_WORK)
    note = clean_text(note, field="note", max_len=300, required=True)
    with ctx.write(action="escalate", reason=note) as session:
        receipt = _held_receipt(session, receipt_id)
        row = Escalation(receipt_id=receipt.id, asked_at=ctx.now(),
                         asked_by_id=ctx.actor.user_id or 0, note=note, answer="")
        session.add(row)
        session.flush()
    return _dtos(ctx, [row.id])[0]


def answer_help(ctx: ServiceContext, escalation_id: int, *, answer: str) -> EscalationDTO:
    """The supervisor records the help given."""
    require(ctx.actor, Perm.DISPATCH)
    answer = clean_text(answer, field="answer", max_len=300, required=True)
    with ctx.write(action="escalation_answer") as session:
        row = session.get(Escalation, escalation_id)
        if row is None or session.get(ItemReceipt, row.receipt_id) is None:  # another branch's
            raise NotFound(N_("No such request for help."))
        if row.answered_at is not None:
            raise ValidationError(N_("This request was already answered."), field="answer")
        row.answered_at, row.answered_by_id, row.answer = ctx.now(), ctx.actor.user_id, answer
    return _dtos(ctx, [escalation_id])[0]


def open_escalations(ctx: ServiceContext) -> list[EscalationDTO]:
    """Requests for help not yet answered, oldest first (the supervisor's list)."""
    require(ctx.actor, Perm.DISPATCH)
    with ctx.read() as session:
        ids = list(session.scalars(select(Escalation.id)  # the receipt holds the branch
                                   .join(ItemReceipt, ItemReceipt.id == Escalation.receipt_id)
                                   .where(Escalation.answered_at.is_(None))
                                   .order_by(Escalation.asked_at, Escalation.id)))
    return _dtos(ctx, ids)


def requests_for(ctx: ServiceContext, receipt_id: int) -> list[EscalationDTO]:
    """The requests for help on one item, answered or not, in order (its card's history)."""
    with ctx.read() as session:
        ids = list(session.scalars(select(Escalation.id)
                                   .join(ItemReceipt, ItemReceipt.id == Escalation.receipt_id)
                                   .where(Escalation.receipt_id == receipt_id)
                                   .order_by(Escalation.asked_at, Escalation.id)))
    return _dtos(ctx, ids)


@dataclass(frozen=True)
class PromiseChangeDTO:
    at: datetime
    by: str
    old_date: date
    new_date: date
    waiting_for_parts: bool
    reason: str


def promise_changes(ctx: ServiceContext, receipt_id: int) -> list[PromiseChangeDTO]:
    """The item's promised date as it moved (§十四), oldest first: what the customer was told."""
    with ctx.read() as session:
        rows = session.execute(select(PromiseChange, User.display_name)
                               .join(User, User.id == PromiseChange.by_id)
                               .join(ItemReceipt, ItemReceipt.id == PromiseChange.receipt_id)
                               .where(PromiseChange.receipt_id == receipt_id)
                               .order_by(PromiseChange.at, PromiseChange.id))
        return [PromiseChangeDTO(c.at, name, c.old_date, c.new_date, c.waiting_for_parts,
                                 c.reason) for c, name in rows]


def _dtos(ctx: ServiceContext, ids: list[int]) -> list[EscalationDTO]:
    if not ids:
        return []
    with ctx.read() as session:
        names = {uid: name for uid, name in session.execute(select(User.id, User.display_name))}
        rows = session.execute(select(Escalation, ItemReceipt.number)
                               .join(ItemReceipt, ItemReceipt.id == Escalation.receipt_id)
                               .where(Escalation.id.in_(ids)))
        found = {e.id: EscalationDTO(e.id, e.receipt_id, number, names.get(e.asked_by_id, ""),
                                     e.asked_at, e.note, names.get(e.answered_by_id or 0, ""),
                                     e.answered_at, e.answer) for e, number in rows}
    return [found[i] for i in ids]


def wait_for_parts(ctx: ServiceContext, receipt_id: int, *, new_date: date, reason: str,
                   expected_version: int) -> date:
    """The repair waits for parts: a new promised date and the reason, kept with the old
    date (the customer can be told); the item's books show it waiting."""
    require(ctx.actor, Perm.REPAIR_WORK)
    reason = clean_text(reason, field="reason", max_len=200, required=True)
    if new_date < ctx.today():
        raise ValidationError(N_("The new promised date cannot be in the past."),
                              field="promised_date")
    with ctx.write(action="wait_for_parts", reason=reason) as session:
        receipt = _held_receipt(session, receipt_id)
        check_version(session, receipt, expected_version)
        change = PromiseChange(receipt_id=receipt.id, old_date=receipt.promised_date,
                               new_date=new_date, waiting_for_parts=True, reason=reason,
                               at=ctx.now(), by_id=ctx.actor.user_id or 0)
        session.add(change)
        receipt.promised_date, receipt.waiting_for_parts = new_date, True
        session.flush()
        messaging_service.notify_waiting_for_parts(
            session, ctx, change_id=change.id, customer_id=receipt.customer_id,
            item_id=receipt.item_id, call_id=receipt.call_id, promised=new_date)
    return new_date


def vouchers_not_closed(ctx: ServiceContext) -> list[tuple[str, datetime]]:
    """(voucher number, completed at) of vouchers completed on site more than a day ago
    and still not closed by the clerk (§九), oldest first."""
    require(ctx.actor, Perm.CALL_CLOSE)
    with ctx.read() as session:
        rows = session.execute(select(Job.number, Job.completed_at).where(
            Job.status == JobStatus.COMPLETED.value,
            Job.completed_at < ctx.now() - CLOSE_WARNING).order_by(Job.completed_at))
        return [(number, at) for number, at in rows if at is not None]
