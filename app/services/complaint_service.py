"""The complaint register (客户投诉): accept, route, decide, visit, remind, resolve, close.

Seed 002 客户投诉管理办法: numbers 年度月份流水 (2611-007), closed within 13 days (domestic) or
17 days (abroad) of acceptance; overdue cases get a reminder (催办单); a rejected outcome is
filed as a new complaint attached to the first; every complaining customer is visited by
the supervisor or a delegate before the case is closed (seed 002 §二十八); a case closed after
its deadline gets a liaison note (洽办单, 办法 十四) to the department at fault asking why.
Seed 003 §4.3.4–4.3.6: routing by kind; the department can be changed, with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.db.numbering import next_number
from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.customers import Customer, Item
from app.models.voice import Complaint, ComplaintLiaison, ComplaintReminder, complaint_is_open
from app.services import messaging_service
from app.services.complaint_dto import (
    CLOSED,
    ComplaintDTO,
    LiaisonDoc,
    ReminderDoc,
    ReplyLetter,
    complaint_dto,
    complaint_dtos,
)
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.reference_service import letterhead_in
from app.services.validation import (
    audit_label,
    check_version,
    clean_text,
    not_in_future,
    searchable,
)
from app.services.voice_common import (
    COMPLAINT_DEADLINE_DEFAULT,
    COMPLAINT_DEADLINE_KEY,
    setting_value,
    user_names,
)

KINDS = ("quality", "function", "packaging", "attitude", "service", "other")
SOURCES = ("call", "card", "visit", "letter", "followup")
SEVERITIES = ("ordinary", "serious")
TOLD_VIA = ("letter", "phone")
# Seed 003 §4.3.4–4.3.6: where each kind of complaint is sent.
ROUTES = {
    "quality": "quality_inspection",  # 质检部门 / 生产厂家
    "function": "quality_inspection",
    "packaging": "warehouse_delivery",  # 仓储配送部门
    "attitude": "sales",  # 销售部: 店面营销、售后服务人员态度差
    "service": "sales",  # 销售部: 售后服务人员不尽职责 (4.3.6)
    "other": "service",
}
DEPARTMENTS = ("quality_inspection", "warehouse_delivery", "sales", "service")
OPEN, RESOLVED = "open", "resolved"


@dataclass(frozen=True)
class ComplaintInput:
    customer_id: int
    description: str
    kind: str
    source: str = "call"
    demand: str = ""
    item_id: int | None = None
    call_id: int | None = None
    severity: str = "ordinary"
    abroad: bool = False
    accepted_on: date | None = None


def route_for(kind: str) -> str:
    """The department a complaint of this kind goes to."""
    if kind not in ROUTES:
        raise ValidationError(N_("Choose the kind of complaint."), field="kind")
    return ROUTES[kind]


def deadline_for(session: Session, accepted_on: date, abroad: bool) -> date:
    days = setting_value(session, COMPLAINT_DEADLINE_KEY, COMPLAINT_DEADLINE_DEFAULT)
    default = COMPLAINT_DEADLINE_DEFAULT["abroad" if abroad else "domestic"]
    count = days.get("abroad" if abroad else "domestic", default) if isinstance(days, dict) \
        else default
    return accepted_on + timedelta(days=int(count))


def _checked(session: Session, ctx: ServiceContext, data: ComplaintInput) -> dict[str, object]:
    if session.get(Customer, data.customer_id) is None:
        raise ValidationError(N_("Choose a customer."), field="customer")
    if data.source not in SOURCES:
        raise ValidationError(N_("Choose where the complaint came from."), field="source")
    if data.severity not in SEVERITIES:
        raise ValidationError(N_("Choose the severity."), field="severity")
    if data.item_id is not None:
        item = session.get(Item, data.item_id)
        if item is None or item.customer_id != data.customer_id:
            raise ValidationError(N_("The item does not belong to this customer."),
                                  field="item")
    accepted = data.accepted_on or ctx.today()
    not_in_future(accepted, ctx.today(), field="accepted_on")
    return {
        "description": clean_text(data.description, field="description", max_len=2000,
                                  required=True, multiline=True),
        "demand": clean_text(data.demand, field="demand", max_len=1000, multiline=True),
        "department": route_for(data.kind), "accepted_on": accepted,
    }


def insert_complaint(session: Session, ctx: ServiceContext, data: ComplaintInput, *,
                     reopened_from_id: int | None = None) -> Complaint:
    """Open a complaint inside an open unit of work (survey cards and follow-ups use it)."""
    checked = _checked(session, ctx, data)
    accepted = checked["accepted_on"]
    assert isinstance(accepted, date)
    customer = session.get(Customer, data.customer_id) if data.customer_id else None
    complaint = Complaint(
        number=next_number(session, "complaint", accepted,
                           branch_id=customer.branch_id if customer else None),
        source=data.source,
        customer_id=data.customer_id, item_id=data.item_id, call_id=data.call_id,
        description=checked["description"], demand=checked["demand"], kind=data.kind,
        department=checked["department"], severity=data.severity, abroad=data.abroad,
        accepted_on=accepted, deadline=deadline_for(session, accepted, data.abroad),
        status=OPEN, reopened_from_id=reopened_from_id, created_by_id=ctx.actor.user_id)
    session.add(complaint)
    session.flush()
    return complaint


def open_complaint(ctx: ServiceContext, data: ComplaintInput) -> ComplaintDTO:
    """Accept a complaint into the register: numbered, routed, deadline set."""
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    with ctx.write(action="complaint.open") as session:
        return complaint_dto(session, insert_complaint(session, ctx, data), ctx.today())


def reroute_complaint(ctx: ServiceContext, complaint_id: int, *, kind: str, severity: str,
                      expected_version: int, department: str | None = None,
                      reason: str = "") -> ComplaintDTO:
    """Correct the kind or severity; the department follows the kind unless chosen. Sending
    it to another department than the rules say needs a reason (kept on the audit trail)."""
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    dept = department or route_for(kind)
    if dept not in DEPARTMENTS:
        raise ValidationError(N_("Choose a department."), field="department")
    if severity not in SEVERITIES:
        raise ValidationError(N_("Choose the severity."), field="severity")
    reason = clean_text(reason, field="reason", max_len=200)
    if dept != route_for(kind) and not reason:
        raise ValidationError(N_("Say why the complaint goes to another department than "
                                 "its kind's."), field="reason")
    with ctx.write(reason=reason or None, action="complaint.route") as session:
        c = _open_one(session, complaint_id, expected_version)
        c.kind, c.severity, c.department = kind, severity, dept
        session.flush()
        return complaint_dto(session, c, ctx.today())


def decide_complaint(ctx: ServiceContext, complaint_id: int, *, decision: str,
                     expected_version: int) -> ComplaintDTO:
    """A serious complaint's decision by the vice general manager (seed 002 §二十六)."""
    require(ctx.actor, Perm.COMPLAINT_DECIDE)
    decision = clean_text(decision, field="decision", max_len=2000, required=True,
                          multiline=True)
    with ctx.write(action="complaint.decide") as session:
        c = _open_one(session, complaint_id, expected_version)
        c.decision, c.decided_by_id, c.decided_at = decision, ctx.actor.user_id, ctx.now()
        session.flush()
        return complaint_dto(session, c, ctx.today())


