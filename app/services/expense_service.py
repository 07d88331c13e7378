"""Real after-sales expenses (制度11 五: 差旅费报销 — travel, transport, shipping), per person
and, when they belong to one, per job; the month's totals stand beside the price-based cost
in the monthly summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import N_
from app.models.jobs import Job
from app.models.staff import User
from app.models.voice import Expense
from app.services.context import ServiceContext
from app.services.money import to_cents
from app.services.monthly_dto import Figure
from app.services.permissions import Perm, require
from app.services.validation import clean_text, not_in_future
from app.services.voice_common import user_names

KINDS = ("travel", "transport", "shipping", "other")


@dataclass(frozen=True)
class ExpenseDTO:
    id: int
    spent_on: date
    kind: str
    person_id: int
    person_name: str
    job_number: str
    amount_cents: int
    note: str


def record_expense(ctx: ServiceContext, *, spent_on: date, kind: str, person_id: int,
                   amount: Decimal, note: str = "", job_number: str = "") -> ExpenseDTO:
    """One reimbursed expense; the job by its voucher number when it belongs to one."""
    require(ctx.actor, Perm.REPORTS_VIEW)
    if kind not in KINDS:
        raise ValidationError(N_("Choose the kind of expense."), field="kind")
    cents = to_cents(amount, field="amount")
    if cents <= 0:
        raise ValidationError(N_("Enter the amount spent."), field="amount")
    not_in_future(spent_on, ctx.today(), field="spent_on")
    note = clean_text(note, field="note", max_len=200)
    with ctx.write(action="expense.record") as session:
        person = session.get(User, person_id)
        if person is None:
            raise ValidationError(N_("Choose who spent it."), field="person")
        job_id = None
        if job_number.strip():
            job_id = session.scalar(select(Job.id).where(Job.number == job_number.strip()
                                                         .upper()))
            if job_id is None:
                raise ValidationError(N_("No voucher with the number {number}."),
                                      field="job", number=job_number.strip())
        row = Expense(spent_on=spent_on, kind=kind, person_id=person.id, job_id=job_id,
                      amount_cents=cents, note=note, entered_by_id=ctx.actor.user_id)
        session.add(row)
        session.flush()
        return _dtos(session, [row])[0]


def list_expenses(ctx: ServiceContext, *, date_from: date | None = None,
                  date_to: date | None = None, limit: int = 1000) -> list[ExpenseDTO]:
    with ctx.read() as session:
        query = select(Expense)
        if date_from:
            query = query.where(Expense.spent_on >= date_from)
        if date_to:
            query = query.where(Expense.spent_on <= date_to)
        rows = list(session.scalars(query.order_by(Expense.spent_on.desc(), Expense.id.desc())
                                    .limit(limit)))
        return _dtos(session, rows)


def month_expense_figures(session: Session, first: date, after: date) -> list[Figure]:
    """The month's real expenses in all, for the monthly summary (one line beside the
    price-based total; the expenses register has them per kind, person and voucher)."""
    total = session.scalar(select(func.sum(Expense.amount_cents))
                           .where(Expense.spent_on >= first, Expense.spent_on < after))
    return [Figure("expense_total", N_("Actual after-sales expenses (reimbursed)"),
                   int(total or 0), "money")]


def _dtos(session: Session, rows: list[Expense]) -> list[ExpenseDTO]:
    names = user_names(session, {r.person_id for r in rows})
    job_ids = {r.job_id for r in rows if r.job_id}
    numbers = dict(session.execute(select(Job.id, Job.number).where(Job.id.in_(job_ids))).all()
                   ) if job_ids else {}
    return [ExpenseDTO(r.id, r.spent_on, r.kind, r.person_id, names.get(r.person_id, ""),
                       numbers.get(r.job_id or 0, ""), r.amount_cents, r.note) for r in rows]
