"""Daily reports as records with a life (§十五–十七): the technician submits the day's work
report, the supervisor reviews it (核阅); the supervisor's report is submitted, signed by the
manager when the store is a branch (经理签章), and forwarded to the service department
(服务部). Each step keeps who and when; a reopened report keeps its earlier steps."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.branch_scope import branch_of
from app.errors import NotFound, PermissionDenied, ValidationError
from app.i18n import N_
from app.models.enums import Role, StoreKind
from app.models.reports import DailyReportRecord, DailyReportStep, ReportKind, ReportStatus
from app.models.staff import User
from app.services import daily_report_service as reports
from app.services.context import ServiceContext
from app.services.daily_report_dto import ReportState, StepDTO
from app.services.permissions import Perm, allowed, require
from app.services.reference_service import get_store_profile
from app.services.validation import clean_text


def _record(session: Session, kind: ReportKind, day: date,
            technician_id: int | None) -> DailyReportRecord | None:
    return session.scalar(select(DailyReportRecord).where(
        DailyReportRecord.kind == kind.value, DailyReportRecord.day == day,
        DailyReportRecord.technician_id.is_(None) if technician_id is None
        else DailyReportRecord.technician_id == technician_id))


def _state(session: Session, kind: ReportKind, day: date,
           technician_id: int | None) -> ReportState:
    record = _record(session, kind, day, technician_id)
    if record is None:
        return ReportState(kind.value, day, technician_id, ReportStatus.DRAFT.value, (), 0)
    rows = session.execute(
        select(DailyReportStep, User.display_name)
        .join(User, User.id == DailyReportStep.actor_id)
        .where(DailyReportStep.report_id == record.id).order_by(DailyReportStep.id))
    steps = tuple(StepDTO(s.step, s.at, name, s.note) for s, name in rows)
    return ReportState(kind.value, day, technician_id, record.status, steps, record.version)


def report_state(ctx: ServiceContext, kind: ReportKind, day: date,
                 technician_id: int | None = None) -> ReportState:
    with ctx.read() as session:
        return _state(session, kind, day, technician_id)


def _move(ctx: ServiceContext, kind: ReportKind, day: date, technician_id: int | None, *,
          allowed_from: tuple[ReportStatus, ...], to: ReportStatus, step: str,
          note: str = "", minutes: int | None = None) -> ReportState:
    with ctx.write(action=f"report_{step}", reason=note or None) as session:
        branch = None
        if technician_id is not None:
            # another branch's technician is not among the staff the session sees
            technician = session.get(User, technician_id)
            if technician is None:
                raise NotFound(N_("No such technician."))
            branch = technician.branch_id  # the service department files it in theirs
        record = _record(session, kind, day, technician_id)
        if record is None:
            record = DailyReportRecord(kind=kind.value, day=day, technician_id=technician_id,
                                       status=ReportStatus.DRAFT.value)
            if branch is not None and branch_of(session) is None:
                record.branch_id = branch
            session.add(record)
            session.flush()
        if ReportStatus(record.status) not in allowed_from:
            raise ValidationError(N_("This report is {status}; it cannot be {step} now."),
                                  field="status", status=record.status, step=step)
        record.status = to.value
        if minutes is not None:
            record.total_minutes = minutes
        session.add(DailyReportStep(report_id=record.id, step=step, at=ctx.now(),
                                    actor_id=ctx.actor.user_id or 0, note=note))
        session.flush()
        return _state(session, kind, day, technician_id)


def _check_day(ctx: ServiceContext, day: date) -> None:
    if day > ctx.today():
        raise ValidationError(N_("This date is in the future."), field="day")


# ---- the technician's report (技术员工作日报表) --------------------------------------------

def submit_technician_report(ctx: ServiceContext, day: date) -> ReportState:
    """The technician sends their own report of ``day`` to the supervisor (§十五)."""
    require(ctx.actor, Perm.REPORT_SUBMIT)
    tech_id = ctx.actor.user_id
    if tech_id is None or ctx.actor.role != Role.TECHNICIAN:
        raise PermissionDenied(Perm.REPORT_SUBMIT.value)
    _check_day(ctx, day)
    minutes = reports.technician_report(ctx, tech_id, day).total_minutes
    return _move(ctx, ReportKind.TECHNICIAN, day, tech_id, step="submitted",
                 allowed_from=(ReportStatus.DRAFT,), to=ReportStatus.SUBMITTED, minutes=minutes)


def review_technician_report(ctx: ServiceContext, technician_id: int, day: date, *,
                             note: str = "") -> ReportState:
    """核阅: the supervisor has read the submitted report and files it."""
    require(ctx.actor, Perm.DISPATCH)
    note = clean_text(note, field="note", max_len=300)
    return _move(ctx, ReportKind.TECHNICIAN, day, technician_id, step="reviewed", note=note,
                 allowed_from=(ReportStatus.SUBMITTED,), to=ReportStatus.REVIEWED)


def reopen_report(ctx: ServiceContext, kind: ReportKind, day: date,
                  technician_id: int | None = None, *, reason: str) -> ReportState:
    """Back to draft with a reason (e.g. a missing job); the earlier steps stay."""
    require(ctx.actor, Perm.DISPATCH)
    reason = clean_text(reason, field="reason", max_len=300, required=True)
    return _move(ctx, kind, day, technician_id, step="reopened", note=reason,
                 allowed_from=(ReportStatus.SUBMITTED, ReportStatus.REVIEWED,
                               ReportStatus.SIGNED), to=ReportStatus.DRAFT)


def missing_reviews(ctx: ServiceContext, day: date) -> list[str]:
    """Technicians with work that day whose report is not yet reviewed (§十六)."""
    team = reports.supervisor_report(ctx, day)
    with ctx.read() as session:
        reviewed = set(session.scalars(select(DailyReportRecord.technician_id).where(
            DailyReportRecord.kind == ReportKind.TECHNICIAN.value,
            DailyReportRecord.day == day,
            DailyReportRecord.status == ReportStatus.REVIEWED.value)))
    return [row.technician_name for row in team.rows
            if row.total_minutes and row.technician_id not in reviewed]


# ---- the supervisor's report (服务主任日报表) ----------------------------------------------

def submit_supervisor_report(ctx: ServiceContext, day: date) -> ReportState:
    """The supervisor's report is complete once every technician's report is reviewed."""
    require(ctx.actor, Perm.DISPATCH)
    _check_day(ctx, day)
    missing = missing_reviews(ctx, day)
    if missing:
        raise ValidationError(N_("Not yet reviewed: {names}."), field="status",
                              names="、".join(missing))
    minutes = reports.supervisor_report(ctx, day).total_minutes
    return _move(ctx, ReportKind.SUPERVISOR, day, None, step="submitted", minutes=minutes,
                 allowed_from=(ReportStatus.DRAFT,), to=ReportStatus.SUBMITTED)


def sign_supervisor_report(ctx: ServiceContext, day: date, *, note: str = "") -> ReportState:
    """经理签章: a branch's report is signed by its manager before it is forwarded (§十七)."""
    require(ctx.actor, Perm.REPORT_SIGN)
    note = clean_text(note, field="note", max_len=300)
    return _move(ctx, ReportKind.SUPERVISOR, day, None, step="signed", note=note,
                 allowed_from=(ReportStatus.SUBMITTED,), to=ReportStatus.SIGNED)


def forward_supervisor_report(ctx: ServiceContext, day: date) -> ReportState:
    """Sent on to the service department: a branch's only once signed."""
    if not (allowed(ctx.actor, Perm.DISPATCH) or allowed(ctx.actor, Perm.REPORT_SIGN)):
        raise PermissionDenied(Perm.DISPATCH.value)
    branch = get_store_profile(ctx).kind is StoreKind.BRANCH
    ready = (ReportStatus.SIGNED,) if branch else (ReportStatus.SUBMITTED, ReportStatus.SIGNED)
    return _move(ctx, ReportKind.SUPERVISOR, day, None, step="forwarded",
                 allowed_from=ready, to=ReportStatus.FORWARDED)
