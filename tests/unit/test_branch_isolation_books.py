"""Branches (issue 17), the books: what each branch and the service department add up, and
what a branch may not do to another branch's money, cards, complaints and reports. The two
branches' day is tests/helpers/branches.py's. Runs on SQLite and on PostgreSQL
(SC_TEST_PG_URL)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.errors import NotFound, PermissionDenied, ValidationError
from app.models.billing import Bill, CashHandover, Invoice, Payment
from app.models.calls import Call
from app.models.carry_in import Escalation, PromiseChange
from app.models.customers import Customer, CustomerPhone
from app.models.jobs import Job, Visit, VisitOutcome
from app.models.messaging import MessageConsent, OutboxMessage
from app.models.reports import DailyReportRecord, ReportKind
from app.models.voice import Complaint, ComplaintLiaison, FollowUp, SurveyCard
from app.services import (
    call_book_service,
    calls_service,
    complaint_service,
    daily_report_service,
    followup_service,
    import_service,
    late_repair_service,
    messaging_service,
    payments_service,
    report_flow_service,
    survey_service,
    today_service,
    visit_service,
    voice_stats,
)
from app.services.calls_service import CallInput
from app.services.context import ServiceContext
from app.services.survey_dto import Ratings
from tests.helpers.branches import CUSTOMER, MINUTES, TAKEN, Side, branches, marks, shows

__all__ = ["branches"]  # the fixture


def _cents(amount: Decimal) -> int:
    return int(amount * 100)


def test_each_branchs_books_are_its_own_and_the_service_department_adds_them_up(branches):
    one, two, office = branches
    boss1, boss2 = one.ctx["boss"], two.ctx["boss"]
    day = office.today()

    def money(ctx: ServiceContext) -> tuple[int, int]:
        end = payments_service.day_end(ctx, day)
        return end.total_cents, sum(c.amount_cents for c in payments_service.cash_held(ctx))

    assert money(boss1) == (_cents(TAKEN[1]),) * 2
    assert money(boss2) == (_cents(TAKEN[2]),) * 2
    assert money(office) == (_cents(TAKEN[1] + TAKEN[2]),) * 2

    def figures(ctx: ServiceContext) -> tuple[int, ...]:
        r = daily_report_service.supervisor_report(ctx, day)
        return (r.total_minutes, r.calls_received, r.dispatched, r.completed, r.taken_in,
                r.left_over, r.deadlines_missed)

    first, second, both = figures(boss1), figures(boss2), figures(office)
    assert first[0] == MINUTES[1] + 20 and second[0] == MINUTES[2] + 20  # + the training
    assert both == tuple(a + b for a, b in zip(first, second, strict=True))
    team = {row.technician_name for row in daily_report_service.supervisor_report(
        boss2, day).rows}
    assert "tech2" in team and "tech1" not in team

    def cards(ctx: ServiceContext) -> dict[str, tuple[int, int, Decimal | None]]:
        return {s.technician_name: (s.sent, s.returned, s.averages[0])
                for s in voice_stats.survey_month_stats(ctx, day.year, day.month)}

    # two cards each (the closed call's came back), the unclosed call's still out
    assert cards(boss1) == {"tech1": (2, 1, Decimal(4))}
    assert cards(boss2) == {"tech2": (2, 1, Decimal(2))}
    assert cards(office) == {**cards(boss1), **cards(boss2)}

    def appraisals(ctx: ServiceContext) -> dict[str, int]:
        month = voice_stats.technician_appraisals(ctx, day.year, day.month)
        return {row.technician_name: row.jobs_done for row in month.rows}

    first_month, second_month = appraisals(boss1), appraisals(boss2)
    assert set(first_month) == {"tech1"} and set(second_month) == {"tech2"}
    assert appraisals(office) == {**first_month, **second_month}
    received = [voice_stats.complaint_month_stats(c, day.year, day.month).received
                for c in (boss1, boss2, office)]
    assert received[2] == received[0] + received[1] and received[1] == 1
    outbox = [len(messaging_service.list_outbox(c)) for c in (boss1, boss2, office)]
    assert outbox[1] > 0 and outbox[2] == outbox[0] + outbox[1]


def test_the_today_page_counts_each_branchs_work_and_the_office_counts_both(branches):
    one, two, office = branches
    counts = [{line.key: line.count for line in today_service.today(c)}
              for c in (one.ctx["boss"], two.ctx["boss"], office)]
    shared = {"low_stock"}  # the parts catalogue is the company's
    assert counts[1]["overdue_calls"] == 1 and counts[1]["cash_held"] == 1
    assert {k: counts[0][k] + counts[1][k] for k in counts[2] if k not in shared} == {
        k: n for k, n in counts[2].items() if k not in shared}


def test_a_call_the_service_department_registers_is_filed_in_its_customers_branch(branches,
                                                                                  db):
    one, two, office = branches
    call = calls_service.register_call(office, CallInput(fault="服务部代登记",
                                                         customer_id=two.customer_id))
    with db.read() as session:
        filed = session.execute(select(Call.branch_id, Call.number).where(
            Call.id == call.id)).one()
        queued = set(session.scalars(select(OutboxMessage.branch_id).where(
            OutboxMessage.call_id == call.id)))
    assert tuple(filed) == (two.branch_id, call.number) and call.number.startswith("C02-")
    assert queued <= {two.branch_id}
    book = call_book_service.list_calls(one.ctx["clerk"], call_book_service.CallFilter())
    assert call.number not in {r.number for r in book.rows}


def test_a_paper_invoice_number_is_the_companys_one_branch_cannot_record_it_again(
        branches, db):
    """An invoice number is printed on the tax paper: a second branch typing the same one
    is told so at the field (not a crash), and learns nothing else of the first."""
    one, two, _ = branches
    before = _books(db)
    with pytest.raises(ValidationError) as refused:
        payments_service.record_invoice(two.ctx["boss"], two.bill_id, invoice_no=one.invoice_no,
                                        amount=Decimal("1"), issued_on=two.ctx["boss"].today())
    assert refused.value.field == "invoice_no" and not shows(str(refused.value), one.name)
    assert _books(db) == before


def test_a_months_complaint_statistics_are_frozen_for_each_branch_apart(branches):
    """Branch 1 producing its month's statistics (办法 九.10) freezes its own figures: branch
    2 and the service department still read, and then freeze, theirs."""
    one, two, office = branches
    complaint_service.open_complaint(one.ctx["clerk"], complaint_service.ComplaintInput(
        customer_id=one.customer_id, description="又来晚了", kind="attitude"))
    day = office.today()
    after = (day.replace(day=1) + timedelta(days=32)).replace(day=1)  # the next month's 1st
    moment = datetime.combine(after, time(10), tzinfo=office.tz)
    boss1, boss2, boss = (replace(c, clock=lambda: moment)
                          for c in (one.ctx["boss"], two.ctx["boss"], office))
    live = [voice_stats.complaint_month_stats(c, day.year, day.month)
            for c in (boss1, boss2, boss)]
    assert live[1].received == 1 and live[2].received == live[0].received + 1
    assert voice_stats.produce_complaint_statistics(boss1, day.year, day.month).received == (
        live[0].received)
    assert not voice_stats.statistics_produced(boss2, day.year, day.month)
    assert voice_stats.complaint_month_stats(boss2, day.year, day.month) == live[1]
    assert voice_stats.complaint_month_stats(boss, day.year, day.month) == live[2]
    for ctx, figures in ((boss2, live[1]), (boss, live[2])):
        produced = voice_stats.produce_complaint_statistics(ctx, day.year, day.month)
        assert replace(produced, produced_at=None, produced_by="") == figures
        assert voice_stats.statistics_produced(ctx, day.year, day.month)
    complaint_service.open_complaint(two.ctx["clerk"], complaint_service.ComplaintInput(
        customer_id=two.customer_id, description="下个月的投诉", kind="attitude"))
    frozen = [voice_stats.complaint_month_stats(c, day.year, day.month).received
              for c in (boss1, boss2, boss)]
    assert frozen == [s.received for s in live]


def _books(db) -> dict[str, list[Any]]:
    """Every row of the tables a branch might write to on another branch's record."""
    tables = (Payment, CashHandover, Bill, Invoice, Visit, Job, Call, SurveyCard, Complaint,
              FollowUp, DailyReportRecord, Escalation, PromiseChange, MessageConsent,
              OutboxMessage, ComplaintLiaison)
    with db.read() as session:
        return {t.__tablename__: sorted(tuple(r) for r in session.execute(
            select(t.__table__)).all()) for t in tables}


