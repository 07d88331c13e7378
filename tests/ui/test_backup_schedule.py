"""The daily backup at start and while the app runs: a failure is said, the counter opens."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db import backup_file
from app.services import backup_service
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services.context import ServiceContext
from app.ui import app as gui
from app.ui.backup_scheduler import BackupScheduler
from app.ui.pages import backup_page
from tests.helpers.faults import free_space, full_disk
from tests.helpers.ui_shell import IGNORE_OFFSCREEN

pytestmark = IGNORE_OFFSCREEN


@pytest.fixture
def full_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A backup folder on a real full disk (root: a filled tmpfs); else SQLite's own error."""
    folder = tmp_path / "full"
    with full_disk(folder) as real:
        if not real:
            original = backup_file.online_copy

            def no_space(source: Path, target: Path) -> None:
                if (folder / "filler").exists():
                    raise sqlite3.OperationalError("database or disk is full")
                original(source, target)

            (folder / "filler").write_bytes(b"")
            monkeypatch.setattr(backup_file, "online_copy", no_space)
        yield folder


def _register(ctx, name: str, phone: str) -> str:
    return calls.register_call(ctx, calls.CallInput(fault="定时备份测试", new_customer=(
        customers.CustomerInput(name, (phone,))))).number


def _numbers_in(backup: Path) -> set[str]:
    conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT number FROM calls")}
    finally:
        conn.close()


def test_a_full_backup_folder_at_start_is_said_and_the_log_in_follows(
        qtbot: QtBot, qapp: QApplication, db, clerk, full_folder: Path,
        monkeypatch: pytest.MonkeyPatch, sqlite_only) -> None:
    number = _register(clerk, "满盘开机", "13900001111")
    db.dispose()
    monkeypatch.setattr(backup_page, "backup_folder", lambda: full_folder)
    warned: list[str] = []
    monkeypatch.setattr(gui.QMessageBox, "warning", lambda *a: warned.append(a[2]))
    reached: list[bool] = []

    def log_in_shown(opened, _settings, _language):
        reached.append(True)
        assert calls.find_call_by_number(ServiceContext(opened, clerk.actor), number)
        return None  # the clerk closes the log-in

    monkeypatch.setattr(gui, "start_session", log_in_shown)
    monkeypatch.setattr(gui, "configure_logging", lambda: None)
    try:
        assert gui.run_gui(str(db.engine.url.database), "en") == 0
    finally:
        qapp.setStyleSheet("")
    assert reached == [True]
    assert len(warned) == 1 and "the disk is full" in warned[0]
    assert "keeps working" in warned[0]


class _Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def test_a_counter_left_open_backs_up_each_day_in_the_background(
        qtbot: QtBot, db, clerk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        sqlite_only) -> None:
    folder = tmp_path / "bk"
    clock = _Clock(datetime(2026, 11, 22, 8, 0))
    scheduler = BackupScheduler(db, lambda: folder, clock=clock, interval_ms=3_600_000)
    with qtbot.waitSignal(scheduler.backed_up, timeout=30_000):
        scheduler.tick()
    scheduler.tick()  # the same day: nothing more
    assert not scheduler.busy and len(list(folder.glob("*-daily.sqlite"))) == 1

    # Next morning, with the app still open: the backup runs on a pool thread while the
    # screen keeps serving (the copy is held until the clerk's call is registered).
    release, started = threading.Event(), threading.Event()
    original = backup_file.take_backup

    def held(*args, **kwargs):
        started.set()
        assert release.wait(30)
        return original(*args, **kwargs)

    monkeypatch.setattr(backup_service, "take_backup", held)
    clock.now += timedelta(days=1)
    scheduler.tick()  # returns at once: the backup waits in the background
    assert started.wait(30) and scheduler.busy
    number = _register(clerk, "备份时登记", "13900002222")  # the GUI thread is free
    with qtbot.waitSignal(scheduler.backed_up, timeout=30_000) as taken:
        release.set()
    assert taken.args[0].path.name.startswith(Path(db.engine.url.database).stem + "-20261123")
    assert number in _numbers_in(taken.args[0].path)
    scheduler.stop()


def test_the_timer_backs_up_a_database_opened_with_db(qtbot: QtBot, db, tmp_path: Path,
                                                     sqlite_only) -> None:
    folder = tmp_path / "bk"
    scheduler = BackupScheduler(db, lambda: folder, interval_ms=20)
    scheduler.start()
    with qtbot.waitSignal(scheduler.backed_up, timeout=30_000):
        pass
    scheduler.stop()
    assert len(list(folder.glob("store-*-daily.sqlite"))) == 1


def test_a_failing_backup_is_shown_once_and_succeeds_when_space_is_back(
        qtbot: QtBot, db, clerk, full_folder: Path, sqlite_only) -> None:
    clock = _Clock(datetime(2026, 11, 22, 9, 0))
    scheduler = BackupScheduler(db, lambda: full_folder, clock=clock, interval_ms=3_600_000)
    shown: list[str] = []
    scheduler.failure_shown.connect(shown.append)
    for _ in range(3):  # three looks, ten minutes apart
        with qtbot.waitSignal(scheduler.attempt_ended, timeout=30_000):
            scheduler.tick()
        clock.now += timedelta(minutes=10)
    assert len(shown) == 1 and "the disk is full" in shown[0]
    assert scheduler.message_box is not None and scheduler.message_box.isVisible()
    assert "the disk is full" in scheduler.message_box.text()
    scheduler.message_box.close()
    number = _register(clerk, "空间恢复后", "13900003333")
    free_space(full_folder)
    with qtbot.waitSignal(scheduler.backed_up, timeout=30_000) as taken:
        scheduler.tick()
    assert number in _numbers_in(taken.args[0].path) and len(shown) == 1
    scheduler.stop()



def test_an_upgrade_whose_backup_cannot_be_written_is_refused_with_the_reason(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Only one schema revision exists yet, so the pre-upgrade copy is reached by its error.
    def upgrade_backup_fails(_url: str, **_options: object) -> None:
        raise backup_file.write_failed(tmp_path, sqlite3.OperationalError(
            "database or disk is full"))

    monkeypatch.setattr(gui, "open_database", upgrade_backup_fails)
    with pytest.raises(gui.StartupError) as caught:
        gui.open_store_database(str(tmp_path / "old.sqlite"))
    assert "the disk is full" in caught.value.message
    assert "nothing was changed" in caught.value.message
