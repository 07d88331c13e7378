"""Quality follow-ups (回访): due after the configured days, answers, unhappy → complaint."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest

from app.errors import ValidationError
from app.models.store import Setting
from app.services import complaint_service as complaints
from app.services import followup_service as followups
from tests.helpers.voice import TZ, at, completed_call


def test_a_completed_call_is_due_after_the_configured_days(login, db):
    clerk = at(login("clerk"), date(2026, 11, 1))
    call_id = completed_call(clerk, done=datetime.combine(date(2026, 11, 1), time(16), TZ))

    assert followups.due_followups(clerk, today=date(2026, 11, 7)) == []
    due = followups.due_followups(clerk, today=date(2026, 11, 8))
    assert [d.call_id for d in due] == [call_id]
    assert due[0].due_on == date(2026, 11, 8) and due[0].days_waiting == 0
    with db.write(None) as s:
        s.add(Setting(key="followup.after_days", value=json.dumps(3)))
    assert followups.due_followups(clerk, today=date(2026, 11, 4))[0].call_id == call_id


def test_a_happy_answer_is_recorded_and_leaves_the_list(login):
    clerk = at(login("clerk"), date(2026, 11, 10))
    call_id = completed_call(clerk, done=datetime.combine(date(2026, 11, 1), time(9), TZ))

    done = followups.record_followup(clerk, call_id, satisfied=True, answer="")

    assert done.complaint_id is None and done.done_on == date(2026, 11, 10)
    assert followups.due_followups(clerk) == []
    with pytest.raises(ValidationError):
        followups.record_followup(clerk, call_id, satisfied=True, answer="再次")


def test_an_unhappy_answer_opens_a_complaint_in_one_step(login):
    clerk = at(login("clerk"), date(2026, 11, 10))
    call_id = completed_call(clerk, done=datetime.combine(date(2026, 11, 1), time(9), TZ))
    with pytest.raises(ValidationError) as err:
        followups.record_followup(clerk, call_id, satisfied=False, answer="")
    assert err.value.field == "answer"

    done = followups.record_followup(clerk, call_id, satisfied=False, answer="修完又坏了",
                                     complaint_kind="quality")

    complaint = complaints.get_complaint(clerk, done.complaint_id)
    assert complaint.source == "followup" and complaint.description == "修完又坏了"
    assert complaint.number == done.complaint_number == "2611-001"
    assert [f.id for f in followups.list_followups(clerk)] == [done.id]
