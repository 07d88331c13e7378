"""Log-in at the counter: first start, keyboard log-in, refused log-ins."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bootstrap import open_database
from app.db.database import Database
from app.models.staff import User
from app.services import auth_service
from app.ui.app import start_session
from app.ui.dialogs.first_admin_dialog import FirstAdminDialog
from app.ui.dialogs.login_dialog import LoginDialog
from app.ui.pages.setup_wizard import SetupWizard
from app.ui.settings_store import SettingsStore
from tests.helpers.seed import SEED_PASSWORD
from tests.helpers.ui import type_text
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, audit_rows, chinese, settle, when_modal

__all__ = ["chinese"]
pytestmark = IGNORE_OFFSCREEN


def _users(db: Database) -> list[tuple[str, str, str]]:
    with db.read() as session:
        return [(u.username, u.display_name, u.role) for u in session.scalars(select(User))]


def test_first_start_creates_the_admin_and_lands_in_the_main_window(
        qtbot: QtBot, chinese: QApplication, tmp_path: Path) -> None:
    # given a brand-new database without any account
    db = open_database(str(tmp_path / "new.sqlite"))
    assert not auth_service.has_users(db)
    settings = SettingsStore()

    def fill_first_admin(dialog: QWidget) -> None:
        assert isinstance(dialog, FirstAdminDialog)
        type_text(dialog.display_name_edit, "刘店长")
        qtbot.keyClick(dialog.display_name_edit, Qt.Key.Key_Return)
        assert dialog.focusWidget() is dialog.password_edit
        qtbot.keyClicks(dialog.password_edit, "counter-2026")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.repeat_edit, "counter-2026")
        pending.append(when_modal(SetupWizard, close_set_up))
        qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)

    def close_set_up(wizard: QWidget) -> None:  # the set-up follows; Esc leaves it for later
        assert isinstance(wizard, SetupWizard)
        pending.append(when_modal(LoginDialog, log_in))
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)

    def log_in(dialog: QWidget) -> None:
        assert isinstance(dialog, LoginDialog)
        assert dialog.username_edit.text() == "admin"
        assert dialog.focusWidget() is dialog.password_edit
        qtbot.keyClicks(dialog.password_edit, "counter-2026")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    # when the clerk fills the first-start form and logs in, all by keyboard
    pending = [when_modal(FirstAdminDialog, fill_first_admin)]
    window = start_session(db, settings, "zh_CN")

    # then the main window opens for the new administrator
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    settle()
    assert "刘店长" in window.user_label.text()
    assert "系统管理员" in window.user_label.text()
    assert _users(db) == [("admin", "刘店长", "admin")]
    assert [r.username for r in audit_rows(db, action="login")] == ["admin"]
    assert settings.last_username() == "admin"
    db.dispose()


def test_first_start_refuses_two_different_passwords(qtbot: QtBot, chinese: QApplication,
                                                     tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "new.sqlite"))
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    type_text(dialog.display_name_edit, "刘店长")
    qtbot.keyClicks(dialog.password_edit, "counter-2026")
    qtbot.keyClicks(dialog.repeat_edit, "counter-2027")
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.result() == 0 and dialog.created is None
    assert dialog.message.text() == "两次输入的密码不一致。"
    assert not auth_service.has_users(db)
    db.dispose()


def test_log_in_by_keyboard(qtbot: QtBot, chinese: QApplication, db: Database) -> None:
    # given the log-in dialog
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    before = len(audit_rows(db))
    # when the clerk types the user name, Enter, the password, Enter
    qtbot.keyClicks(dialog.username_edit, "clerk")
    qtbot.keyClick(dialog.username_edit, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.password_edit
    qtbot.keyClicks(dialog.password_edit, SEED_PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    # then she is logged in and the log-in is on record
    assert dialog.actor is not None and dialog.actor.display_name == "王小丽"
    new_rows = audit_rows(db)[before:]
    assert [(r.action, r.username) for r in new_rows] == [("login", "clerk")]


def test_wrong_password_shows_the_message_and_saves_only_the_failure(
        qtbot: QtBot, chinese: QApplication, db: Database) -> None:
    dialog = LoginDialog(db, username="clerk")
    qtbot.addWidget(dialog)
    dialog.show()
    before = len(audit_rows(db))
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    # the dialog stays, says why in Chinese at the password, and empties the field
    assert dialog.actor is None and dialog.result() == 0
    expected = QCoreApplication.translate(
        "", "Wrong user name or password, or the account is locked for a while.")
    assert expected.startswith("用户名或密码错误")
    assert dialog.message.isVisible() and dialog.message.text() == expected
    assert dialog.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit
    assert dialog.password_edit.toolTip() == expected
    new_rows = audit_rows(db)[before:]
    assert [(r.action, r.username) for r in new_rows] == [("login_failed", "clerk")]


def test_five_failures_lock_the_account_even_for_the_right_password(
        qtbot: QtBot, chinese: QApplication, db: Database) -> None:
    dialog = LoginDialog(db, username="tech")
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(5):
        qtbot.keyClicks(dialog.password_edit, "nope-nope")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.password_edit, SEED_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.actor is None
    assert dialog.message.text().startswith("用户名或密码错误")
    assert len(audit_rows(db, action="login_failed")) == 6
