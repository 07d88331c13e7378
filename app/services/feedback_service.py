"""The information feedback register (信息反馈分析登记表, seed 003 §6 and 4.3.7): what the
customers say — survey card comments, complaints, unhappy follow-up answers, or a note taken
by hand — each analysed and sent to the department that should act on it, with the result.

``collect_feedback`` feeds the register from the cards, complaints and follow-ups not yet in
it (each source record once); a person then writes the analysis and where it went.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.base import utcnow
from app.models.calls import Call
from app.models.voice import Complaint, Feedback, FollowUp, SurveyCard, SurveyCardStatus
from app.services.complaint_service import DEPARTMENTS
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.validation import check_version, clean_text, not_in_future
from app.services.voice_common import customer_names, user_names

SOURCES = ("card", "complaint", "followup", "other")


@dataclass(frozen=True)
class FeedbackDTO:
    id: int
    received_on: date
    source: str
    source_number: str
    customer_id: int | None
    customer_name: str
    content: str
    analysis: str
    sent_to: str
    sent_on: date | None
    result: str
    analysed_by: str
    version: int


def collect_feedback(ctx: ServiceContext) -> int:
    """Bring the cards with comments, the complaints and the unhappy follow-ups not yet in
    the register into it; returns how many lines were added. Running it twice adds nothing."""
    require(ctx.actor, Perm.SURVEY_ENTER)
    with ctx.write(action="feedback.collect") as session:
        rows = feedback_rows(session)
        session.add_all(Feedback(**row) for row in rows)  # through the ORM: on the trail
        session.flush()
        return len(rows)


def feedback_rows(session: Session) -> list[dict[str, object]]:
    """The register's new lines (as insert rows): the sources not yet in it (the demo
    inserts them in bulk)."""
    def new(source: str) -> Any:
        return select(Feedback.source_id).where(Feedback.source == source,
                                                Feedback.source_id.is_not(None))

    rows: list[dict[str, object]] = []
    for cid, number, returned, comments, customer_id in session.execute(
            select(SurveyCard.id, SurveyCard.number, SurveyCard.returned_on,
                   SurveyCard.comments, Call.customer_id)
            .join(Call, Call.id == SurveyCard.call_id)
            .where(SurveyCard.status == SurveyCardStatus.RETURNED.value,
                   SurveyCard.comments != "", SurveyCard.returned_on.is_not(None),
                   SurveyCard.id.not_in(new("card")))):
        rows.append(_row(returned or date.min, "card", cid, number, customer_id, comments))
    for cid, number, accepted, description, customer_id in session.execute(
            select(Complaint.id, Complaint.number, Complaint.accepted_on,
                   Complaint.description, Complaint.customer_id)
            .where(Complaint.id.not_in(new("complaint")))):
        rows.append(_row(accepted, "complaint", cid, number, customer_id, description))
    for fid, done, answer, number, customer_id in session.execute(
            select(FollowUp.id, FollowUp.done_on, FollowUp.answer, Call.number,
                   Call.customer_id)
            .join(Call, Call.id == FollowUp.call_id)
            .where(FollowUp.satisfied.is_(False), FollowUp.id.not_in(new("followup")))):
        rows.append(_row(done, "followup", fid, number, customer_id, answer or "—"))
    return rows


def _row(day: date, source: str, source_id: int, number: str, customer_id: int,
         content: str) -> dict[str, object]:
    return {"received_on": day, "source": source, "source_id": source_id,
            "source_number": number, "customer_id": customer_id, "content": content,
            "analysis": "", "sent_to": "", "sent_on": None, "result": "",
            "analysed_by_id": None, "version": 1, "created_at": utcnow(),
            "updated_at": utcnow()}


def add_feedback(ctx: ServiceContext, *, content: str, received_on: date | None = None,
                 customer_id: int | None = None) -> FeedbackDTO:
    """A customer's opinion taken down by hand (a visit, a letter, the counter)."""
    require(ctx.actor, Perm.SURVEY_ENTER)
    content = clean_text(content, field="content", max_len=2000, required=True, multiline=True)
    day = received_on or ctx.today()
    not_in_future(day, ctx.today(), field="received_on")
    with ctx.write(action="feedback.add") as session:
        row = Feedback(received_on=day, source="other", customer_id=customer_id,
                       content=content)
        session.add(row)
        session.flush()
        return _dtos(session, [row])[0]


def analyse_feedback(ctx: ServiceContext, feedback_id: int, *, analysis: str, sent_to: str,
                     expected_version: int, result: str = "") -> FeedbackDTO:
    """The analysis and the department the feedback is sent to (today), and later the
    result that came back."""
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    analysis = clean_text(analysis, field="analysis", max_len=2000, required=True,
                          multiline=True)
    result = clean_text(result, field="result", max_len=2000, multiline=True)
    if sent_to not in DEPARTMENTS:
        raise ValidationError(N_("Choose the department it is sent to."), field="sent_to")
    with ctx.write(action="feedback.analyse") as session:
        row = session.get(Feedback, feedback_id)
        if row is None:
            raise NotFound(N_("No such feedback."))
        check_version(session, row, expected_version)
        if row.sent_to != sent_to or row.sent_on is None:
            row.sent_on = ctx.today()
        row.analysis, row.sent_to, row.result = analysis, sent_to, result
        row.analysed_by_id = ctx.actor.user_id
        session.flush()
        return _dtos(session, [row])[0]


def list_feedback(ctx: ServiceContext, *, date_from: date | None = None,
                  date_to: date | None = None, state: str = "all", text: str = "",
                  limit: int = 500) -> list[FeedbackDTO]:
    """Newest first. state: all | unanalysed | sent."""
    with ctx.read() as session:
        query = select(Feedback)
        if date_from:
            query = query.where(Feedback.received_on >= date_from)
        if date_to:
            query = query.where(Feedback.received_on <= date_to)
        if state == "unanalysed":
            query = query.where(Feedback.analysis == "")
        elif state == "sent":
            query = query.where(Feedback.sent_on.is_not(None))
        if text.strip():
            query = query.where(Feedback.content.contains(text.strip()))
        rows = list(session.scalars(query.order_by(Feedback.received_on.desc(),
                                                   Feedback.id.desc()).limit(limit)))
        return _dtos(session, rows)


def _dtos(session: Session, rows: list[Feedback]) -> list[FeedbackDTO]:
    names = customer_names(session, {r.customer_id for r in rows if r.customer_id})
    users = user_names(session, {r.analysed_by_id for r in rows if r.analysed_by_id})
    return [FeedbackDTO(r.id, r.received_on, r.source, r.source_number, r.customer_id,
                        names.get(r.customer_id or 0, ""), r.content, r.analysis, r.sent_to,
                        r.sent_on, r.result, users.get(r.analysed_by_id or 0, ""), r.version)
            for r in rows]
