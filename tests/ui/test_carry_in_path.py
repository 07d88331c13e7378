"""The carry-in path by keyboard: walk-in take-in with receipt, work with parts, failed and
passed inspection, return by scanning the receipt number; the lost-receipt path; bad input."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models.carry_in import ItemReceipt, RegisterEntry
from app.services import carry_in_service, parts_service, repair_service
from app.services.repair_service import WorkInput
from app.ui.pages.carry_in_page import CarryInPage, handle_global_search
from app.ui.session import AppSession
from tests.helpers.carry_in import stocked_part, taken_in_on_site, walk_in
from tests.helpers.pdf import text as pdf_text
from tests.helpers.ui import type_text
from tests.helpers.ui_carry_in import (
    activate,
    capture_prints,
    drive,
    enter,
    inspect_dialog,
    key,
    return_dialog,
    walk_in_dialog,
    work_dialog,
)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def page(qtbot, db, login):
    session = AppSession(db, login("clerk"))
    widget = CarryInPage(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _register_row(db) -> SimpleNamespace:
    with db.read() as s:
        return SimpleNamespace(**s.execute(select(RegisterEntry.__table__)).mappings().one())


def test_whole_carry_in_path_by_keyboard(qtbot, page, db, login, tmp_path):
    boss, tech, clerk = login("super"), login("tech"), page.session.ctx
    part = stocked_part(boss, stock=5)
    # given a walk-in customer: one screen registers the call and takes the item in
    drive(page, qtbot, walk_in_dialog(qtbot))
    activate(qtbot, page.buttons["walk_in"])
    job = page.job
    assert job is not None and job.receipt_number.startswith("R")
    assert job.accessories == ("电源线", "说明书") and job.condition == "外壳左侧划痕"
    assert page.model.rowCount() == 1 and job.receipt_number in page.detail.toPlainText()
    # and the receipt and the tag print
    printed = capture_prints(page)
    activate(qtbot, page.buttons["print_receipt"])
    activate(qtbot, page.buttons["print_tag"])
    assert [k for k, _ in printed] == ["item-receipt", "repair-tag"]
    text = pdf_text(printed[0][1])
    assert job.receipt_number in text and "客户商品领取收据" in text
    # when the technician records 45 minutes and two pumps: stock drops by two
    page.session.set_context(tech)
    drive(page, qtbot, work_dialog(qtbot, "45", "2"))
    activate(qtbot, page.buttons["add_work"])
    assert page.job.total_minutes == 45 and page.job.parts_cents == 7100
    assert parts_service.get_part(boss, part.id).stock_on_hand == 3
    # and the supervisor fails the inspection, the clerk cannot return it
    page.session.set_context(boss)
    drive(page, qtbot, inspect_dialog(qtbot, passed=False, note="仍有异响"))
    activate(qtbot, page.buttons["inspect"])
    assert page.job.card_status == "failed"
    page.session.set_context(clerk)
    dialogs = drive(page, qtbot, return_dialog(qtbot))
    activate(qtbot, page.buttons["return"])
    assert "inspection" in dialogs[0].message.text() or "验" in dialogs[0].message.text()
    assert page.job.receipt_status == "held"
    # then more work, a passed inspection
    page.session.set_context(tech)
    drive(page, qtbot, work_dialog(qtbot, "20", None))
    activate(qtbot, page.buttons["add_work"])
    page.session.set_context(boss)
    drive(page, qtbot, inspect_dialog(qtbot, passed=True))
    activate(qtbot, page.buttons["inspect"])
    assert page.job.card_status == "passed"
    # and the customer comes back: the clerk scans the receipt (number + Enter)
    page.session.set_context(clerk)
    page.show_job(None)
    qtbot.keyClicks(page.number_edit, job.receipt_number)
    enter(qtbot, page.number_edit)
    assert page.job is not None and page.job.receipt_id == job.receipt_id
    drive(page, qtbot, return_dialog(qtbot))
    activate(qtbot, page.buttons["return"])
    # then the receipt is voided, the register line complete, the item gone from the list
    assert page.job.receipt_status == "taken_back" and page.model.rowCount() == 0
    entry = _register_row(db)
    assert entry.date_out is not None and entry.returned_to == "刘洋"
    assert entry.returned_by == "王小丽" and entry.taken_in_by == "李师傅"
    with db.read() as s:
        assert s.get(ItemReceipt, job.receipt_id).voided_at is not None
    assert not page.buttons["return"].isEnabled()
    # and the paid repair went home paid: the return dialog took what the bill said
    from app.services import billing_service
    bill = billing_service.get_bill(clerk, job.call_id)
    assert bill is not None and bill.total_cents > 0 and bill.outstanding_cents == 0


def _ready_for_return(login) -> int:
    clerk, tech, boss = login("clerk"), login("tech"), login("super")
    job = walk_in(clerk)
    job = repair_service.add_work(tech, job.card_id, WorkInput(minutes=30),
                                  expected_version=job.card_version)
    job = repair_service.inspect(boss, job.card_id, passed=True,
                                 expected_version=job.card_version)
    return job.receipt_id


def test_a_receipt_preview_closed_counts_nothing_and_a_saved_copy_counts_once(
        qtbot, page, tmp_path):
    from app.printouts import trail
    from app.ui.dialogs.print_preview_dialog import PrintPreviewDialog

    job = walk_in(page.session.ctx)
    assert page.open_number(job.receipt_number)
    saves: list[str] = []  # the next previews: saved there as PDF, or (empty) just closed
    shown: list[bool] = []

    def preview(_kind, print_job) -> None:  # the real dialog, the user's choice
        dialog = PrintPreviewDialog(print_job, page)
        qtbot.addWidget(dialog)
        shown.append(dialog.reprint)
        if saves:
            assert dialog.save_to(saves.pop())
        dialog.reject()

    page.open_preview = preview
    # when the clerk opens the receipt's preview and closes it
    activate(qtbot, page.buttons["print_receipt"])
    assert page.job.print_count == 0 and shown == [False]
    assert trail.print_history(page.session.ctx, "item-receipt",
                                           job.receipt_number) == []
    # when the clerk saves it: one copy, the original; the next preview is a reprint
    saves.append(str(tmp_path / "receipt.pdf"))
    activate(qtbot, page.buttons["print_receipt"])
    assert page.job.print_count == 1 and page.job.receipt_version > job.receipt_version
    text = pdf_text(tmp_path / "receipt.pdf")
    assert job.receipt_number in text and "补打" not in text
    activate(qtbot, page.buttons["print_receipt"])
    assert shown == [False, False, True] and page.job.print_count == 1


def test_lost_receipt_path_records_identity_check(qtbot, page, db, login):
    receipt_id = _ready_for_return(login)
    number = carry_in_service.get_carry_in(page.session.ctx, receipt_id).receipt_number
    qtbot.keyClicks(page.number_edit, number)
    enter(qtbot, page.number_edit)
    # a wrong phone is refused at the phone field
    dialogs = drive(page, qtbot, return_dialog(qtbot, identity=("1234", "13900009999")))
    activate(qtbot, page.buttons["return_lost"])
    assert dialogs[0].message.isVisible() and page.job.receipt_status == "held"
    drive(page, qtbot, return_dialog(qtbot, identity=("1234", "13900001111")))
    activate(qtbot, page.buttons["return_lost"])
    assert page.job.receipt_status == "lost"
    assert page.job.returned is not None and page.job.returned.id_last_digits == "1234"
    assert _register_row(db).date_out is not None


def test_unknown_number_and_unsigned_return_change_nothing(qtbot, page, db, login):
    receipt_id = _ready_for_return(login)
    qtbot.keyClicks(page.number_edit, "R9912-9999")
    enter(qtbot, page.number_edit)
    assert page.job is None and "R9912-9999" in page.message.text()
    number = carry_in_service.get_carry_in(page.session.ctx, receipt_id).receipt_number
    page.number_edit.clear()
    qtbot.keyClicks(page.number_edit, number.lower())
    enter(qtbot, page.number_edit)
    dialogs = drive(page, qtbot, return_dialog(qtbot, signed=False))
    activate(qtbot, page.buttons["return"])
    assert dialogs[0].message.isVisible() and dialogs[0].signed_check.styleSheet()
    assert _register_row(db).date_out is None


def test_more_parts_than_stock_shows_message_and_keeps_stock(qtbot, page, db, login):
    boss = login("super")
    part = stocked_part(boss, stock=1)
    job = walk_in(page.session.ctx)
    page.session.set_context(login("tech"))
    page.open_number(job.receipt_number)
    dialogs = drive(page, qtbot, work_dialog(qtbot, "30", "3"))
    activate(qtbot, page.buttons["add_work"])
    assert dialogs[0].isVisible() and "1" in dialogs[0].message.text()
    dialogs[0].discard()  # Cancel, and "discard" to the question
    assert parts_service.get_part(boss, part.id).stock_on_hand == 1
    assert page.job.total_minutes == 0


def test_global_search_opens_the_item_from_a_scan(qtbot, page, login):
    job = walk_in(page.session.ctx)
    window = SimpleNamespace(open_page=lambda key: page)
    assert handle_global_search(window, f"{job.card_number}")
    assert page.job is not None and page.job.receipt_id == job.receipt_id
    assert not handle_global_search(window, "张伟")


def test_take_in_a_call_taken_in_on_site(qtbot, page, login):
    # given 李师傅 took the item away from the customer's home
    _, number = taken_in_on_site(login)
    page.ask_call_number = lambda: number

    def fill(dialog) -> None:
        assert dialog.fault_edit.text() == "洗衣机漏电"
        key(qtbot, dialog.take_in_fields.checks["remote"], Qt.Key.Key_Space)
        type_text(dialog.take_in_fields.condition_edit, "外观完好")
        enter(qtbot, dialog.take_in_fields.condition_edit)

    # when the clerk takes it in against the call
    drive(page, qtbot, fill)
    activate(qtbot, page.buttons["take_in_call"])
    # then the receipt links the call and its voucher
    assert page.job is not None and page.job.call_number == number
    assert page.job.voucher_number.startswith("V") and page.job.accessories == ("遥控器",)


def test_work_entry_by_start_and_stop_times(qtbot, page, login):
    job = walk_in(page.session.ctx)
    page.session.set_context(login("tech"))
    page.open_number(job.receipt_number)

    def fill(dialog) -> None:
        key(qtbot, dialog.times_check, Qt.Key.Key_Space)  # default: the last hour
        assert not dialog.minutes_spin.isEnabled()
        enter(qtbot, dialog.note_edit)

    drive(page, qtbot, fill)
    activate(qtbot, page.buttons["add_work"])
    [work] = page.job.work
    assert work.minutes == 60 and work.started_at is not None and work.stopped_at is not None
