"""Chinese by default, English on request; the choice is remembered on this computer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.ui.language import install_translator, resolve_language
from app.ui.settings_store import SettingsStore
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese, open_window

__all__ = ["chinese"]
pytestmark = IGNORE_OFFSCREEN


def test_switching_to_english_in_preferences(qtbot: QtBot, chinese: QApplication,
                                             db: Database) -> None:
    # given the clerk's window in Chinese
    window = open_window(qtbot, db, "clerk")
    assert window.sidebar.item(0).text() == "今日"  # Today is each role's home, first
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    # when she opens Preferences, picks English with the keyboard and presses Enter
    window.open_preferences()
    dialog = window.preferences_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.language_combo.currentText() == "中文"
    qtbot.keyClick(dialog.language_combo, Qt.Key.Key_Down)
    assert dialog.language == "en"
    with qtbot.waitSignal(window.language_changed):
        qtbot.keyClick(dialog.language_combo, Qt.Key.Key_Return)
    # then the shell and the books speak English, and the choice is saved
    assert window.sidebar.item(0).text() == "Today"
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.windowTitle() == "Service Counter"
    assert "Counter clerk" in window.user_label.text()
    assert window.search_edit.placeholderText().startswith("Scan a receipt")
    assert SettingsStore().language() == "en"
    # and back to Chinese the same way
    window.apply_language("zh_CN", save=True)
    assert window.sidebar.item(0).text() == "今日"
    assert SettingsStore().language() == "zh_CN"


def test_command_line_beats_the_saved_language(chinese: QApplication) -> None:
    settings = SettingsStore()
    assert resolve_language(None, settings) == "zh_CN"
    settings.set_language("en")
    assert resolve_language(None, settings) == "en"
    assert resolve_language("zh", settings) == "zh_CN"
    assert resolve_language("EN_us", SettingsStore()) == "en"


def test_english_means_no_translator(chinese: QApplication) -> None:
    assert install_translator(chinese, "en") == "en"
    assert QCoreApplication.translate("Pages", "Call-log book") == "Call-log book"
    assert install_translator(chinese, None) == "zh_CN"
    assert QCoreApplication.translate("Pages", "Call-log book") == "叫修登记簿"
