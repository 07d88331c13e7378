"""制度11 五: real after-sales expenses (差旅费报销) per person and job, shown beside the
price-based cost of the month."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.errors import ValidationError
from app.services import expense_service as expenses
from app.services import monthly_report_service as monthly
from app.services import voice_dto
from app.services import voice_registers as registers
from tests.helpers.voice import at, completed_call, user_id


def test_expenses_are_recorded_per_person_and_job_and_summed_beside_the_cost(login):
    boss = at(login("boss"), date(2026, 11, 22), 18)
    call = completed_call(boss)
    tech = user_id(boss, "tech")
    expenses.record_expense(boss, spent_on=date(2026, 11, 20), kind="travel", person_id=tech,
                            amount=Decimal("35.50"), job_number=f"V-{call}", note="郊区打车")
    expenses.record_expense(boss, spent_on=date(2026, 11, 21), kind="shipping", person_id=tech,
                            amount=Decimal("20"))
    expenses.record_expense(boss, spent_on=date(2026, 10, 31), kind="travel", person_id=tech,
                            amount=Decimal("99"))
    with pytest.raises(ValidationError) as err:
        expenses.record_expense(boss, spent_on=date(2026, 11, 20), kind="travel",
                                person_id=tech, amount=Decimal("1"), job_number="V-NOPE")
    assert err.value.field == "job"
    with pytest.raises(ValidationError):
        expenses.record_expense(boss, spent_on=date(2026, 11, 20), kind="meals",
                                person_id=tech, amount=Decimal("1"))

    report = monthly.monthly_report(at(boss, date(2026, 12, 2)), date(2026, 11, 1))

    assert report.figure("expense_total") == 5550  # October's 99 yuan are not in November
    keys = [f.key for f in report.figures]
    assert keys.index("expense_total") == keys.index("total_cost") + 1  # side by side
    sheet = registers.register_sheet(boss, voice_dto.RegisterFilter(
        "expenses", date(2026, 11, 1), date(2026, 11, 30)))
    assert [(r[1], r[3], r[4]) for r in sheet.rows] == [("shipping", "", 2000),
                                                        ("travel", f"V-{call}", 3550)]
