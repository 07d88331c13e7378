"""Who must hand in what, by when (制度11 五–六; 客户投诉管理办法 九.10): last month's service
summary by the 4th, last month's complaint statistics by the 10th. Each is shown as due from
the 1st until it is done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.db.branch_scope import branch_of
from app.errors import ValidationError
from app.i18n import N_
from app.models.branch import FIRST_BRANCH_ID
from app.models.voice import MonthlySubmission
from app.services.context import ServiceContext
from app.services.permissions import Perm, allowed, require
from app.services.voice_stats import frozen_statistics
from app.services.warranty import add_months

DUE_DAY = {"summary": 4, "complaint_stats": 10}
TITLES = {"summary": N_("Monthly service summary"),
          "complaint_stats": N_("Complaint statistics")}


@dataclass(frozen=True)
class DueSubmission:
    kind: str
    year: int
    month: int
    due_on: date
    days_left: int  # negative: overdue


def submissions_due(ctx: ServiceContext) -> list[DueSubmission]:
    """Last month's reports not yet handed in (empty for a user who does not report)."""
    if not allowed(ctx.actor, Perm.REPORTS_VIEW):
        return []
    today = ctx.today()
    last = add_months(date(today.year, today.month, 1), -1)
    with ctx.read() as session:
        out = []
        for kind, day in DUE_DAY.items():
            if not _done(session, kind, last.year, last.month):
                due = date(today.year, today.month, day)
                out.append(DueSubmission(kind, last.year, last.month, due, (due - today).days))
        return out


def _done(session: Session, kind: str, year: int, month: int) -> bool:
    """Whether the session's branch handed it in (a single store's and the service
    department's: the first branch, the service centre)."""
    if kind == "complaint_stats":
        return frozen_statistics(session, year, month) is not None
    branch = branch_of(session) or FIRST_BRANCH_ID
    return session.get(MonthlySubmission, (kind, year, month, branch)) is not None


def submit_summary(ctx: ServiceContext, year: int, month: int) -> None:
    """The month's service summary is handed in (once; the month must have ended)."""
    require(ctx.actor, Perm.REPORTS_VIEW)
    if add_months(date(year, month, 1), 1) > ctx.today():
        raise ValidationError(N_("The month has not ended yet."), field="month")
    with ctx.write(action="summary.submit") as session:
        if _done(session, "summary", year, month):
            raise ValidationError(N_("This month's summary was already handed in."),
                                  field="month")
        session.add(MonthlySubmission(kind="summary", year=year, month=month,
                                      branch_id=branch_of(session) or FIRST_BRANCH_ID,
                                      submitted_at=ctx.now(),
                                      submitted_by_id=ctx.actor.user_id))
