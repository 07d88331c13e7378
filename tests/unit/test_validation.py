"""Phones, text fields and masks as a Chinese store writes them."""

from __future__ import annotations

import pytest

from app.services.errors import ValidationError
from app.services.validation import clean_text, mask_phone, normalise_phone


@pytest.mark.parametrize("raw, display, digits", [
    ("13812345678", "13812345678", "13812345678"),
    ("138 1234 5678", "13812345678", "13812345678"),
    ("+86 138-1234-5678", "13812345678", "13812345678"),
    ("0571-87654321", "0571-87654321", "057187654321"),
    ("(010)12345678", "010-12345678", "01012345678"),
    ("021-6543210 转 808", "021-6543210 转808", "0216543210"),
    ("4008123456", "4008123456", "4008123456"),
    ("87654321", "87654321", "87654321"),
])
def test_accepted_phone_forms(raw, display, digits):
    assert normalise_phone(raw) == (display, digits)


@pytest.mark.parametrize("raw", ["12345", "1381234567", "23812345678", "abc13812345678", "   "])
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
