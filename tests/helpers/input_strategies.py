"""Hypothesis strategies for what a user can type, and the checks every service must pass:
only success or a clean user error, nothing half-saved, what was accepted reads back exactly."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.db.database import Database
from app.errors import UserError
from app.models.base import Base

T = TypeVar("T")

# Modest and repeatable by default: the whole property set runs in well under a minute and
# gives the same examples every run (a suite that must pass five times in a row). Set
# SC_HYPOTHESIS_EXAMPLES=500 to explore with fresh random examples (and more of them).
_EXPLORE = int(os.environ.get("SC_HYPOTHESIS_EXAMPLES", "0"))
PROPERTY = settings(max_examples=_EXPLORE or 40, deadline=None, derandomize=not _EXPLORE,
                    database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

HOSTILE = ["\x00", "\ud800", "\udfff", "\x1b", "\x7f", "\u0085", "\t", "\n", "\r\n", "𬌗", "𠮷",
           "😀", "１３８", "\u3000", " ", "'", "%", "_", "\\", "\u200b", "\ufeff", "ｶ", "张伟",
           "<b>", "=1+1", "DROP TABLE calls;--"]


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Anything a keyboard, an IME or a paste can give: control characters, NUL, lone
    surrogates, non-BMP characters (𬌗 𠮷), full-width digits, and texts far too long."""
    return st.one_of(
        st.text(max_size=max_size),
        st.lists(st.sampled_from(HOSTILE) | st.text(max_size=3), max_size=10).map("".join),
        st.builds(lambda c, n: c * n, st.sampled_from(["𠮷", "a", "张", " x"]),
                  st.integers(0, 2100)),
    )


def names() -> st.SearchStrategy[str]:
    """Mostly plausible (so that some inputs pass), sometimes hostile."""
    return st.one_of(st.sampled_from(["王芳", "𠮷田", "Ｌｉ Ｌｅｉ", "齐𬌗", "赵 四"]), texts())


MONEY_TEXTS = ["inf", "Infinity", "-inf", "NaN", "1e30", "1E3", "12.345", "-0.01", "１２３．４５",
               "￥1,234.50", "¥80", "80元", "1,23", "", "  ", "0x10", "1_000", "٣", "12.", ".5",
               "999999.99", "1000000.01", "12,345,678.90"]


def money_texts() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(MONEY_TEXTS),
                     st.decimals(places=2, min_value=-10**7, max_value=10**7).map(str),
                     st.text(alphabet="0123456789.,-+eE￥¥元 ０１２", max_size=12))


def money() -> st.SearchStrategy[Decimal]:
    """Amounts as the UI hands them to services (Decimal), hostile ones included."""
    return st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True),
        st.decimals(places=2, min_value=0, max_value=2_000_000),
        st.decimals(places=3, min_value=-10, max_value=1000),
        st.sampled_from([Decimal("1e30"), Decimal("12.345"), Decimal("sNaN"), Decimal("-1"),
                         Decimal("1E+2"), Decimal("0.01"), Decimal("999999.99")]),
    )


def whole_numbers() -> st.SearchStrategy[int]:
    return st.one_of(st.integers(-5, 100), st.integers(-2**70, 2**70),
                     st.sampled_from([2**31 - 1, 2**31, -2**31 - 1, 10**6]))


def moments(now: datetime) -> st.SearchStrategy[datetime]:
    """From 1925 to 2200; mostly near ``now`` so that some are plausible."""
    return st.one_of(
        st.datetimes(min_value=datetime(1925, 1, 1), max_value=datetime(2200, 1, 1),
                     timezones=st.just(UTC)),
        st.integers(-3 * 24 * 60, 60).map(lambda m: now - timedelta(minutes=-m)),
    )


def days(today: date) -> st.SearchStrategy[date]:
    return st.one_of(st.dates(min_value=date(1925, 1, 1), max_value=date(2200, 1, 1)),
                     st.integers(-800, 400).map(lambda n: today + timedelta(days=n)))


def row_counts(db: Database) -> tuple[Any, ...]:
    """Every table's row count (the audit trail included) in one query."""
    sql = " UNION ALL ".join(f'SELECT \'{t.name}\', COUNT(*) FROM "{t.name}"'
                             for t in Base.metadata.sorted_tables)
    with db.read() as session:
        return tuple(session.execute(text(sql)).all())


def attempt(db: Database, action: Callable[[], T],
            unchanged: Callable[[], Any] | None = None) -> T | None:
    """Run a user action: it succeeds, or it raises a UserError and nothing was written
    (row counts, the audit trail, and ``unchanged()`` — the edited record — as before)."""
    before = row_counts(db)
    state = unchanged() if unchanged else None
    try:
        return action()
    except UserError as err:
        assert err.text(), "a refusal has a message"
        assert row_counts(db) == before, f"refused ({err}) but rows were written"
        if unchanged:
            assert unchanged() == state, f"refused ({err}) but the record changed"
        return None


def typed(value: str, *, multiline: bool = False) -> str:
    """What a service keeps of an accepted text: stripped; line ends as \\n."""
    kept = value.strip()
    if multiline:
        kept = kept.replace("\r\n", "\n").replace("\r", "\n")
    return kept


def yuan(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"))
