"""Today's lines count what their books show: each line's number and first entry are those of
the list the line opens (the board, the complaints book, the follow-ups book, …)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from app.db.database import Database
from app.demo import generate
from app.models.calls import Call
from app.models.enums import Role, Urgency
from app.models.jobs import Job
from app.models.voice import Complaint, FollowUp
from app.services import (
    calls_service,
    complaint_service,
    contract_service,
    dispatch_service,
    followup_service,
    payments_service,
    repair_service,
    today_service,
)
from app.services.calls_service import CallInput
from app.services.context import ServiceContext
from app.services.survey_service import DONE_STATUSES
from app.services.today_service import TODAY_LIMIT
from tests.helpers.demo import NOW, acting_as


@pytest.fixture
def demo(db: Database) -> Database:
    generate(db, calls=300, seed=11, now=NOW)
    # calls waiting on the board: two left over from earlier days (the later one urgent, so
    # first on the board), one from this morning
    clerk = acting_as(db, Role.CLERK)
    with db.read() as session:
        customer = session.scalar(select(Call.customer_id).order_by(Call.id).limit(1))
    for days, urgency in ((3, Urgency.NORMAL), (2, Urgency.URGENT), (0, Urgency.NORMAL)):
        calls_service.register_call(clerk, CallInput(
            "不制冷", customer_id=customer, urgency=urgency,
            received_at=NOW - timedelta(days=days, minutes=30)))
    return db


def _due_followups(ctx: ServiceContext) -> list[str]:
    """The follow-ups book's rule, read plainly from every call: finished, not yet called
    back, and finished at least the wait before today; in call order."""
    with ctx.read() as session:
        wait = followup_service.followup_days(session)
        cutoff = datetime.combine(ctx.today() - timedelta(days=wait - 1), time.min,
                                  tzinfo=ctx.tz)
        called = set(session.scalars(select(FollowUp.call_id)))
        done = {call_id: at for call_id, at in session.execute(
            select(Job.call_id, func.max(Job.completed_at)).group_by(Job.call_id))}
        due = []
        for call in session.scalars(select(Call).order_by(Call.id)):
            finished = done.get(call.id) or call.closed_at or call.updated_at
            if call.status in DONE_STATUSES and call.id not in called and finished < cutoff:
                due.append(call.number)
        return due


def _capped(numbers: list[str]) -> tuple[int, str, bool]:
    return min(len(numbers), TODAY_LIMIT), numbers[0] if numbers else "", \
        len(numbers) > TODAY_LIMIT


def test_each_line_counts_what_its_book_shows(demo: Database) -> None:
    manager = acting_as(demo, Role.MANAGER)
    lines = {line.key: line for line in today_service.today(manager)}
    queue = dispatch_service.dispatch_queue(manager)
    overdue = [r.number for r in queue if r.state == "overdue"]
    leftovers = [r.number for r in queue if r.leftover]
    late = complaint_service.overdue_complaints(manager)
    with demo.read() as session:  # open and past the deadline, read plainly from them all
        plain = sorted((c.deadline, c.id, c.number) for c in session.scalars(select(Complaint))
                       if c.status != "closed" and c.deadline < manager.today())
    assert [c.number for c in late] == [number for _, _, number in plain]
    renew = contract_service.renewal_list(manager)
    held = payments_service.cash_held(manager)
    expected = {
        "overdue_calls": (len(overdue), overdue[0] if overdue else "", False),
        "leftovers": (len(leftovers), leftovers[0] if leftovers else "", False),
        "vouchers_to_close": _capped([j.number for j in dispatch_service.jobs_to_close(
            manager)]),
        "late_repairs": _capped([c.receipt_number for c in repair_service.late_repairs(
            manager, limit=500)]),
        "complaints_overdue": (len(late), late[0].number if late else "", False),
        "contracts_to_renew": (len(renew), renew[0].number if renew else "", False),
        "cash_held": (len(held), held[0].collector if held else "", False),
        "followups_due": _capped(_due_followups(manager)),
    }
    shown = {key: (line.count, line.first, line.more) for key, line in lines.items()
             if key in expected}
    assert shown == expected
    # the demo has what makes these lines worth checking: closed complaints past their
    # deadline (not counted), open ones past it (counted), calls called back (not due)
    with demo.read() as session:
        assert session.scalar(select(func.count()).select_from(Complaint).where(
            Complaint.status == "closed", Complaint.deadline < manager.today()))
        assert session.scalar(select(func.count()).select_from(FollowUp))
    assert lines["complaints_overdue"].count and lines["followups_due"].count
    assert lines["leftovers"].count == 2 and lines["overdue_calls"].count


def test_some_lines_are_read_again_alone(demo: Database) -> None:
    supervisor = acting_as(demo, Role.SUPERVISOR)
    every = {line.key: line for line in today_service.today(supervisor)}
    some = today_service.today(supervisor, keys={"complaints_overdue", "followups_due"})
    assert [line.key for line in some] == ["complaints_overdue", "followups_due"]
    assert all(line == every[line.key] for line in some)
    # put back among the others, the page's order is the one a full read gives
    merged = {**every, **{line.key: line for line in some}}
    assert today_service.arrange(merged.values()) == today_service.today(supervisor)