def _acts(one: Side, two: Side) -> dict[str, Callable[[], object]]:
    """What branch 2's people try on branch 1's records, by their ids."""
    clerk, sup, boss, tech = (two.ctx[r] for r in ("clerk", "super", "boss", "tech"))
    day = boss.today()
    return {
        "collect": lambda: payments_service.collect(boss, one.bill_id, amount=Decimal("1"),
                                                    method="cash", place="counter"),
        "void payment": lambda: payments_service.void_payment(
            boss, one.payment_id, reason="串单", expected_version=1),
        "hand-over": lambda: payments_service.confirm_handover(boss, [one.payment_id]),
        "record visit": lambda: visit_service.record_visit(
            sup, one.job_id, visit_service.VisitInput(
                arrived_at=sup.now(), completed_at=sup.now(), labour_minutes=10,
                outcome=VisitOutcome.UNFINISHED, work_done=""), expected_version=1),
        "close call": lambda: visit_service.close_call(clerk, one.call_id, expected_version=1),
        "answer card": lambda: survey_service.enter_returned_card(
            boss, one.card_id, Ratings(1, 1, 1, 1), via="phone", expected_version=2),
        "complaint from card": lambda: survey_service.complaint_from_card(
            boss, one.card_id, kind="attitude", expected_version=2),
        "follow-up": lambda: followup_service.record_followup(
            boss, one.call_id, satisfied=False, answer="串单"),
        "close complaint": lambda: complaint_service.close_complaint(
            boss, one.complaint_id, outcome="串单", told_via="phone", expected_version=1),
        "complaint visit": lambda: complaint_service.record_visit(
            boss, one.complaint_id, visit_on=day, visit_by="super2", notes="",
            expected_version=1),
        "review report": lambda: report_flow_service.review_technician_report(
            sup, one.tech_id, day),
        "reopen report": lambda: report_flow_service.reopen_report(
            sup, ReportKind.TECHNICIAN, day, one.tech_id, reason="串单"),
        "answer help": lambda: late_repair_service.answer_help(sup, one.escalation_id,
                                                               answer="串单"),
        "wait for parts": lambda: late_repair_service.wait_for_parts(
            tech, one.receipt_id, new_date=day + timedelta(days=3), reason="串单",
            expected_version=1),
        "consent": lambda: messaging_service.set_consent(boss, one.customer_id, False),
        "invoice": lambda: payments_service.record_invoice(
            boss, one.bill_id, invoice_no="FP-99", amount=Decimal("1"), issued_on=day),
        "mark mailed": lambda: payments_service.mark_mailed(boss, one.invoice_id, day=day),
    }