def record_visit(ctx: ServiceContext, complaint_id: int, *, visit_on: date, visit_by: str,
                 notes: str, expected_version: int) -> ComplaintDTO:
    """The supervisor's (or their delegate's) visit to the customer (seed 002 §二十八)."""
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    not_in_future(visit_on, ctx.today(), field="visit_on")
    visit_by = clean_text(visit_by, field="visit_by", max_len=40, required=True)
    notes = clean_text(notes, field="visit_notes", max_len=2000, multiline=True)
    with ctx.write(action="complaint.visit") as session:
        c = _get(session, complaint_id)
        check_version(session, c, expected_version)
        if c.status == CLOSED:
            raise ValidationError(N_("This complaint is already closed."), field="status")
        if visit_on < c.accepted_on:
            raise ValidationError(N_("The visit cannot be before the complaint was accepted."),
                                  field="visit_on")
        c.visit_on, c.visit_by, c.visit_notes = visit_on, visit_by, notes
        session.flush()
        return complaint_dto(session, c, ctx.today())


def issue_reminder(ctx: ServiceContext, complaint_id: int) -> ReminderDoc:
    """Issue a reminder (催办单) for an overdue complaint; returns what to print."""
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    with ctx.write(action="complaint.remind") as session:
        c = _get(session, complaint_id)
        days_over = (ctx.today() - c.deadline).days
        if c.status == CLOSED or days_over <= 0:
            raise ValidationError(N_("Only an overdue complaint gets a reminder."),
                                  field="deadline")
        session.add(ComplaintReminder(complaint_id=c.id, issued_at=ctx.now(),
                                      days_overdue=days_over, issued_by_id=ctx.actor.user_id))
        session.flush()
        dto = complaint_dto(session, c, ctx.today())
        return ReminderDoc(letterhead_in(session, c.branch_id), dto, dto.reminders, ctx.today(),
                           days_over,
                           ctx.actor.display_name)


