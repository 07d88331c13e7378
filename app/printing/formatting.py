"""Money and time as printed: ￥ with Decimal (never float), dates in the store's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal

from app.printing.text import pt
from app.services.money import format_money, from_cents

YUAN = "￥"  # U+FFE5 FULLWIDTH YEN SIGN: "¥" (U+00A5) breaks on GBK thermal printers
CENT = Decimal("0.01")


def cents_to_decimal(cents: int) -> Decimal:
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError("cents must be an int")
    return from_cents(cents)


def money(amount: Decimal | int, *, symbol: bool = True) -> str:
    """``Decimal("1234.5")`` → ``￥1,234.50``; an ``int`` is taken as cents
    (:func:`app.services.money.format_money`, the one formatter)."""
    if isinstance(amount, float | bool):
        raise TypeError("money is Decimal or int cents, never float")
    if isinstance(amount, Decimal):
        amount = int(amount.quantize(CENT, rounding=ROUND_HALF_UP) * 100)
    return format_money(amount, symbol=symbol)


def to_local(moment: datetime, tz: tzinfo) -> datetime:
    """An aware datetime in the store's zone; a naive one is UTC, as stored."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz)


def fmt_date(day: date | datetime | None, tz: tzinfo | None = None) -> str:
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = to_local(day, tz or UTC).date()
    return day.isoformat()


def fmt_datetime(moment: datetime | None, tz: tzinfo) -> str:
    """``2026-11-22 14:05`` in the store's zone (empty for None)."""
    if moment is None:
        return ""
    return to_local(moment, tz).strftime("%Y-%m-%d %H:%M")


def hours_text(minutes: int) -> str:
    """``95`` → ``1 小时 35 分``."""
    return pt("{h} h {m} min", h=minutes // 60, m=minutes % 60)
