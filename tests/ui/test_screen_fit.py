"""Every page and dialog on the counter PC's screen (1366×728 usable), in Chinese, with the
bundled font at its default size: no control off-screen, the window never outgrows it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services.context import ServiceContext
from app.ui.dialogs.register_call_dialog import RegisterCallDialog
from app.ui.main_window import WINDOW_KEY
from app.ui.screen_fit import install_screen_fit
from app.ui.settings_store import SettingsStore
from tests.helpers.dialog_catalogue import DIALOGS, Stage, longest_form
from tests.helpers.ui_screen_fit import SCREEN, off_screen
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese, open_window, settle

pytestmark = [IGNORE_OFFSCREEN, pytest.mark.usefixtures("chinese")]
__all__ = ["chinese"]  # the fixture


@pytest.fixture
def settings(tmp_path) -> SettingsStore:
    return SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


def test_the_test_screen_is_the_counter_pc(qapp: QApplication):
    assert qapp.primaryScreen().availableGeometry() == SCREEN


def test_every_page_fits_the_screen(qtbot: QtBot, db: Database, settings: SettingsStore):
    # given the administrator (who sees every book) on the counter PC
    window = open_window(qtbot, db, "admin", settings)
    # when each book is opened in turn
    problems: dict[str, list[str]] = {}
    for key in window.visible_page_keys():
        window.open_page(key)
        settle()
        if found := off_screen(window):
            problems[key] = found
    # then no control of any book lies off the screen
    assert problems == {}


def test_the_window_does_not_grow_after_a_long_message(qtbot: QtBot, db: Database,
                                                       settings: SettingsStore):
    # given the book on screen
    window = open_window(qtbot, db, "clerk", settings)
    page = window.open_page("calls")
    width = window.width()
    # when a long message arrives (a call closed, an export written to a long path)
    page.info_label.setText("已导出到 /home/counter/文档/售后服务台/导出/" + "很长的文件夹名/" * 20)
    settle()
    # then the window keeps its width and stays on the screen
    assert window.width() == width
    assert off_screen(window) == []


def test_a_remembered_geometry_is_clamped_to_the_screen(qtbot: QtBot, db: Database,
                                                        settings: SettingsStore):
    # given a window size remembered on a 1920×1080 monitor
    big = QMainWindow()
    big.setGeometry(100, 80, 1800, 1000)
    settings.save_window_state(WINDOW_KEY, big)
    big.deleteLater()
    # when the main window opens on the counter PC
    window = open_window(qtbot, db, "clerk", settings)
    # then it is on the screen
    assert off_screen(window) == []


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_fits_the_screen(name: str, qtbot: QtBot, db: Database,
                                      login: Callable[[str], ServiceContext], tmp_path):
    # given the dialog opened on the counter PC, with its longest form showing
    install_screen_fit(QApplication.instance())  # as create_application does
    dialog = DIALOGS[name](Stage(db, login, tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    longest_form(dialog)
    settle()
    # then every control, Save and the fault field included, is on the screen
    assert off_screen(dialog) == []
    if isinstance(dialog, RegisterCallDialog):
        assert dialog.fault_edit.isVisible() and dialog.save_button.isVisible()


def test_a_dialog_that_grows_while_open_stays_on_the_screen(qtbot: QtBot, db: Database,
                                                             login: Callable[[str],
                                                                             ServiceContext]
                                                             ) -> None:
    from app.ui.dialogs.take_in_dialog import WalkInTakeInDialog
    from app.ui.session import AppSession

    # given the walk-in take-in opened centred over the book, as short as it starts
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_screen_fit(app)  # as create_application does
    dialog = WalkInTakeInDialog(AppSession(db, login("clerk")))
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    dialog.move(dialog.x(), (SCREEN.height() - dialog.height()) // 2)
    settle()
    # when the clerk starts a new customer and the form grows by the customer's fields
    dialog.start_new_customer("13912345678")
    settle()
    # then the dialog moved up to keep Save and Cancel on the screen
    assert dialog.frameGeometry().bottom() <= SCREEN.bottom()
    assert off_screen(dialog) == []
