"""Several counters racing for the same records, with real processes, on SQLite and PostgreSQL.

Each round starts fresh records, then four processes act on them at the same moment. What
must hold whatever the database: no bill paid or invoiced beyond its total, no stock below
zero without an override, no duplicate or missing document number, one winner per status
change, every log-in of a good password accepted, and nothing shown to a user but a clear
refusal (no generic apology). Run against PostgreSQL with SC_TEST_PG_URL set.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from app.db.database import Database
from app.models.billing import Invoice, Payment
from app.models.branch import Branch
from app.models.calls import Call
from app.models.jobs import Job, VisitOutcome
from app.services import (
    billing_service,
    calls_service,
    dispatch_service,
    parts_service,
    visit_service,
)
from app.services.context import ServiceContext
from app.services.money_dto import LineInput
from app.services.parts_service import PartInput
from tests.helpers.carry_in import user_id, walk_in, zhang_item
from tests.helpers.race_child import Outcome, Pool
from tests.helpers.seed import SEED_PASSWORD

pytestmark = pytest.mark.slow

WORKERS = 4
ROUNDS = int(os.environ.get("SC_RACE_ROUNDS", "20"))
REFUSALS = {"ValidationError", "ConflictError", "AuthError", "NotFound"}


@pytest.fixture(scope="module")
def pool() -> Iterator[Pool]:
    workers = Pool(WORKERS)
    yield workers
    workers.close()


def _errors(outcomes: list[Outcome]) -> list[str]:
    """Anything a user would see as the generic apology (or a refusal of the wrong kind)."""
    return [str(o[1:]) for o in outcomes
            if o[0] == "error" or (o[0] == "refused" and o[1] not in REFUSALS)]


def _oks(outcomes: list[Outcome]) -> int:
    return sum(o[0] == "ok" for o in outcomes)


def _report(name: str, db: Database, **figures: Any) -> None:
    backend = "PostgreSQL" if not db.is_sqlite else "SQLite"
    print(f"\n[race] {name} on {backend}: {ROUNDS} rounds x {WORKERS} processes: "
          + ", ".join(f"{k}={v}" for k, v in figures.items()))


def _bill_of_100(clerk: ServiceContext) -> int:
    customer_id, item_id = zhang_item(clerk)  # out of warranty: category A, the customer pays
    call = calls_service.register_call(clerk, calls_service.CallInput(
        fault="不脱水", customer_id=customer_id, item_id=item_id))
    bill = billing_service.make_bill(clerk, call.id, extra=[
        LineInput("other", "检测费", Decimal(1), Decimal(100))])
    assert bill.total_cents == 10_000 and bill.id is not None
    return bill.id


def test_four_counters_paying_one_bill_never_overpay_it(pool, db, clerk):
    overpaid, errors, winners = 0, [], Counter[int]()
    for _ in range(ROUNDS):
        bill_id = _bill_of_100(clerk)
        outcomes = pool.race(db.url, [("collect", {"bill_id": bill_id, "amount": "60",
                                                   "actor": clerk.actor})] * WORKERS)
        with db.read() as session:
            paid = session.scalar(select(func.sum(Payment.amount_cents)).where(
                Payment.bill_id == bill_id, Payment.voided.is_(False))) or 0
        overpaid += paid > 10_000
        errors += _errors(outcomes)
        winners[_oks(outcomes)] += 1
    _report("payments ¥60 x4 on a ¥100 bill", db, overpaid=overpaid, errors=len(errors),
            winners=dict(winners))
    assert (overpaid, errors) == (0, []), errors[:1]
    assert winners == {1: ROUNDS}


def test_invoices_racing_on_one_bill_never_exceed_it(pool, db, clerk, login):
    acct = login("acct")
    over, errors = 0, []
    for r in range(ROUNDS):
        bill_id = _bill_of_100(clerk)
        outcomes = pool.race(db.url, [
            ("invoice", {"bill_id": bill_id, "invoice_no": f"FP{r:03d}{i}", "amount": amount,
                         "actor": acct.actor})
            for i, amount in enumerate(("60", "70", "45", "55"))])
        with db.read() as session:
            invoiced = session.scalar(select(func.sum(Invoice.amount_cents)).where(
                Invoice.bill_id == bill_id, Invoice.voided.is_(False))) or 0
        over += invoiced > 10_000
        errors += _errors(outcomes)
        assert _oks(outcomes) >= 1
    _report("invoices ¥60/70/45/55 on a ¥100 bill", db, over_invoiced=over,
            errors=len(errors))
    assert (over, errors) == (0, []), errors[:1]


def test_technicians_taking_the_last_units_never_drive_stock_below_zero(pool, db, clerk,
                                                                        login):
    tech, boss = login("tech"), login("super")
    receipts = [walk_in(clerk, name=f"顾客{i}", phone=f"1390000{i:04d}").receipt_id
                for i in range(WORKERS)]
    negative, wrong_winners, errors = 0, 0, []
    for r in range(ROUNDS):
        part = parts_service.create_part(boss, PartInput(f"P-RACE-{r}", "排水泵", "个", 3550))
        parts_service.receive_goods(boss, part.id, 2)
        outcomes = pool.race(db.url, [("use_part", {"receipt_id": rid, "part_id": part.id,
                                                    "actor": tech.actor})
                                      for rid in receipts])
        stock = parts_service.get_part(boss, part.id).stock_on_hand
        negative += stock < 0
        wrong_winners += _oks(outcomes) != 2
        errors += _errors(outcomes)
    mismatched = parts_service.verify_stock(boss)
    _report("4 technicians x 1 of the last 2 units", db, negative_stock=negative,
            rounds_without_2_winners=wrong_winners, errors=len(errors),
            ledger_mismatches=len(mismatched))
    assert (negative, wrong_winners, errors, mismatched) == (0, 0, [], []), errors[:1]


def test_visits_taking_the_last_units_in_a_van_never_drive_it_below_zero(pool, db, clerk,
                                                                         login):
    tech, boss = login("tech"), login("super")
    li = user_id(boss, "tech")
    customer_id, item_id = zhang_item(clerk)
    negative, wrong_winners, errors = 0, 0, []
    for r in range(ROUNDS):
        part = parts_service.create_part(boss, PartInput(f"P-VAN-{r}", "排水泵", "个", 3550))
        parts_service.receive_goods(boss, part.id, 10)  # the store has plenty; the van 2
        parts_service.transfer(boss, part.id, 2, technician_id=li, to_van=True)
        jobs = []
        for _ in range(WORKERS):
            call = calls_service.register_call(clerk, calls_service.CallInput(
                fault="不脱水", customer_id=customer_id, item_id=item_id))
            jobs.append(dispatch_service.dispatch_call(boss, call.id, li,
                                                       expected_version=call.version))
        outcomes = pool.race(db.url, [("visit_part", {
            "job_id": j.job_id, "version": j.version, "part_id": part.id,
            "arrived_at": j.dispatched_at.isoformat(), "actor": tech.actor}) for j in jobs])
        van = parts_service.van_stock(boss, li)
        negative += any(v.quantity < 0 for v in van)
        after = parts_service.get_part(boss, part.id)
        wrong_winners += _oks(outcomes) != 2 or (after.store, after.in_vans) != (10 - 2, 0)
        errors += _errors(outcomes)
    mismatched = parts_service.verify_stock(boss)
    _report("4 visits x 1 of the last 2 units in a van", db, negative_van=negative,
            rounds_without_2_winners=wrong_winners, errors=len(errors),
            ledger_mismatches=len(mismatched))
    assert (negative, wrong_winners, errors, mismatched) == (0, 0, [], []), errors[:1]


def test_calls_registered_at_once_get_gap_free_unique_numbers(pool, db, clerk):
    customer_id, _ = zhang_item(clerk)
    per_process = 5
    reported: list[str] = []
    errors: list[str] = []
    for _ in range(ROUNDS):
        outcomes = pool.race(db.url, [("register", {"customer_id": customer_id,
                                                    "calls": per_process,
                                                    "actor": clerk.actor})] * WORKERS)
        errors += _errors(outcomes)
        reported += [n for o in outcomes if o[0] == "ok" for n in o[1]]
    with db.read() as session:
        stored = list(session.scalars(select(Call.number)))
    serials = sorted(int(n.split("-")[1]) for n in stored)
    duplicates = len(stored) - len(set(stored))
    missing = len(set(range(1, len(serials) + 1)) - set(serials))
    _report("call numbers", db, numbers=len(stored), duplicates=duplicates, missing=missing,
            errors=len(errors))
    assert (duplicates, missing, errors) == (0, 0, []), errors[:1]
    assert sorted(reported) == sorted(stored)
    assert len(stored) == ROUNDS * WORKERS * per_process


def test_two_supervisors_dispatching_one_call_make_one_voucher(pool, db, clerk, login):
    boss = login("super")
    tech_id = user_id(clerk, "tech")
    customer_id, item_id = zhang_item(clerk)
    doubled, errors, unnamed = 0, [], 0
    for _ in range(ROUNDS):
        call = calls_service.register_call(clerk, calls_service.CallInput(
            fault="不制冷", customer_id=customer_id, item_id=item_id))
        outcomes = pool.race(db.url, [("dispatch", {
            "call_id": call.id, "technician_id": tech_id, "version": call.version,
            "actor": boss.actor})] * WORKERS)
        with db.read() as session:
            vouchers = session.scalar(select(func.count(Job.id)).where(Job.call_id == call.id))
        doubled += vouchers != 1 or _oks(outcomes) != 1
        errors += _errors(outcomes)
        unnamed += sum(o[0] == "refused" and o[1] == "ConflictError"
                       and o[3]["changed_by"] != boss.actor.display_name for o in outcomes)
    _report("dispatch x4 of one call", db, not_exactly_one_voucher=doubled,
            errors=len(errors), conflicts_without_who=unnamed)
    assert (doubled, errors, unnamed) == (0, [], 0), errors[:1]


def _completed_call(clerk: ServiceContext, boss: ServiceContext, tech: ServiceContext,
                    customer_id: int, item_id: int) -> tuple[int, int]:
    call = calls_service.register_call(clerk, calls_service.CallInput(
        fault="漏水", customer_id=customer_id, item_id=item_id))
    job = dispatch_service.dispatch_call(boss, call.id, user_id(clerk, "tech"),
                                         expected_version=call.version)
    now = tech.now()
    later = replace(tech, clock=lambda: now + timedelta(hours=1))
    visit_service.record_visit(later, job.job_id, visit_service.VisitInput(
        now + timedelta(minutes=5), now + timedelta(minutes=45), VisitOutcome.COMPLETED,
        work_done="更换密封圈", customer_signed=True), expected_version=job.version)
    done = calls_service.get_call(clerk, call.id)
    return done.id, done.version


def test_close_and_cancel_of_one_call_at_once_leave_one_outcome(pool, db, clerk, login):
    boss, tech = login("super"), login("tech")
    customer_id, item_id = zhang_item(clerk)
    not_one, errors = 0, []
    for _ in range(ROUNDS):
        call_id, version = _completed_call(clerk, boss, tech, customer_id, item_id)
        outcomes = pool.race(db.url, [
            ("close_or_cancel", {"call_id": call_id, "version": version, "close": i % 2 == 0,
                                 "actor": clerk.actor}) for i in range(WORKERS)])
        not_one += _oks(outcomes) != 1
        errors += _errors(outcomes)
    _report("close x2 vs cancel x2 of one call", db, not_exactly_one_winner=not_one,
            errors=len(errors))
    assert (not_one, errors) == (0, []), errors[:1]


def test_one_account_logging_in_on_four_pcs_at_once(pool, db):
    refused_good, errors, wrong_accepted = 0, [], 0
    for r in range(ROUNDS):
        bad = r % 2 == 1  # every other round one PC types a wrong password
        tasks = [("log_in", {"username": "clerk",
                             "password": "wrong-pw" if bad and i == 0 else SEED_PASSWORD,
                             "workstation": f"pc-{i}"}) for i in range(WORKERS)]
        outcomes = pool.race(db.url, tasks)
        errors += _errors(outcomes)
        for i, outcome in enumerate(outcomes):
            good = not (bad and i == 0)
            refused_good += good and outcome[0] != "ok"
            wrong_accepted += not good and outcome[0] == "ok"
    _report("log-ins of one account on 4 PCs", db, good_password_refused=refused_good,
            wrong_password_accepted=wrong_accepted, errors=len(errors))
    assert (refused_good, wrong_accepted, errors) == (0, 0, []), errors[:1]


def test_two_clerks_saving_one_call_at_once_see_who_changed_it(pool, db, clerk, admin):
    customer_id, item_id = zhang_item(clerk)
    lost, errors, unnamed = 0, [], 0
    actors = [clerk.actor, admin.actor] * (WORKERS // 2)
    for r in range(ROUNDS):
        call = calls_service.register_call(clerk, calls_service.CallInput(
            fault="不加热", customer_id=customer_id, item_id=item_id))
        outcomes = pool.race(db.url, [("edit_call", {
            "call_id": call.id, "version": call.version, "fault": f"不加热 第{r}轮 {i}",
            "received_at": call.received_at.isoformat(), "actor": actor})
            for i, actor in enumerate(actors)])
        winners = [i for i, o in enumerate(outcomes) if o[0] == "ok"]
        lost += len(winners) != 1
        errors += _errors(outcomes)
        if len(winners) == 1:
            who = actors[winners[0]].display_name
            unnamed += sum(o[0] == "refused" and o[3].get("changed_by") != who
                           for o in outcomes)
    _report("4 simultaneous saves of one call", db, not_exactly_one_saved=lost,
            errors=len(errors), conflicts_without_who=unnamed)
    assert (lost, errors, unnamed) == (0, [], 0), errors[:1]



def test_two_offices_opening_one_branch_code_at_once_make_one_branch(pool, db, admin):
    """Each round four administrators of the service department open the same code: one
    branch is made, the others are told the code is taken (at the field, not an apology)."""
    errors: list[str] = []
    for r in range(ROUNDS):
        code = f"{r + 10:02d}"
        tasks = [("open_branch", {"actor": admin.actor, "code": code, "name": f"分公司{i}"})
                 for i in range(WORKERS)]
        outcomes = pool.race(db.url, tasks)
        errors += _errors(outcomes)
        assert _oks(outcomes) == 1, outcomes
    with db.read() as session:
        made = session.scalar(select(func.count(Branch.id)).where(Branch.code != "01"))
    _report("one branch code opened on 4 PCs", db, branches=made, errors=len(errors))
    assert (made, errors) == (ROUNDS, []), errors[:1]
