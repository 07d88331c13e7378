"""The service department (a user of no branch) acting on a branch's records (issue 17): what
it makes for a branch's customer, call or bill is that branch's record, numbered in that
branch's series, and in that branch's books — not in the first branch's, where the column's
default would put it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models.calls import Call
from app.models.customers import Customer
from app.services import (
    call_book_service,
    calls_service,
    complaint_service,
    dispatch_service,
    survey_service,
)
from app.services.calls_service import CallInput
from tests.helpers.carry_in import user_id
from tests.helpers.service_dept import Company, make_company


@pytest.fixture
def company(db, login) -> Company:
    return make_company(login)


def _customer_of(company: Company, branch_id: int) -> int:
    with company.office.db.read() as session:
        return int(session.scalar(select(Customer.id).where(Customer.branch_id == branch_id)
                                  .order_by(Customer.id)) or 0)


def test_survey_cards_the_department_issues_are_each_branchs_own(company):
    one, two = company.branch_ids
    cards = survey_service.issue_cards_for_day(company.office, company.office.today())
    assert len(cards) == 2  # one served call in each branch
    numbers = {c.call_number[:4]: c.number for c in cards}
    assert numbers["C02-"].startswith("S02-")  # branch 02's card in branch 02's series
    assert not [n for k, n in numbers.items() if k != "C02-" and n.startswith("S02-")]
    for branch_id in (one, two):
        own = survey_service.list_cards(company.people[branch_id]["boss"])
        assert len(own) == 1, branch_id  # each branch sees (and sends) its own card
    assert {c.number for c in survey_service.list_cards(company.people[two]["boss"])} \
        == {numbers["C02-"]}


def test_a_call_the_department_takes_for_a_branchs_customer_is_in_that_branchs_book(company):
    _one, two = company.branch_ids
    call = calls_service.register_call(company.office, CallInput(
        fault="服务部代登记", customer_id=_customer_of(company, two)))
    assert call.number.startswith("C02-")
    book = call_book_service.list_calls(company.people[two]["clerk"],
                                        call_book_service.CallFilter()).rows
    assert call.number in [r.number for r in book]
    job = dispatch_service.dispatch_call(company.office, call.id,
                                         user_id(company.office, "tech_b2"),
                                         expected_version=call.version)
    assert job.number.startswith("V02-")
    board = dispatch_service.board(company.people[two]["super"])
    assert job.number in repr(board)
    with company.office.db.read() as session:
        assert session.get(Call, call.id).branch_id == two


def test_a_complaint_the_department_opens_for_a_branchs_customer_is_that_branchs(company):
    _one, two = company.branch_ids
    opened = complaint_service.open_complaint(company.office, complaint_service.ComplaintInput(
        customer_id=_customer_of(company, two), description="服务部接到的投诉",
        kind="attitude"))
    assert opened.number.startswith("02-")
    assert complaint_service.find_complaint(company.people[two]["boss"],
                                            opened.number).id == opened.id
