"""When demo calls arrive: more in summer (air conditioners), fewer at weekends, by day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.demo.core import DemoContext

SEASON = {1: 1.1, 2: 0.8, 3: 0.9, 4: 0.9, 5: 1.1, 6: 1.5, 7: 1.8, 8: 1.7, 9: 1.2,
          10: 0.9, 11: 0.9, 12: 1.1}
WEEKDAY = (1.0, 1.0, 1.0, 1.0, 1.05, 0.8, 0.6)
OPENS, CLOSES, PEAK = 8.0, 20.0, 10.5  # hours of the day calls come in


def call_times(dc: DemoContext, count: int) -> list[datetime]:
    """``count`` aware UTC times over the last twelve months up to ``dc.now``, sorted."""
    days = [dc.today - timedelta(days=n) for n in range(365)]
    weights = [_weight(dc, day) for day in days]
    chosen = dc.rng.choices(days, weights, k=count) if count else []
    return sorted(_moment(dc, day) for day in chosen)


def _weight(dc: DemoContext, day: date) -> float:
    base = SEASON[day.month] * WEEKDAY[day.weekday()]
    if day == dc.today:
        return base * max(0.0, min(1.0, (_hour_now(dc) - OPENS) / (CLOSES - OPENS)))
    return base


def _hour_now(dc: DemoContext) -> float:
    local = dc.local(dc.now)
    return local.hour + local.minute / 60


def _moment(dc: DemoContext, day: date) -> datetime:
    latest = _hour_now(dc) if day == dc.today else CLOSES
    hour = dc.rng.triangular(OPENS, max(OPENS + 0.01, latest), min(PEAK, latest))
    local = datetime.combine(day, time()) + timedelta(hours=hour)
    return min(dc.utc(local), dc.now)
