"""Unexpected errors become an apology with "Copy details"; unusable databases a clear no."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from app.errors import ValidationError
from app.i18n import N_
from app.logging_setup import configure_logging, stop_logging
from app.ui import app as gui
from app.ui.dialogs.error_dialog import ErrorDialog, open_error_dialogs
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese

__all__ = ["chinese"]
pytestmark = IGNORE_OFFSCREEN


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = configure_logging(tmp_path)
    yield path
    stop_logging()


@pytest.fixture
def gui_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    gui.install_excepthook()


def _broken_button(qtbot: QtBot) -> QPushButton:
    button = QPushButton("go")
    qtbot.addWidget(button)

    def crash() -> None:
        raise RuntimeError("boom in a slot")

    button.clicked.connect(crash)
    button.show()
    return button


@pytest.mark.qt_no_exception_capture
def test_unexpected_error_shows_an_apology_and_logs_the_traceback(
        qtbot: QtBot, chinese: QApplication, log_file: Path, gui_hook: None) -> None:
    # given a button whose action has a bug
    button = _broken_button(qtbot)
    # when the clerk presses it (space bar)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    # then an apology shows in Chinese, without the traceback
    qtbot.waitUntil(lambda: any(isinstance(d, ErrorDialog) and d.isVisible()
                                for d in open_error_dialogs()))
    dialog = next(d for d in open_error_dialogs() if isinstance(d, ErrorDialog))
    qtbot.addWidget(dialog)
    assert dialog.message.text().startswith("抱歉，程序出了问题")
    assert "Traceback" not in dialog.message.text()
    assert "RuntimeError: boom in a slot" in dialog.details
    # and "Copy details" puts the traceback on the clipboard
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == dialog.details
    assert dialog.copy_button.text() == "已复制"
    # and the log file holds the traceback
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "boom in a slot" in text
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_user_error_reaching_the_hook_shows_its_message(
        qtbot: QtBot, chinese: QApplication, log_file: Path) -> None:
    err = ValidationError(N_("This field is required."), field="name")
    gui.handle_exception(ValidationError, err, None)
    box = next(d for d in open_error_dialogs() if isinstance(d, QMessageBox))
    qtbot.addWidget(box)
    assert box.text() == "此项必填。"
    box.accept()


def test_a_server_outage_reaching_the_hook_twice_shows_one_box(
        qtbot: QtBot, chinese: QApplication, log_file: Path) -> None:
    from app.errors import ServerUnreachableError

    # given a book that refreshes twice while the database server is away
    for _ in range(2):
        gui.handle_exception(ServerUnreachableError, ServerUnreachableError(reading=True), None)
    # then one box says so, in Chinese
    boxes = [d for d in open_error_dialogs() if isinstance(d, QMessageBox)]
    for box in boxes:
        qtbot.addWidget(box)
    assert len(boxes) == 1 and "与数据库服务器的连接已断开" in boxes[0].text()
    boxes[0].accept()


def test_an_error_in_a_worker_thread_is_logged(log_file: Path, gui_hook: None) -> None:
    def work() -> None:
        raise ValueError("bad row in a background job")

    worker = threading.Thread(target=work, name="import-worker")
    worker.start()
    worker.join()
    text = log_file.read_text(encoding="utf-8")
    assert "import-worker" in text and "ValueError: bad row in a background job" in text


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_foreign_sqlite_file_is_refused_untouched(chinese: QApplication,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "accounts.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount INTEGER)")
    before = _digest(path)
    with pytest.raises(gui.StartupError) as caught:
        gui.open_store_database(str(path))
    assert caught.value.message == "这个文件不是售后服务台的数据库。没有做任何改动。"
    assert _digest(path) == before
    assert not (tmp_path / "accounts.sqlite-wal").exists()


def test_a_newer_database_is_refused_untouched(chinese: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
        conn.execute("CREATE TABLE calls (id INTEGER PRIMARY KEY)")
    before = _digest(path)
    with pytest.raises(gui.StartupError) as caught:
        gui.open_store_database(str(path))
    assert caught.value.message.startswith("这个数据库是由更新版本的售后服务台创建的")
    assert _digest(path) == before


def test_a_text_file_is_not_a_database(chinese: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database at all, just words " * 20)
    with pytest.raises(gui.StartupError, match="不是售后服务台的数据库"):
        gui.open_store_database(str(path))


@pytest.mark.parametrize(("problem", "expected"), [
    ("attempt to write a readonly database", "数据库无法写入"),
    ("database or disk is full", "数据库所在的磁盘已满"),
])
def test_read_only_and_full_disk_are_explained(
        chinese: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        problem: str, expected: str) -> None:
    def fail(_url: str, **_options: object) -> None:
        raise OperationalError("PRAGMA journal_mode=WAL", {}, sqlite3.OperationalError(problem))

    monkeypatch.setattr(gui, "open_database", fail)
    with pytest.raises(gui.StartupError) as caught:
        gui.open_store_database(str(tmp_path / "x.sqlite"))
    assert caught.value.message.startswith(expected)


def test_run_gui_exits_with_2_and_says_why(
        qtbot: QtBot, chinese: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        log_file: Path, gui_hook: None) -> None:
    path = tmp_path / "accounts.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY)")
    shown: list[str] = []
    monkeypatch.setattr(gui, "show_startup_error", shown.append)
    monkeypatch.setattr(gui, "configure_logging", lambda: log_file)
    try:
        assert gui.run_gui(str(path), "en") == gui.EXIT_CANNOT_OPEN
    finally:
        chinese.setStyleSheet("")  # run_gui styled the shared test application
    assert shown == ["This file is not a Service Counter database. Nothing was changed."]
