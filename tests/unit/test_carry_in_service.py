"""Carry-in: take-in with receipt and register line, repair work, inspection, return."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.errors import NotFound, PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.models.calls import Call
from app.models.carry_in import ItemReceipt, RegisterEntry, RepairCard
from app.models.parts import StockMovement
from app.printouts import trail
from app.services import (
    carry_in_service,
    parts_service,
    register_service,
    repair_service,
)
from app.services.carry_in_service import IdentityCheck, TakeInInput
from app.services.context import ServiceContext
from app.services.repair_service import PartQty, WorkInput
from tests.helpers.carry_in import back, stocked_part, user_id, walk_in

Login = Callable[[str], ServiceContext]


def _repaired_and_passed(login: Login, clerk: ServiceContext) -> int:
    job = walk_in(clerk)
    tech, boss = login("tech"), login("super")
    job = repair_service.add_work(tech, job.card_id, WorkInput(minutes=45, note="换排水泵"),
                                  expected_version=job.card_version)
    job = repair_service.inspect(boss, job.card_id, passed=True,
                                 expected_version=job.card_version)
    return job.receipt_id


def test_walk_in_take_in_writes_call_receipt_card_and_register(clerk: ServiceContext) -> None:
    # given a walk-in customer at the counter / when the clerk takes the item in
    job = walk_in(clerk)
    # then one transaction made the call, the receipt, the card and the register line
    assert job.receipt_number.startswith("R") and job.card_number.startswith("J")
    assert job.customer_name == "刘洋" and job.serial == "XTE-9001"
    assert job.accessories == ("电源线", "说明书") and job.technician_name == "李师傅"
    assert job.receipt_status == "held" and job.card_status == "in_repair"
    with clerk.read() as session:
        call = session.get(Call, job.call_id)
        assert call is not None and call.channel == "walk_in" and call.status == "taken_in"
        entry = session.scalar(select(RegisterEntry))
        assert entry is not None and entry.receipt_number == job.receipt_number
        assert entry.accessories_text == "电源线、说明书、进水管一根" and entry.date_out is None
    assert [r.receipt_number for r in register_service.in_store_now(clerk)] == [
        job.receipt_number]


def test_take_in_from_taken_in_call_of_existing_customer(clerk: ServiceContext) -> None:
    job = walk_in(clerk, new_customer=False)
    assert job.customer_name == "张伟" and job.fault == "漏水"


def test_take_in_refuses_bad_input_and_saves_nothing(clerk: ServiceContext) -> None:
    with pytest.raises(ValidationError) as err:
        walk_in(clerk, days=-1)
    assert err.value.field == "promised_date"
    with pytest.raises(ValidationError) as err2:
        carry_in_service.take_in(clerk, TakeInInput(
            technician_id=user_id(clerk, "tech"), promised_date=clerk.today(), call_id=None))
    assert err2.value.field == "call"
    with clerk.read() as session:
        assert session.scalar(select(func.count()).select_from(ItemReceipt)) == 0
        assert session.scalar(select(func.count()).select_from(Call)) == 0


def test_work_with_parts_takes_stock_and_totals_the_card(login: Login,
                                                          clerk: ServiceContext) -> None:
    boss = login("super")
    part = stocked_part(boss, stock=5)
    job = walk_in(clerk)
    job = repair_service.add_work(login("tech"), job.card_id, WorkInput(
        minutes=30, parts=(PartQty(part.id, 2),)), expected_version=job.card_version)
    job = repair_service.add_work(login("tech"), job.card_id, WorkInput(
        started_at=clerk.now() - timedelta(minutes=50), stopped_at=clerk.now() - timedelta(
            minutes=5)), expected_version=job.card_version)
    assert job.total_minutes == 75 and job.parts_cents == 2 * 3550
    assert [(p.part_number, p.quantity) for p in job.parts] == [("P-DRAIN-01", 2)]
    assert parts_service.get_part(boss, part.id).stock_on_hand == 3
    assert parts_service.verify_stock(boss) == []


def test_more_parts_than_in_stock_is_refused_and_changes_nothing(login: Login,
                                                                  clerk: ServiceContext) -> None:
    boss, tech = login("super"), login("tech")
    part = stocked_part(boss, stock=1)
    job = walk_in(clerk)
    with pytest.raises(ValidationError) as err:
        repair_service.add_work(tech, job.card_id, WorkInput(
            minutes=30, parts=(PartQty(part.id, 3),)), expected_version=job.card_version)
    assert err.value.field == "quantity" and "1" in str(err.value)
    with pytest.raises(PermissionDenied):
        repair_service.add_work(tech, job.card_id, WorkInput(
            minutes=30, parts=(PartQty(part.id, 3),), stock_override=True,
            override_reason="急修"), expected_version=job.card_version)
    after = carry_in_service.get_carry_in(clerk, job.receipt_id)
    assert after.total_minutes == 0 and after.work == ()
    assert parts_service.get_part(boss, part.id).stock_on_hand == 1


def test_supervisor_override_takes_stock_below_zero_with_reason(login: Login,
                                                                clerk: ServiceContext) -> None:
    boss = login("super")
    part = stocked_part(boss, stock=1)
    job = walk_in(clerk)
    repair_service.add_work(boss, job.card_id, WorkInput(
        minutes=10, parts=(PartQty(part.id, 3),), stock_override=True,
        override_reason="到货未入账"), expected_version=job.card_version)
    assert parts_service.get_part(boss, part.id).stock_on_hand == -2
    with boss.read() as session:
        move = session.scalar(select(StockMovement).where(StockMovement.kind == "used"))
        assert move is not None and move.overridden and move.reason == "到货未入账"


def test_failed_inspection_blocks_return_then_pass_allows_it(login: Login,
                                                             clerk: ServiceContext) -> None:
    tech, boss = login("tech"), login("super")
    job = walk_in(clerk)
    with pytest.raises(ValidationError):  # nothing to inspect yet
        repair_service.inspect(boss, job.card_id, passed=True,
                               expected_version=job.card_version)
    job = repair_service.add_work(tech, job.card_id, WorkInput(minutes=20),
                                  expected_version=job.card_version)
    with pytest.raises(ValidationError) as no_note:
        repair_service.inspect(boss, job.card_id, passed=False,
                               expected_version=job.card_version)
    assert no_note.value.field == "note"
    job = repair_service.inspect(boss, job.card_id, passed=False, note="仍有异响",
                                 expected_version=job.card_version)
    assert job.card_status == "failed"
    with pytest.raises(ValidationError) as err:
        carry_in_service.return_item(clerk, job.receipt_id, back("刘洋", True),
                                     expected_version=job.receipt_version)
    assert "inspection" in err.value.message
    job = repair_service.add_work(tech, job.card_id, WorkInput(minutes=15),
                                  expected_version=job.card_version)
    job = repair_service.inspect(boss, job.card_id, passed=True,
                                 expected_version=job.card_version)
    assert [i.passed for i in job.inspections] == [False, True]
    assert job.card_status == "passed"


def test_return_voids_receipt_completes_register_and_closes_call(
        login: Login, clerk: ServiceContext) -> None:
    receipt_id = _repaired_and_passed(login, clerk)
    job = carry_in_service.get_carry_in(clerk, receipt_id)
    found = carry_in_service.find_by_number(clerk, f"  {job.receipt_number.lower()} ")
    assert found.receipt_id == receipt_id
    done = carry_in_service.return_item(clerk, receipt_id, back("刘洋", True),
                                        expected_version=found.receipt_version)
    assert done.receipt_status == "taken_back" and done.card_status == "returned"
    assert done.returned is not None and done.returned.collected_by == "刘洋"
    with clerk.read() as session:
        entry = session.scalar(select(RegisterEntry))
        assert entry is not None and entry.date_out is not None
        assert entry.returned_to == "刘洋" and entry.returned_by == "王小丽"
        receipt = session.get(ItemReceipt, receipt_id)
        assert receipt is not None and receipt.voided_at is not None
        call = session.get(Call, job.call_id)
        assert call is not None and call.status == "closed"
    assert register_service.in_store_now(clerk) == []
    # returning twice is refused
    with pytest.raises(ValidationError) as twice:
        carry_in_service.return_item(clerk, receipt_id, back("刘洋", True),
                                     expected_version=done.receipt_version)
    assert "already been returned" in twice.value.message


def test_return_needs_signature_and_unknown_number_is_not_found(
        login: Login, clerk: ServiceContext) -> None:
    receipt_id = _repaired_and_passed(login, clerk)
    job = carry_in_service.get_carry_in(clerk, receipt_id)
    with pytest.raises(ValidationError) as err:
        carry_in_service.return_item(clerk, receipt_id, back("刘洋", False),
                                     expected_version=job.receipt_version)
    assert err.value.field == "customer_signed"
    with pytest.raises(NotFound) as missing:
        carry_in_service.find_by_number(clerk, "R9912-9999")
    assert missing.value.params["number"] == "R9912-9999"
    assert carry_in_service.get_carry_in(clerk, receipt_id).receipt_status == "held"


def test_lost_receipt_return_records_identity_check(login: Login,
                                                    clerk: ServiceContext) -> None:
    receipt_id = _repaired_and_passed(login, clerk)
    job = carry_in_service.get_carry_in(clerk, receipt_id)
    wrong = back("刘洋", True, identity=IdentityCheck("身份证", "1234", "13900002222"))
    with pytest.raises(ValidationError) as err:
        carry_in_service.return_item(clerk, receipt_id, wrong,
                                     expected_version=job.receipt_version)
    assert err.value.field == "phone"
    right = back("刘洋", True, identity=IdentityCheck("身份证", "123x", "139 0000 1111"))
    done = carry_in_service.return_item(clerk, receipt_id, right,
                                        expected_version=job.receipt_version)
    assert done.receipt_status == "lost" and done.returned is not None
    assert done.returned.receipt_lost and done.returned.id_last_digits == "123X"
    with clerk.read() as session:
        reasons = set(session.scalars(select(AuditEntry.reason).where(
            AuditEntry.action == "return_lost")))
        assert reasons == {"receipt lost"}


def test_register_correction_needs_permission_and_reason(login: Login,
                                                         clerk: ServiceContext) -> None:
    walk_in(clerk)
    row = register_service.list_register(clerk, register_service.RegisterFilter()).rows[0]
    fix = register_service.RegisterCorrection("刘阳", row.item_label, row.accessories_text,
                                              "", "姓名写错")
    with pytest.raises(PermissionDenied):
        register_service.correct_entry(clerk, row.id, fix, reason="笔误",
                                       expected_version=row.version)
    boss = login("super")
    with pytest.raises(ValidationError):
        register_service.correct_entry(boss, row.id, fix, reason=" ",
                                       expected_version=row.version)
    fixed = register_service.correct_entry(boss, row.id, fix, reason="笔误",
                                           expected_version=row.version)
    assert fixed.customer_name == "刘阳"
    with boss.read() as session:
        audit = session.scalar(select(AuditEntry).where(AuditEntry.action == "correct",
                                                        AuditEntry.field == "customer_name"))
        assert audit is not None and audit.reason == "笔误" and audit.old_value == "刘洋"


def test_register_filters_and_late_repairs(login: Login, clerk: ServiceContext) -> None:
    job = walk_in(clerk)
    with clerk.write() as session:  # the promise was made long ago
        receipt = session.get(ItemReceipt, job.receipt_id)
        entry = session.scalar(select(RegisterEntry))
        assert receipt is not None and entry is not None
        receipt.promised_date = entry.promised_date = clerk.today() - timedelta(days=3)
    flt = register_service.RegisterFilter
    assert register_service.count_register(clerk, flt(state="overdue")) == 1
    assert register_service.count_register(clerk, flt(state="out")) == 0
    assert register_service.count_register(clerk, flt(month=clerk.today())) == 1
    late = repair_service.late_repairs(login("super"))
    assert [(r.receipt_number, r.days_late, r.technician_name) for r in late] == [
        (job.receipt_number, 3, "李师傅")]
    with clerk.read() as session:
        card = session.scalar(select(RepairCard))
        assert card is not None and card.technician_id == user_id(clerk, "tech")


def test_rendering_counts_nothing_and_each_copy_that_leaves_is_counted(
        clerk: ServiceContext) -> None:
    job = walk_in(clerk)
    # given the receipt rendered twice (two previews): still the first copy, nothing counted
    first = carry_in_service.print_pack(clerk, job.receipt_id, document="item-receipt")
    again = carry_in_service.print_pack(clerk, job.receipt_id, document="item-receipt")
    assert (first.copy, again.copy) == (1, 1) and not again.reprint
    assert first.store.name and first.tag_size_mm == (100.0, 70.0)
    assert carry_in_service.get_carry_in(clerk, job.receipt_id).print_count == 0
    # when two copies leave the app (printed, then saved as PDF)
    trail.record_print(clerk, "item-receipt", job.receipt_number, reprint=False)
    trail.record_print(clerk, "item-receipt", job.receipt_number, reprint=True,
                       action="save_pdf", detail="/tmp/r.pdf")
    # then the receipt counts both, the print trail says which copy (once: not again on
    # the receipt's own trail), and the next is a reprint
    after = carry_in_service.get_carry_in(clerk, job.receipt_id)
    assert (after.print_count, after.card_print_count) == (2, 0)
    pack = carry_in_service.print_pack(clerk, job.receipt_id, document="item-receipt")
    assert pack.copy == 3 and pack.reprint
    assert [e.action for e in trail.print_history(clerk, "item-receipt",
                                                  job.receipt_number)] == ["print", "save_pdf"]
    with clerk.read() as session:
        actions = list(session.scalars(select(AuditEntry.action).where(
            AuditEntry.table_name == "item_receipts", AuditEntry.field == "")
            .order_by(AuditEntry.id)))
        assert actions == []


def test_items_in_store_page_by_promise(clerk: ServiceContext) -> None:
    jobs = [walk_in(clerk, days=d, name=f"客户{d}", phone=f"1390000000{d}") for d in (9, 3, 6)]
    first = repair_service.open_cards(clerk, limit=2)
    rest = repair_service.open_cards(
        clerk, after=(first[-1].promised_date, first[-1].receipt_id), limit=2)
    order = [r.receipt_number for r in first + rest]
    assert order == [jobs[1].receipt_number, jobs[2].receipt_number, jobs[0].receipt_number]


def test_an_item_already_in_the_store_cannot_be_taken_in_again(clerk: ServiceContext) -> None:
    first = walk_in(clerk, new_customer=False)
    with pytest.raises(ValidationError) as err:
        walk_in(clerk, new_customer=False)
    assert err.value.field == "item" and err.value.params["number"] == first.receipt_number
