"""Money as the counter writes it: integer cents inside, Decimal at the edges, 大写 on paper."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.errors import ValidationError
from app.i18n import N_

CENT = Decimal("0.01")
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")


MAX_CENTS = 100_000_000
"""¥1,000,000.00: no single amount at an appliance counter comes near it, so anything above is
a typing slip; it also keeps sums of a bill's lines inside the 32-bit INTEGER money columns."""

_NUMBER = re.compile(r"^(?P<sign>[-+]?)(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]*)"
                     r"(?:\.(?P<frac>[0-9]*))?$")


def _fail(field: str, value: object) -> ValidationError:
    return ValidationError(N_("{value} is not an amount of money. Enter yuan and fen, such as "
                              "80 or 1,234.50."), field=field, value=str(value)[:40])


def _too_precise(field: str) -> ValidationError:
    return ValidationError(N_("At most two decimals: an amount is in yuan and fen "
                              "(such as 12.35)."), field=field)


def parse_decimal(text: str, *, field: str, places: int, maximum: Decimal | None = None,
                  negative: bool = False, money: bool = False) -> Decimal:
    """The one reader of numbers typed by a user: digits (full-width too), one optional point,
    at most ``places`` decimals, thousands commas only in groups of three. Refuses exponents,
    ``inf``/``NaN``, other scripts' digits and anything but a plain number, with a message."""
    raw = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    sign = raw[:1] if raw[:1] in "+-" else ""
    body = raw[len(sign):].strip().removeprefix("¥").removesuffix("元").strip()  # ￥ → ¥
    raw = sign + body  # a space inside the digits ("12 5") is refused, not joined
    match = _NUMBER.match(raw)
    if match is None or not (match["int"] or match["frac"]):
        if money:
            raise _fail(field, text)
        raise ValidationError(N_("{value} is not a number."), field=field, value=text[:40])
    frac = match["frac"] or ""
    if len(frac) > places:
        if money:
            raise _too_precise(field)
        raise ValidationError(N_("At most {n} decimals."), field=field, n=places)
    value = Decimal(f"{match['sign']}{(match['int'] or '0').replace(',', '')}.{frac or '0'}")
    _check_range(value, field=field, maximum=maximum, negative=negative)
    return value


def check_decimal(value: Decimal, *, field: str, places: int, maximum: Decimal,
                  positive: bool = True) -> Decimal:
    """A number that is not money (a quantity, a percentage) as a service receives it:
    finite, at most ``places`` decimals, above zero (or zero, if not ``positive``), at most
    ``maximum``; otherwise a ValidationError at ``field``."""
    if isinstance(value, float | bool) or not isinstance(value, Decimal | int):
        raise TypeError("a quantity is a Decimal or an int, never a float")
    value = Decimal(value)
    if not value.is_finite() or abs(value) > maximum:
        raise ValidationError(N_("Enter a number from {low} to {high}."), field=field,
                              low="0", high=f"{maximum:,}")
    if value < 0 or (positive and value == 0):
        raise ValidationError(N_("Enter a number from {low} to {high}."), field=field,
                              low="0" if not positive else f"{Decimal(1).scaleb(-places)}",
                              high=f"{maximum:,}")
    if value != value.quantize(Decimal(1).scaleb(-places)):
        raise ValidationError(N_("At most {n} decimals."), field=field, n=places)
    return value


def _check_range(value: Decimal, *, field: str, maximum: Decimal | None, negative: bool) -> None:
    if value < 0 and not negative:
        raise ValidationError(N_("A negative amount is not allowed here."), field=field)
    if maximum is not None and abs(value) > maximum:
        raise ValidationError(N_("Too large: at most {max}."), field=field, max=f"{maximum:,}")


def parse_money(text: str, *, field: str = "amount", negative: bool = False,
                max_cents: int = MAX_CENTS) -> int:
    """What a user typed in a money field → integer cents, or a ValidationError at ``field``.

    Accepted: ``80``, ``80.5``, ``1,234.50``, ``￥80``, ``¥80``, ``80元``, full-width digits
    (``８０．５``); empty is 0. Refused: a third decimal (``12.345`` — rounding would save an
    amount the clerk did not type, and a third digit is usually a slip for another amount),
    exponents (``1e3``), ``inf``/``NaN``, a comma not in groups of three (``12,5`` may mean
    12.5), negatives unless allowed, more than ``max_cents``."""
    if not unicodedata.normalize("NFKC", text).strip():
        return 0
    value = parse_decimal(text, field=field, places=2, maximum=from_cents(max_cents),
                          negative=negative, money=True)
    return int(value * 100)


def parse_yuan(text: str, *, field: str = "amount", negative: bool = False) -> Decimal:
    """:func:`parse_money` for a form whose service takes yuan as a Decimal (exact)."""
    return from_cents(parse_money(text, field=field, negative=negative))


def to_cents(amount: Decimal | int | str, *, field: str = "amount", negative: bool = False,
             max_cents: int = MAX_CENTS) -> int:
    """A service's check of an amount in yuan (Decimal from the UI, str from files): exact
    cents or a ValidationError; the same rules as :func:`parse_money`. Never a float."""
    if isinstance(amount, float | bool):
        raise TypeError("money is never a float")
    if isinstance(amount, str):
        return parse_money(amount, field=field, negative=negative, max_cents=max_cents)
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise _fail(field, amount) from exc
    if not value.is_finite():
        raise _fail(field, amount)
    _check_range(value, field=field, maximum=from_cents(max_cents), negative=negative)
    if value != value.quantize(CENT):
        raise _too_precise(field)
    return int(value * 100)


def check_cents(cents: int, *, field: str, negative: bool = False) -> int:
    """An amount a form already turned into cents: the same range as :func:`parse_money`."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError("cents are an int")
    _check_range(Decimal(cents).scaleb(-2), field=field, maximum=from_cents(MAX_CENTS),
                 negative=negative)
    return cents


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def format_money(cents: int, *, symbol: bool = True) -> str:
    """￥1,234.50 (the full-width yuan sign prints on every Chinese printer): the one way
    an amount is shown, on screen, on paper and in a sheet's text."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError("money is shown from int cents, never a float")
    sign = "-" if cents < 0 else ""
    return f"{sign}{'￥' if symbol else ''}{from_cents(abs(cents)):,.2f}"


def money_edit_text(cents: int) -> str:
    """An amount as put back into an input field: ``1234.50`` (no sign, no commas), which
    :func:`parse_money` reads back to the same cents."""
    return f"{from_cents(cents)}"


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
