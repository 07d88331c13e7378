"""A call taken in on site (dispatch issue) is taken in at the store against its voucher."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select

from app.models.calls import Call
from app.models.jobs import Job
from app.services import carry_in_service, repair_service
from app.services.carry_in_service import TakeInInput
from app.services.context import ServiceContext
from app.services.repair_service import WorkInput
from tests.helpers.carry_in import back, taken_in_on_site, user_id

Login = Callable[[str], ServiceContext]


def test_take_in_links_the_voucher_and_return_files_it(login: Login) -> None:
    call_id, number = taken_in_on_site(login)
    clerk = login("clerk")
    assert [n for n, _ in carry_in_service.calls_waiting(clerk)] == [number]
    job = carry_in_service.take_in(clerk, TakeInInput(
        technician_id=user_id(clerk, "tech"), promised_date=clerk.today() + timedelta(days=3),
        call_id=call_id))
    assert job.voucher_number.startswith("V") and job.fault == "洗衣机漏电"
    assert carry_in_service.calls_waiting(clerk) == []
    tech, boss = login("tech"), login("super")
    job = repair_service.add_work(tech, job.card_id, WorkInput(minutes=60),
                                  expected_version=job.card_version)
    job = repair_service.inspect(boss, job.card_id, passed=True,
                                 expected_version=job.card_version)
    carry_in_service.return_item(clerk, job.receipt_id, back("张伟", True),
                                 expected_version=job.receipt_version)
    with clerk.read() as session:
        call = session.get(Call, call_id)
        voucher = session.scalar(select(Job).where(Job.call_id == call_id))
        assert call is not None and call.status == "closed" and call.closed_at is not None
        assert voucher is not None and voucher.status == "filed"
