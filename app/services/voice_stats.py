"""Monthly figures of the customer's voice: survey ratings per technician, complaints.

On screen now; the monthly workbook (Excel issue) reads the same DTOs for its sheets.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from app.db.branch_scope import branch_of
from app.db.locking import lock_name
from app.errors import ValidationError
from app.i18n import N_
from app.models.branch import FIRST_BRANCH_ID
from app.models.jobs import Job
from app.models.voice import Complaint, ComplaintMonthFigures, SurveyCard, SurveyCardStatus
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.reference_service import letterhead_in
from app.services.survey_service import ITEMS
from app.services.voice_common import month_bounds, user_names
from app.services.voice_dto import (
    AppraisalMonth,
    ComplaintMonthStats,
    TechnicianAppraisal,
    TechnicianSurveyStats,
)

TWO_PLACES = Decimal("0.01")


def _mean(total: int, number: int) -> Decimal | None:
    """``total / number`` to two places; None when there is nothing to average."""
    return (Decimal(total) / number).quantize(TWO_PLACES) if number else None


def _average(values: list[int]) -> Decimal | None:
    return _mean(sum(values), len(values))


def survey_month_stats(ctx: ServiceContext, year: int, month: int) -> list[TechnicianSurveyStats]:
    """Per technician, cards issued in the month (seed 002 §二十三: the monthly review).

    Counted in SQL, one row per technician: a month holds tens of thousands of cards."""
    require(ctx.actor, Perm.REPORTS_VIEW)
    first, after = month_bounds(year, month)
    returned = SurveyCard.status == SurveyCardStatus.RETURNED.value
    columns: list[Any] = [func.count(SurveyCard.id), func.sum(case((returned, 1), else_=0))]
    for item in ITEMS:
        rating = case((returned, getattr(SurveyCard, item)))  # NULL unless the card came back
        columns += [func.sum(rating), func.count(rating), func.min(rating),
                    func.sum(case((rating == 1, 1), else_=0))]
    with ctx.read() as session:
        per_tech = session.execute(
            select(SurveyCard.technician_id, *columns)
            .where(SurveyCard.issued_on >= first, SurveyCard.issued_on < after)
            .group_by(SurveyCard.technician_id)).all()
        names = user_names(session, {row[0] for row in per_tech if row[0]})
    rows = [_tech_row(tech, names.get(tech or 0, ""), [int(v or 0) for v in counts])
            for tech, *counts in per_tech]
    return sorted(rows, key=lambda r: (r.technician_id is None, r.technician_name))


def _tech_row(tech: int | None, name: str, counts: list[int]) -> TechnicianSurveyStats:
    """``counts``: sent, returned, then per item the sum, number, lowest and 1-ratings of
    the returned cards' ratings."""
    items = [counts[2 + 4 * i:6 + 4 * i] for i in range(len(ITEMS))]
    return TechnicianSurveyStats(
        tech, name, counts[0], counts[1],
        tuple(_mean(total, number) for total, number, _low, _ones in items),
        tuple(low if number else None for _total, number, low, _ones in items),
        sum(ones for *_x, ones in items))


def complaint_month_stats(ctx: ServiceContext, year: int, month: int) -> ComplaintMonthStats:
    """Received, closed, by kind and department, days to close, late and overdue; a month
    whose statistics were produced reads its frozen figures."""
    require(ctx.actor, Perm.REPORTS_VIEW)
    with ctx.read() as session:
        return frozen_statistics(session, year, month) or _live_stats(session, ctx, year, month)


def produce_complaint_statistics(ctx: ServiceContext, year: int,
                                 month: int) -> ComplaintMonthStats:
    """The statistics table of a month that has ended (due by the 10th of the next, 办法
    九.10), frozen as produced: later changes to its cases do not change it. Producing it
    again gives the same figures. Each branch freezes its own table, the service department
    the whole company's."""
    require(ctx.actor, Perm.REPORTS_VIEW)
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    _first, after = month_bounds(year, month)
    if after > ctx.today():
        raise ValidationError(N_("The month has not ended yet: its statistics are produced "
                                 "from the 1st of the next month."), field="month")
    with ctx.write(action="complaint.statistics") as session:
        lock_name(session, f"complaint.statistics:{year}-{month}")  # one row for every branch
        frozen = frozen_statistics(session, year, month)
        if frozen is not None:
            return frozen
        stats = _live_stats(session, ctx, year, month)
        entry = {"figures": json.loads(stats.to_json()), "at": ctx.now().isoformat(),
                 "by": ctx.actor.user_id}
        row = session.get(ComplaintMonthFigures, (year, month))
        if row is None:
            session.add(ComplaintMonthFigures(
                year=year, month=month, produced_at=ctx.now(), produced_by_id=ctx.actor.user_id,
                figures=json.dumps({SCOPES: {_scope(session): entry}}, ensure_ascii=False)))
        else:
            scopes = {key: {"figures": json.loads(figures), "at": at.isoformat(), "by": by}
                      for key, (figures, at, by) in _scopes(row).items()}
            row.figures = json.dumps({SCOPES: {**scopes, _scope(session): entry}},
                                     ensure_ascii=False)
        session.flush()
        return replace(stats, produced_at=ctx.now(), produced_by=ctx.actor.display_name)


