"""Phones, text fields and masks as a Chinese store writes them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.errors import ValidationError
from app.models.customers import Customer
from app.services.validation import (
    EARLIEST_DATE,
    check_int,
    clean_text,
    column_limit,
    mask_phone,
    normalise_phone,
    plausible_date,
    plausible_moment,
)


@pytest.mark.parametrize("raw, display, digits", [
    ("13812345678", "13812345678", "13812345678"),
    ("138 1234 5678", "13812345678", "13812345678"),
    ("+86 138-1234-5678", "13812345678", "13812345678"),
    ("0571-87654321", "0571-87654321", "057187654321"),
    ("(010)12345678", "010-12345678", "01012345678"),
    ("021-6543210 转 808", "021-6543210 转808", "0216543210"),
    ("4008123456", "4008123456", "4008123456"),
    ("87654321", "87654321", "87654321"),
    ("138１２３４５６７８", "13812345678", "13812345678"),  # full-width digits from an IME
    ("（０５７１）８７６５－４３２１", "0571-87654321", "057187654321"),
    ("＋８６ １３８ １２３４ ５６７８", "13812345678", "13812345678"),
])
def test_accepted_phone_forms(raw, display, digits):
    assert normalise_phone(raw) == (display, digits)


@pytest.mark.parametrize("raw", ["12345", "1381234567", "23812345678", "abc13812345678", "   ",
                                 "١٣٨١٢٣٤٥٦٧٨", "138\x0012345678"])
def test_malformed_phones_are_refused_at_the_phone_field(raw):
    with pytest.raises(ValidationError) as err:
        normalise_phone(raw, field="phones")
    assert err.value.field == "phones"


def test_mask_keeps_first_three_and_last_four():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0571-87654321") == "057*****4321"


def test_text_rules_count_characters_not_bytes():
    assert clean_text(" 空调漏水😀 ", field="fault", max_len=5) == "空调漏水😀"
    with pytest.raises(ValidationError) as err:
        clean_text("空" * 6, field="fault", max_len=5)
    assert err.value.field == "fault" and "5" in err.value.text()


@pytest.mark.parametrize("text, pos", [("张\x00伟", 2), ("ab\ud800", 3), ("\udfff", 1),
                                       ("a\x1bb", 2), ("a\tb", 2), ("a\nb", 2), ("x\x85y", 2)])
def test_text_with_nul_surrogates_or_control_characters_is_refused(text, pos):
    with pytest.raises(ValidationError) as err:
        clean_text(text, field="name", max_len=60)
    assert err.value.field == "name" and err.value.params["pos"] == pos


def test_multiline_text_keeps_newlines_and_tabs_but_not_other_controls():
    assert clean_text(" 第一行\r\n\t第二行 ", field="notes", max_len=60,
                      multiline=True) == "第一行\n\t第二行"
    with pytest.raises(ValidationError):
        clean_text("a\x00b", field="notes", max_len=60, multiline=True)


def test_long_text_is_refused_not_cut_and_limits_come_from_the_columns():
    assert column_limit(Customer.name) == 60
    assert clean_text("𠮷" * 60, field="name", max_len=60) == "𠮷" * 60  # characters, not bytes
    with pytest.raises(ValidationError) as err:
        clean_text("𠮷" * 61, field="name", max_len=60)
    assert err.value.params == {"n": 60, "m": 61}


@pytest.mark.parametrize("value", [-1, 100_001, 2**31, 10**30, True])
def test_whole_numbers_out_of_range_are_refused(value):
    with pytest.raises(ValidationError) as err:
        check_int(value, field="quantity", high=100_000)
    assert err.value.field == "quantity"


def test_dates_before_2000_or_in_the_future_are_refused():
    today = date(2026, 12, 7)
    assert plausible_date(EARLIEST_DATE, field="d", today=today) == EARLIEST_DATE
    for bad in (date(1925, 3, 1), date(1999, 12, 31), today + timedelta(days=1)):
        with pytest.raises(ValidationError):
            plausible_date(bad, field="d", today=today)
    assert plausible_date(date(2030, 1, 1), field="end", future_days=None)  # a contract's end
    now = datetime(2026, 12, 7, 2, tzinfo=UTC)
    assert plausible_moment(now + timedelta(minutes=4), now, field="received_at")
    with pytest.raises(ValidationError):
        plausible_moment(now + timedelta(minutes=6), now, field="received_at")
