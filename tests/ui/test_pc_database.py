"""This PC's database (issue 17): a PC's very first start asks where the store is (a new store
on this PC, the default, or the company's server); a server chosen at start is kept and the
next start opens it again — a branch's PC never drifts to a store of its own, not even when
the server cannot be reached; Settings shows the choice and changes it.

The "server" is the test's database: a PostgreSQL server with SC_TEST_PG_URL, else a file
standing in for one (what is tested is which database each start opens)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app import config
from app.db.database import Database
from app.ui import app as gui
from app.ui.dialogs.missing_database_dialog import MissingDatabaseDialog
from app.ui.dialogs.server_dialog import ServerDialog
from app.ui.dialogs.store_choice_dialog import StoreChoiceDialog
from app.ui.pages.settings_database import DatabaseTab
from app.ui.session import AppSession
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese

__all__ = ["chinese"]
pytestmark = IGNORE_OFFSCREEN
UNREACHABLE = "postgresql+psycopg://clerk@127.0.0.1:1/store?sslmode=disable"


@pytest.fixture
def new_pc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PC that never ran Service Counter: an empty data folder; returns its own file.
    (Requested after ``db``, which sets a data folder of its own.)"""
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "new-pc"))
    monkeypatch.delenv("SERVICE_COUNTER_DB", raising=False)
    return config.default_database_file()


@pytest.fixture
def server(db: Database) -> str:
    """The company's server's URL (no password)."""
    return db.url


def _answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[StoreChoiceDialog]:
    """The first-start question is answered with ``choice``; returns the questions asked."""
    asked: list[StoreChoiceDialog] = []

    def exec_(dialog: StoreChoiceDialog) -> int:
        asked.append(dialog)
        dialog.choices[choice].click()
        return 0

    monkeypatch.setattr(StoreChoiceDialog, "exec", exec_)
    return asked


def _server_typed(monkeypatch: pytest.MonkeyPatch, url: str) -> list[str]:
    """The server dialog is filled in with ``url`` and accepted."""
    shown: list[str] = []

    def exec_(dialog: ServerDialog) -> int:
        shown.append(dialog.windowTitle())
        dialog.url = url
        return 1

    monkeypatch.setattr(ServerDialog, "exec", exec_)
    return shown


def _never(kind: type, monkeypatch: pytest.MonkeyPatch) -> None:
    def exec_(dialog: object) -> int:
        raise AssertionError(f"{type(dialog).__name__} was not to be shown")
    monkeypatch.setattr(kind, "exec", exec_)


@pytest.fixture
def started(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """run_gui may be called: no log files, and the test application's look restored."""
    monkeypatch.setattr(gui, "configure_logging", lambda: None)
    yield
    qapp.setStyleSheet("")


def test_a_new_pc_is_asked_and_a_new_store_on_this_pc_is_the_default(
        qtbot: QtBot, new_pc: Path, monkeypatch) -> None:
    asked = _answer(monkeypatch, StoreChoiceDialog.LOCAL)
    assert gui.new_pc(None)
    db = gui.open_on_a_new_pc()
    assert isinstance(db, Database)
    try:
        dialog = asked[0]
        assert dialog.defaultButton() is dialog.choices[StoreChoiceDialog.LOCAL]
        assert Path(str(db.engine.url.database)) == new_pc and new_pc.exists()
        assert config.pc_server() is None
        assert not gui.new_pc(None)  # the next start opens the file without asking
    finally:
        db.dispose()


def test_a_branch_pc_connects_to_the_server_and_the_next_start_opens_it_again(
        qtbot: QtBot, server: str, new_pc: Path, monkeypatch) -> None:
    _answer(monkeypatch, StoreChoiceDialog.SERVER)
    _server_typed(monkeypatch, server)
    db = gui.open_on_a_new_pc()
    assert isinstance(db, Database)
    db.dispose()
    assert config.pc_server() == server and "password" not in server
    # the next start, no --db: the same server, nothing asked, no store of its own made
    _never(StoreChoiceDialog, monkeypatch)
    _never(MissingDatabaseDialog, monkeypatch)
    assert not gui.new_pc(None)
    again = gui.open_or_ask(None)
    assert again is not None
    try:
        assert again.url == server
        assert not new_pc.exists()
    finally:
        again.dispose()


def test_a_damaged_choice_on_a_branch_pc_asks_again(qtbot: QtBot, new_pc: Path) -> None:
    config.set_pc_server(UNREACHABLE)
    (new_pc.parent / config.PC_DATABASE_FILE).write_text("{", encoding="utf-8")
    assert gui.new_pc(None)  # the question again, not a store of its own


def test_closing_the_first_question_quits_and_makes_nothing(
        qtbot: QtBot, new_pc: Path, started, monkeypatch) -> None:
    _answer(monkeypatch, StoreChoiceDialog.QUIT)
    assert gui.run_gui(None, "en") == 0
    assert not new_pc.exists() and config.pc_server() is None


def test_an_unreachable_server_offers_try_again_or_quit_never_a_store_of_its_own(
        qtbot: QtBot, new_pc: Path, started, monkeypatch) -> None:
    config.set_pc_server(UNREACHABLE)
    said: list[str] = []
    monkeypatch.setattr(gui, "ask_retry",
                        lambda message, parent=None: said.append(message) or len(said) < 2)
    _never(StoreChoiceDialog, monkeypatch)
    _never(MissingDatabaseDialog, monkeypatch)
    assert gui.run_gui(None, "en") == gui.EXIT_CANNOT_OPEN
    assert len(said) == 2 and "cannot be reached" in said[0]  # tried again once, then quit
    assert not new_pc.exists()
    assert config.pc_server() == UNREACHABLE  # still the branch's server next time


def test_a_server_chosen_for_a_missing_file_is_kept(qtbot: QtBot, server: str, new_pc: Path,
                                                    tmp_path: Path, monkeypatch) -> None:
    def exec_(dialog: MissingDatabaseDialog) -> int:
        dialog.choices[MissingDatabaseDialog.SERVER].click()
        return 0

    monkeypatch.setattr(MissingDatabaseDialog, "exec", exec_)
    _server_typed(monkeypatch, server)
    db = gui.open_or_ask(str(tmp_path / "typo.sqlite"))
    assert db is not None
    db.dispose()
    assert config.pc_server() == server
    assert config.database_url() == server


@pytest.mark.usefixtures("chinese")
def test_settings_shows_the_server_and_switches_back_to_this_pcs_file(
        qtbot: QtBot, db: Database, admin, new_pc: Path, monkeypatch) -> None:
    # given a branch PC on the company's server
    config.set_pc_server(db.url)
    tab = DatabaseTab(AppSession(db, admin))
    qtbot.addWidget(tab)
    tab.show()
    assert tab.next_label.text().startswith("公司服务器")
    # a server that cannot be reached is not kept
    _server_typed(monkeypatch, UNREACHABLE)
    tab.server_button.click()
    assert "连不上服务器" in tab.message.text()
    assert config.pc_server() == db.url
    # back to this PC's own file: asked first, "No" keeps the server
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: answers.pop(0))
    tab.own_button.click()
    assert config.pc_server() == db.url
    tab.own_button.click()
    assert config.pc_server() is None
    assert tab.next_label.text() == f"本机文件 {new_pc}"
    assert not tab.own_button.isEnabled()
    # and to the server again, tried first
    _server_typed(monkeypatch, db.url)
    tab.server_button.click()
    assert config.pc_server() == db.url and "下次启动起使用公司服务器" in tab.message.text()
