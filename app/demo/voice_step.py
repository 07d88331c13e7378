"""Demo step: the customer's voice — contracts, survey cards, complaints, follow-up calls.

Every served call gets its survey card (a cancelled one asks about the counter); about two in
three come back with ratings that depend on the technician; low ones and some calls and letters
become complaints of every kind and stage (some overdue, with reminders; one rejected and filed
again); older repairs have their follow-up call, the last week's are still due.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select

from app.db.numbering import format_number, period_of, reserve_block
from app.demo.core import DemoContext, Step
from app.demo.voice_complaints import ComplaintPlan, plan_complaints, write_complaints
from app.demo.voice_contracts import write_contracts
from app.models.calls import Call
from app.models.enums import CallStatus, Role
from app.models.jobs import Job
from app.models.voice import Expense, Feedback, FollowUp, SurveyCard, SurveyCardStatus
from app.services import calls_service
from app.services.voice_common import FOLLOWUP_DAYS_DEFAULT

BATCH = 4000
RETURN_SHARE = 0.65
FOLLOWUP_SHARE = 0.75
COMMENTS = ("服务很好，谢谢", "师傅很专业", "来得很及时", "希望能提前电话联系", "收费说明不够清楚",
            "维修后效果不错", "")


def run(dc: DemoContext) -> None:
    write_contracts(dc)
    _contract_visits(dc)
    done = _completed_calls(dc)
    total = len(done)
    mood = {tech: dc.rng.uniform(-0.6, 0.5) for tech in dc.technician_ids}
    complaints: list[ComplaintPlan] = []
    for start in range(0, total, BATCH):
        chunk = done[start:start + BATCH]
        with dc.batch(reason="demo survey cards") as session:
            complaints += _cards(dc, session, chunk, mood)
            _followups(dc, session, chunk, complaints)
        dc.report(start + len(chunk), total, f"{start + len(chunk)}/{total}")
    complaints += plan_complaints(dc, [row for row in done if not row[5]])
    write_complaints(dc, complaints)
    _feedback(dc)
    _expenses(dc)


def _expenses(dc: DemoContext) -> None:
    """Reimbursed expenses (差旅费报销): a taxi or bus fare for some visits, now and then a
    parcel shipped; so the summary shows real costs beside the price-based ones."""
    with dc.read() as session:
        jobs = session.execute(select(Job.id, Job.technician_id, Job.completed_at)
                               .where(Job.completed_at.is_not(None))).all()
    rows: list[dict[str, Any]] = []
    for job_id, tech, done in jobs:
        if dc.rng.random() > 0.12:
            continue
        shipped = dc.rng.random() < 0.15
        rows.append({"spent_on": dc.local(_aware(done) or dc.now).date(),
                     "kind": "shipping" if shipped else dc.rng.choice(("travel", "transport")),
                     "person_id": tech, "job_id": job_id,
                     "amount_cents": dc.rng.randint(8, 60) * 100 + dc.rng.choice((0, 50)),
                     "note": "寄配件" if shipped else dc.rng.choice(("打车", "公交", "郊区往返")),
                     "entered_by_id": None, "version": 1, "created_at": dc.now,
                     "updated_at": dc.now})
    if rows:
        with dc.batch(reason="demo expenses") as session:
            session.execute(insert(_table(Expense)), rows)
    dc.add_count("expenses", len(rows))


ANALYSES = (("师傅上门时间与约定不符，派工路线需调整", "service"),
            ("收费标准向客户解释不够，柜台需统一口径", "sales"),
            ("同型号重复故障，反馈厂家质检", "quality_inspection"),
            ("配送途中包装受损，加强装车检查", "warehouse_delivery"))


def _feedback(dc: DemoContext) -> None:
    """The feedback register fed from the cards, complaints and follow-ups; most lines older
    than a week analysed and sent to a department, some with the result back."""
    from app.services.feedback_service import feedback_rows

    supervisor = dc.ctx.get(Role.SUPERVISOR)
    with dc.batch(reason="demo feedback") as session:
        rows = feedback_rows(session)
        for row in rows:
            age = (dc.today - row["received_on"]).days  # type: ignore[operator]
            if age > 7 and dc.rng.random() < 0.8:
                analysis, dept = dc.rng.choice(ANALYSES)
                sent = min(dc.today, row["received_on"] + timedelta(  # type: ignore[operator]
                    days=dc.rng.randint(1, 5)))
                row.update(analysis=analysis, sent_to=dept, sent_on=sent,
                           analysed_by_id=supervisor.actor.user_id if supervisor else None,
                           result="已改进" if age > 30 and dc.rng.random() < 0.6 else "")
        if rows:
            session.execute(insert(_table(Feedback)), rows)
    dc.add_count("feedback lines", len(rows))


def _contract_visits(dc: DemoContext) -> None:
    """The contracts' maintenance visits of the last weeks, scheduled as B calls the way the
    counter does it; most of them already dispatched (B jobs on the board)."""
    from app.services import contract_visit_service, dispatch_service  # after the models

    boss = dc.ctx.get(Role.SUPERVISOR)
    if boss is None or not dc.technician_ids:
        return
    since = dc.today - timedelta(days=28)
    scheduled = contract_visit_service.schedule_due_visits(boss, since=since)
    dc.add_count("contract visits scheduled", len(scheduled))
    for visit in scheduled:
        if dc.rng.random() < 0.7:
            call = calls_service.get_call(boss, visit.call_id)
            dispatch_service.dispatch_call(boss, visit.call_id,
                                           dc.rng.choice(dc.technician_ids),
                                           expected_version=call.version)


def _completed_calls(dc: DemoContext) -> list[tuple[int, int, int | None, int | None, datetime,
                                                    bool]]:
    """(call id, customer id, item id, technician id, served at, cancelled) in the order served:
    completed calls with their technician, cancelled ones with none (the counter's card)."""
    job = (select(Job.call_id, func.max(Job.technician_id).label("tech"),
                  func.max(Job.completed_at).label("done"))
           .group_by(Job.call_id).subquery())
    with dc.read() as session:
        rows = session.execute(
            select(Call.id, Call.customer_id, Call.item_id, job.c.tech, job.c.done,
                   Call.closed_at, Call.status)
            .outerjoin(job, job.c.call_id == Call.id)
            .where(Call.status.in_(("completed", "closed", "cancelled")))).all()
    out = []
    for call_id, customer_id, item_id, tech, done, closed, status in rows:
        if status == CallStatus.CANCELLED.value:
            tech, done = None, None
        finished = _aware(done) or closed
        if finished is not None and finished <= dc.now:
            out.append((call_id, customer_id, item_id, tech, finished,
                        status == CallStatus.CANCELLED.value))
    out.sort(key=lambda r: (r[4], r[0]))
    return out


def _aware(value: Any) -> datetime | None:
    """Aggregates come back as text on SQLite: parse to aware UTC."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


# Every row carries the same keys, so the insert runs as one executemany per batch.
_NOT_RETURNED: dict[str, Any] = {"returned_on": None, "returned_via": "", "attitude": None,
                                 "skill": None, "arrival": None, "promise": None,
                                 "comments": ""}


def _rating(dc: DemoContext, bias: float) -> int:
    """Mostly 3–4; a technician's bias moves the spread; rare 1s."""
    value = dc.rng.gauss(3.3 + bias, 0.7)
    return max(1, min(4, round(value)))


def _cards(dc: DemoContext, session: Any, chunk: list[Any],
           mood: dict[int, float]) -> list[ComplaintPlan]:
    days = [dc.local(r[4]).date() for r in chunk]
    periods = [period_of(d) for d in days]
    serial = {p: reserve_block(session, "survey", p, n) for p, n in Counter(periods).items()}
    rows, complaints = [], []
    for (call_id, customer_id, item_id, tech, *_served), day, period in zip(
            chunk, days, periods, strict=True):
        row: dict[str, Any] = {"number": format_number("survey", period, serial[period],
                                                             dc.branch_code),
                               "call_id": call_id, "technician_id": tech, "issued_on": day,
                               "status": SurveyCardStatus.SENT.value,
                               "created_at": dc.now, "updated_at": dc.now,
                               **_NOT_RETURNED}
        serial[period] += 1
        back = day + timedelta(days=dc.rng.randint(3, 12))
        if back <= dc.today and dc.rng.random() < RETURN_SHARE:
            ratings = [_rating(dc, mood.get(tech or 0, 0.0)) for _ in range(4)]
            row.update(status=SurveyCardStatus.RETURNED.value, returned_on=back,
                       returned_via=dc.rng.choice(("paper", "paper", "phone")),
                       attitude=ratings[0], skill=ratings[1], arrival=ratings[2],
                       promise=ratings[3], comments=dc.rng.choice(COMMENTS))
            if min(ratings) == 1 and dc.rng.random() < 0.25:
                row["comments"] = dc.rng.choice(("态度不好，很不耐烦", "约好的时间没来",
                                                 "答应换的零件一直没换"))
                complaints.append(ComplaintPlan(back, "card", customer_id, item_id, call_id,
                                                row["comments"], row["number"]))
        rows.append(row)
    session.execute(insert(_table(SurveyCard)), rows)
    dc.add_count("survey cards", len(rows))
    return complaints


def _followups(dc: DemoContext, session: Any, chunk: list[Any],
               complaints: list[ComplaintPlan]) -> None:
    rows = []
    for call_id, customer_id, item_id, _tech, done, cancelled in chunk:
        if cancelled:
            continue  # nothing was repaired to ask about
        due = dc.local(done).date() + timedelta(days=FOLLOWUP_DAYS_DEFAULT)
        recent = due > dc.today - timedelta(days=21)
        if due > dc.today - timedelta(days=2) or (recent and dc.rng.random() > FOLLOWUP_SHARE):
            continue  # the last days' repairs are still due, and some of the last weeks'
        day = min(dc.today, due + timedelta(days=dc.rng.randint(0, 4)))
        happy = dc.rng.random() > 0.015
        answer = "" if happy else dc.rng.choice(("修完没几天又坏了", "噪音还是很大"))
        rows.append({"call_id": call_id, "done_on": day, "satisfied": happy,
                     "answer": answer or dc.rng.choice(("使用正常", "满意", "")),
                     "created_at": dc.now, "updated_at": dc.now})
        if not happy:
            complaints.append(ComplaintPlan(day, "followup", customer_id, item_id, call_id,
                                            answer, "", followup_call=call_id))
    if rows:
        session.execute(insert(_table(FollowUp)), rows)
        dc.add_count("follow-up calls", len(rows))


STEP = Step("voice", run, weight=6)


def _table(model: type[Any]) -> Table:
    """The model's Core table: plain executemany, no ORM bulk bookkeeping."""
    table: Table = model.__table__
    return table
