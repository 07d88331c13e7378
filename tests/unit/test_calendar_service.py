"""The business-hours clock: working-hour edges, holidays, 调休 make-up days, both zones."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.models.store import BusinessHours, Zone
from app.services import calendar_service as cal_svc
from app.services.calendar_service import BusinessCalendar, StoreDayRule, dispatch_deadline
from app.services.context import ServiceContext

TZ = ZoneInfo("Asia/Shanghai")
CITY, SUBURB = 6, 7


def at(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=TZ)


def weekdays(opens: time, closes: time) -> BusinessCalendar:
    return BusinessCalendar({wd: (opens, closes) if wd < 5 else None for wd in range(7)}, TZ)


@pytest.fixture
def nine_to_six() -> BusinessCalendar:
    return weekdays(time(9), time(18))


def test_friday_evening_before_national_day_lands_on_the_make_up_sunday(nine_to_six):
    # Given a call at 17:30 on Friday 2025-09-26; Sunday 09-28 is an official 调休 working day
    received = at(2025, 9, 26, 17, 30)
    # Then 30 minutes count on Friday and the rest on the make-up Sunday
    assert dispatch_deadline(nine_to_six, received, CITY) == at(2025, 9, 28, 14, 30)
    assert dispatch_deadline(nine_to_six, received, SUBURB) == at(2025, 9, 28, 15, 30)


def test_call_on_the_eve_of_the_national_day_week_waits_until_after_it(nine_to_six):
    # Given a call at 17:30 on Tuesday 2025-09-30; Oct 1–8 are National Day and Mid-Autumn
    received = at(2025, 9, 30, 17, 30)
    # Then the deadline falls on Thursday 10-09, the first working day after the holiday
    assert dispatch_deadline(nine_to_six, received, CITY) == at(2025, 10, 9, 14, 30)
    assert dispatch_deadline(nine_to_six, received, SUBURB) == at(2025, 10, 9, 15, 30)


def test_make_up_saturday_counts_as_a_working_day(nine_to_six):
    # Given Saturday 2025-10-11 is an official make-up working day
    assert nine_to_six.is_working_day(date(2025, 10, 11))
    assert not nine_to_six.is_working_day(date(2025, 10, 18))
    # When a call comes at 17:00 on Friday 10-10
    # Then one hour counts on Friday and five on the make-up Saturday
    assert dispatch_deadline(nine_to_six, at(2025, 10, 10, 17), CITY) == at(2025, 10, 11, 14)


def test_a_call_before_opening_starts_counting_at_opening(nine_to_six):
    assert dispatch_deadline(nine_to_six, at(2026, 11, 23, 8), CITY) == at(2026, 11, 23, 15)
    assert dispatch_deadline(nine_to_six, at(2026, 11, 23, 8), SUBURB) == at(2026, 11, 23, 16)


def test_a_deadline_may_end_exactly_at_closing_time(nine_to_six):
    assert dispatch_deadline(nine_to_six, at(2026, 11, 23, 12), CITY) == at(2026, 11, 23, 18)


def test_weekend_call_starts_on_monday(nine_to_six):
    assert dispatch_deadline(nine_to_six, at(2026, 11, 21, 10), CITY) == at(2026, 11, 23, 15)


def test_store_with_half_past_eight_to_half_past_five():
    cal = weekdays(time(8, 30), time(17, 30))
    # 14:00 Monday: 3½ hours left today, 2½ on Tuesday from 8:30
    assert dispatch_deadline(cal, at(2026, 11, 23, 14), CITY) == at(2026, 11, 24, 11)
    assert dispatch_deadline(cal, at(2026, 11, 23, 8), SUBURB) == at(2026, 11, 23, 15, 30)


def test_store_closed_day_overrides_a_working_day(nine_to_six):
    # Given the store closes on Monday 2026-11-23 (stock-taking)
    cal = BusinessCalendar(nine_to_six.weekly, TZ,
                           {date(2026, 11, 23): StoreDayRule(is_open=False)})
    # When a call comes on Friday 16:00, Then 2 h count on Friday and 4 h on Tuesday
    assert dispatch_deadline(cal, at(2026, 11, 20, 16), CITY) == at(2026, 11, 24, 13)


def test_store_extra_working_day_with_its_own_hours(nine_to_six):
    cal = BusinessCalendar(nine_to_six.weekly, TZ, {
        date(2026, 11, 21): StoreDayRule(is_open=True, hours=(time(10), time(14)))})
    assert dispatch_deadline(cal, at(2026, 11, 20, 17), CITY) == at(2026, 11, 23, 10)


def test_time_left_and_colour(nine_to_six):
    deadline = at(2026, 11, 23, 15)
    assert cal_svc.deadline_state(nine_to_six, at(2026, 11, 23, 9), deadline) == ("ok", 360)
    assert cal_svc.deadline_state(nine_to_six, at(2026, 11, 23, 14), deadline) == ("due_soon", 60)
    state, left = cal_svc.deadline_state(nine_to_six, at(2026, 11, 24, 9, 30), deadline)
    assert (state, left) == ("overdue", -210)


def test_promises_reply_in_24_hours_resolve_in_72_hours_after_confirmation():
    received = at(2026, 11, 20, 10)
    promise = cal_svc.promise_for(received, replied_at=at(2026, 11, 20, 11),
                                  confirmed_at=at(2026, 11, 20, 15), resolved_at=None)
    assert promise.reply_due == received + timedelta(hours=24)
    assert promise.reply_state(at(2026, 11, 25, 9)) == "ok"
    assert promise.resolve_due == at(2026, 11, 23, 15)
    assert promise.resolve_state(at(2026, 11, 23, 16)) == "overdue"


def test_calendar_from_the_store_settings_and_zones(db, login):
    # Given the store works 8:30–17:30 and closes on Monday 2026-11-23
    with db.write(None) as session:
        for row in session.scalars(select(BusinessHours)):
            row.opens_at, row.closes_at = time(8, 30), time(17, 30)
    boss: ServiceContext = login("boss")
    cal_svc.set_store_day(boss, date(2026, 11, 23), is_open=False, note="盘点")
    cal = cal_svc.calendar_for(boss)
    with db.read() as session:
        hours = cal_svc.zone_hours(session)
        city = session.scalar(select(Zone.id).where(Zone.name == "市区"))
        suburb = session.scalar(select(Zone.id).where(Zone.name == "郊区"))
    # Then a Friday 17:00 call is due on Tuesday, counted from 8:30
    assert dispatch_deadline(cal, at(2026, 11, 20, 17), hours[city]) == at(2026, 11, 24, 14)
    assert dispatch_deadline(cal, at(2026, 11, 20, 17), hours[suburb]) == at(2026, 11, 24, 15)
    assert [d.note for d in cal_svc.list_store_days(boss, 2026)] == ["盘点"]


def test_only_a_manager_sets_store_days(login):
    from app.errors import PermissionDenied
    with pytest.raises(PermissionDenied):
        cal_svc.set_store_day(login("clerk"), date(2026, 11, 23), is_open=False)


def test_a_store_day_saved_by_someone_else_since_the_form_opened_is_a_conflict(login):
    from app.errors import ConflictError

    boss, admin = login("boss"), login("admin")
    day = date(2026, 12, 24)
    # Given both managers opened the calendar when 12-24 had no entry
    seen = {d.day: d.version for d in cal_svc.list_store_days(boss, 2026)}
    assert day not in seen
    # When the manager closes the store that day and the admin then saves the same day
    cal_svc.set_store_day(boss, day, is_open=False, note="盘点", expected_version=0)
    with pytest.raises(ConflictError) as err:
        cal_svc.set_store_day(admin, day, is_open=True, note="加班", expected_version=0)
    # Then the admin is told who changed it, and the manager's entry stands
    assert err.value.params["changed_by"] == "周经理"
    [saved] = cal_svc.list_store_days(boss, 2026)
    assert (saved.is_open, saved.note) == (False, "盘点")
    # And an edit against the version both saw is refused the same way, once it moved on
    moved = cal_svc.set_store_day(boss, day, is_open=False, note="盘点全天",
                                  expected_version=saved.version)
    with pytest.raises(ConflictError) as err:
        cal_svc.set_store_day(admin, day, is_open=True, expected_version=saved.version)
    assert err.value.params["changed_by"] == "周经理"
    assert cal_svc.set_store_day(admin, day, is_open=True,
                                 expected_version=moved.version).is_open


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/New_York"])
def test_working_minutes_of_many_pairs_are_minutes_between_each(zone):
    """The monthly report's arrival times (working_minutes, counted once from the first day)
    are minutes_between's, pair by pair: across holidays, 调休, store days, a day closed by
    its hours, reversed pairs, and New York's changes of clock (wall-clock time)."""
    import random

    tz = ZoneInfo(zone)
    # Saturdays "close" before they open: no working time
    cal = BusinessCalendar({wd: (time(8, 30), time(17, 45)) if wd < 5 else
                            (time(12), time(10)) if wd == 5 else None for wd in range(7)}, tz, {
        date(2025, 10, 11): StoreDayRule(is_open=False),
        date(2025, 11, 1): StoreDayRule(is_open=True, hours=(time(9), time(12, 30))),
        date(2025, 11, 2): StoreDayRule(is_open=True, hours=(time(0, 30), time(23)))})
    pick = random.Random(14)
    start = datetime(2025, 9, 20, tzinfo=ZoneInfo("UTC"))
    pairs = []
    for _ in range(4000):
        a = start + timedelta(minutes=pick.randrange(0, 60 * 24 * 70), seconds=pick.random())
        b = a + timedelta(minutes=pick.randrange(-60 * 24 * 3, 60 * 24 * 9),
                          microseconds=pick.randrange(1_000_000))
        pairs.append((a, b))
    utc = ZoneInfo("UTC")  # New York's clocks go back from 02:00 to 01:00 on 2 November
    pairs += [(at(2025, 10, 1, 9), at(2025, 10, 9, 9)),  # the National Day week
              (datetime(2025, 11, 2, 5, 30, tzinfo=utc), datetime(2025, 11, 2, 6, 10, tzinfo=utc)),
              (datetime(2025, 11, 2, 6, 10, tzinfo=utc), datetime(2025, 11, 2, 5, 30, tzinfo=utc)),
              (datetime(2025, 11, 2, 4, tzinfo=utc), datetime(2025, 11, 2, 7, tzinfo=utc))]
    assert cal.working_minutes(pairs) == [cal.minutes_between(a, b) for a, b in pairs]
    assert cal.working_minutes([]) == []
