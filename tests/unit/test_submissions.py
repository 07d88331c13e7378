"""制度11 / 办法 九.10: last month's summary is due by the 4th and the complaint statistics by the
10th, shown until done."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.services import submission_service as submissions
from app.services.voice_stats import produce_complaint_statistics
from tests.helpers.voice import at


def test_last_months_reports_are_due_until_handed_in(login):
    boss = at(login("boss"), date(2026, 12, 2))
    due = {d.kind: d for d in submissions.submissions_due(boss)}
    assert set(due) == {"summary", "complaint_stats"}
    assert (due["summary"].due_on, due["summary"].days_left) == (date(2026, 12, 4), 2)
    assert due["complaint_stats"].month == 11

    late = at(boss, date(2026, 12, 6))
    assert {d.kind: d.days_left for d in submissions.submissions_due(late)}["summary"] == -2
    submissions.submit_summary(late, 2026, 11)
    with pytest.raises(ValidationError):
        submissions.submit_summary(late, 2026, 11)
    with pytest.raises(ValidationError):
        submissions.submit_summary(late, 2026, 12)  # not ended
    assert [d.kind for d in submissions.submissions_due(late)] == ["complaint_stats"]
    produce_complaint_statistics(late, 2026, 11)
    assert submissions.submissions_due(late) == []
    assert submissions.submissions_due(at(login("clerk"), date(2026, 12, 2))) == []
