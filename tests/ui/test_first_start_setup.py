"""First start on an empty database: the administrator, then the store's set-up by keyboard
(profile, hours, zones, catalogue, staff, printers, what is left), or the demo store in a
file of its own; what is skipped stays on the Today page's checklist."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.bootstrap import open_database
from app.db.database import Database
from app.models.calls import Call
from app.models.staff import User
from app.models.store import Setting
from app.services import auth_service, reference_service
from app.services.context import Actor, ServiceContext
from app.services.setup_checklist import checklist
from app.ui.app import start_session
from app.ui.demo_store import DEMO_FILE
from app.ui.dialogs.first_admin_dialog import FirstAdminDialog
from app.ui.dialogs.login_dialog import LoginDialog
from app.ui.pages.setup_wizard import SetupWizard
from app.ui.pages.today_page import TodayPage
from app.ui.session import AppSession
from app.ui.settings_store import SettingsStore
from tests.helpers.ui import type_text
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese, when_modal

__all__ = ["chinese"]
pytestmark = [IGNORE_OFFSCREEN, pytest.mark.usefixtures("chinese")]
ENTER = Qt.Key.Key_Return


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This PC's settings and the demo store's file in the test's own data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(folder))
    return folder


def _users(db: Database) -> list[tuple[str, str, str]]:
    with db.read() as session:
        return sorted((u.username, u.display_name, u.role) for u in session.scalars(select(User)))


def _admin_actor(db: Database) -> Actor:
    user = auth_service.create_first_admin(db, username="admin", display_name="刘店长",
                                           password="counter-2026")
    return Actor(user.id, user.username, user.display_name, user.role, "test-pc")


def _fill_first_admin(qtbot: QtBot, dialog: FirstAdminDialog) -> None:
    type_text(dialog.display_name_edit, "刘店长")
    qtbot.keyClick(dialog.display_name_edit, ENTER)
    qtbot.keyClicks(dialog.password_edit, "counter-2026")
    qtbot.keyClick(dialog.password_edit, ENTER)
    qtbot.keyClicks(dialog.repeat_edit, "counter-2026")
    qtbot.keyClick(dialog.repeat_edit, ENTER)


def _retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def _press(qtbot: QtBot, button: QWidget) -> None:
    """Tab to a button and press Space (the keyboard's click)."""
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _next(qtbot: QtBot, wizard: SetupWizard) -> None:
    _press(qtbot, wizard.next_button)


def _skip(qtbot: QtBot, wizard: SetupWizard) -> None:
    _press(qtbot, wizard.skip_button)


def _set_up_by_keyboard(qtbot: QtBot, wizard: SetupWizard) -> None:
    # the store profile: Enter in the last field moves on (and saves)
    assert wizard.step == "profile" and wizard.focusWidget() is wizard.profile.name
    _retype(qtbot, wizard.profile.name, "海淀家电维修中心")
    type_text(wizard.profile.address, "北京市海淀区学院路 38 号")
    wizard.profile.phone.setFocus()
    qtbot.keyClicks(wizard.profile.phone, "010-62345678")
    qtbot.keyClick(wizard.profile.phone, ENTER)
    # business hours: Saturday open too (Space on its box), Enter accepts
    assert wizard.step == "hours"
    saturday = wizard.hours.open_boxes[5]
    saturday.setFocus()
    qtbot.keyClick(saturday, Qt.Key.Key_Space)
    qtbot.keyClick(saturday, ENTER)
    # zones: the defaults accepted
    assert wizard.step == "zones"
    _next(qtbot, wizard)
    # the catalogue: skipped (done later)
    assert wizard.step == "catalogue"
    _skip(qtbot, wizard)
    # staff: a clerk, a supervisor and a technician
    assert wizard.step == "staff"
    for role, name in (("clerk", "王小丽"), ("supervisor", "陈志明"), ("technician", "李强")):
        _, _, name_edit, password = wizard.staff.rows[role]
        type_text(name_edit, name)
        password.setFocus()
        qtbot.keyClicks(password, "secret-88")
    qtbot.keyClick(password, ENTER)
    # printers: none on this computer yet
    assert wizard.step == "printers"
    _next(qtbot, wizard)
    assert wizard.step == "done"


def test_the_set_up_by_keyboard_saves_the_store_and_a_clerk_logs_in(qtbot: QtBot,
                                                                      tmp_path: Path):
    # given a brand-new, empty database
    db = open_database(str(tmp_path / "new.sqlite"))
    settings = SettingsStore()
    seen: list[list[str]] = []

    def first_admin(dialog: QWidget) -> None:
        assert isinstance(dialog, FirstAdminDialog)
        pending.append(when_modal(SetupWizard, set_up))
        _fill_first_admin(qtbot, dialog)

    def set_up(wizard: QWidget) -> None:
        assert isinstance(wizard, SetupWizard)
        _set_up_by_keyboard(qtbot, wizard)
        seen.append(wizard.checklist.left)
        pending.append(when_modal(LoginDialog, log_in))
        qtbot.keyClick(wizard.next_button, ENTER)  # 完成

    def log_in(dialog: QWidget) -> None:
        assert isinstance(dialog, LoginDialog)
        _retype(qtbot, dialog.username_edit, "clerk")
        dialog.password_edit.setFocus()
        qtbot.keyClicks(dialog.password_edit, "secret-88")
        qtbot.keyClick(dialog.password_edit, ENTER)

    # when the owner creates the admin account and goes through the set-up by keyboard
    pending = [when_modal(FirstAdminDialog, first_admin)]
    window = start_session(db, settings, "zh_CN")
    # then the clerk created in the set-up is logged in
    assert window is not None
    qtbot.addWidget(window)
    assert window.session.ctx.actor.username == "clerk"
    # and the store's profile, hours, zones and staff are saved
    ctx = window.session.ctx
    profile = reference_service.get_store_profile(ctx)
    assert (profile.name, profile.address, profile.phone) == (
        "海淀家电维修中心", "北京市海淀区学院路 38 号", "010-62345678")
    assert [d.weekday for d in reference_service.list_business_hours(ctx) if d.is_open] == [
        0, 1, 2, 3, 4, 5]
    assert reference_service.list_business_hours(ctx)[5].opens_at == time(9, 0)
    assert {z.name for z in reference_service.list_zones(ctx)} == {"市区", "郊区"}
    assert _users(db) == [("admin", "刘店长", "admin"), ("clerk", "王小丽", "clerk"),
                          ("super", "陈志明", "supervisor"), ("tech", "李强", "technician")]
    # and what was skipped was listed as left to do
    assert seen == [["catalogue"]]  # the printers step saved: this PC chooses when printing
    assert [i.key for i in checklist(ctx) if not i.done] == ["catalogue"]
    db.dispose()


def test_bad_input_stays_at_its_field_and_saves_nothing(qtbot: QtBot, tmp_path: Path):
    # given the set-up on a new store
    db = open_database(str(tmp_path / "new.sqlite"))
    wizard = SetupWizard(AppSession(db, ServiceContext(db, _admin_actor(db))),
                         settings=SettingsStore())
    qtbot.addWidget(wizard)
    wizard.show()
    # when the phone is not a phone number
    wizard.profile.phone.setFocus()
    qtbot.keyClicks(wizard.profile.phone, "abc")
    qtbot.keyClick(wizard.profile.phone, ENTER)
    # then the set-up stays on the profile, the message at the phone, nothing saved
    assert wizard.step == "profile"
    assert wizard.focusWidget() is wizard.profile.phone
    assert wizard.profile.phone.toolTip()
    assert reference_service.get_store_profile(wizard.session.ctx).phone == ""
    # and on the staff step a bad supervisor keeps the clerk from being saved too
    wizard.show_step("staff")
    _, _, name, password = wizard.staff.rows["clerk"]
    type_text(name, "王小丽")
    password.setFocus()
    qtbot.keyClicks(password, "secret-88")
    _, _, name, password = wizard.staff.rows["supervisor"]
    type_text(name, "陈志明")
    password.setFocus()
    qtbot.keyClicks(password, "123")  # too short
    qtbot.keyClick(password, ENTER)
    assert wizard.step == "staff" and wizard.focusWidget() is password
    assert "6" in wizard.message.text()
    assert _users(db) == [("admin", "刘店长", "admin")]
    db.dispose()


def test_enter_on_each_step_moves_on_past_the_ready_zones(qtbot: QtBot, tmp_path: Path):
    # given the set-up on a new store, at the business hours (the defaults will do)
    db = open_database(str(tmp_path / "new.sqlite"))
    wizard = SetupWizard(AppSession(db, ServiceContext(db, _admin_actor(db))),
                         settings=SettingsStore(), start="hours")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    # when the owner presses Enter where the set-up puts the cursor, step after step
    qtbot.keyClick(wizard.focusWidget(), ENTER)
    assert wizard.step == "zones"
    qtbot.keyClick(wizard.focusWidget(), ENTER)
    # then the two ready zones are accepted as they are: no "required" at an empty zone name
    assert wizard.step == "catalogue"
    assert {z.name for z in reference_service.list_zones(wizard.session.ctx)} == {"市区", "郊区"}
    assert [item.done for item in checklist(wizard.session.ctx) if item.key == "zones"] == [True]
    db.dispose()


def test_the_checklist_names_the_accounts_still_missing(qtbot: QtBot, tmp_path: Path):
    # given the set-up on a new store, at the staff step
    db = open_database(str(tmp_path / "new.sqlite"))
    wizard = SetupWizard(AppSession(db, ServiceContext(db, _admin_actor(db))),
                         settings=SettingsStore(), start="staff")
    qtbot.addWidget(wizard)
    wizard.show()
    # when the owner makes the clerk's account only
    _, _, name, password = wizard.staff.rows["clerk"]
    type_text(name, "王小丽")
    password.setFocus()
    qtbot.keyClicks(password, "secret-88")
    qtbot.keyClick(password, ENTER)
    _next(qtbot, wizard)  # printers
    # then what is left says which accounts are still to make
    assert wizard.step == "done"
    assert "还缺：服务主任、技术员" in wizard.checklist.list_label.text()
    db.dispose()


def test_skipping_leaves_the_checklist_on_the_today_page(qtbot: QtBot, tmp_path: Path):
    # given the set-up on a new store, every step skipped
    db = open_database(str(tmp_path / "new.sqlite"))
    session = AppSession(db, ServiceContext(db, _admin_actor(db)))
    wizard = SetupWizard(session, settings=SettingsStore())
    qtbot.addWidget(wizard)
    wizard.show()
    while wizard.step != "done":
        _skip(qtbot, wizard)
    # then nothing is done and the closing page says so, step by step
    left = ["profile", "hours", "zones", "catalogue", "staff", "printers"]
    assert wizard.checklist.left == left
    assert wizard.checklist.list_label.text().count("☐") == 6
    qtbot.keyClick(wizard.next_button, ENTER)
    assert wizard.result() == wizard.DialogCode.Accepted
    # and the Today page shows the same list to the administrator
    page = TodayPage(session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.setup.isVisible() and page.setup.left == left
    # when the administrator continues the set-up from there and fills the profile
    opened: list[str] = []

    def run(reopened) -> None:
        reopened.show()
        opened.append(reopened.step)
        _retype(qtbot, reopened.profile.address, "北京市海淀区学院路 38 号")
        reopened.profile.phone.setFocus()
        qtbot.keyClicks(reopened.profile.phone, "010-62345678")
        qtbot.keyClick(reopened.profile.phone, ENTER)

    page.run_wizard = run  # type: ignore[method-assign]
    _press(qtbot, page.setup.continue_button)
    # then it opened at the first step left, and the list shrank by that step
    assert opened == ["profile"]
    assert page.setup.left == left[1:]
    db.dispose()


def _count(db: Database, model: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_the_demo_store_opens_in_its_own_file_and_leads_back(qtbot: QtBot, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             data_folder: Path):
    # given a brand-new store at its real path
    monkeypatch.setattr("app.ui.demo_store.DEMO_CALLS", 12)
    real_path = tmp_path / "store.sqlite"
    db = open_database(str(real_path))
    settings = SettingsStore()
    # when the owner chooses "Try the demo store" on the first screen
    pending = [when_modal(FirstAdminDialog,
                          lambda d: _press(qtbot, d.demo_button))]
    window = start_session(db, settings, "zh_CN")
    assert window is not None and pending
    qtbot.addWidget(window)
    # then a demo store opens from a file of its own, marked as the demo in the title
    demo_path = Path(str(window.session.db.engine.url.database))
    assert demo_path == data_folder / DEMO_FILE and demo_path != real_path
    assert "演示门店" in window.windowTitle()
    assert _count(window.session.db, Call) >= 12 and _count(window.session.db, User) > 3
    # and the real store is untouched: no account, no call, no demo mark
    assert _count(db, User) == 0 and _count(db, Call) == 0
    with db.read() as session:
        assert session.get(Setting, "store.demo") is None
        profile = json.loads(session.get(Setting, "store.profile").value)
    assert profile["name"] == "售后服务中心"
    # when the owner leaves the demo
    window.show()
    qtbot.waitExposed(window)
    assert window.demo_button.isVisible() and "演示" in window.demo_button.text()
    _press(qtbot, window.demo_button)
    # then the window asks for the real store's first start
    assert window.leave_demo and not window.isVisible()
    window.session.db.dispose()
    shown: list[QWidget] = []
    pending.append(when_modal(FirstAdminDialog, lambda d: (shown.append(d), d.reject())))
    assert start_session(db, settings, "zh_CN") is None
    assert len(shown) == 1
    db.dispose()
    QApplication.processEvents()
