"""The service department's views (issue 17; seed 002 §十七, §二十四, §二十七): each branch's
call-log book of yesterday, the survey cards to send, the supervisor daily reports received
with the branch manager's signature, the cases to chase — per branch, and for the company."""

from __future__ import annotations

import pytest

from app.errors import PermissionDenied
from app.services import report_flow_service as flow
from app.services import service_dept_service as sd
from app.services import survey_service
from app.services.call_book_service import CallFilter, count_calls, list_calls
from tests.helpers.service_dept import YESTERDAY_CALLS, Company, make_company


@pytest.fixture
def company(db, login) -> Company:
    return make_company(login)


def test_yesterdays_books_per_branch_equal_each_branchs_own_book(company):
    one, two = company.branch_ids
    day = company.yesterday
    books = {b.branch.id: b for b in sd.call_books(company.office, day)}
    for branch_id, n in zip((one, two), (1, 2), strict=True):
        own = count_calls(company.people[branch_id]["clerk"],
                          CallFilter(date_from=day, date_to=day))
        assert books[branch_id].calls == own == YESTERDAY_CALLS[n]
        # the department opens that branch's book: the same calls, the branch's numbers only
        opened = list_calls(company.office, CallFilter(date_from=day, date_to=day,
                                                       branch_id=branch_id)).rows
        mine = list_calls(company.people[branch_id]["clerk"],
                          CallFilter(date_from=day, date_to=day)).rows
        assert [r.number for r in opened] == [r.number for r in mine]
    assert all(r.number.startswith("C02-") for r in list_calls(
        company.office, CallFilter(date_from=day, date_to=day, branch_id=two)).rows)
    company_book = count_calls(company.office, CallFilter(date_from=day, date_to=day))
    assert sum(b.calls for b in books.values()) == company_book == sum(YESTERDAY_CALLS.values())
    only_two = sd.call_books(company.office, day, branch_id=two)
    assert [(b.branch.code, b.calls) for b in only_two] == [("02", YESTERDAY_CALLS[2])]


def test_a_branch_sees_only_itself_in_the_departments_views(company):
    one, two = company.branch_ids
    clerk2, boss2 = company.people[two]["clerk"], company.people[two]["boss"]
    with pytest.raises(PermissionDenied):
        list_calls(clerk2, CallFilter(branch_id=one))
    assert list_calls(clerk2, CallFilter(branch_id=two)).rows  # its own, by name: fine
    assert [b.code for b in sd.branches(boss2)] == ["02"]
    assert [(b.branch.code, b.calls) for b in sd.call_books(boss2, company.yesterday)] == [
        ("02", YESTERDAY_CALLS[2])]
    assert {r.customer for r in sd.chase_list(boss2)} == {"客户2号"}
    with pytest.raises(PermissionDenied):
        sd.daily_reports(boss2, company.yesterday, branch_id=one)
    with pytest.raises(PermissionDenied):
        sd.call_books(company.people[two]["tech"], company.yesterday)  # no reports for him


def test_survey_cards_to_send_per_branch(company):
    one, two = company.branch_ids
    today = company.office.today()
    cards = {c.branch.id: c for c in sd.survey_counts(company.office, today)}
    # each branch served one call today (completed on site): one card to send, none sent
    assert [(cards[b].calls, cards[b].to_send, cards[b].sent) for b in (one, two)] == [
        (1, 1, 0), (1, 1, 0)]
    # branch 02 sends today's batch: its card is counted as sent, nothing left to send
    survey_service.issue_cards_for_day(company.people[two]["clerk"], today)
    cards = {c.branch.id: c for c in sd.survey_counts(company.office, today)}
    assert [(cards[b].to_send, cards[b].sent) for b in (one, two)] == [(1, 0), (0, 1)]
    yesterday = {c.branch.id: c.calls for c in sd.survey_counts(company.office,
                                                                company.yesterday)}
    assert yesterday == {one: YESTERDAY_CALLS[1], two: YESTERDAY_CALLS[2]}


def test_a_report_is_received_once_signed_by_the_branch_manager_and_forwarded(company):
    one, two = company.branch_ids
    day = company.yesterday  # a day without technicians' work: nothing to review first
    people = company.people[two]

    def received() -> dict[str, sd.ReportReceipt]:
        return {r.branch.code: r for r in sd.daily_reports(company.office, day)}

    flow.submit_supervisor_report(people["super"], day)
    seen = received()["02"]
    assert (seen.status, seen.received, seen.signed_by) == ("submitted", False, "")
    flow.sign_supervisor_report(people["boss"], day, note="不对")
    assert received()["02"].signed_by == "boss2号"
    # reopened, the signature no longer stands; submitted and signed again
    flow.reopen_report(people["super"], flow.ReportKind.SUPERVISOR, day, reason="漏了一单")
    assert (received()["02"].status, received()["02"].signed_by) == ("draft", "")
    flow.submit_supervisor_report(people["super"], day)
    flow.sign_supervisor_report(people["boss"], day, note="同意")
    seen = received()["02"]
    assert (seen.status, seen.received, seen.signed_by, seen.sign_note) == (
        "signed", False, "boss2号", "同意")
    flow.forward_supervisor_report(people["super"], day)
    seen = received()["02"]
    assert seen.received and seen.signed_by == "boss2号" and seen.signed_at is not None
    assert seen.forwarded_by == "super2号"
    assert not received()["01"].received  # branch 1 sent nothing: the department chases it
    # branch 1's report of that day is its own, untouched by branch 02's
    super1 = company.people[one]["super"]
    assert flow.report_state(super1, flow.ReportKind.SUPERVISOR, day).status == "draft"
    flow.submit_supervisor_report(super1, day)
    flow.sign_supervisor_report(company.people[one]["boss"], day)
    flow.forward_supervisor_report(super1, day)
    assert [(r.branch.code, r.received, r.signed_by) for r in received().values()] == [
        ("01", True, "boss1号"), ("02", True, "boss2号")]


def test_cases_to_chase_carry_their_branch(company):
    one, two = company.branch_ids
    rows = sd.chase_list(company.office)
    complaints = {(r.branch.code, r.customer) for r in rows if r.kind == "complaint"}
    assert complaints == {("01", "客户1号"), ("02", "客户2号")}
    assert all(r.number.startswith("02-") for r in rows if r.branch.id == two)
    assert {r.branch.id for r in sd.chase_list(company.office, branch_id=one)} == {one}
