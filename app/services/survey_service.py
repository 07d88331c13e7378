"""Customer opinion survey cards (客户意见调查卡): one for every call of the day, not a sample.

"以当天全部叫修数为原则，不采抽查": every call gets exactly one card, on the day its service
happened (the technician's visit, the counter's return of a carried-in item, or the
cancellation); a call still waiting for its service gets its card in the batch of the day it
is served. A call served by no technician (a walk-in at the counter, a cancelled call) gets a
card that asks about the counter.

Seed 002 §二十二–二十五: four items — attitude (态度), skill (技术), arrival time (到达时间) and
follow-through on promises (答应事情的办理) — each on four levels; the ratings feed the
technician's monthly review; suggestions and complaints go to the complaint register.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.db.locking import lock_name
from app.db.numbering import next_number
from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.calls import Call
from app.models.customers import Customer
from app.models.enums import CallStatus
from app.models.jobs import Job
from app.models.voice import Complaint, SurveyCard, SurveyCardStatus
from app.services import complaint_service as complaints
from app.services import messaging_service
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.reference_service import letterhead_in
from app.services.survey_dto import Ratings, SurveyCardDoc, SurveyCardDTO
from app.services.validation import check_version, clean_text, not_in_future, searchable
from app.services.voice_common import item_labels, user_names

ITEMS = ("attitude", "skill", "arrival", "promise")
LEVELS = (4, 3, 2, 1)  # 很满意, 满意, 一般, 不满意
# A call's service has happened once it is in one of these (taken_in waits for the return).
DONE_STATUSES = ("completed", "closed", "cancelled")
RETURN_WAYS = ("phone", "paper")


def completion_time() -> ColumnElement[datetime]:
    """When a call's service happened: its job's completion, else when it was closed
    (returned at the counter, cancelled) or last changed."""
    done = (select(func.max(Job.completed_at)).where(Job.call_id == Call.id)
            .correlate(Call).scalar_subquery())
    return func.coalesce(done, Call.closed_at, Call.updated_at, type_=Call.updated_at.type)


def _technician_of(session: Session, call: Call) -> int | None:
    """The technician who did the job (the latest voucher that was not voided); none for a
    cancelled call or one the counter served alone."""
    if call.status == CallStatus.CANCELLED.value:
        return None
    return session.scalar(select(Job.technician_id)
                          .where(Job.call_id == call.id, Job.voided_at.is_(None))
                          .order_by(Job.id.desc()).limit(1))


def service_day(session: Session, ctx: ServiceContext, call: Call) -> date:
    """The day the call was served: the technician's last arrival or completion, else the
    counter's closing, else the call itself (a card printed before its service)."""
    moment = session.scalar(
        select(func.max(func.coalesce(Job.completed_at, Job.arrived_at)))
        .where(Job.call_id == call.id, Job.voided_at.is_(None)))
    return ctx.local(moment or call.closed_at or call.received_at).date()


def issue_cards_for_day(ctx: ServiceContext, day: date) -> list[SurveyCardDTO]:
    """Make a card for every call served (completed, returned, cancelled) by the end of
    ``day`` that has none yet: run daily, every call gets exactly one card."""
    require(ctx.actor, Perm.SURVEY_ENTER)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=ctx.tz)
    with ctx.write(action="survey.issue") as session:
        lock_name(session, "survey.issue")  # a second batch at once waits, then finds none
        calls = session.scalars(
            select(Call).where(Call.status.in_(DONE_STATUSES),
                               Call.id.not_in(select(SurveyCard.call_id)),
                               completion_time() < end).order_by(Call.id))
        cards = []
        for call in list(calls):
            number = next_number(session, "survey", day, branch_id=call.branch_id)
            card = SurveyCard(number=number, call_id=call.id,
                              technician_id=_technician_of(session, call), issued_on=day,
                              status=SurveyCardStatus.SENT.value)
            session.add(card)
            cards.append(card)
            messaging_service.notify_survey_invitation(session, ctx, call)
        session.flush()
        return card_dtos(session, cards)


def enter_returned_card(ctx: ServiceContext, card_id: int, ratings: Ratings, *, via: str,
                        expected_version: int, returned_on: date | None = None,
                        comments: str = "") -> SurveyCardDTO:
    """Record a returned card (by phone or on paper): four ratings and the comments."""
    require(ctx.actor, Perm.SURVEY_ENTER)
    _check_ratings(ratings)
    if via not in RETURN_WAYS:
        raise ValidationError(N_("Say how the card came back: phone or paper."), field="via")
    day = returned_on or ctx.today()
    not_in_future(day, ctx.today(), field="returned_on")
    comments = clean_text(comments, field="comments", max_len=2000, multiline=True)
    with ctx.write(action="survey.return") as session:
        card = _get(session, card_id)
        check_version(session, card, expected_version)
        if day < card.issued_on:
            raise ValidationError(N_("The card cannot come back before it was sent."),
                                  field="returned_on")
        card.attitude, card.skill, card.arrival, card.promise = ratings.values()
        card.status, card.returned_on, card.returned_via = SurveyCardStatus.RETURNED.value, day, via
        card.comments, card.entered_by_id = comments, ctx.actor.user_id
        session.flush()
        return card_dto(session, card)


def _check_ratings(ratings: Ratings) -> None:
    for name, value in zip(ITEMS, ratings.values(), strict=True):
        if value not in LEVELS:
            raise ValidationError(N_("Tick one of the four levels."), field=name)