def statistics_produced(ctx: ServiceContext, year: int, month: int) -> bool:
    """Whether the actor's branch (the service department: the company) froze the month."""
    with ctx.read() as session:
        return frozen_statistics(session, year, month) is not None


SCOPES = "scopes"  # the frozen tables of one month: branch id (or "all") → table


def _scope(session: Session) -> str:
    branch = branch_of(session)
    return "all" if branch is None else str(branch)


def _scopes(row: ComplaintMonthFigures) -> dict[str, tuple[str, datetime, int | None]]:
    """scope → (figures as JSON, produced at, by); a table frozen before branches is the
    one store's: its first branch's and the company's."""
    data = json.loads(row.figures)
    if SCOPES not in data:
        single = (row.figures, row.produced_at, row.produced_by_id)
        return {str(FIRST_BRANCH_ID): single, "all": single}
    return {key: (json.dumps(e["figures"], ensure_ascii=False), datetime.fromisoformat(e["at"]),
                  e["by"]) for key, e in data[SCOPES].items()}


def frozen_statistics(session: Session, year: int, month: int) -> ComplaintMonthStats | None:
    """The month's table the session's branch froze (the service department: the company's)."""
    row = session.get(ComplaintMonthFigures, (year, month))
    entry = _scopes(row).get(_scope(session)) if row is not None else None
    if entry is None:
        return None
    figures, at, by_id = entry
    by = user_names(session, {by_id} if by_id else set())
    return ComplaintMonthStats.from_json(figures, at, by.get(by_id or 0, ""))


def _live_stats(session: Session, ctx: ServiceContext, year: int,
                month: int) -> ComplaintMonthStats:
    first, after = month_bounds(year, month)
    as_of = min(after, ctx.today())
    # closed_on >= first: a case open at the month's end but closed since still counts as
    # open (and overdue) in that month
    rows = session.execute(select(
        Complaint.accepted_on, Complaint.closed_on, Complaint.deadline, Complaint.kind,
        Complaint.department, Complaint.reopened_from_id).where(or_(
            Complaint.accepted_on.between(first, after), Complaint.closed_on >= first,
            Complaint.status != "closed"))).all()
    return _complaint_stats(year, month, rows, as_of)


def _complaint_stats(year: int, month: int, rows: Sequence[Any],
                     as_of: date) -> ComplaintMonthStats:
    """``rows``: the complaints' dates, kind, department and reopening (plain columns)."""
    first, after = month_bounds(year, month)
    received = [c for c in rows if first <= c.accepted_on < after]
    closed = [c for c in rows if c.closed_on is not None and first <= c.closed_on < after]
    overdue = [c for c in rows if c.accepted_on < after and c.deadline < as_of
               and (c.closed_on is None or c.closed_on >= as_of)]
    responsible = Counter(c.department for c in closed)
    return ComplaintMonthStats(
        year, month, len(received), len(closed),
        tuple(sorted(Counter(c.kind for c in received).items())),
        tuple(sorted(Counter(c.department for c in received).items())),
        _average([_days(c.accepted_on, c.closed_on) for c in closed]),
        sum(1 for c in closed if c.closed_on and c.closed_on > c.deadline), len(overdue),
        sum(1 for c in received if c.reopened_from_id is not None),
        tuple((dept, n, (Decimal(n) * 100 / len(closed)).quantize(Decimal("0.1")))
              for dept, n in sorted(responsible.items())))


def _days(start: date, end: date | None) -> int:
    return (end - start).days if end else 0


def technician_appraisals(ctx: ServiceContext, year: int, month: int) -> AppraisalMonth:
    """Every technician with work, cards or complaints in the month, one row each."""
    require(ctx.actor, Perm.REPORTS_VIEW)
    first, after = month_bounds(year, month)
    start = datetime.combine(first, time.min, tzinfo=ctx.tz)
    end = datetime.combine(after, time.min, tzinfo=ctx.tz)
    live = Job.voided_at.is_(None)
    ratings = {s.technician_id: s for s in survey_month_stats(ctx, year, month)
               if s.technician_id is not None}
    with ctx.read() as session:
        done: dict[int, int] = dict(session.execute(
            select(Job.technician_id, func.count(Job.id))
            .where(live, Job.completed_at >= start, Job.completed_at < end)
            .group_by(Job.technician_id)).all())
        late: dict[int, int] = dict(session.execute(
            select(Job.technician_id, func.count(Job.id))
            .where(live, Job.arrived_at >= start, Job.arrived_at < end,
                   Job.arrived_at > Job.deadline_at)
            .group_by(Job.technician_id)).all())
        named: dict[int, int] = dict(session.execute(
            select(Job.technician_id, func.count(func.distinct(Complaint.id)))
            .join(Job, Job.call_id == Complaint.call_id)
            .where(live, Complaint.accepted_on >= first, Complaint.accepted_on < after)
            .group_by(Job.technician_id)).all())
        ids = set(done) | set(late) | set(named) | set(ratings)
        names = user_names(session, ids)
        header = letterhead_in(session)
    rows = [TechnicianAppraisal(tech, names.get(tech, ""), done.get(tech, 0), late.get(tech, 0),
                                named.get(tech, 0), ratings.get(tech)) for tech in ids]
    rows.sort(key=lambda r: r.technician_name)
    return AppraisalMonth(header, year, month, tuple(rows))
