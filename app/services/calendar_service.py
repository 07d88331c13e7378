"""The business-hours clock: working time, official holidays with 调休, and store exceptions.

Precedence for a day: the store's own ``StoreDay`` row, then mainland China's official
calendar (``holidays.China``: public holidays off, make-up working days 调休 on), then the
weekday's ``BusinessHours``. Deadlines count only minutes inside working time.

Each branch keeps its own hours and exceptions over the company's (``BranchHours``,
``BranchDay``; issue 17): a record's deadlines use its branch's calendar. ``Calendars``
reads each branch's calendar once for a request, whatever the number of rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.locking import lock_name
from app.errors import ValidationError
from app.i18n import N_
from app.models.enums import ZoneKind
from app.models.jobs import StoreDay
from app.models.store import BranchDay, BranchHours, BusinessHours, Zone
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.settings_kv import SESSION, BranchArg, may_edit, resolve_branch
from app.services.validation import check_version, clean_text, conflict, plausible_date

REPLY_PROMISE = timedelta(hours=24)  # seed 000: reply within 24 hours
RESOLVE_PROMISE = timedelta(hours=72)  # … resolve within 72 hours of confirmation
DUE_SOON_MINUTES = 120  # business minutes left below which a deadline shows as "due soon"
_MAX_DAYS = 400

Hours = tuple[time, time]


@lru_cache(maxsize=16)
def _official(year: int) -> holidays.HolidayBase:
    cn: holidays.HolidayBase = holidays.country_holidays("CN", years=year)
    return cn


def official_day(day: date) -> bool | None:
    """True on an official make-up working day, False on a public holiday, None otherwise."""
    cn = _official(day.year)
    if day in cn:
        return False
    if day in cn.weekend_workdays:
        return True
    return None


@dataclass(frozen=True)
class StoreDayRule:
    is_open: bool
    hours: Hours | None = None  # None: the usual hours


@dataclass(frozen=True)
class StoreDayDTO:
    day: date
    is_open: bool
    opens_at: time | None
    closes_at: time | None
    note: str
    version: int


class BusinessCalendar:
    """Working hours of each day, and arithmetic in business minutes."""

    def __init__(self, weekly: dict[int, Hours | None], tz: ZoneInfo,
                 store_days: dict[date, StoreDayRule] | None = None) -> None:
        self.weekly = weekly
        self.tz = tz
        self.store_days = store_days or {}
        opened = [h for _, h in sorted(weekly.items()) if h is not None]
        # A make-up working day (调休) keeps the usual weekday hours: the first open weekday's.
        self.usual: Hours = opened[0] if opened else (time(9, 0), time(18, 0))
        self._days: dict[date, Hours | None] = {}
        self._spans: dict[date, tuple[datetime, datetime] | None] = {}

    def hours_on(self, day: date) -> Hours | None:
        """(opens, closes) local times on ``day``, or None when the store is closed."""
        if day not in self._days:
            self._days[day] = self._hours_on(day)
        return self._days[day]

    def _hours_on(self, day: date) -> Hours | None:
        rule = self.store_days.get(day)
        if rule is not None:
            if not rule.is_open:
                return None
            return rule.hours or self.weekly.get(day.weekday()) or self.usual
        official = official_day(day)
        if official is False:
            return None
        if official is True:
            return self.weekly.get(day.weekday()) or self.usual
        return self.weekly.get(day.weekday())

    def is_working_day(self, day: date) -> bool:
        return self.hours_on(day) is not None

    def _span(self, day: date) -> tuple[datetime, datetime] | None:
        if day in self._spans:  # a queue's thousands of deadlines fall on a few days
            return self._spans[day]
        hours = self.hours_on(day)
        span = None if hours is None else (datetime.combine(day, hours[0], tzinfo=self.tz),
                                           datetime.combine(day, hours[1], tzinfo=self.tz))
        self._spans[day] = span
        return span

    def add_minutes(self, start: datetime, minutes: int) -> datetime:
        """``start`` plus ``minutes`` of working time; outside hours counting starts at the
        next opening. Ends exactly at a closing time rather than at the next opening."""
        local = start.astimezone(self.tz)
        remaining = minutes
        day = local.date()
        for _ in range(_MAX_DAYS):
            span = self._span(day)
            if span is not None:
                cursor = max(local, span[0])
                if cursor < span[1]:
                    available = span[1] - cursor
                    if remaining <= available / timedelta(minutes=1):
                        return cursor + timedelta(minutes=remaining)
                    remaining -= int(available / timedelta(minutes=1))
            day += timedelta(days=1)
        raise ValidationError(N_("The business calendar has no working days."))

    def minutes_between(self, start: datetime, end: datetime) -> int:
        """Working minutes from ``start`` to ``end``; negative when ``end`` is earlier."""
        if end < start:
            return -self.minutes_between(end, start)
        a, b = start.astimezone(self.tz), end.astimezone(self.tz)
        total = timedelta()
        day = a.date()
        while day <= b.date():
            span = self._span(day)
            if span is not None:
                lo, hi = max(a, span[0]), min(b, span[1])
                if hi > lo:
                    total += hi - lo
            day += timedelta(days=1)
        return int(total / timedelta(minutes=1))

    def working_minutes(self, pairs: Sequence[tuple[datetime, datetime]]) -> list[int]:
        """``[minutes_between(start, end) for start, end in pairs]``, the same numbers,
        several times faster for many pairs (a month's 110,000 arrivals): working time up
        to a moment is counted from the first day once, each pair is the difference of
        two such counts (in microseconds of wall-clock time, as minutes_between counts)."""
        if not pairs:
            return []
        tz, micro = self.tz, timedelta(microseconds=1)
        # in the store's zone; one tzinfo, so compared and subtracted as wall-clock times
        walls = [(start.astimezone(tz), end.astimezone(tz)) for start, end in pairs]
        dates = {moment.date() for pair in walls for moment in pair}
        first, last = min(dates), max(dates)
        # day → (working µs before that day since ``first``, opening, closing)
        days: dict[date, tuple[int, datetime | None, datetime | None]] = {}
        before, day = 0, first
        while day <= last:
            hours = self.hours_on(day)
            opens = closes = None
            if hours is not None and hours[1] > hours[0]:  # else no working time that day
                opens = datetime.combine(day, hours[0], tzinfo=tz)
                closes = datetime.combine(day, hours[1], tzinfo=tz)
            days[day] = (before, opens, closes)
            if opens is not None and closes is not None:
                before += (closes - opens) // micro
            day += timedelta(days=1)

        def upto(moment: datetime) -> int:
            count, opens, closes = days[moment.date()]
            if opens is None or closes is None or moment <= opens:
                return count
            return count + (min(moment, closes) - opens) // micro

        def between(a: datetime, b: datetime) -> int:  # minutes_between's forward case
            return int(max(0, upto(b) - upto(a)) / 60_000_000)

        return [between(a, b) if end >= start else -between(b, a)
                for (start, end), (a, b) in zip(pairs, walls, strict=True)]

    def next_working_day(self, day: date) -> date:
        for _ in range(_MAX_DAYS):
            day += timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise ValidationError(N_("The business calendar has no working days."))


def _rule(row: StoreDay | BranchDay) -> StoreDayRule:
    return StoreDayRule(row.is_open, (row.opens_at, row.closes_at)
                        if row.opens_at and row.closes_at else None)


def load_calendar(session: Session, tz: ZoneInfo,
                  branch: BranchArg = SESSION) -> BusinessCalendar:
    """The calendar of a branch (by default the session's; None: the company's): its own
    hours and days where it set them, else the company's."""
    at = resolve_branch(session, branch)
    weekly: dict[int, Hours | None] = {
        row.weekday: (row.opens_at, row.closes_at) if row.is_open else None
        for row in session.scalars(select(BusinessHours))
    }
    store_days = {row.day: _rule(row) for row in session.scalars(select(StoreDay))}
    if at is not None:
        weekly.update({row.weekday: (row.opens_at, row.closes_at) if row.is_open else None
                       for row in session.scalars(select(BranchHours)
                                                  .where(BranchHours.branch_id == at))})
        store_days.update({row.day: _rule(row) for row in session.scalars(
            select(BranchDay).where(BranchDay.branch_id == at))})
    return BusinessCalendar(weekly, tz, store_days)


class Calendars:
    """Each branch's calendar, read once in a request (a list of thousands of records reads
    each of its branches' hours once): ``of(record.branch_id)``."""

    def __init__(self, session: Session, tz: ZoneInfo) -> None:
        self.session, self.tz = session, tz
        self._read: dict[int | None, BusinessCalendar] = {}

    def of(self, branch: int | None) -> BusinessCalendar:
        if branch not in self._read:
            self._read[branch] = load_calendar(self.session, self.tz, branch)
        return self._read[branch]


def calendar_for(ctx: ServiceContext, branch: BranchArg = SESSION) -> BusinessCalendar:
    with ctx.read() as session:
        return load_calendar(session, ctx.tz, branch)


def zone_hours(session: Session) -> dict[int, int]:
    """zone id → dispatch deadline in business hours (the kind's unless the zone set its own);
    every zone the session sees (a zone is one branch's, a record names its branch's)."""
    return {zid: hours for zid, hours in session.execute(select(Zone.id, Zone.dispatch_hours))}


def dispatch_deadline(cal: BusinessCalendar, received_at: datetime, hours: int | None) -> datetime:
    """Latest arrival: received + N business hours of the call's zone (seed 002 §十九); a call
    without a zone is held to the city's hours."""
    return cal.add_minutes(received_at, 60 * (hours or ZoneKind.CITY.dispatch_hours))


def deadline_state(cal: BusinessCalendar, now: datetime, deadline: datetime) -> tuple[str, int]:
    """("ok" | "due_soon" | "overdue", business minutes left) — the theme's colour keys."""
    left = cal.minutes_between(now, deadline)
    if now >= deadline:
        return "overdue", left
    return ("due_soon" if left <= DUE_SOON_MINUTES else "ok"), left


@dataclass(frozen=True)
class Promise:
    """The store's promises on one call: reply within 24 h, resolve within 72 h of confirming."""

    reply_due: datetime
    replied_at: datetime | None
    confirmed_at: datetime | None
    resolve_due: datetime | None
    resolved_at: datetime | None

    def reply_state(self, now: datetime) -> str:
        return _state(self.reply_due, self.replied_at, now)

    def resolve_state(self, now: datetime) -> str:
        if self.resolve_due is None:
            return "ok"
        return _state(self.resolve_due, self.resolved_at, now)


def _state(due: datetime, done: datetime | None, now: datetime) -> str:
    moment = done or now
    if moment > due:
        return "overdue"
    if done is None and due - now <= timedelta(hours=4):
        return "due_soon"
    return "ok"


def promise_for(received_at: datetime, *, replied_at: datetime | None,
                confirmed_at: datetime | None, resolved_at: datetime | None) -> Promise:
    """Replied = first dispatch; confirmed = the technician's first arrival on site."""
    return Promise(received_at + REPLY_PROMISE, replied_at, confirmed_at,
                   confirmed_at + RESOLVE_PROMISE if confirmed_at else None, resolved_at)


# ---- the store's own closed days and extra working days ------------------------------------

def set_store_day(ctx: ServiceContext, day: date, *, is_open: bool,
                  opens_at: time | None = None, closes_at: time | None = None,
                  note: str = "", expected_version: int = 0,
                  branch: BranchArg = SESSION) -> StoreDayDTO:
    """Close the store on a working day or open it on a day off (overrides the official days).

    ``expected_version`` is the day's version when the form was opened, 0 if the day had no
    entry then: a day someone else saved since is refused with who and when. The user's
    branch's day (the service department: the company's, or ``branch``'s).
    """
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    note = clean_text(note, field="note", max_len=100)
    plausible_date(day, field="day", future_days=None)
    if (opens_at is None) != (closes_at is None) or (opens_at and closes_at
                                                     and opens_at >= closes_at):
        raise ValidationError(N_("Opening time must be before closing time."), field="hours")
    with ctx.write() as session:
        at = resolve_branch(session, branch)
        may_edit(session, at)
        if at is not None:
            return _set_branch_day(session, at, day, is_open, opens_at, closes_at, note,
                                   expected_version)
        lock_name(session, f"store_day:{day.isoformat()}")  # two first entries of one day
        row = session.get(StoreDay, day)
        if row is None:
            if expected_version:
                raise conflict(session, StoreDay.__tablename__, day.isoformat())
            row = StoreDay(day=day, is_open=is_open, opens_at=opens_at, closes_at=closes_at,
                           note=note)
            session.add(row)
        else:
            check_version(session, row, expected_version)
            row.is_open, row.opens_at, row.closes_at, row.note = is_open, opens_at, closes_at, note
        session.flush()
        return StoreDayDTO(row.day, row.is_open, row.opens_at, row.closes_at, row.note,
                           row.version)


def _set_branch_day(session: Session, branch: int, day: date, is_open: bool,
                    opens_at: time | None, closes_at: time | None, note: str,
                    expected_version: int) -> StoreDayDTO:
    lock_name(session, f"store_day:{branch}:{day.isoformat()}")
    row = session.scalar(select(BranchDay).where(BranchDay.branch_id == branch,
                                                 BranchDay.day == day))
    if row is None:
        if expected_version:
            raise conflict(session, StoreDay.__tablename__, day.isoformat())
        row = BranchDay(day=day, is_open=is_open, opens_at=opens_at, closes_at=closes_at,
                        note=note, branch_id=branch)
        session.add(row)
    else:
        check_version(session, row, expected_version)
        row.is_open, row.opens_at, row.closes_at, row.note = is_open, opens_at, closes_at, note
    session.flush()
    return StoreDayDTO(row.day, row.is_open, row.opens_at, row.closes_at, row.note,
                       row.version)


def list_store_days(ctx: ServiceContext, year: int,
                    branch: BranchArg = SESSION) -> list[StoreDayDTO]:
    """The year's exceptions of the user's branch: its own days over the company's (a
    company day with version 0: a save makes the branch's own)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    with ctx.read() as session:
        at = resolve_branch(session, branch)
        days = {r.day: StoreDayDTO(r.day, r.is_open, r.opens_at, r.closes_at, r.note,
                                   0 if at is not None else r.version)
                for r in session.scalars(select(StoreDay).where(StoreDay.day >= first,
                                                                StoreDay.day <= last))}
        if at is not None:
            days.update({r.day: StoreDayDTO(r.day, r.is_open, r.opens_at, r.closes_at, r.note,
                                            r.version)
                         for r in session.scalars(select(BranchDay).where(
                             BranchDay.branch_id == at, BranchDay.day >= first,
                             BranchDay.day <= last))})
        return [days[d] for d in sorted(days)]