def complaint_from_card(ctx: ServiceContext, card_id: int, *, kind: str,
                        expected_version: int, severity: str = "ordinary",
                        description: str = "") -> complaints.ComplaintDTO:
    """The card carries a complaint: open it in the register in one step, linked both ways."""
    require(ctx.actor, Perm.COMPLAINT_MANAGE)
    with ctx.write(action="survey.complaint") as session:
        card = _get(session, card_id)
        check_version(session, card, expected_version)
        if card.complaint_id is not None:
            raise ValidationError(N_("This card's complaint is already in the register."),
                                  field="complaint")
        call = session.get(Call, card.call_id)
        assert call is not None
        text = description.strip() or card.comments
        data = complaints.ComplaintInput(call.customer_id, text, kind, "card",
                                         item_id=call.item_id, call_id=call.id,
                                         severity=severity)
        complaint = complaints.insert_complaint(session, ctx, data)
        card.complaint_id = complaint.id
        session.flush()
        return complaints.complaint_dto(session, complaint, ctx.today())


def card_documents(ctx: ServiceContext, card_ids: list[int]) -> list[SurveyCardDoc]:
    """The cards to print. Reads only: a copy is recorded on the print trail when it leaves
    the app, not when it is previewed."""
    require(ctx.actor, Perm.SURVEY_ENTER)
    with ctx.read() as session:
        header = letterhead_in(session)
        docs = []
        for card_id in card_ids:
            card = _get(session, card_id)
            call = session.get(Call, card.call_id)
            assert call is not None
            docs.append(SurveyCardDoc(header, card_dto(session, card),
                                      service_day(session, ctx, call)))
        return docs


# ---- reading --------------------------------------------------------------------------------

def get_card(ctx: ServiceContext, card_id: int) -> SurveyCardDTO:
    with ctx.read() as session:
        return card_dto(session, _get(session, card_id))


def find_card(ctx: ServiceContext, number: str) -> SurveyCardDTO:
    """By card number, call number, or the QR payload scanned from the card."""
    with ctx.read() as session:
        return card_dto(session, _find(session, number))


def _find(session: Session, number: str) -> SurveyCard:
    term = searchable(number).upper()
    if term.startswith("SC:"):
        term = term.split(":")[1]
    card = session.scalar(select(SurveyCard).where(SurveyCard.number == term))
    if card is None:
        card = session.scalar(select(SurveyCard).join(Call, Call.id == SurveyCard.call_id)
                              .where(Call.number == term))
    if card is None:
        raise NotFound(N_("No survey card with the number {number}."), number=number)
    return card


def list_cards(ctx: ServiceContext, *, status: str | None = None,
               issued_from: date | None = None, issued_to: date | None = None,
               after_id: int | None = None, limit: int = 100) -> list[SurveyCardDTO]:
    """One keyset page of cards, newest first."""
    with ctx.read() as session:
        query = select(SurveyCard)
        if status:
            query = query.where(SurveyCard.status == status)
        if issued_from:
            query = query.where(SurveyCard.issued_on >= issued_from)
        if issued_to:
            query = query.where(SurveyCard.issued_on <= issued_to)
        if after_id is not None:
            query = query.where(SurveyCard.id < after_id)
        rows = list(session.scalars(query.order_by(SurveyCard.id.desc()).limit(limit)))
        return card_dtos(session, rows)


def _get(session: Session, card_id: int) -> SurveyCard:
    card = session.get(SurveyCard, card_id)
    if card is None:
        raise NotFound(N_("No such survey card."))
    return card


def card_dtos(session: Session, cards: Sequence[SurveyCard]) -> list[SurveyCardDTO]:
    """DTOs of a page of cards: calls, customers, items, technicians looked up once."""
    if not cards:
        return []
    calls = {c.id: c for c in session.scalars(
        select(Call).where(Call.id.in_({card.call_id for card in cards})))}
    customers = {c.id: c for c in session.scalars(
        select(Customer).where(Customer.id.in_({c.customer_id for c in calls.values()})))}
    labels = item_labels(session, {c.item_id for c in calls.values() if c.item_id})
    techs = user_names(session, {c.technician_id for c in cards if c.technician_id})
    complaint_ids = {c.complaint_id for c in cards if c.complaint_id}
    numbers = {row[0]: row[1] for row in session.execute(
        select(Complaint.id, Complaint.number).where(Complaint.id.in_(complaint_ids)))
    } if complaint_ids else {}
    out = []
    for card in cards:
        call = calls[card.call_id]
        customer = customers[call.customer_id]
        out.append(SurveyCardDTO(
            card.id, card.number, call.id, call.number, customer.id, customer.name,
            customer.address, call.item_id, labels.get(call.item_id or 0, ""),
            card.technician_id, techs.get(card.technician_id or 0, ""), card.issued_on,
            card.status, card.returned_on, card.returned_via, _ratings_of(card),
            card.comments, card.complaint_id, numbers.get(card.complaint_id or 0, ""),
            card.version))
    return out


def _ratings_of(card: SurveyCard) -> Ratings | None:
    if card.status != SurveyCardStatus.RETURNED.value or card.attitude is None:
        return None
    return Ratings(card.attitude, card.skill or 0, card.arrival or 0, card.promise or 0)


def card_dto(session: Session, card: SurveyCard) -> SurveyCardDTO:
    return card_dtos(session, [card])[0]
