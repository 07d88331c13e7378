"""Money as the counter writes it: integer cents inside, Decimal at the edges, 大写 on paper."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.i18n import N_
from app.services.errors import ValidationError

CENT = Decimal("0.01")
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")


def to_cents(amount: Decimal | int | str) -> int:
    """Exact conversion to cents; refuses fractions of a cent and floats."""
    if isinstance(amount, float):
        raise TypeError("money is never a float")
    try:
        value = Decimal(str(amount).replace(",", "").replace("￥", "").strip())
    except InvalidOperation as exc:
        raise ValidationError(N_("{value} is not an amount of money."), value=amount) from exc
    if value != value.quantize(CENT):
        raise ValidationError(N_("Amounts are in yuan and fen (two decimals)."))
    return int(value * 100)


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def format_money(cents: int) -> str:
    """￥1,234.50 (the full-width yuan sign prints on every Chinese printer)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}￥{from_cents(abs(cents)):,.2f}"


def percent_of(cents: int, percent: Decimal) -> int:
    """``percent`` % of an amount, rounded half up to the fen."""
    return int((Decimal(cents) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _four_digits(group: int) -> str:
    """Read 0–9999 (a 'section'); inner zeros collapse to one 零."""
    text, zero = "", False
    for position in range(3, -1, -1):
        digit = group // 10**position % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += _DIGITS[digit] + _SMALL_UNITS[position]
    return text


def _integer_words(yuan: int) -> str:
    sections: list[int] = []
    while yuan:
        sections.append(yuan % 10000)
        yuan //= 10000
    text, need_zero = "", False
    for index in range(len(sections) - 1, -1, -1):
        group = sections[index]
        if group == 0:
            need_zero = bool(text)
            continue
        if text and (need_zero or group < 1000):
            text += "零"
        text += _four_digits(group) + _BIG_UNITS[index]
        need_zero = False
    return text


def capital_amount(cents: int) -> str:
    """Chinese capital numerals for a receipt (大写金额), e.g. 壹拾元壹角整.

    Rules as banks write them: 元 after the yuan, 角 and 分 for the fen, 整 when there are
    no fen, 零 for skipped places between non-zero digits, 零元整 for nothing.
    """
    if cents < 0:
        return "负" + capital_amount(-cents)
    yuan, fen = divmod(cents, 100)
    jiao, fen = divmod(fen, 10)
    if cents == 0:
        return "零元整"
    text = _integer_words(yuan) + "元" if yuan else ""
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif fen and yuan:
        text += "零"
    if fen:
        text += _DIGITS[fen] + "分"
    else:
        text += "整"
    return text
