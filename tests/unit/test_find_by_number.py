"""Find any document by its number, with or without its letter, in any case."""

from __future__ import annotations

import pytest

from app.services import call_book_service, calls_service, customers_service, find_service
from app.services.call_book_service import CallFilter
from app.services.calls_service import CallInput
from app.services.context import ServiceContext
from tests.helpers.carry_in import walk_in


@pytest.fixture
def call_number(clerk: ServiceContext) -> str:
    zhang = customers_service.find_customers(clerk, "张伟")[0]
    return calls_service.register_call(clerk, CallInput("不制冷", customer_id=zhang.id)).number


@pytest.mark.parametrize("typed", ["{n}", "{n_lower}", "{bare}", "  {n} "])
def test_a_call_is_found_by_its_number_however_typed(clerk, call_number, typed):
    text = typed.format(n=call_number, n_lower=call_number.lower(), bare=call_number[1:])
    found = find_service.find_by_number(clerk, text)
    assert (found[0].kind, found[0].number) == ("call", call_number)


@pytest.mark.parametrize("typed", ["{n}", "{n_lower}", "{bare}"])
def test_the_book_search_finds_a_call_by_number(clerk, call_number, typed):
    text = typed.format(n=call_number, n_lower=call_number.lower(), bare=call_number[1:])
    page = call_book_service.list_calls(clerk, CallFilter(search=text))
    assert [row.number for row in page.rows] == [call_number]


def test_receipt_and_repair_card_lead_to_their_call(clerk):
    carry = walk_in(clerk)
    [receipt] = find_service.find_by_number(clerk, carry.receipt_number.lower())
    assert (receipt.kind, receipt.call_id) == ("receipt", carry.call_id)
    [card] = find_service.find_by_number(clerk, carry.card_number)
    assert (card.kind, card.call_id) == ("repair", carry.call_id)


def test_an_unknown_number_finds_nothing(clerk, call_number):
    assert find_service.find_by_number(clerk, "C9912-9999") == []
    assert find_service.find_by_number(clerk, "张伟") == []
    assert not find_service.looks_like_number("0571-87654321")  # a phone, not a number
