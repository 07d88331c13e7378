"""The Settings page driven by keyboard: profile, hours, catalogue, staff and Excel import."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import time
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTimeEdit
from sqlalchemy import func, select

from app.models.customers import Customer
from app.models.enums import Role
from app.models.store import ProductModel
from app.services import auth_service
from app.services import import_service as imp
from app.services import reference_service as ref
from app.services.import_service import ImportKind
from app.ui.dialogs.import_dialog import ImportDialog
from app.ui.pages.settings_page import SettingsPage
from app.ui.session import AppSession
from app.ui.tasks import Task, TaskControl
from tests.helpers.ui import type_text

# The offscreen platform warns whenever a shown window's size constraints change.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def page(qtbot, db, login):
    widget = SettingsPage(AppSession(db, login("admin")))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def retype(qtbot, edit, text: str) -> None:
    """Replace the text of a field as a user would: Tab into it (a time edit then selects
    its first section and takes the digits), or select all and type over it."""
    if isinstance(edit, QTimeEdit):
        edit.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClicks(edit, text)
        return
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        type_text(edit, text)


def test_store_profile_is_edited_by_keyboard_and_saved(qtbot, page, admin):
    tab = page.profile
    page.tabs.setCurrentWidget(tab)
    retype(qtbot, tab.name, "喆喆家电服务部")
    retype(qtbot, tab.phone, "0571 8888 6666")
    qtbot.keyClick(tab.phone, Qt.Key.Key_Return)
    saved = ref.get_store_profile(admin)
    assert (saved.name, saved.phone) == ("喆喆家电服务部", "0571-88886666")
    assert tab.phone.text() == "0571-88886666"
    retype(qtbot, tab.phone, "12ab")
    qtbot.keyClick(tab.phone, Qt.Key.Key_Return)
    assert tab.feedback.label.isVisible() and "12ab" in tab.feedback.label.text()
    assert tab.phone.hasFocus()
    assert ref.get_store_profile(admin).phone == "0571-88886666"


def test_profile_save_is_refused_when_someone_else_saved_first(qtbot, page, admin):
    tab = page.profile
    other = ref.get_store_profile(admin)
    ref.update_store_profile(admin, replace(other, address="别的柜台改的地址"),
                             expected_version=other.version)  # another counter saved first
    retype(qtbot, tab.name, "我的修改")
    qtbot.keyClick(tab.name, Qt.Key.Key_Return)
    assert "Someone else changed" in tab.feedback.label.text()
    assert ref.get_store_profile(admin).name == other.name


def test_business_hours_by_keyboard_refuse_closing_before_opening(qtbot, page, admin):
    tab = page.hours
    page.tabs.setCurrentWidget(tab)
    retype(qtbot, tab.opens[0], "08:30")
    retype(qtbot, tab.closes[0], "17:30")
    tab.open_boxes[5].setFocus()
    qtbot.keyClick(tab.open_boxes[5], Qt.Key.Key_Space)  # open on Saturday
    retype(qtbot, tab.closes[5], "12:00")
    tab.save_button.setFocus()
    qtbot.keyClick(tab.save_button, Qt.Key.Key_Space)
    days = ref.list_business_hours(admin)
    assert (days[0].opens_at, days[0].closes_at) == (time(8, 30), time(17, 30))
    assert days[5].is_open and days[5].closes_at == time(12, 0)
    retype(qtbot, tab.closes[1], "08:00")
    qtbot.keyClick(tab.save_button, Qt.Key.Key_Space)
    assert tab.closes[1].hasFocus() and tab.feedback.label.text()
    assert ref.list_business_hours(admin)[1].closes_at == time(18, 0)


def test_add_product_model_through_the_dialog(qtbot, page, db):
    tab = page.catalogue
    page.tabs.setCurrentWidget(tab)
    dialog = tab.make_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    retype(qtbot, dialog.code, "kfr-35gw")  # taken
    type_text(dialog.name, "美的柜机 2匹😀")
    retype(qtbot, dialog.price, "4999.50")
    qtbot.keyClick(dialog.price, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.focusWidget() is dialog.code
    assert "KFR-35GW" in dialog.feedback.label.text()
    retype(qtbot, dialog.code, "KFR-50LW")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    with db.read() as s:
        made = s.scalar(select(ProductModel).where(ProductModel.code == "KFR-50LW"))
        assert (made.name, made.price_cents) == ("美的柜机 2匹😀", 499950)
    tab.refresh()
    codes = [tab.model.model_at(r).code for r in range(tab.model.rowCount())]
    assert "KFR-50LW" in codes


def test_catalogue_table_model_is_lazy_and_sane(qtbot, page, qtmodeltester):
    qtmodeltester.check(page.catalogue.model)
    page.catalogue.search.setText("格力")
    assert page.catalogue.model.rowCount() == 1
    assert page.catalogue.model.data(page.catalogue.model.index(0, 5)) == "3,299.00"


def test_staff_account_is_created_and_reset_by_admin(qtbot, page, db, admin):
    tab = page.staff
    page.tabs.setCurrentWidget(tab)
    qtbot.keyClick(tab.new_button, Qt.Key.Key_Space)
    retype(qtbot, tab.username, "xiao.li")
    type_text(tab.display_name, "小李")
    tab.role.setCurrentIndex(tab.role.findData(Role.TECHNICIAN.value))
    retype(qtbot, tab.password, "abc")
    qtbot.keyClick(tab.save_button, Qt.Key.Key_Space)
    assert tab.password.hasFocus()  # too short
    retype(qtbot, tab.password, "longenough")
    qtbot.keyClick(tab.save_button, Qt.Key.Key_Space)
    made = [u for u in auth_service.list_users(admin) if u.username == "xiao.li"]
    assert made and made[0].role is Role.TECHNICIAN and made[0].display_name == "小李"
    assert auth_service.log_in(db, "xiao.li", "longenough").role is Role.TECHNICIAN


def test_manager_sees_no_staff_tab(qtbot, db, login):
    widget = SettingsPage(AppSession(db, login("boss")))
    qtbot.addWidget(widget)
    assert widget.staff is None and widget.importer is not None


def _workbook(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_import_through_the_dialog_skips_bad_rows_when_asked(qtbot, db, login, tmp_path):
    path = _workbook(tmp_path / "客户.xlsx", [
        ["姓名", "电话", "区域", "型号", "购买日期"],
        ["欧阳喆", "13911112222", "市区", "XQB80", "2024-01-02"],
        ["坏号码", "12", "", "", ""],
        ["胡歌😀", "13911113333", "郊区", "", ""],
    ])
    dialog = ImportDialog(AppSession(db, login("admin")))
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.panel
    panel.set_file(path, ImportKind.CUSTOMERS)
    qtbot.keyClick(panel.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.preview is not None and not panel.busy)
    assert panel.issues.rowCount() == 1 and panel.issues.item(0, 0).text() == "3"
    assert not panel.import_button.isEnabled()
    panel.skip_bad.setFocus()
    qtbot.keyClick(panel.skip_bad, Qt.Key.Key_Space)
    assert panel.import_button.isEnabled()
    qtbot.keyClick(panel.import_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.result is not None and not panel.busy)
    assert panel.result.imported == 2
    with db.read() as s:
        names = set(s.scalars(select(Customer.name)))
        assert {"欧阳喆", "胡歌😀"} <= names and "坏号码" not in names
        assert s.scalar(select(func.count(Customer.id))) == 4


def test_task_reports_progress_and_can_be_cancelled(qtbot):
    release = threading.Event()

    def work(control: TaskControl) -> int:
        control.report(1, 3, "one")
        release.wait(5)
        control.check()
        return 42

    task = Task(work)
    with qtbot.waitSignal(task.progress) as got:
        task.start()
    assert got.args == [1, 3, "one"]
    with qtbot.waitSignal(task.cancelled):
        task.cancel()
        release.set()
    assert not task.running
    done = Task(lambda control: Decimal("1.10"))
    with qtbot.waitSignal(done.finished) as result:
        done.start()
    assert result.args == [Decimal("1.10")]
    broken = Task(lambda control: ref.to_cents("abc", field="price"))
    with qtbot.waitSignal(broken.failed) as failure:
        broken.start()
    assert failure.args[0].field == "price"


def test_import_cancel_from_the_progress_panel_imports_nothing(qtbot, db, login, tmp_path,
                                                               monkeypatch):
    rows = [["姓名", "电话"]] + [[f"客户{i}", f"1390000{i:04d}"] for i in range(5)]
    path = _workbook(tmp_path / "many.xlsx", rows)
    gate = threading.Event()
    real_run = imp.run_import

    def run_slowly(ctx, preview, *, skip_bad_rows, progress, is_cancelled):
        def progress_then_wait(done: int, total: int) -> None:
            progress(done, total)
            # The user presses Cancel while the first rows are written (generous: a loaded
            # machine may take seconds to deliver the click; the test always opens the gate).
            gate.wait(120)

        return real_run(ctx, preview, skip_bad_rows=skip_bad_rows,
                        progress=progress_then_wait, is_cancelled=is_cancelled)

    monkeypatch.setattr(imp, "run_import", run_slowly)
    monkeypatch.setattr(imp, "BATCH_ROWS", 1)
    monkeypatch.setattr("app.ui.tasks.PROGRESS_INTERVAL", 0.0)
    dialog = ImportDialog(AppSession(db, login("boss")))
    qtbot.addWidget(dialog)
    panel = dialog.panel
    dialog.show()
    panel.set_file(path, ImportKind.CUSTOMERS)
    panel.check_file()
    qtbot.waitUntil(lambda: panel.preview is not None and not panel.busy)
    qtbot.keyClick(panel.import_button, Qt.Key.Key_Space)
    try:
        qtbot.waitUntil(lambda: panel.progress.bar.value() >= 1, timeout=60_000)
        assert panel.progress.isVisible() and not panel.import_button.isEnabled()
        qtbot.keyClick(panel.progress.cancel_button, Qt.Key.Key_Space)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not panel.busy and not panel.progress.isVisible(), timeout=60_000)
    assert "cancelled" in panel.message()
    with db.read() as s:
        assert s.scalar(select(func.count(Customer.id)).where(Customer.name.like("客户%"))) == 0


def test_error_report_is_saved_from_the_panel(qtbot, db, login, tmp_path):
    path = _workbook(tmp_path / "bad.xlsx", [["型号", "名称", "价格"], ["N-1", "", "1"],
                                             ["N-2", "好的", "abc"]])
    dialog = ImportDialog(AppSession(db, login("admin")))
    qtbot.addWidget(dialog)
    panel = dialog.panel
    panel.set_file(path, ImportKind.CATALOGUE)
    panel.check_file()
    qtbot.waitUntil(lambda: panel.preview is not None and not panel.busy)
    assert panel.report_button.isEnabled() and not panel.import_button.isEnabled()
    out = tmp_path / "errors.xlsx"
    panel.save_report(str(out))
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [2, 3]
    assert rows[2][-1].startswith("价格: abc")


def test_zone_is_added_and_retired_in_the_form(qtbot, page, admin):
    tab = page.zones
    page.tabs.setCurrentWidget(tab)
    qtbot.keyClick(tab.new_button, Qt.Key.Key_Space)
    type_text(tab.name, "北郊")
    tab.kind.setCurrentIndex(tab.kind.findData("suburb"))
    assert tab.hours.value() == 7
    qtbot.keyClick(tab.name, Qt.Key.Key_Return)
    zone = next(z for z in ref.list_zones(admin) if z.name == "北郊")
    assert zone.dispatch_hours == 7 and tab.current.id == zone.id
    tab.active.setFocus()
    qtbot.keyClick(tab.active, Qt.Key.Key_Space)
    qtbot.keyClick(tab.save_button, Qt.Key.Key_Space)
    assert "北郊" not in {z.name for z in ref.list_zones(admin)}
