"""Two branches for the branch-wall tests (issue 17): each with its people and a day's work
done through the services the GUI calls — a take-in, calls, a job worked to the end and
closed, money taken on site, a survey card, a follow-up, messages queued, daily reports,
a maintenance contract and its visit, a request for help on a late repair."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.models.enums import Role
from app.models.jobs import InternalWorkKind, Job, VisitOutcome
from app.services import (
    branch_service,
    calls_service,
    carry_in_service,
    complaint_service,
    contract_service,
    contract_visit_service,
    dispatch_service,
    expense_service,
    feedback_service,
    followup_service,
    late_repair_service,
    messaging_service,
    payments_service,
    report_flow_service,
    survey_service,
    visit_service,
)
from app.services.auth_service import create_user
from app.services.calls_service import CallInput
from app.services.carry_in_service import TakeInInput
from app.services.context import ServiceContext
from app.services.customers_service import CustomerInput, ItemInput
from app.services.survey_dto import Ratings
from tests.helpers.carry_in import model_id, user_id
from tests.helpers.seed import SEED_PASSWORD

ROLES = {"clerk": Role.CLERK, "super": Role.SUPERVISOR, "tech": Role.TECHNICIAN,
         "boss": Role.ADMIN}
# Each branch's customer: a name and a phone nobody else has (what must not cross the wall).
CUSTOMER = {1: ("沈一号", "13700000001"), 2: ("钱二号", "13700000002")}
# What each branch's day adds up to (different, so a mixed total shows).
TAKEN = {1: Decimal("30.00"), 2: Decimal("45.00")}  # cash the technician took on site
MINUTES = {1: 30, 2: 50}  # labour of the visit
RATING = {1: 4, 2: 2}  # every item of the returned survey card


@dataclass
class Side:
    """One branch's people and the documents they made."""

    branch_id: int
    ctx: dict[str, ServiceContext]
    tech_id: int
    customer_id: int
    call_id: int
    call_number: str
    receipt_id: int
    receipt_number: str
    voucher_number: str
    job_id: int
    job_number: str
    complaint_id: int
    complaint_number: str
    payment_id: int
    payment_number: str
    bill_id: int
    invoice_id: int
    invoice_no: str
    card_id: int
    card_number: str
    contract_id: int
    contract_number: str
    visit_call_number: str  # the contract visit's call
    unclosed_voucher: str  # completed two days ago, not closed
    escalation_id: int

    @property
    def name(self) -> str:
        return CUSTOMER[self.branch_id][0]

    @property
    def n(self) -> int:
        return 1 if self.branch_id == 1 else 2


