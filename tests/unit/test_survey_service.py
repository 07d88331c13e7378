"""Survey cards: one for every completed call, returned ratings, complaints, averages."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.errors import ValidationError
from app.models.voice import SurveyCard
from app.services import survey_dto
from app.services import survey_service as surveys
from app.services.voice_stats import survey_month_stats
from tests.helpers.voice import TZ, at, completed_call, zhang


def _done(day: date, hour: int = 15) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=TZ)


def test_every_completed_call_of_the_day_gets_a_card_once(login, db):
    clerk = at(login("clerk"), date(2026, 11, 20), 18)
    first = completed_call(clerk, done=_done(date(2026, 11, 20)))
    second = completed_call(clerk, technician="tech2", done=_done(date(2026, 11, 20), 9))
    completed_call(clerk, done=_done(date(2026, 11, 21)))  # tomorrow's

    cards = surveys.issue_cards_for_day(clerk, date(2026, 11, 20))

    assert sorted(c.call_id for c in cards) == [first, second]
    assert [c.number for c in cards] == ["S2611-0001", "S2611-0002"]
    assert {c.technician_name for c in cards} == {"李师傅", "赵师傅"}
    assert surveys.issue_cards_for_day(clerk, date(2026, 11, 20)) == []
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(SurveyCard)) == 2


def test_a_returned_card_is_entered_with_four_ratings(clerk):
    completed_call(clerk)
    card = surveys.issue_cards_for_day(clerk, clerk.today())[0]
    with pytest.raises(ValidationError) as err:
        surveys.enter_returned_card(clerk, card.id, survey_dto.Ratings(4, 5, 3, 2), via="paper",
                                    expected_version=card.version)
    assert err.value.field == "skill"

    back = surveys.enter_returned_card(clerk, card.id, survey_dto.Ratings(4, 3, 2, 1),
                                       via="phone", expected_version=card.version,
                                       comments="师傅迟到一小时，答应的配件没送来")

    assert back.status == "returned" and back.ratings == survey_dto.Ratings(4, 3, 2, 1)
    assert surveys.find_card(clerk, f"SC:{card.number}:{card.call_number}").id == card.id
    assert surveys.find_card(clerk, card.call_number.lower()).id == card.id


def test_a_card_with_a_complaint_opens_it_in_one_step(clerk):
    completed_call(clerk, item_id=zhang(clerk)[1])
    card = surveys.issue_cards_for_day(clerk, clerk.today())[0]
    card = surveys.enter_returned_card(clerk, card.id, survey_dto.Ratings(1, 2, 2, 1),
                                       via="paper", expected_version=card.version,
                                       comments="态度很差")

    complaint = surveys.complaint_from_card(clerk, card.id, kind="attitude",
                                            expected_version=card.version)

    assert complaint.source == "card" and complaint.description == "态度很差"
    assert complaint.department == "sales" and complaint.call_id == card.call_id
    assert surveys.get_card(clerk, card.id).complaint_number == complaint.number
    with pytest.raises(ValidationError):
        surveys.complaint_from_card(clerk, card.id, kind="attitude",
                                    expected_version=card.version + 1)


def test_monthly_averages_per_technician(login):
    clerk = at(login("clerk"), date(2026, 11, 20), 18)
    ratings = {"tech": [(4, 4, 3, 4), (3, 4, 1, 2), None], "tech2": [(2, 2, 2, 2)]}
    for tech, rows in ratings.items():
        for _ in rows:
            completed_call(clerk, technician=tech, done=_done(date(2026, 11, 20)))
    cards = sorted(surveys.issue_cards_for_day(clerk, date(2026, 11, 20)), key=lambda c: c.id)
    flat = [r for rows in ratings.values() for r in rows]
    for card, r in zip(cards, flat, strict=True):
        if r is not None:
            surveys.enter_returned_card(clerk, card.id, survey_dto.Ratings(*r), via="paper",
                                        expected_version=card.version)

    stats = {s.technician_name: s for s in survey_month_stats(login("super"), 2026, 11)}

    li, zhao = stats["李师傅"], stats["赵师傅"]
    assert (li.sent, li.returned) == (3, 2)
    assert li.averages == (Decimal("3.50"), Decimal("4.00"), Decimal("2.00"), Decimal("3.00"))
    assert li.lowest == (3, 4, 1, 2) and li.unsatisfied == 1
    assert li.return_rate == Decimal("66.7")
    assert (zhao.sent, zhao.returned, zhao.averages[0]) == (1, 1, Decimal("2.00"))
    assert survey_month_stats(login("super"), 2026, 10) == []


def _registered(ctx, **kw) -> int:
    """A call registered at ``ctx``'s clock, not yet served."""
    from app.services import calls_service as calls
    return calls.register_call(ctx, calls.CallInput(fault="不制冷", customer_id=zhang(ctx)[0],
                                                    **kw)).id


def _complete(ctx, call_id: int, when: datetime, technician: str = "tech") -> None:
    """The technician finishes the call at ``when`` (as dispatch and the visit would)."""
    from app.models.calls import Call
    from app.models.jobs import Job
    from tests.helpers.voice import user_id
    tech = user_id(ctx, technician)
    with ctx.db.write(None) as s:
        row = s.get(Call, call_id)
        assert row is not None
        row.status = "completed"
        s.add(Job(number=f"V-{call_id}", call_id=call_id, technician_id=tech, category="A",
                  status="completed", dispatched_at=when, deadline_at=when,
                  arrived_at=when, completed_at=when))


