"""Survey cards: one for every completed call, returned ratings, complaints, averages."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.models.voice import SurveyCard
from app.services import survey_service as surveys
from app.services.errors import ValidationError
from app.services.voice_stats import survey_month_stats
from tests.voice_helpers import TZ, at, completed_call, zhang


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
        surveys.enter_returned_card(clerk, card.id, surveys.Ratings(4, 5, 3, 2), via="paper",
                                    expected_version=card.version)
    assert err.value.field == "skill"

    back = surveys.enter_returned_card(clerk, card.id, surveys.Ratings(4, 3, 2, 1),
                                       via="phone", expected_version=card.version,
                                       comments="师傅迟到一小时，答应的配件没送来")

    assert back.status == "returned" and back.ratings == surveys.Ratings(4, 3, 2, 1)
    assert surveys.find_card(clerk, f"SC:{card.number}:{card.call_number}").id == card.id
    assert surveys.find_card(clerk, card.call_number.lower()).id == card.id


def test_a_card_with_a_complaint_opens_it_in_one_step(clerk):
    completed_call(clerk, item_id=zhang(clerk)[1])
    card = surveys.issue_cards_for_day(clerk, clerk.today())[0]
    card = surveys.enter_returned_card(clerk, card.id, surveys.Ratings(1, 2, 2, 1),
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
            surveys.enter_returned_card(clerk, card.id, surveys.Ratings(*r), via="paper",
                                        expected_version=card.version)

    stats = {s.technician_name: s for s in survey_month_stats(login("super"), 2026, 11)}

    li, zhao = stats["李师傅"], stats["赵师傅"]
    assert (li.sent, li.returned) == (3, 2)
    assert li.averages == (Decimal("3.50"), Decimal("4.00"), Decimal("2.00"), Decimal("3.00"))
    assert li.lowest == (3, 4, 1, 2) and li.unsatisfied == 1
    assert li.return_rate == Decimal("66.7")
    assert (zhao.sent, zhao.returned, zhao.averages[0]) == (1, 1, Decimal("2.00"))
    assert survey_month_stats(login("super"), 2026, 10) == []
