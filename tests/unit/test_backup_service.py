"""Backups: verified copies of a live database, and a retention that keeps two months."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.db import backup_file
from app.services import backup_service as backups
from app.services import calls_service as calls
from app.services import customers_service as customers


def _live_path(db) -> Path:
    return Path(db.engine.url.database)


def test_backup_of_a_live_database_verifies_and_counts(db, clerk, tmp_path, sqlite_only):
    calls.register_call(clerk, calls.CallInput(
        fault="不制冷", new_customer=customers.CustomerInput("备份测试", ("13511112222",))))
    info = backup_file.take_backup(_live_path(db), tmp_path / "bk", kind="manual",
                               now=datetime(2026, 11, 22, 9, 30))
    assert info.ok and info.path.exists() and info.path.name.endswith("-manual.sqlite")
    assert info.counts["calls"] == 1 and info.counts["customers"] == 3
    with sqlite3.connect(info.path) as conn:
        assert conn.execute("SELECT name FROM customers WHERE name='备份测试'").fetchone()


def test_backup_while_another_connection_keeps_writing(db, clerk, tmp_path, sqlite_only):
    stop = threading.Event()

    def writer() -> None:
        n = 0
        while not stop.is_set() and n < 200:
            calls.register_call(clerk, calls.CallInput(
                fault=f"并发{n}", new_customer=customers.CustomerInput(
                    f"并发客户{n}", (f"1350000{n:04d}",))))
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        info = backup_file.take_backup(_live_path(db), tmp_path / "bk", kind="manual",
                                   now=datetime(2026, 11, 22, 10, 0))
    finally:
        stop.set()
        thread.join()
    assert info.ok


def test_a_missing_or_unwritable_folder_is_reported(db, tmp_path, sqlite_only):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(backup_file.BackupFolderError) as err:
        backup_file.take_backup(_live_path(db), blocker / "sub", kind="manual",
                            now=datetime(2026, 11, 22))
    assert "file-not-folder" in err.value.text()


def test_retention_over_a_simulated_400_days():
    start = date(2025, 10, 1)
    folder = Path("/backups")
    files = [backups.BackupFile(folder / f"d{i}.sqlite",
                                datetime.combine(start + timedelta(days=i), datetime.min.time())
                                + timedelta(hours=8), "daily")
             for i in range(400)]
    migration = datetime(2026, 3, 3, 7)
    files.append(backups.BackupFile(folder / "mig.sqlite", migration, "pre-migration"))
    today = start + timedelta(days=399)
    gone = {b.path for b in backups.plan_pruning(files, today)}
    kept = [b for b in files if b.path not in gone]
    kept_days = {b.taken_at.date() for b in kept}
    # every day of the last two months is restorable
    assert all(today - timedelta(days=d) in kept_days for d in range(0, 63))
    # older: one per month (the month's last) for a year, plus the pre-migration copy
    old = sorted(b.taken_at.date() for b in kept if (today - b.taken_at.date()).days > 62)
    months = [(d.year, d.month) for d in old]
    assert len(months) == len(set(months)) + 1  # the pre-migration copy shares its month
    assert all((today - d).days <= 366 for d in old)
    assert any(b.kind == "pre-migration" for b in kept)
    assert len(kept) < 80


def test_pruning_never_removes_the_only_backup():
    lone = backups.BackupFile(Path("/b/only.sqlite"), datetime(2024, 1, 1), "daily")
    assert backups.plan_pruning([lone], date(2026, 11, 22)) == []
