"""§二十 complete: someone is sent to renew a contract in its last month, the visit and its
outcome recorded; a notice printed after the end says it has ended; the visits a contract
promises become B-category calls once each."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.errors import ValidationError
from app.models.calls import Call
from app.services import contract_service as contracts
from app.services import contract_visit_service as visits
from tests.helpers.voice import at, user_id, zhang


def _contract(ctx, start, end, per_year=2):
    customer_id, _, washer = zhang(ctx)
    return contracts.create_contract(ctx, contracts.ContractInput(
        customer_id, (washer,), start, end, Decimal("600.00"), True, False, per_year,
        "每年两次上门保养"))


def test_someone_is_sent_to_renew_and_the_visit_and_outcome_are_kept(login):
    boss = at(login("super"), date(2026, 11, 10))
    ending = _contract(boss, date(2025, 12, 1), date(2026, 11, 30))
    later = _contract(boss, date(2026, 6, 1), date(2027, 5, 31))
    with pytest.raises(ValidationError) as err:
        contracts.assign_renewal(boss, later.id, user_id=user_id(boss, "clerk"),
                                 expected_version=later.version)
    assert err.value.field == "end_date"
    with pytest.raises(ValidationError) as err:
        contracts.record_renewal_visit(boss, ending.id, visit_on=boss.today(),
                                       outcome="renewed", notes="",
                                       expected_version=ending.version)
    assert err.value.field == "renewal_by"

    sent = contracts.assign_renewal(boss, ending.id, user_id=user_id(boss, "clerk"),
                                    expected_version=ending.version)
    assert (sent.renewal_by, sent.renewal_assigned_on) == ("王小丽", boss.today())
    listed = {c.id: c for c in contracts.renewal_list(boss)}
    assert listed[ending.id].renewal_by == "王小丽"

    visit_day = at(boss, date(2026, 11, 14))
    new = contracts.record_renewal_visit(visit_day, ending.id, visit_on=visit_day.today(),
                                         outcome="renewed", notes="客户同意续约一年",
                                         expected_version=sent.version)

    assert new.previous_id == ending.id and new.start_date == date(2026, 12, 1)
    old = contracts.get_contract(boss, ending.id)
    assert (old.status, old.renewal_outcome, old.renewal_visit_on) == (
        "renewed", "renewed", date(2026, 11, 14))


def test_a_declined_renewal_lapses_with_the_reason(login):
    boss = at(login("super"), date(2026, 11, 10))
    c = _contract(boss, date(2025, 12, 1), date(2026, 11, 30))
    c = contracts.assign_renewal(boss, c.id, user_id=user_id(boss, "tech"),
                                 expected_version=c.version)
    with pytest.raises(ValidationError):  # a refusal needs its reason
        contracts.record_renewal_visit(boss, c.id, visit_on=boss.today(), outcome="declined",
                                       notes="", expected_version=c.version)
    done = contracts.record_renewal_visit(boss, c.id, visit_on=boss.today(),
                                          outcome="declined", notes="客户已换新机",
                                          expected_version=c.version)
    assert (done.status, done.lapse_reason) == ("lapsed", "客户已换新机")


def test_a_notice_printed_after_the_end_says_it_has_ended(login):
    from app.printing.documents.expiry_notice import expiry_notices_pdf
    from tests.helpers.pdf import flat_text, has
    boss = at(login("super"), date(2026, 12, 5))
    c = _contract(boss, date(2025, 12, 1), date(2026, 11, 30))
    contracts.assign_renewal(boss, c.id, user_id=user_id(boss, "clerk"),
                             expected_version=c.version)
    text = flat_text(expiry_notices_pdf(contracts.expiry_notices(boss, [c.id])))
    assert has(text, "已于2026-11-30到期") and "将于" not in text
    assert has(text, "王小丽将登门")
    before = at(boss, date(2026, 11, 5))
    early = flat_text(expiry_notices_pdf(contracts.expiry_notices(before, [c.id])))
    assert has(early, "将于2026-11-30到期")


def test_promised_visits_become_b_calls_once_each_and_are_caught_up(login, db):
    boss = at(login("super"), date(2026, 3, 10))
    c = _contract(boss, date(2026, 1, 1), date(2026, 12, 31), per_year=4)
    assert visits.due_days(date(2026, 1, 1), date(2026, 12, 31), 4) == [
        date(2026, 2, 15), date(2026, 5, 17), date(2026, 8, 17), date(2026, 11, 16)]

    first = visits.schedule_due_visits(boss)
    assert [(v.contract_id, v.due_on) for v in first] == [(c.id, date(2026, 2, 15))]
    assert visits.schedule_due_visits(boss) == []
    nov = visits.schedule_due_visits(at(boss, date(2026, 11, 20)))  # missed ones caught up
    assert [v.due_on for v in nov] == [date(2026, 5, 17), date(2026, 8, 17),
                                       date(2026, 11, 16)]

    with db.read() as s:
        rows = s.execute(select(Call.category, Call.service_kind, Call.status)
                         .where(Call.id.in_([v.call_id for v in first + nov]))).all()
        assert {tuple(r) for r in rows} == {("B", "maintenance", "registered")}
        assert s.scalar(select(func.count()).select_from(Call)) == 4
    assert [n for _d, n, _s in visits.visits_of(boss, c.id)] == [
        v.call_number for v in first + nov]
