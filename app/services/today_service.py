"""Today (今日): what needs the person logged in now, each line with its count and the book
it opens. A line is there only for a role allowed to act on it (the services' own checks).

Each line reads only what is open (counts and the first row on indexes of open work), so
the page costs the same on a store with a year or ten years of history; ``today(ctx, keys)``
re-reads only some lines (the page, when a change concerns them)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

from app.errors import PermissionDenied
from app.services import (
    complaint_service,
    contract_service,
    dispatch_service,
    followup_service,
    parts_service,
    payments_service,
    repair_service,
)
from app.services.context import ServiceContext
from app.services.money import format_money

TODAY_LIMIT = 100  # a long list is counted this far ("100+"): the page opens at once


@dataclass(frozen=True)
class TodayLine:
    """``key``: what it is (overdue_calls, leftovers, vouchers_to_close, late_repairs,
    complaints_overdue, contracts_to_renew, low_stock, cash_held, followups_due);
    ``page``: the book that shows them; ``first``: the first one's number or name;
    ``amount``: a money total where there is one."""

    key: str
    count: int
    page: str
    first: str = ""
    amount: str = ""
    more: bool = False  # there are more than ``count``


def _capped(key: str, rows: list[Any], page: str, first: Callable[[Any], str]) -> TodayLine:
    return TodayLine(key, min(len(rows), TODAY_LIMIT), page, first(rows[0]) if rows else "",
                     more=len(rows) > TODAY_LIMIT)


def _queue_lines(ctx: ServiceContext) -> list[TodayLine]:
    queue = dispatch_service.queue_summary(ctx)
    return [TodayLine("overdue_calls", queue.overdue, "dispatch", queue.first_overdue),
            TodayLine("leftovers", queue.leftovers, "dispatch", queue.first_leftover)]


def _to_close(ctx: ServiceContext) -> list[TodayLine]:
    numbers = dispatch_service.numbers_to_close(ctx, limit=TODAY_LIMIT + 1)
    return [_capped("vouchers_to_close", numbers, "to_file", str)]


def _late_repairs(ctx: ServiceContext) -> list[TodayLine]:
    cards = repair_service.late_repairs(ctx, limit=TODAY_LIMIT + 1)
    return [_capped("late_repairs", cards, "carry_in", lambda c: str(c.receipt_number))]


def _complaints(ctx: ServiceContext) -> list[TodayLine]:
    count, first = complaint_service.overdue_summary(ctx)
    return [TodayLine("complaints_overdue", count, "complaints", first)]


def _contracts(ctx: ServiceContext) -> list[TodayLine]:
    count, first = contract_service.renewal_summary(ctx)
    return [TodayLine("contracts_to_renew", count, "contracts", first)]


def _low_stock(ctx: ServiceContext) -> list[TodayLine]:
    low = parts_service.low_stock(ctx)
    return [TodayLine("low_stock", len(low), "parts", low[0].name if low else "")]


def _cash(ctx: ServiceContext) -> list[TodayLine]:
    held = payments_service.cash_held(ctx)
    return [TodayLine("cash_held", len(held), "money", held[0].collector if held else "",
                      format_money(sum(h.amount_cents for h in held)))]


def _followups(ctx: ServiceContext) -> list[TodayLine]:
    due = followup_service.due_followups(ctx, limit=TODAY_LIMIT + 1)
    return [_capped("followups_due", due, "followups", lambda f: str(f.call_number))]


# Each source with the keys of the lines it gives, in the page's order.
SOURCES: tuple[tuple[tuple[str, ...], Callable[[ServiceContext], list[TodayLine]]], ...] = (
    (("overdue_calls", "leftovers"), _queue_lines),
    (("vouchers_to_close",), _to_close),
    (("late_repairs",), _late_repairs),
    (("complaints_overdue",), _complaints),
    (("contracts_to_renew",), _contracts),
    (("low_stock",), _low_stock),
    (("cash_held",), _cash),
    (("followups_due",), _followups))
KEYS: tuple[str, ...] = tuple(key for keys, _ in SOURCES for key in keys)


def arrange(lines: Iterable[TodayLine]) -> list[TodayLine]:
    """The page's order: the lines with work first, each group in the fixed order."""
    return sorted(lines, key=lambda line: (line.count == 0, KEYS.index(line.key)))


def today(ctx: ServiceContext, keys: Collection[str] | None = None) -> list[TodayLine]:
    """The lines for this user's role, in a fixed order (the ones with work first); with
    ``keys``, only the sources giving those lines are read."""
    lines: list[TodayLine] = []
    for source_keys, source in SOURCES:
        if keys is not None and not set(source_keys) & set(keys):
            continue
        try:
            lines.extend(source(ctx))
        except PermissionDenied:
            continue  # not this role's work
    return arrange(lines)
