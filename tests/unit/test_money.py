"""Money is exact, and receipts spell it the way Chinese banks do."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.errors import ValidationError
from app.services.money import (
    MAX_CENTS,
    capital_amount,
    check_cents,
    format_money,
    money_edit_text,
    parse_decimal,
    parse_money,
    percent_of,
    to_cents,
)


@pytest.mark.parametrize("cents, words", [
    (0, "零元整"),
    (5, "伍分"),
    (50, "伍角整"),
    (1010, "壹拾元壹角整"),
    (1000, "壹拾元整"),
    (10005, "壹佰元零伍分"),
    (100_000_000, "壹佰万元整"),
    (10_000_550, "壹拾万零伍元伍角整"),
    (123_456_789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
    (100_100, "壹仟零壹元整"),
    (1_000_100, "壹万零壹元整"),
    (10_010_000, "壹拾万零壹佰元整"),
    (1_000_000_000_000, "壹佰亿元整"),
    (10_000_000_100, "壹亿零壹元整"),
    (32_000, "叁佰贰拾元整"),
    (200_000_300, "贰佰万零叁元整"),
])
def test_capital_numerals(cents, words):
    assert capital_amount(cents) == words


def test_sums_of_cents_stay_exact_where_floats_drift():
    lines = [to_cents("0.10")] * 3
    assert sum(lines) == to_cents("0.30")
    # ten dimes make a yuan exactly (as floats they make 0.9999999999999999)
    assert sum([to_cents("0.10")] * 10) == to_cents("1.00") == 100


def test_amount_parsing_refuses_fractions_of_a_fen_and_floats():
    assert to_cents("1,234.50") == 123450
    assert to_cents(Decimal("88")) == 8800
    with pytest.raises(ValidationError):
        to_cents("1.005")
    with pytest.raises(TypeError):
        to_cents(1.5)  # type: ignore[arg-type]


def test_format_and_percent():
    assert format_money(123450) == "￥1,234.50"
    assert format_money(-5) == "-￥0.05"
    assert percent_of(10_001, Decimal("15")) == 1500  # 1500.15 → 1500
    assert percent_of(10_003, Decimal("15")) == 1500  # 1500.45 → 1500
    assert percent_of(10_010, Decimal("15")) == 1502  # 1501.5 → 1502 (half up)


@pytest.mark.parametrize("text, cents", [
    ("80", 8000), ("80.5", 8050), (" 80.50 ", 8050), ("1,234.50", 123450), ("￥1,234.50", 123450),
    ("¥80", 8000), ("80元", 8000), ("８０．５", 8050), ("１，２３４．５０", 123450), ("", 0),
    (".5", 50), ("5.", 500), ("+3", 300), ("1,000,000.00", MAX_CENTS),
])
def test_the_one_money_parser_accepts_what_a_clerk_types(text, cents):
    assert parse_money(text) == cents
    assert parse_money(money_edit_text(cents)) == cents  # what a field shows reads back


@pytest.mark.parametrize("text, message", [
    ("inf", "not an amount"), ("Infinity", "not an amount"), ("NaN", "not an amount"),
    ("-inf", "not an amount"), ("1e30", "not an amount"), ("1E3", "not an amount"),
    ("0x10", "not an amount"), ("1_000", "not an amount"), ("٣", "not an amount"),
    ("12,5", "not an amount"), ("1,23,456", "not an amount"), ("--5", "not an amount"),
    ("12.345", "At most two decimals"), ("0.001", "At most two decimals"),
    ("-5", "negative"), ("-￥0.01", "negative"),
    ("1000000.01", "Too large"), ("12,345,678.90", "Too large"),
])
def test_the_one_money_parser_refuses_with_a_message_at_the_field(text, message):
    with pytest.raises(ValidationError) as err:
        parse_money(text, field="fee")
    assert err.value.field == "fee" and message in str(err.value)


@pytest.mark.parametrize("value", [Decimal("Infinity"), Decimal("NaN"), Decimal("sNaN"),
                                   Decimal("1e30"), Decimal("12.345"), Decimal("-0.01")])
def test_services_refuse_the_same_decimals(value):
    with pytest.raises(ValidationError):
        to_cents(value, field="amount")
    assert to_cents(Decimal("-0.01"), negative=True) == -1


def test_cents_and_quantities_are_bounded():
    assert check_cents(MAX_CENTS, field="p") == MAX_CENTS
    for bad in (-1, MAX_CENTS + 1, 2**63):
        with pytest.raises(ValidationError):
            check_cents(bad, field="p")
    assert parse_decimal("1.125", field="q", places=3, maximum=Decimal(9999)) == Decimal("1.125")
    with pytest.raises(ValidationError):
        parse_decimal("1.1255", field="q", places=3, maximum=Decimal(9999))
    with pytest.raises(ValidationError):
        parse_decimal("inf", field="q", places=3, maximum=Decimal(9999))


def test_one_formatter_for_screen_paper_and_sheets():
    from app.export.sheets import money_text
    from app.printing.formatting import money

    assert format_money(123450) == money(123450) == money(Decimal("1234.50")) == \
        money_text(123450) == "￥1,234.50"
    assert format_money(123450, symbol=False) == money(123450, symbol=False) == "1,234.50"
    with pytest.raises(TypeError):
        format_money(12.5)  # type: ignore[arg-type]
