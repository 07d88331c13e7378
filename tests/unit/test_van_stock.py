"""Stock places (issue 13): the store's shelf and each technician's van. Transfers keep the
part's total; a visit takes from the technician's van (or the store when chosen), never
below zero without the supervisor's override; every book agrees after a mixed day."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.errors import PermissionDenied, ValidationError
from app.models.jobs import VisitOutcome
from app.models.parts import StockMovement
from app.services import billing_service as billing
from app.services import monthly_report_service as monthly
from app.services import parts_service
from app.services.parts_service import PartQty
from app.services.visit_service import MoneyTaken, VisitInput, record_visit
from tests.helpers.carry_in import stocked_part, user_id
from tests.helpers.on_site import on_site_job


def _visit(tech, job, *uses: PartQty, override: bool = False, reason: str = ""):
    return record_visit(tech, job.job_id, VisitInput(
        arrived_at=job.dispatched_at, completed_at=tech.now(), labour_minutes=60,
        outcome=VisitOutcome.COMPLETED, work_done="更换排水泵", customer_signed=True,
        part_uses=uses, stock_override=override, override_reason=reason,
        taken=MoneyTaken(Decimal("1"), "cash")), expected_version=job.version)


def _places(ctx, part_id: int) -> tuple[int, int, int]:
    """(total, store, all vans) of one part."""
    part = parts_service.get_part(ctx, part_id)
    return part.stock_on_hand, part.store, part.in_vans


def _van(ctx, tech_id: int) -> dict[str, int]:
    return {line.number: line.quantity for line in parts_service.van_stock(ctx, tech_id)}


def test_a_transfer_moves_stock_between_store_and_van_and_keeps_the_total(login) -> None:
    sup = login("super")
    li = user_id(sup, "tech")
    part = stocked_part(sup, stock=5)
    moved = parts_service.transfer(sup, part.id, 3, technician_id=li, to_van=True,
                                   note="领料上车")
    assert (moved.stock_on_hand, moved.store, moved.in_vans) == (5, 2, 3)
    parts_service.transfer(sup, part.id, 1, technician_id=li, to_van=False, note="退库")
    assert _places(sup, part.id) == (5, 3, 2)
    assert _van(sup, li) == {part.number: 2}
    ledger = parts_service.movements(sup, part.id)
    assert [(m.kind, m.quantity, m.van_id) for m in ledger[:2]] == [
        ("transfer", 1, None), ("transfer", -1, li)]
    assert sum(m.quantity for m in ledger) == 5
    assert parts_service.verify_stock(sup) == []
    with pytest.raises(ValidationError):  # the van holds 2: 3 cannot come back
        parts_service.transfer(sup, part.id, 3, technician_id=li, to_van=False)
    with pytest.raises(ValidationError):  # the store holds 3: 4 cannot go out
        parts_service.transfer(sup, part.id, 4, technician_id=li, to_van=True)
    with pytest.raises(ValidationError):  # only a technician has a van
        parts_service.transfer(sup, part.id, 1, technician_id=user_id(sup, "clerk"),
                               to_van=True)
    with pytest.raises(PermissionDenied):
        parts_service.transfer(login("tech"), part.id, 1, technician_id=li, to_van=True)
    assert _places(sup, part.id) == (5, 3, 2)


def test_a_visit_takes_from_the_van_by_default_or_from_the_store(db, clerk, login) -> None:
    tech, sup = login("tech"), login("super")
    li = user_id(sup, "tech")
    part = stocked_part(sup, stock=5)
    parts_service.transfer(sup, part.id, 2, technician_id=li, to_van=True)
    _call, job = on_site_job(clerk, sup)
    visit = _visit(tech, job, PartQty(part.id, 1), PartQty(part.id, 1, from_store=True))
    assert visit.parts_cents == 2 * 3550
    assert _places(sup, part.id) == (3, 2, 1)
    assert _van(tech, li) == {part.number: 1}  # the technician sees their own van


def test_the_van_cannot_go_below_zero_without_the_supervisors_override(db, clerk, login):
    tech, sup = login("tech"), login("super")
    li = user_id(sup, "tech")
    part = stocked_part(sup, stock=5)
    parts_service.transfer(sup, part.id, 1, technician_id=li, to_van=True)
    _call, job = on_site_job(clerk, sup)
    with pytest.raises(ValidationError) as refused:
        _visit(tech, job, PartQty(part.id, 2))  # the store has 4, but the van only 1
    assert refused.value.field == "quantity"
    assert _places(sup, part.id) == (5, 4, 1)  # nothing half-saved
    with pytest.raises(PermissionDenied):
        _visit(tech, job, PartQty(part.id, 2), override=True, reason="车上不够")
    _visit(sup, job, PartQty(part.id, 2), override=True, reason="先用后补")
    assert _places(sup, part.id) == (3, 4, -1)
    assert _van(sup, li) == {part.number: -1}
    assert parts_service.verify_stock(sup) == []


def test_the_books_agree_after_a_mixed_day(db, clerk, login) -> None:
    tech, sup, acct = login("tech"), login("super"), login("acct")
    li, zhao = user_id(sup, "tech"), user_id(sup, "tech2")
    pump = stocked_part(sup, stock=10, number="P-PUMP")
    belt = stocked_part(sup, stock=6, number="P-BELT", price_cents=1200)
    for part, tech_id, n in ((pump, li, 3), (pump, zhao, 2), (belt, li, 2)):
        parts_service.transfer(sup, part.id, n, technician_id=tech_id, to_van=True)
    parts_service.transfer(sup, pump.id, 1, technician_id=zhao, to_van=False)
    parts_service.count_stock(sup, belt.id, 1, reason="车上盘点少一个", van_id=li)
    call, job = on_site_job(clerk, sup)
    _visit(tech, job, PartQty(pump.id, 2), PartQty(belt.id, 1, from_store=True))
    assert _places(sup, pump.id) == (8, 6, 2)  # Li's van 3 - 2 used, Zhao's 2 - 1 back
    assert _places(sup, belt.id) == (4, 3, 1)
    assert parts_service.verify_stock(sup) == []
    with sup.read() as session:  # the ledger sums to each total; transfers sum to nothing
        ledger = dict(session.execute(select(StockMovement.part_id,
                                             func.sum(StockMovement.quantity))
                                      .group_by(StockMovement.part_id)).all())
        moved = session.scalar(select(func.sum(StockMovement.quantity))
                               .where(StockMovement.kind == "transfer"))
    assert ledger == {pump.id: 8, belt.id: 4} and moved == 0
    vans = parts_service.van_stock(sup)
    for part in (pump, belt):
        total, store, _ = _places(sup, part.id)
        assert total == store + sum(v.quantity for v in vans if v.part_id == part.id)
    # a transfer is not a use: the bill and the month's materials hold the visit's parts only
    bill = billing.get_bill(clerk, call.id)
    assert bill is not None
    assert sum(ln.amount_cents for ln in bill.lines if ln.kind == "parts") == 2 * 3550 + 1200
    figures = {f.key: f.value for f in monthly.monthly_report(acct, tech.today()).figures}
    assert figures["materials_cost"] == 2 * 3550 + 1200