ACTS = ("collect", "void payment", "hand-over", "record visit", "close call", "answer card",
        "complaint from card", "follow-up", "close complaint", "complaint visit",
        "review report", "reopen report", "answer help", "wait for parts", "consent",
        "invoice", "mark mailed")


@pytest.mark.parametrize("act", ACTS)
def test_a_branch_cannot_act_on_another_branchs_record(branches, db, act):
    one, two, _ = branches
    before = _books(db)
    with pytest.raises((NotFound, PermissionDenied)):
        _acts(one, two)[act]()
    assert _books(db) == before


def test_a_late_complaints_liaison_note_stays_in_its_branch(branches):
    one, two, office = branches
    late = replace(one.ctx["boss"], clock=lambda: office.now() + timedelta(days=60))
    c = complaint_service.get_complaint(late, one.complaint_id)
    c = complaint_service.resolve_complaint(late, c.id, resolution="换机", responsible="维修部",
                                            told_via="phone", expected_version=c.version)
    c = complaint_service.record_visit(late, c.id, visit_on=late.today(), visit_by="super1",
                                       notes="", expected_version=c.version)
    complaint_service.close_complaint(late, c.id, outcome="满意", told_via="phone",
                                      expected_version=c.version)
    note = complaint_service.issue_liaison(late, c.id, question="为何超期")
    boss2 = two.ctx["boss"]
    seen = repr((complaint_service.list_liaisons(boss2),
                 complaint_service.list_liaisons(boss2, unanswered=True),
                 complaint_service.late_without_liaison(boss2)))
    for mark in [*marks(one), note.number]:
        assert not shows(seen, mark), mark
    with pytest.raises(NotFound):
        complaint_service.find_liaison(boss2, note.number)
    with pytest.raises(NotFound):
        complaint_service.record_liaison_reply(boss2, note.id, reply="串单",
                                               expected_version=note.version)
    assert [n.number for n in complaint_service.list_liaisons(office)] == [note.number]
    assert complaint_service.find_liaison(one.ctx["boss"], note.number).reply == ""


def _customer_file(folder: Path, phone: str) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "电话", "地址"])
    sheet.append(["孙新客", phone, "滨江路 2 号"])
    path = folder / "customers.xlsx"
    book.save(path)
    return path


def test_a_customer_import_lands_in_its_branch(branches, db, tmp_path):
    """Branch 2 imports a customer whose phone branch 1 has on file: the phone is not
    branch 2's, so nothing clashes and branch 1's customer is neither matched nor shown."""
    one, two, _ = branches
    boss2 = two.ctx["boss"]
    preview = import_service.preview_import(
        boss2, _customer_file(tmp_path, CUSTOMER[1][1]), import_service.ImportKind.CUSTOMERS)
    assert preview.bad_count == 0 and not shows(repr(preview), one.name)
    import_service.run_import(boss2, preview)
    with db.read() as session:
        rows = session.execute(select(Customer.name, Customer.branch_id).join(
            CustomerPhone, CustomerPhone.customer_id == Customer.id).where(
            CustomerPhone.digits == CUSTOMER[1][1]).order_by(Customer.id)).all()
    assert [tuple(r) for r in rows] == [(one.name, one.branch_id), ("孙新客", two.branch_id)]
    # branch 1's own import of that phone is refused: it is on branch 1's file
    preview = import_service.preview_import(
        one.ctx["boss"], _customer_file(tmp_path, CUSTOMER[1][1]),
        import_service.ImportKind.CUSTOMERS)
    assert preview.bad_count == 1
