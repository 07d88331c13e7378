"""Each branch hands in its own monthly summary and complaint statistics (制度11 五, 办法 九.10;
issue 17): the first branch's doing it does not strike it off another branch's reminder."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.services import submission_service as submissions
from app.services.voice_stats import produce_complaint_statistics
from tests.helpers.service_dept import Company, make_company
from tests.helpers.voice import at

DAY = date(2026, 12, 6)  # November's summary was due on the 4th


@pytest.fixture
def company(db, login) -> Company:
    return make_company(login)


def _due(company: Company, branch_id: int) -> set[str]:
    boss = at(company.people[branch_id]["boss"], DAY)
    return {d.kind for d in submissions.submissions_due(boss)}


def test_one_branch_handing_in_its_month_leaves_the_other_branchs_due(company):
    one, two = company.branch_ids
    first = at(company.people[one]["boss"], DAY)
    submissions.submit_summary(first, 2026, 11)
    produce_complaint_statistics(first, 2026, 11)
    assert _due(company, one) == set()
    assert _due(company, two) == {"summary", "complaint_stats"}
    second = at(company.people[two]["boss"], DAY)
    submissions.submit_summary(second, 2026, 11)  # not "already handed in"
    with pytest.raises(ValidationError):
        submissions.submit_summary(second, 2026, 11)
    produce_complaint_statistics(second, 2026, 11)
    assert _due(company, two) == set()
