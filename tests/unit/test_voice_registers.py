"""The registers of seed 003 §6: each lists its records under the page's filter; the feedback
register is fed from cards, complaints and follow-ups once each and analysed."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.services import complaint_service as complaints
from app.services import feedback_service as feedback
from app.services import followup_service as followups
from app.services import survey_dto
from app.services import survey_service as surveys
from app.services import voice_registers as registers
from app.services.voice_dto import RegisterFilter
from tests.helpers.voice import at, completed_call, zhang


def _voice(login):
    """Two served calls, one card back with a comment, one complaint, one unhappy follow-up."""
    clerk = at(login("clerk"), date(2026, 11, 20), 18)
    first = completed_call(clerk)
    completed_call(clerk, technician="tech2")
    cards = surveys.issue_cards_for_day(clerk, date(2026, 11, 20))
    surveys.enter_returned_card(clerk, cards[0].id, survey_dto.Ratings(2, 3, 1, 2), via="paper",
                                expected_version=cards[0].version, comments="师傅迟到两小时")
    complaints.open_complaint(clerk, complaints.ComplaintInput(
        zhang(clerk)[0], "配送时包装破损", "packaging"))
    later = at(login("super"), date(2026, 11, 28), 10)
    followups.record_followup(later, first, satisfied=False, answer="修完没几天又坏了")
    return clerk, later


def test_each_register_lists_its_records_and_filters_them(login):
    _clerk, boss = _voice(login)
    sheet = registers.register_sheet(boss, RegisterFilter("surveys"))
    assert sheet.total == 2 and len(sheet.columns) == len(sheet.rows[0])
    back = registers.register_sheet(boss, RegisterFilter("surveys", state="returned"))
    assert [r[11] for r in back.rows] == ["师傅迟到两小时"]
    assert registers.register_sheet(boss, RegisterFilter(
        "surveys", date_from=date(2026, 11, 21))).rows == ()
    compl = registers.register_sheet(boss, RegisterFilter("complaints", state="unvisited"))
    # the unhappy follow-up opened the second one
    assert {(r[4], r[5]) for r in compl.rows} == {("packaging", "warehouse_delivery"),
                                                   ("service", "sales")}
    follow = registers.register_sheet(boss, RegisterFilter("followups", state="unsatisfied"))
    assert [r[6] for r in follow.rows] == ["修完没几天又坏了"] and follow.rows[0][5] == "no"
    people = registers.register_sheet(boss, RegisterFilter("customers", text="张伟"))
    assert people.total == 1 and people.rows[0][5] == 2 and people.rows[0][7] == 2
    assert registers.register_sheet(boss, RegisterFilter("customers"), limit=1).total >= 1
    with pytest.raises(ValidationError):
        registers.register_sheet(boss, RegisterFilter("surveys", date_from=date(2026, 11, 5),
                                                      date_to=date(2026, 11, 1)))


def test_feedback_is_fed_once_from_cards_complaints_and_follow_ups_then_analysed(login):
    _clerk, boss = _voice(login)
    assert feedback.collect_feedback(boss) == 4  # card comment, 2 complaints, follow-up
    assert feedback.collect_feedback(boss) == 0
    rows = feedback.list_feedback(boss)
    assert {f.source for f in rows} == {"card", "complaint", "followup"}
    card = next(f for f in rows if f.source == "card")
    with pytest.raises(ValidationError):
        feedback.analyse_feedback(boss, card.id, analysis="迟到", sent_to="nowhere",
                                  expected_version=card.version)

    done = feedback.analyse_feedback(boss, card.id, analysis="派工路线安排不合理",
                                     sent_to="service", expected_version=card.version)

    assert (done.sent_to, done.sent_on, done.analysed_by) == ("service", boss.today(), "陈主任")
    sheet = registers.register_sheet(boss, RegisterFilter("feedback", state="unanalysed"))
    assert sheet.total == 3
    sent = registers.register_sheet(boss, RegisterFilter("feedback", state="sent"))
    assert [r[5] for r in sent.rows] == ["派工路线安排不合理"]
