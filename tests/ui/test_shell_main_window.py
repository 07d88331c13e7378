"""The main window: sidebar by role, lazy pages, global search, switching user with F2."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.models.enums import Role
from app.services import auth_service
from app.services.context import ServiceContext
from app.services.permissions import ROLE_PERMISSIONS, Perm
from app.ui.main_window import MainWindow, PlaceholderPage, load_page_factory
from app.ui.pages import registry
from app.ui.pages.registry import PageEntry
from app.ui.session import AppSession
from app.ui.settings_store import SettingsStore
from tests.helpers.seed import SEED_PASSWORD
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, audit_rows, chinese, open_window, settle

__all__ = ["chinese"]
pytestmark = IGNORE_OFFSCREEN
HERE = "tests.ui.test_shell_main_window"


class FakePage(QLabel):
    """A page that counts refreshes and remembers searches."""

    built: list[FakePage] = []

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session.ctx.actor.username, parent)
        self.refreshed = 0
        self.searches: list[str] = []
        FakePage.built.append(self)

    def refresh(self) -> None:
        self.refreshed += 1
        QTimer.singleShot(0, self, self._show_count)  # queued work, dropped if self dies

    def _show_count(self) -> None:
        self.setToolTip(f"refreshed {self.refreshed}")

    def search(self, text: str) -> None:
        self.searches.append(text)


@pytest.fixture
def fake_pages(monkeypatch: pytest.MonkeyPatch) -> list[PageEntry]:
    FakePage.built = []
    pages = [
        PageEntry("calls", "Call-log book", "calls.svg", f"{HERE}:FakePage"),
        PageEntry("dispatch", "Dispatch board", "dispatch.svg", f"{HERE}:FakePage",
                  Perm.DISPATCH),
        PageEntry("settings", "Settings", "settings.svg", f"{HERE}:FakePage",
                  Perm.REFERENCE_MANAGE),
        PageEntry("later", "Reports", "reports.svg", "app.ui.pages.not_written_yet:Page"),
    ]
    monkeypatch.setattr(registry, "PAGES", pages)
    return pages


def _switch_by_keyboard(qtbot: QtBot, window: MainWindow, username: str,
                        password: str = SEED_PASSWORD) -> None:
    qtbot.keyClick(window.search_edit, Qt.Key.Key_F2)
    dialog = window.switch_dialog
    assert dialog is not None and dialog.isVisible()
    names = [dialog.user_list.item(i).data(Qt.ItemDataRole.UserRole)
             for i in range(dialog.user_list.count())]
    digit = str(names.index(username) + 1)
    qtbot.keyClick(dialog.user_list, digit)
    assert dialog.focusWidget() is dialog.password_edit
    assert dialog.chosen_username == username
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_sidebar_shows_the_books_of_the_role(qtbot: QtBot, chinese: QApplication,
                                             db: Database, fake_pages: list[PageEntry]) -> None:
    window = open_window(qtbot, db, "super")
    assert window.visible_page_keys() == ["calls", "dispatch", "later"]
    assert window.sidebar.item(0).text() == "叫修登记簿"
    assert "陈主任" in window.user_label.text() and "服务主任" in window.user_label.text()
    assert "store.sqlite" in window.database_label.text()
    assert window.user_button.text() == "陈主任 · 服务主任"


def test_pages_are_built_once_and_refreshed_when_shown(
        qtbot: QtBot, chinese: QApplication, db: Database, fake_pages: list[PageEntry]) -> None:
    window = open_window(qtbot, db, "boss")
    calls = window.page("calls")
    assert isinstance(calls, FakePage) and calls.refreshed == 1
    settings_page = window.open_page("settings")
    assert window.stack.currentWidget() is settings_page
    assert window.open_page("calls") is calls and calls.refreshed == 2
    assert len(FakePage.built) == 2


def test_a_missing_page_module_shows_a_placeholder(
        qtbot: QtBot, chinese: QApplication, db: Database, fake_pages: list[PageEntry]) -> None:
    window = open_window(qtbot, db, "clerk")
    window.sidebar.setCurrentRow(window.visible_page_keys().index("later"))
    page = window.page("later")
    assert isinstance(page, PlaceholderPage) and page.text() == "这个登记簿尚未开放。"


def test_global_search_opens_the_call_log_searching(
        qtbot: QtBot, chinese: QApplication, db: Database, fake_pages: list[PageEntry]) -> None:
    window = open_window(qtbot, db, "clerk")
    window.open_page("later")
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.focusWidget() is window.search_edit
    # a name (a number opens its record: tests/ui/test_find_by_number.py)
    qtbot.keyClicks(window.search_edit, "zhang 138")
    with qtbot.waitSignal(window.global_search) as signal:
        qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert signal.args == ["zhang 138"]
    calls = window.page("calls")
    assert isinstance(calls, FakePage) and calls.searches == ["zhang 138"]
    assert window.current_page_key() == "calls"


def test_switch_user_with_f2_digit_and_password(
        qtbot: QtBot, chinese: QApplication, db: Database, fake_pages: list[PageEntry]) -> None:
    # given the supervisor's window, showing the dispatch board
    window = open_window(qtbot, db, "super")
    window.open_page("dispatch")
    old_calls = window.page("calls")
    # when the technician presses F2, his digit, his password and Enter
    with qtbot.waitSignal(window.session.user_changed):
        _switch_by_keyboard(qtbot, window, "tech")
    settle()
    # then the window is his: status bar, only the books his role may open, fresh pages
    assert window.session.ctx.actor.username == "tech"
    assert "李师傅" in window.user_label.text() and "技术员" in window.user_label.text()
    assert window.visible_page_keys() == ["calls", "later"]
    assert window.current_page_key() == "calls"
    new_calls = window.page("calls")
    assert isinstance(new_calls, FakePage) and new_calls is not old_calls
    assert new_calls.text() == "tech"
    logins = audit_rows(db, action="login")
    assert (logins[-1].username, logins[-1].workstation) == ("tech", window.station_label
                                                            .text().split("：", 1)[1])


def test_pages_dropped_at_a_switch_finish_their_queued_work(
        qtbot: QtBot, chinese: QApplication, db: Database, fake_pages: list[PageEntry]) -> None:
    window = open_window(qtbot, db, "super")
    old = window.open_page("dispatch")
    assert old is not None
    tech = auth_service.log_in(db, "tech", SEED_PASSWORD)
    window.session.set_context(ServiceContext(db, tech))  # before the queued work ran
    settle()
    assert window.page("dispatch") is None and window.visible_page_keys() == ["calls", "later"]


def test_switch_user_refused_keeps_the_current_user(
        qtbot: QtBot, chinese: QApplication, db: Database, fake_pages: list[PageEntry]) -> None:
    window = open_window(qtbot, db, "clerk")
    _switch_by_keyboard(qtbot, window, "boss", password="not-his")
    dialog = window.switch_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.message.text().startswith("用户名或密码错误")
    assert window.session.ctx.actor.username == "clerk"
    assert audit_rows(db, action="login_failed")[-1].username == "boss"
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_every_book_in_the_registry_names_a_page_class() -> None:
    # given the registry's books, one per PageKey
    assert [e.key for e in registry.PAGES] == list(registry.PageKey)
    # then each one's "module:Class" imports to a widget class (no placeholder in the app)
    for entry in registry.PAGES:
        factory = load_page_factory(entry)
        assert isinstance(factory, type) and issubclass(factory, QWidget), entry.factory_path


def test_real_registry_hides_books_a_technician_may_not_open(
        qtbot: QtBot, chinese: QApplication, db: Database) -> None:
    tech_keys = open_window(qtbot, db, "tech").visible_page_keys()
    boss_keys = open_window(qtbot, db, "boss").visible_page_keys()
    allowed = ROLE_PERMISSIONS[Role.TECHNICIAN]
    for entry in registry.PAGES:
        may = registry.visible_to(entry, allowed.__contains__)
        assert (entry.key in tech_keys) == may, entry.key
    assert "settings" in boss_keys and "settings" not in tech_keys
    assert "daily_reports" in tech_keys  # a technician opens their own daily report


def test_window_size_and_sidebar_are_remembered(
        qtbot: QtBot, chinese: QApplication, db: Database, fake_pages: list[PageEntry]) -> None:
    settings = SettingsStore()
    window = open_window(qtbot, db, "boss", settings)
    window.resize(760, 520)
    window.splitter.setSizes([240, 520])
    window.open_page("settings")
    window.close()
    again = open_window(qtbot, db, "boss", SettingsStore())
    assert (again.width(), again.height()) == (760, 520)
    assert again.splitter.sizes()[0] == 240
    assert again.current_page_key() == "settings"
