"""The Backups page: back up now, restore (the app restarts), find and copy back a record."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.services import customers_service as customers
from app.ui.dialogs.recover_record_dialog import RecoverRecordDialog
from app.ui.pages import backup_page
from app.ui.session import AppSession
from tests.helpers.ui_chinese import english_of
from tests.helpers.ui_shell import chinese

__all__ = ["chinese"]  # the fixture


@pytest.fixture
def page(qtbot, db, admin, tmp_path, monkeypatch, sqlite_only):
    monkeypatch.setattr(backup_page, "backup_folder", lambda: tmp_path / "bk")
    widget = backup_page.BackupPage(AppSession(db, admin))
    qtbot.addWidget(widget)
    return widget


def test_back_up_now_lists_the_checked_backup(page):
    page.back_up_now()
    assert page.table.rowCount() == 1
    assert page.table.item(0, 3).text() == "sound"


def test_restore_asks_backs_up_and_restarts(page, admin, clerk, monkeypatch):
    made = customers.create_customer(clerk, customers.CustomerInput("还原测试", ("13733334444",)))
    page.back_up_now()
    customers.update_customer(clerk, made.id, customers.CustomerInput(
        "还原测试", ("13733334444",), "错误地址"), expected_version=made.version)
    restarted = []
    monkeypatch.setattr(backup_page, "restart_application", lambda: restarted.append(True))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.restore_selected()
    assert restarted == [True]
    from app.bootstrap import open_database

    reopened = open_database(str(Path(admin.db.engine.url.database)))
    from app.services.context import ServiceContext

    assert customers.get_customer(ServiceContext(reopened, admin.actor), made.id).address == ""
    reopened.dispose()


def test_find_a_record_and_copy_it_back(page, qtbot, clerk):
    made = customers.create_customer(clerk, customers.CustomerInput("找回测试", ("13733335555",),
                                                                    "原来的地址"))
    page.back_up_now()
    customers.update_customer(clerk, made.id, customers.CustomerInput(
        "找回测试", ("13733335555",), ""), expected_version=made.version)
    dialog = RecoverRecordDialog(page.session, page.selected_backup(), page)
    qtbot.addWidget(dialog)
    dialog.table_box.setCurrentIndex(dialog.table_box.findData("customers"))
    dialog.key_edit.setText(str(made.id))
    dialog.look_up()
    assert dialog.diffs.rowCount() == 1 and dialog.diffs.item(0, 1).text() == "原来的地址"
    dialog.copy_back()
    assert customers.get_customer(clerk, made.id).address == "原来的地址"
    dialog.reject()


def test_first_start_of_the_day_takes_one_checked_backup(db, tmp_path, monkeypatch, sqlite_only):
    from app.ui import app as gui

    monkeypatch.setattr(backup_page, "backup_folder", lambda: tmp_path / "daily")
    gui.take_daily_backup(db)
    gui.take_daily_backup(db)  # the second start of the day adds nothing
    made = list((tmp_path / "daily").glob("*-daily.sqlite"))
    assert len(made) == 1 and made[0].with_suffix(".json").exists()


def test_an_unusable_backup_folder_is_reported_not_ignored(db, tmp_path, monkeypatch,
                                                           sqlite_only):
    from app.ui import app as gui

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setattr(backup_page, "backup_folder", lambda: blocker / "sub")
    warned = []
    monkeypatch.setattr(gui.QMessageBox, "warning", lambda *a: warned.append(a[2]))
    gui.take_daily_backup(db)
    assert warned and "a-file" in warned[0]


def test_an_altered_backup_is_refused_on_the_page(page, clerk, monkeypatch):
    made = customers.create_customer(clerk, customers.CustomerInput(
        "改过的备份", ("13733336666",), "人民路 7 号"))
    page.back_up_now()
    backup = page.selected_backup()
    data = backup.read_bytes()
    backup.write_bytes(data.replace("人民路 7 号".encode(), "人民路 9 号".encode()))
    customers.update_customer(clerk, made.id, customers.CustomerInput(
        "改过的备份", ("13733336666",), "之后的地址"), expected_version=made.version)
    restarted, refused = [], []
    monkeypatch.setattr(backup_page, "restart_application", lambda: restarted.append(True))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: refused.append(a[2]))
    page.restore_selected()
    assert restarted == [] and len(refused) == 1
    assert "changed since it was taken" in refused[0]
    assert customers.get_customer(clerk, made.id).address == "之后的地址"


def test_recovery_speaks_chinese(chinese, page, qtbot, clerk):
    # given a customer's address changed since the backup, looked up in Chinese
    made = customers.create_customer(clerk, customers.CustomerInput("找回测试", ("13733335555",),
                                                                    "原来的地址"))
    page.back_up_now()
    customers.update_customer(clerk, made.id, customers.CustomerInput(
        "找回测试", ("13733335555",), ""), expected_version=made.version)
    page.refresh()
    page.show()
    dialog = RecoverRecordDialog(page.session, page.selected_backup(), page)
    qtbot.addWidget(dialog)
    dialog.table_box.setCurrentIndex(dialog.table_box.findData("customers"))
    dialog.key_edit.setText(str(made.id))
    dialog.look_up()
    dialog.show()
    # then kinds of record, fields and the backup's check are words, not table names
    assert dialog.table_box.currentText() == "客户"
    assert dialog.diffs.item(0, 0).text() == "地址"
    assert english_of(dialog) == [] and english_of(page) == []
    dialog.reject()
