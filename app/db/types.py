"""Column types shared by every model: UTC timestamps that come back timezone-aware."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect
from sqlalchemy.types import TypeDecorator

_fromisoformat = datetime.fromisoformat


class UTCDateTime(TypeDecorator[datetime]):
    """Stores an aware datetime as naive UTC; returns it aware (UTC).

    SQLite has no time zones, so every timestamp is normalised to UTC on the way in;
    the UI converts to the store's zone for display.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        result: datetime = value.replace(tzinfo=UTC)
        return result

    def result_processor(self, dialect: Dialect,
                         coltype: Any) -> Callable[[Any], datetime | None] | None:
        """On SQLite one step per value: the stored text parsed with "+00:00" appended is
        the aware UTC datetime ``process_result_value`` returns, about four times cheaper
        than parsing and then ``replace(tzinfo=UTC)`` (a month's report reads hundreds of
        thousands of timestamps); anything else takes the general path."""
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        general = self.process_result_value

        def process(value: Any) -> datetime | None:
            try:
                result = _fromisoformat(value + "+00:00")
            except (TypeError, ValueError):  # None, a datetime, a text with its own offset
                return general(value, dialect)
            # a bare date would read as a naive midnight (the offset dropped)
            return result if result.tzinfo is not None else general(value, dialect)

        return process
