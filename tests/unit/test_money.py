"""Money is exact, and receipts spell it the way Chinese banks do."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.errors import ValidationError
from app.services.money import capital_amount, format_money, percent_of, to_cents


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
    assert 0.1 + 0.2 != 0.3  # the reason money is never a float here


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
