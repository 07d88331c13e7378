"""The complaint register's DTO, built for a whole page of complaints in a few queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.calls import Call
from app.models.customers import Customer, CustomerPhone
from app.models.voice import Complaint, ComplaintReminder
from app.services.dto import StoreHeader
from app.services.voice_common import item_labels, user_names

CLOSED = "closed"


@dataclass(frozen=True)
class ComplaintDTO:
    id: int
    number: str
    source: str
    customer_id: int
    customer_name: str
    customer_address: str
    customer_phone: str
    item_id: int | None
    item_label: str
    call_id: int | None
    call_number: str
    description: str
    demand: str
    kind: str
    department: str
    severity: str
    abroad: bool
    accepted_on: date
    deadline: date
    days_left: int
    status: str
    decision: str
    decided_by: str
    visit_on: date | None
    visit_by: str
    visit_notes: str
    resolution: str
    responsible: str
    told_via: str
    resolved_on: date | None
    outcome: str
    closed_on: date | None
    rejected: bool
    reopened_from_id: int | None
    reopened_from_number: str
    reminders: int
    version: int

    @property
    def overdue(self) -> bool:
        return self.status != CLOSED and self.days_left < 0

    @property
    def needs_decision(self) -> bool:
        return self.severity == "serious" and not self.decision



def first_phones(session: Session, customer_ids: set[int]) -> dict[int, str]:
    """Each customer's first phone, in one query."""
    phones: dict[int, str] = {}
    if customer_ids:
        for cid, phone in session.execute(
                select(CustomerPhone.customer_id, CustomerPhone.phone)
                .where(CustomerPhone.customer_id.in_(customer_ids))
                .order_by(CustomerPhone.id)):
            phones.setdefault(cid, phone)
    return phones


def _numbers(session: Session, column: object, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    model = Call if column is Call else Complaint
    rows = session.execute(select(model.id, model.number).where(model.id.in_(ids)))
    return {row[0]: row[1] for row in rows}


def complaint_dtos(session: Session, rows: Sequence[Complaint],
                   today: date) -> list[ComplaintDTO]:
    """DTOs of ``rows`` (customers, items, calls, reminders looked up once per page)."""
    if not rows:
        return []
    ids = {c.id for c in rows}
    customers = {c.id: c for c in session.scalars(
        select(Customer).where(Customer.id.in_({r.customer_id for r in rows})))}
    phones = first_phones(session, set(customers))
    labels = item_labels(session, {r.item_id for r in rows if r.item_id})
    calls = _numbers(session, Call, {r.call_id for r in rows if r.call_id})
    firsts = _numbers(session, Complaint, {r.reopened_from_id for r in rows
                                           if r.reopened_from_id})
    reminders = {row[0]: int(row[1]) for row in session.execute(
        select(ComplaintReminder.complaint_id, func.count())
        .where(ComplaintReminder.complaint_id.in_(ids))
        .group_by(ComplaintReminder.complaint_id))}
    deciders = user_names(session, {r.decided_by_id for r in rows if r.decided_by_id})
    return [_dto(c, customers[c.customer_id], phones, labels, calls, firsts, reminders,
                 deciders, today) for c in rows]


def _dto(c: Complaint, customer: Customer, phones: dict[int, str], labels: dict[int, str],
         calls: dict[int, str], firsts: dict[int, str], reminders: dict[int, int],
         deciders: dict[int, str], today: date) -> ComplaintDTO:
    end = c.closed_on if c.closed_on else today
    return ComplaintDTO(
        c.id, c.number, c.source, customer.id, customer.name, customer.address,
        phones.get(customer.id, ""), c.item_id, labels.get(c.item_id or 0, ""), c.call_id,
        calls.get(c.call_id or 0, ""), c.description, c.demand, c.kind, c.department,
        c.severity, c.abroad, c.accepted_on, c.deadline, (c.deadline - end).days, c.status,
        c.decision, deciders.get(c.decided_by_id or 0, ""), c.visit_on, c.visit_by,
        c.visit_notes, c.resolution, c.responsible, c.told_via, c.resolved_on, c.outcome,
        c.closed_on, c.rejected, c.reopened_from_id,
        firsts.get(c.reopened_from_id or 0, ""), reminders.get(c.id, 0), c.version)


def complaint_dto(session: Session, c: Complaint, today: date) -> ComplaintDTO:
    return complaint_dtos(session, [c], today)[0]


@dataclass(frozen=True)
class ReminderDoc:
    """The reminder (催办单) as printed."""

    store: StoreHeader
    complaint: ComplaintDTO
    serial: int
    issued_on: date
    days_overdue: int
    issued_by: str


@dataclass(frozen=True)
class LiaisonDoc:
    """The liaison note (洽办单) as printed and listed."""

    store: StoreHeader
    id: int
    number: str
    complaint: ComplaintDTO
    department: str
    issued_on: date
    days_late: int
    question: str
    reply: str
    replied_on: date | None
    issued_by: str
    version: int


@dataclass(frozen=True)
class ReplyLetter:
    """The written reply to the customer (处理结果函告)."""

    store: StoreHeader
    complaint: ComplaintDTO
    letter_date: date