def test_every_call_gets_exactly_one_card_over_days_served_or_cancelled(login, db):
    """以当天全部叫修数为原则: every call of each day gets a card, on the day it is served;
    a cancelled call gets one about the counter; nothing missed, nothing doubled."""
    from app.services import calls_service as calls
    d1, d2, d3 = date(2026, 12, 3), date(2026, 12, 4), date(2026, 12, 5)
    c1 = at(login("clerk"), d1, 9)
    same_day = _registered(c1)
    next_day = _registered(c1)
    cancelled = _registered(c1)
    waiting = _registered(c1)  # served on day 3
    _complete(c1, same_day, _done(d1))
    version = calls.get_call(c1, cancelled).version
    calls.cancel_call(at(c1, d1, 11), cancelled, reason="客户自己修好了",
                      expected_version=version)

    day1 = surveys.issue_cards_for_day(at(c1, d1, 18), d1)
    assert sorted(c.call_id for c in day1) == sorted([same_day, cancelled])
    counter = next(c for c in day1 if c.call_id == cancelled)
    assert counter.technician_id is None

    _complete(c1, next_day, _done(d2))
    day2 = surveys.issue_cards_for_day(at(c1, d2, 18), d2)
    assert [c.call_id for c in day2] == [next_day]

    _complete(c1, waiting, _done(d3), technician="tech2")
    day3 = surveys.issue_cards_for_day(at(c1, d3, 18), d3)
    assert [c.call_id for c in day3] == [waiting] and day3[0].technician_name == "赵师傅"
    assert surveys.issue_cards_for_day(at(c1, d3, 19), d3) == []
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(SurveyCard)) == 4
        assert s.scalar(select(func.count(func.distinct(SurveyCard.call_id)))) == 4


def test_a_missed_day_is_caught_up_by_the_next_batch(login):
    c1 = at(login("clerk"), date(2026, 12, 3), 9)
    first = _registered(c1)
    _complete(c1, first, _done(date(2026, 12, 3)))
    # nobody ran the batch on the 3rd; the 4th's batch takes the card in
    cards = surveys.issue_cards_for_day(at(c1, date(2026, 12, 4), 18), date(2026, 12, 4))
    assert [c.call_id for c in cards] == [first]


def test_the_printed_card_is_dated_by_the_visit_and_a_counter_card_asks_about_the_counter(
        login):
    from app.services import calls_service as calls
    c1 = at(login("clerk"), date(2026, 12, 1), 9)
    visited = _registered(c1)
    _complete(c1, visited, _done(date(2026, 12, 3)))
    walk_in = _registered(c1)
    version = calls.get_call(c1, walk_in).version
    calls.cancel_call(at(c1, date(2026, 12, 2), 10), walk_in, reason="不修了",
                      expected_version=version)
    clerk = at(c1, date(2026, 12, 3), 18)
    cards = {c.call_id: c for c in surveys.issue_cards_for_day(clerk, date(2026, 12, 3))}

    docs = surveys.card_documents(clerk, [cards[visited].id, cards[walk_in].id])

    assert docs[0].service_date == date(2026, 12, 3) and not docs[0].counter
    assert docs[1].service_date == date(2026, 12, 2) and docs[1].counter


def test_the_monthly_appraisal_counts_work_ratings_complaints_and_late_arrivals(login):
    """§二十三: the supervisor's monthly appraisal of each technician."""
    from app.models.jobs import Job
    from app.services import complaint_service as complaints
    from app.services.voice_stats import technician_appraisals
    clerk = at(login("clerk"), date(2026, 11, 20), 18)
    first = completed_call(clerk, done=_done(date(2026, 11, 20)))
    completed_call(clerk, done=_done(date(2026, 11, 21)))
    completed_call(clerk, technician="tech2", done=_done(date(2026, 11, 20)))
    completed_call(clerk, done=_done(date(2026, 10, 30)))  # last month's work
    with clerk.db.write(None) as s:  # the first call's technician came two hours late
        job = s.scalar(select(Job).where(Job.call_id == first))
        assert job is not None
        job.deadline_at = _done(date(2026, 11, 20), 13)
    card = surveys.issue_cards_for_day(clerk, date(2026, 11, 20))
    mine = next(c for c in card if c.call_id == first)
    surveys.enter_returned_card(clerk, mine.id, survey_dto.Ratings(4, 3, 1, 2), via="paper",
                                expected_version=mine.version)
    complaints.open_complaint(at(login("super"), date(2026, 11, 21)), complaints.ComplaintInput(
        zhang(clerk)[0], "师傅迟到", "attitude", "call", call_id=first))

    month = technician_appraisals(login("super"), 2026, 11)

    rows = {r.technician_name: r for r in month.rows}
    li, zhao = rows["李师傅"], rows["赵师傅"]
    assert (li.jobs_done, li.late_arrivals, li.complaints) == (2, 1, 1)
    assert li.ratings is not None and li.ratings.averages[2] == Decimal("1.00")
    assert (zhao.jobs_done, zhao.late_arrivals, zhao.complaints) == (1, 0, 0)