def resolve_complaint(ctx: ServiceContext, complaint_id: int, *, resolution: str,
                      responsible: str, told_via: str, expected_version: int) -> ComplaintDTO:
    """What was done, who was responsible, how the customer was told."""
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    resolution = clean_text(resolution, field="resolution", max_len=2000, required=True,
                            multiline=True)
    responsible = clean_text(responsible, field="responsible", max_len=80, required=True)
    _check_told(told_via)
    with ctx.write(action="complaint.resolve") as session:
        c = _open_one(session, complaint_id, expected_version)
        if c.severity == "serious" and not c.decision:
            raise ValidationError(N_("A serious complaint needs the manager's decision first."),
                                  field="decision")
        c.resolution, c.responsible, c.told_via = resolution, responsible, told_via
        c.status, c.resolved_on = RESOLVED, ctx.today()
        session.flush()
        return complaint_dto(session, c, ctx.today())


def close_complaint(ctx: ServiceContext, complaint_id: int, *, outcome: str, told_via: str,
                    expected_version: int) -> ComplaintDTO:
    """Close (结案): needs the outcome and how the customer was told."""
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    outcome = clean_text(outcome, field="outcome", max_len=2000, required=True, multiline=True)
    _check_told(told_via)
    with ctx.write(action="complaint.close") as session:
        c = _get(session, complaint_id)
        check_version(session, c, expected_version)
        if c.status != RESOLVED:
            raise ValidationError(N_("Record the resolution before closing."),
                                  field="resolution")
        if c.visit_on is None:
            raise ValidationError(N_("The supervisor or a delegate must visit the customer "
                                     "before the complaint is closed."), field="visit_on")
        c.outcome, c.told_via, c.status, c.closed_on = outcome, told_via, CLOSED, ctx.today()
        session.flush()
        messaging_service.notify_complaint_outcome(
            session, ctx, complaint_id=c.id, number=c.number, customer_id=c.customer_id,
            outcome=outcome, call_id=c.call_id)
        return complaint_dto(session, c, ctx.today())


def reopen_as_new(ctx: ServiceContext, complaint_id: int, *, reason: str,
                  expected_version: int) -> ComplaintDTO:
    """The customer rejects the outcome: a NEW complaint, linked to the first (seed 九.9)."""
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    reason = clean_text(reason, field="reason", max_len=2000, required=True, multiline=True)
    with ctx.write(reason=audit_label(reason), action="complaint.reopen") as session:
        first = _get(session, complaint_id)
        check_version(session, first, expected_version)
        if first.status != CLOSED:
            raise ValidationError(N_("Only a closed complaint can be rejected."),
                                  field="status")
        first.rejected = True
        data = ComplaintInput(first.customer_id, reason, first.kind, first.source,
                              first.demand, first.item_id, first.call_id, first.severity,
                              first.abroad)
        new = insert_complaint(session, ctx, data, reopened_from_id=first.id)
        return complaint_dto(session, new, ctx.today())


