"""The dispatch board reads its rows in joined queries and one technician's vouchers at a time:
what it shows must be what each call and voucher holds (customer, first phone, product,
technician, counts)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from app.db.database import Database
from app.demo import generate
from app.models.calls import Call
from app.models.customers import Customer, CustomerPhone, Item
from app.models.enums import Role
from app.models.jobs import Job
from app.models.staff import User
from app.models.store import ProductModel
from app.services import calls_service, dispatch_service, ring_service
from app.services.calls_service import CallInput
from app.services.dto import item_label
from tests.helpers.demo import NOW, acting_as


@pytest.fixture
def board_db(db: Database) -> Database:
    """A demo store, and this morning six calls: four dispatched to two technicians, one
    chased by the customer, one without a product; each customer with a second phone."""
    generate(db, calls=200, seed=5, now=NOW)
    clerk, supervisor = acting_as(db, Role.CLERK), acting_as(db, Role.SUPERVISOR)
    with db.read() as session:
        items = list(session.execute(select(Item.customer_id, Item.id).order_by(Item.id)
                                     .limit(6)))
        techs = list(session.scalars(select(User.id).where(User.role == "technician")
                                     .order_by(User.id).limit(2)))
    calls = [calls_service.register_call(clerk, CallInput(
        "不制冷", customer_id=customer, item_id=item if n != 5 else None,
        received_at=NOW - timedelta(hours=n)))
        for n, (customer, item) in enumerate(items)]
    for n, call in enumerate(calls[:4]):
        dispatch_service.dispatch_call(supervisor, call.id, techs[n % 2],
                                       expected_version=call.version)
    ring_service.record_chase(clerk, calls[4].id)
    with clerk.write(action="test.second_phone") as session:  # a later phone is not the first
        for customer, _item in items:
            session.add(CustomerPhone(customer_id=customer, phone="139 0000 0000",
                                      digits="13900000000"))
    return db


def test_the_queue_shows_each_calls_customer_first_phone_and_product(board_db: Database):
    supervisor = acting_as(board_db, Role.SUPERVISOR)
    queue = dispatch_service.board(supervisor).queue
    assert len(queue) >= 2 and queue[0].chases == 1  # the chased call first
    assert {bool(row.item_label) for row in queue} == {True, False}
    with board_db.read() as session:
        for row in queue:
            call = session.get(Call, row.call_id)
            assert call is not None
            customer = session.get(Customer, call.customer_id)
            assert customer is not None
            phone = session.scalar(select(CustomerPhone.phone).where(
                CustomerPhone.customer_id == customer.id).order_by(CustomerPhone.id).limit(1))
            item = session.get(Item, call.item_id) if call.item_id else None
            model = session.get(ProductModel, item.product_model_id) if item else None
            label = item_label(model.code, model.name, item.serial) if item and model else ""
            assert (row.number, row.customer_name, row.address, row.phone, row.item_label,
                    row.fault) == (call.number, customer.name, customer.address, phone or "",
                                   label, call.fault)


def test_each_technicians_counts_and_vouchers_are_those_of_the_vouchers(board_db: Database):
    supervisor = acting_as(board_db, Role.SUPERVISOR)
    full = dispatch_service.board(supervisor).technicians
    start = datetime.combine(supervisor.today(), time.min, tzinfo=supervisor.tz)
    with board_db.read() as session:
        for load in full:
            mine = Job.technician_id == load.user_id
            assert load.open_jobs == session.scalar(select(func.count()).where(
                mine, Job.status.in_(dispatch_service.OPEN_JOB_STATUSES)))
            assert load.today_jobs == session.scalar(select(func.count()).where(
                mine, Job.dispatched_at >= start))
    assert sum(load.today_jobs for load in full) >= 4
    for load in full:  # each voucher as its own read shows it (call, customer, technician)
        assert list(load.jobs) == [dispatch_service.get_job_row(supervisor, j.job_id)
                                   for j in load.jobs]
    # asked for one technician's vouchers: the same counts, that one's list, the others unread
    busy = next(load for load in full if load.jobs)
    some = dispatch_service.board(supervisor, jobs_of=[busy.user_id]).technicians
    assert [(t.user_id, t.open_jobs, t.today_jobs) for t in some] == [
        (t.user_id, t.open_jobs, t.today_jobs) for t in full]
    assert [(t.jobs, t.jobs_read) for t in some if t.user_id == busy.user_id] == [
        (busy.jobs, True)]
    assert all(not t.jobs_read and not t.jobs for t in some if t.user_id != busy.user_id)
    assert dispatch_service.technician_jobs(supervisor, busy.user_id) == list(busy.jobs)


def test_the_board_read_a_page_at_a_time_is_the_whole_board(board_db: Database):
    """The first page, then the rest read by id, give the whole lists in their order; the
    counts are those of every waiting call."""
    supervisor = acting_as(board_db, Role.SUPERVISOR)
    whole = dispatch_service.board(supervisor)
    paged = dispatch_service.board(supervisor, page=1)
    assert len(whole.queue) > 1 and paged.queue == whole.queue[:1]
    assert list(paged.queue_ids) == [row.call_id for row in whole.queue]
    assert dispatch_service.queue_rows(supervisor, paged.queue_ids[1:]) == whole.queue[1:]
    assert paged.waiting == len(whole.queue)
    assert paged.overdue == sum(row.state == "overdue" for row in whole.queue)
    assert sum(len(tech.jobs) > 1 for tech in whole.technicians) >= 2
    for mine, all_of in zip(paged.technicians, whole.technicians, strict=True):
        assert mine.job_ids == tuple(job.job_id for job in all_of.jobs)
        assert mine.jobs == all_of.jobs[:1]
        assert dispatch_service.job_rows(supervisor, mine.job_ids[1:]) == list(all_of.jobs[1:])
        page = dispatch_service.technician_jobs_page(supervisor, mine.user_id, page=1)
        assert (page.ids, page.rows) == (mine.job_ids, mine.jobs)
