"""Shared given for the monthly report tests (service layer and workbook)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.services import billing_service as billing
from app.services import payments_service as payments
from app.services import repair_service
from tests.helpers.carry_in import stocked_part, walk_in
from tests.helpers.on_site import on_site_job, visit


@pytest.fixture
def month_of_work(clerk, login) -> date:
    """This month: two on-site jobs (one paid, cash still held), one walk-in with a part."""
    supervisor, tech = login("super"), login("tech")
    call, job = on_site_job(clerk, supervisor)
    visit(tech, job, minutes=90)
    bill = billing.make_bill(clerk, call.id)
    payments.collect(tech, bill.id, amount=Decimal("110"), method="cash", place="on_site")
    _free, free_job = on_site_job(clerk, supervisor, item="in")
    visit(tech, free_job, minutes=30)
    part = stocked_part(supervisor, price_cents=3550)
    carry = walk_in(clerk)
    repair_service.add_work(tech, carry.card_id, repair_service.WorkInput(
        minutes=45, parts=(repair_service.PartQty(part.id, 2),)),
        expected_version=carry.card_version)
    return clerk.today().replace(day=1)
