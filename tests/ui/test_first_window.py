"""The main window the first time it opens on a PC: the whole counter screen (nothing of a
book cut at the window's edge), and, while the store's set-up has steps left, the Today
page with its checklist rather than an empty call-log book."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.bootstrap import open_database
from app.db.database import Database
from app.services import auth_service, setup_checklist
from app.services.context import ServiceContext
from app.ui.app import build_main_window
from app.ui.pages.registry import PageKey
from app.ui.pages.today_page import TodayPage
from app.ui.settings_store import SettingsStore
from tests.helpers.ui_screen_fit import SCREEN
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese, open_window, settle

pytestmark = [IGNORE_OFFSCREEN, pytest.mark.usefixtures("chinese")]
__all__ = ["chinese"]  # the fixture


@pytest.fixture
def settings(tmp_path: Path) -> SettingsStore:
    """This PC's settings, new: no window size or book remembered."""
    return SettingsStore(QSettings(str(tmp_path / "pc.ini"), QSettings.Format.IniFormat))


def test_the_first_window_on_a_pc_fills_the_counter_screen(qtbot: QtBot, db: Database,
                                                            settings: SettingsStore) -> None:
    # when the main window opens on a PC that remembers no window size
    window = open_window(qtbot, db, "clerk", settings)
    # then it takes the whole usable screen (the book's filters and count fit in it)
    assert window.isMaximized()
    assert window.frameGeometry().width() == SCREEN.width()


def test_a_store_half_set_up_opens_on_today_with_its_checklist(
        qtbot: QtBot, tmp_path: Path, settings: SettingsStore) -> None:
    # given a new store whose owner closed the set-up after the administrator account
    db = open_database(str(tmp_path / "new.sqlite"))
    auth_service.create_first_admin(db, username="admin", display_name="刘店长",
                                    password="counter-2026")
    actor = auth_service.log_in(db, "admin", "counter-2026", workstation="counter-1")
    setup_checklist.begin(ServiceContext(db, actor))
    # when the owner logs in for the first time on this PC
    window = build_main_window(db, actor, settings, "zh_CN")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle()
    # then the Today page is open, the set-up's checklist on it
    assert window.current_page_key() == PageKey.TODAY
    today = window.open_page(PageKey.TODAY)
    assert isinstance(today, TodayPage) and today.setup.isVisible()
    # and once a book is chosen, the next start on this PC opens that book
    window.open_page(PageKey.CALLS)
    again = build_main_window(db, actor, settings, "zh_CN")
    qtbot.addWidget(again)
    assert again.current_page_key() == PageKey.CALLS
    db.dispose()


def test_a_take_in_on_a_store_without_models_says_where_to_add_them(qtbot: QtBot,
                                                                    tmp_path: Path) -> None:
    from app.ui.dialogs.take_in_dialog import WalkInTakeInDialog
    from app.ui.session import AppSession
    from tests.helpers.ui import type_text

    # given a new store whose owner skipped the product models in the set-up
    db = open_database(str(tmp_path / "new.sqlite"))
    auth_service.create_first_admin(db, username="admin", display_name="刘店长",
                                    password="counter-2026")
    actor = auth_service.log_in(db, "admin", "counter-2026", workstation="counter-1")
    dialog = WalkInTakeInDialog(AppSession(db, ServiceContext(db, actor)))
    qtbot.addWidget(dialog)
    dialog.show()
    # when the first customer's air conditioner is taken in, its model typed
    dialog.start_new_customer("13912345678")
    type_text(dialog.customer_fields.name_edit, "张伟")
    dialog.item_combo.setCurrentIndex(dialog.item_combo.findData("new"))
    type_text(dialog.item_fields.model_combo, "KFR-35GW")
    type_text(dialog.item_fields.serial_edit, "SN0001")
    type_text(dialog.fault_edit, "不制冷")
    dialog.save_button.click()
    # then nothing is saved, and the message says where the models come from
    assert dialog.isVisible() and dialog.carried_in is None
    assert "设置 › 产品型号" in dialog.message.text()
    db.dispose()
