"""Quality follow-up visits (质量回访, seed 003 §4.4.5.8, §6): call back after a repair.

A completed call is due for a callback a configurable number of days after completion;
the clerk records the answer, and an unhappy answer opens a complaint in the same step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.db.locking import get_locked
from app.db.planner import not_by_index
from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.calls import Call
from app.models.voice import Complaint, FollowUp
from app.services import complaint_service as complaints
from app.services.complaint_dto import first_phones
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.survey_service import DONE_STATUSES, completion_time
from app.services.validation import clean_text, not_in_future
from app.services.voice_common import (
    FOLLOWUP_DAYS_DEFAULT,
    FOLLOWUP_DAYS_KEY,
    customer_names,
    item_labels,
    setting_value,
)


@dataclass(frozen=True)
class FollowUpDue:
    """A completed call waiting for its callback."""

    call_id: int
    call_number: str
    customer_id: int
    customer_name: str
    phone: str
    item_label: str
    fault: str
    completed_on: date
    due_on: date
    days_waiting: int


@dataclass(frozen=True)
class FollowUpDTO:
    id: int
    call_id: int
    call_number: str
    customer_name: str
    done_on: date
    satisfied: bool
    answer: str
    complaint_id: int | None
    complaint_number: str


def followup_days(session: Session) -> int:
    value = setting_value(session, FOLLOWUP_DAYS_KEY, FOLLOWUP_DAYS_DEFAULT)
    return int(value) if isinstance(value, int | str) and str(value).isdigit() \
        else FOLLOWUP_DAYS_DEFAULT


def due_followups(ctx: ServiceContext, *, today: date | None = None,
                  after_call_id: int | None = None, limit: int = 200) -> list[FollowUpDue]:
    """Completed calls without a follow-up whose callback day has come, in call order.

    Keyset pages: pass the last row's ``call_id`` as ``after_call_id`` for the next page.
    """
    day = today or ctx.today()
    with ctx.read() as session:
        wait = followup_days(session)
        cutoff = datetime.combine(day - timedelta(days=wait - 1), time.min, tzinfo=ctx.tz)
        # Walked in call order (the primary key) and stopped at ``limit``: on SQLite the
        # status index would gather every finished call of the history before sorting them.
        query = (select(Call, completion_time().label("done"))
                 .where(not_by_index(Call.status).in_(DONE_STATUSES),
                        ~exists().where(FollowUp.call_id == Call.id),
                        completion_time() < cutoff))
        if after_call_id is not None:
            query = query.where(Call.id > after_call_id)
        rows = session.execute(query.order_by(Call.id).limit(limit)).all()
        names = customer_names(session, {r[0].customer_id for r in rows})
        labels = item_labels(session, {r[0].item_id for r in rows if r[0].item_id})
        phones = first_phones(session, {r[0].customer_id for r in rows})
        result = []
        for call, finished in rows:
            completed = ctx.local(finished).date()
            due = completed + timedelta(days=wait)
            result.append(FollowUpDue(
                call.id, call.number, call.customer_id, names.get(call.customer_id, ""),
                phones.get(call.customer_id, ""), labels.get(call.item_id or 0, ""),
                call.fault, completed, due, (day - due).days))
        return result


def record_followup(ctx: ServiceContext, call_id: int, *, satisfied: bool, answer: str,
                    done_on: date | None = None, complaint_kind: str = "service",
                    severity: str = "ordinary") -> FollowUpDTO:
    """Record the customer's answer; if unhappy, the complaint is opened in the same step."""
    require(ctx.actor, Perm.SURVEY_ENTER)
    answer = clean_text(answer, field="answer", max_len=2000, required=not satisfied,
                        multiline=True)
    day = done_on or ctx.today()
    not_in_future(day, ctx.today(), field="done_on")
    with ctx.write(action="followup.record") as session:
        call = get_locked(session, Call, call_id)  # one follow-up per call
        if call is None:
            raise NotFound(N_("No such call."))
        if session.scalar(select(FollowUp.id).where(FollowUp.call_id == call_id)):
            raise ValidationError(N_("This call's follow-up is already recorded."),
                                  field="call")
        complaint = None
        if not satisfied:
            require(ctx.actor, Perm.COMPLAINT_MANAGE)
            data = complaints.ComplaintInput(call.customer_id, answer, complaint_kind,
                                             "followup", item_id=call.item_id,
                                             call_id=call.id, severity=severity)
            complaint = complaints.insert_complaint(session, ctx, data)
        row = FollowUp(call_id=call.id, done_on=day, satisfied=satisfied, answer=answer,
                       complaint_id=complaint.id if complaint else None,
                       by_id=ctx.actor.user_id)
        session.add(row)
        session.flush()
        return _dto(session, row)


def list_followups(ctx: ServiceContext, *, after_id: int | None = None,
                   limit: int = 100) -> list[FollowUpDTO]:
    """Recorded follow-ups, newest first (质量回访、顾客意见记录表)."""
    with ctx.read() as session:
        query = select(FollowUp)
        if after_id is not None:
            query = query.where(FollowUp.id < after_id)
        rows = list(session.scalars(query.order_by(FollowUp.id.desc()).limit(limit)))
        return [_dto(session, f) for f in rows]


def _dto(session: Session, f: FollowUp) -> FollowUpDTO:
    call = session.get(Call, f.call_id)
    assert call is not None
    complaint = session.get(Complaint, f.complaint_id) if f.complaint_id else None
    names = customer_names(session, {call.customer_id})
    return FollowUpDTO(f.id, call.id, call.number, names.get(call.customer_id, ""), f.done_on,
                       f.satisfied, f.answer, f.complaint_id,
                       complaint.number if complaint else "")