def _side(login: Callable[[str], ServiceContext], branch_id: int, n: int) -> Side:
    ctx = {role: login(f"{role}_b{n}") for role in ROLES}
    clerk, boss, sup = ctx["clerk"], ctx["boss"], ctx["super"]
    tech_id = user_id(clerk, f"tech_b{n}")
    name, phone = CUSTOMER[n]
    taken = carry_in_service.take_in(clerk, TakeInInput(
        technician_id=tech_id, promised_date=clerk.today() + timedelta(days=5),
        accessories=(), accessories_note="", condition="外壳完好",
        walk_in=CallInput(fault="不脱水", new_customer=CustomerInput(name, (phone,), "市区路 1 号"),
                          new_item=ItemInput(model_id(clerk), f"SN-{n}"))))
    call = calls_service.register_call(clerk, CallInput(fault="漏水",
                                                        customer_id=taken.customer_id))
    earlier = replace(clerk, clock=lambda: clerk.now() - timedelta(days=2))
    calls_service.register_call(earlier, CallInput(fault="前天的电话，还没派工",
                                                   customer_id=taken.customer_id))  # overdue
    job = dispatch_service.dispatch_call(sup, call.id, tech_id, expected_version=call.version)
    complaint = complaint_service.open_complaint(clerk, complaint_service.ComplaintInput(
        customer_id=taken.customer_id, description="维修太慢", kind="attitude"))
    expense_service.record_expense(boss, spent_on=boss.today(), kind="travel",
                                   person_id=tech_id, amount=Decimal("12.50"),
                                   note=f"去{name}家的车费")
    feedback_service.add_feedback(boss, content=f"{name}：师傅很好",
                                  customer_id=taken.customer_id)
    contract = contract_service.create_contract(boss, contract_service.ContractInput(
        customer_id=taken.customer_id, item_ids=(taken.item_id,), visits_per_year=1,
        start_date=boss.today() - timedelta(days=340), end_date=boss.today() + timedelta(days=20),
        terms=f"{name}的保养合同"))  # on the renewal list; its one visit is due
    (visit_call,) = contract_visit_service.schedule_due_visits(boss)
    # the job worked to the end: the visit recorded with cash taken, the call closed
    tech = ctx["tech"]
    done = visit_service.record_visit(tech, job.job_id, visit_service.VisitInput(
        arrived_at=job.dispatched_at, completed_at=tech.now(), labour_minutes=MINUTES[n],
        outcome=VisitOutcome.COMPLETED, work_done=f"{name}家：更换排水阀", customer_signed=True,
        taken=visit_service.MoneyTaken(TAKEN[n], "cash")), expected_version=job.version)
    assert done.payment_id is not None
    visit_service.log_internal_work(tech, visit_service.InternalWorkInput(
        tech.today(), InternalWorkKind.TRAINING, 20, "新机型培训"))
    visit_service.close_call(clerk, call.id,
                             expected_version=calls_service.get_call(clerk, call.id).version)
    # a voucher completed on site two days ago that the clerk has not closed (§九)
    old = {k: replace(c, clock=lambda: clerk.now() - timedelta(days=2)) for k, c in ctx.items()}
    other = calls_service.register_call(old["clerk"], CallInput(fault="不加热",
                                                                customer_id=taken.customer_id))
    unclosed = dispatch_service.dispatch_call(old["super"], other.id, tech_id,
                                              expected_version=other.version)
    visit_service.record_visit(old["tech"], unclosed.job_id, visit_service.VisitInput(
        arrived_at=unclosed.dispatched_at, completed_at=old["tech"].now(), labour_minutes=15,
        outcome=VisitOutcome.COMPLETED, work_done="清洗", customer_signed=True),
        expected_version=unclosed.version)
    # the customer's voice: a survey card sent and returned, a follow-up call
    cards = survey_service.issue_cards_for_day(boss, boss.today())
    card = next(c for c in cards if c.call_id == call.id)
    r = RATING[n]
    survey_service.enter_returned_card(boss, card.id, Ratings(r, r, r, r), via="phone",
                                       expected_version=card.version)
    followup_service.record_followup(boss, call.id, satisfied=True, answer="")
    # the day's reports: the technician's submitted and reviewed, the supervisor's submitted
    report_flow_service.submit_technician_report(tech, tech.today())
    report_flow_service.review_technician_report(sup, tech_id, sup.today())
    report_flow_service.submit_supervisor_report(sup, sup.today())
    # the item taken in is late: help asked, waiting for parts
    help_asked = late_repair_service.ask_for_help(tech, taken.receipt_id,
                                                  note=f"{name}的机器：主板坏")
    late_repair_service.wait_for_parts(
        tech, taken.receipt_id, new_date=tech.today() + timedelta(days=15),
        reason=f"{name}的主板缺货",
        expected_version=carry_in_service.get_carry_in(tech, taken.receipt_id).receipt_version)
    payment = next(p for p in payments_service.held_payments(boss, tech_id)
                   if p.id == done.payment_id)
    invoice = payments_service.record_invoice(boss, payment.bill_id, invoice_no=f"FP-{n}0001",
                                              amount=TAKEN[n], issued_on=boss.today(),
                                              to_mail=True)
    return Side(branch_id, ctx, tech_id, taken.customer_id, call.id, call.number,
                taken.receipt_id, taken.receipt_number, taken.voucher_number, job.job_id,
                job.number, complaint.id, complaint.number, payment.id, payment.number,
                payment.bill_id, invoice.id, invoice.invoice_no, card.id, card.number,
                contract.id, contract.number, visit_call.call_number, unclosed.number,
                help_asked.id)


@pytest.fixture
def branches(db, login) -> tuple[Side, Side, ServiceContext]:
    """Branch 1 (the store of today) and branch 02, each with a clerk, a supervisor, a
    technician and an administrator, and a day's work; the seeded admin is the service
    department. Messages are on: the work queues its SMS."""
    office = login("admin")
    messaging_service.set_messages_enabled(office, True)
    second = branch_service.create_branch(office, code="02", name="杭州分公司")
    for branch_id in (1, second.id):
        n = 1 if branch_id == 1 else 2
        for role, kind in ROLES.items():
            create_user(office, username=f"{role}_b{n}", display_name=f"{role}{n}", role=kind,
                        password=SEED_PASSWORD, branch_id=branch_id)
    one = _side(login, 1, 1)
    two = _side(login, second.id, 2)
    return one, two, office


def job_id_of(ctx: ServiceContext, number: str) -> int:
    with ctx.db.read() as session:  # no branch: the id the other branch would have to guess
        return int(session.scalar(select(Job.id).where(Job.number == number)) or 0)


def marks(side: Side) -> list[str]:
    """What of ``side`` must not show to the other branch: its customer's name and phone,
    its documents' numbers, its technician's name."""
    name, phone = CUSTOMER[side.n]
    found = [name, phone, side.call_number, side.receipt_number, side.voucher_number,
             side.job_number, side.complaint_number, side.payment_number, side.invoice_no,
             side.card_number,
             side.contract_number, side.visit_call_number, side.unclosed_voucher,
             f"tech{side.n}"]
    return [m for m in found if m]  # a walk-in's take-in has no voucher


def shows(text: str, mark: str) -> bool:
    """Whether ``text`` shows ``mark``: a name anywhere, a number as a whole (2612-001 is
    not in 02-2612-001)."""
    if "-" not in mark:
        return mark in text
    return re.search(rf"(?<![\w-]){re.escape(mark)}(?![\w-])", text) is not None