def issue_liaison(ctx: ServiceContext, complaint_id: int, *,
                  question: str = "") -> LiaisonDoc:
    """A liaison note (洽办单) to the department of a complaint closed after its deadline,
    asking why it was late; one per complaint (reprinted by its number)."""
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    question = clean_text(question, field="question", max_len=1000, multiline=True)
    with ctx.write(action="complaint.liaison") as session:
        c = _get(session, complaint_id)
        if c.status != CLOSED or c.closed_on is None or c.closed_on <= c.deadline:
            raise ValidationError(N_("Only a complaint closed after its deadline gets a "
                                     "liaison note."), field="closed_on")
        if session.scalar(select(ComplaintLiaison.id)
                          .where(ComplaintLiaison.complaint_id == c.id)) is not None:
            raise ValidationError(N_("This complaint already has its liaison note."),
                                  field="liaison")
        row = ComplaintLiaison(number=next_number(session, "liaison", ctx.today(),
                                                           branch_id=c.branch_id),
                               complaint_id=c.id, department=c.department,
                               issued_on=ctx.today(), days_late=(c.closed_on - c.deadline).days,
                               question=question, issued_by_id=ctx.actor.user_id)
        session.add(row)
        session.flush()
        return _liaison_doc(session, ctx, row)


def record_liaison_reply(ctx: ServiceContext, liaison_id: int, *, reply: str,
                         expected_version: int) -> LiaisonDoc:
    """The department's answer: why the case was late, and what it changes."""
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    reply = clean_text(reply, field="reply", max_len=2000, required=True, multiline=True)
    with ctx.write(action="liaison.reply") as session:
        row = session.get(ComplaintLiaison, liaison_id)
        if row is None or session.get(Complaint, row.complaint_id) is None:  # another branch's
            raise NotFound(N_("No such liaison note."))
        check_version(session, row, expected_version)
        row.reply, row.replied_on = reply, ctx.today()
        session.flush()
        return _liaison_doc(session, ctx, row)


def find_liaison(ctx: ServiceContext, number: str) -> LiaisonDoc:
    with ctx.read() as session:
        row = session.scalar(select(ComplaintLiaison)  # the complaint holds the branch
                             .join(Complaint, Complaint.id == ComplaintLiaison.complaint_id)
                             .where(ComplaintLiaison.number == searchable(number).upper()))
        if row is None:
            raise NotFound(N_("No liaison note with the number {number}."), number=number)
        return _liaison_doc(session, ctx, row)


def list_liaisons(ctx: ServiceContext, *, unanswered: bool = False,
                  limit: int = 500) -> list[LiaisonDoc]:
    """Liaison notes, newest first (only those still waiting for an answer if asked)."""
    with ctx.read() as session:
        query = select(ComplaintLiaison).join(  # the complaint holds the branch
            Complaint, Complaint.id == ComplaintLiaison.complaint_id)
        if unanswered:
            query = query.where(ComplaintLiaison.replied_on.is_(None))
        rows = session.scalars(query.order_by(ComplaintLiaison.id.desc()).limit(limit))
        return [_liaison_doc(session, ctx, row) for row in rows]


def late_without_liaison(ctx: ServiceContext, *, limit: int = 500) -> list[ComplaintDTO]:
    """Complaints closed after their deadline that have no liaison note yet."""
    with ctx.read() as session:
        rows = session.scalars(
            select(Complaint).where(Complaint.status == CLOSED,
                                    Complaint.closed_on > Complaint.deadline,
                                    Complaint.id.not_in(select(ComplaintLiaison.complaint_id)))
            .order_by(Complaint.id.desc()).limit(limit))
        return complaint_dtos(session, list(rows), ctx.today())


def _liaison_doc(session: Session, ctx: ServiceContext, row: ComplaintLiaison) -> LiaisonDoc:
    by = user_names(session, {row.issued_by_id} if row.issued_by_id else set())
    complaint = _get(session, row.complaint_id)
    return LiaisonDoc(letterhead_in(session, complaint.branch_id), row.id, row.number,
                      complaint_dto(session, complaint, ctx.today()),
                      row.department, row.issued_on, row.days_late, row.question, row.reply,
                      row.replied_on, by.get(row.issued_by_id or 0, ""), row.version)


def reply_letter(ctx: ServiceContext, complaint_id: int) -> ReplyLetter:
    """The reply letter for a resolved complaint (printed, so the printing is recorded)."""
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    with ctx.read() as session:
        c = _get(session, complaint_id)
        if not c.resolution:
            raise ValidationError(N_("Record the resolution before writing to the customer."),
                                  field="resolution")
        return ReplyLetter(letterhead_in(session, c.branch_id),
                           complaint_dto(session, c, ctx.today()), ctx.today())


def _check_told(told_via: str) -> None:
    if told_via not in TOLD_VIA:
        raise ValidationError(N_("Say how the customer was told: letter or phone."),
                              field="told_via")


def _get(session: Session, complaint_id: int) -> Complaint:
    c = session.get(Complaint, complaint_id)
    if c is None:
        raise NotFound(N_("No such complaint."))
    return c


def _open_one(session: Session, complaint_id: int, expected_version: int) -> Complaint:
    c = _get(session, complaint_id)
    check_version(session, c, expected_version)
    if c.status != OPEN:
        raise ValidationError(N_("This complaint is no longer open."), field="status")
    return c


# ---- reading --------------------------------------------------------------------------------

def get_complaint(ctx: ServiceContext, complaint_id: int) -> ComplaintDTO:
    with ctx.read() as session:
        return complaint_dto(session, _get(session, complaint_id), ctx.today())


def find_complaint(ctx: ServiceContext, number: str) -> ComplaintDTO:
    with ctx.read() as session:
        c = session.scalar(select(Complaint).where(Complaint.number == searchable(number)))
        if c is None:
            raise NotFound(N_("No complaint with the number {number}."), number=number)
        return complaint_dto(session, c, ctx.today())


def last_reminder(ctx: ServiceContext, complaint_id: int) -> ReminderDoc:
    """The latest reminder of a complaint, to print it again."""
    with ctx.read() as session:
        c = _get(session, complaint_id)
        row = session.scalar(select(ComplaintReminder)
                             .where(ComplaintReminder.complaint_id == c.id)
                             .order_by(ComplaintReminder.id.desc()).limit(1))
        if row is None:
            raise NotFound(N_("No reminder was issued for this complaint."))
        dto = complaint_dto(session, c, ctx.today())
        by = user_names(session, {row.issued_by_id} if row.issued_by_id else set())
        return ReminderDoc(letterhead_in(session, c.branch_id), dto, dto.reminders,
                           ctx.local(row.issued_at).date(), row.days_overdue,
                           by.get(row.issued_by_id or 0, ""))


def list_complaints(ctx: ServiceContext, *, view: str = "open", after_id: int | None = None,
                    limit: int = 100, customer_id: int | None = None) -> list[ComplaintDTO]:
    """One keyset page, newest first. view: open | overdue | unvisited | closed | all."""
    with ctx.read() as session:
        query = select(Complaint)
        if view == "open":
            query = query.where(complaint_is_open())
        elif view == "overdue":
            query = query.where(*_overdue(ctx))
        elif view == "unvisited":  # §二十八: the customers still to be visited
            query = query.where(complaint_is_open(), Complaint.visit_on.is_(None))
        elif view == "closed":
            query = query.where(Complaint.status == CLOSED)
        if customer_id is not None:
            query = query.where(Complaint.customer_id == customer_id)
        if after_id is not None:
            query = query.where(Complaint.id < after_id)
        rows = session.scalars(query.order_by(Complaint.id.desc()).limit(limit))
        return complaint_dtos(session, list(rows), ctx.today())


def _overdue(ctx: ServiceContext) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """Open and past the deadline (on the open complaints' index, not the closed history)."""
    return complaint_is_open(), Complaint.deadline < ctx.today()


def overdue_summary(ctx: ServiceContext) -> tuple[int, str]:
    """How many complaints the overdue view holds, and the most overdue one's number (one
    count and one row: the Today page)."""
    with ctx.read() as session:
        count = session.scalar(select(func.count()).select_from(Complaint)
                               .where(*_overdue(ctx))) or 0
        first = session.scalar(select(Complaint.number).where(*_overdue(ctx))
                               .order_by(Complaint.deadline, Complaint.id).limit(1))
        return count, first or ""


def overdue_complaints(ctx: ServiceContext) -> list[ComplaintDTO]:
    """Open complaints past their deadline, most overdue first: the manager's list."""
    return sorted(list_complaints(ctx, view="overdue", limit=10_000),
                  key=lambda c: (c.deadline, c.id))


__all__ = ["CLOSED", "ComplaintDTO", "ComplaintInput", "LiaisonDoc", "ReminderDoc", "ReplyLetter",
           "complaint_dto", "complaint_dtos"]
