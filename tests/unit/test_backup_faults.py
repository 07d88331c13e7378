"""Backups meet the faults of a real store: a full or read-only folder, an altered backup."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.db import backup_file
from app.services import backup_service as backups
from app.services import calls_service as calls
from app.services import customers_service as customers
from tests.helpers.faults import full_disk, read_only_view


def _live(db) -> Path:
    return Path(db.engine.url.database)


@pytest.fixture
def full_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A backup folder on a full disk (a real full tmpfs as root, else SQLite's own error)."""
    folder = tmp_path / "full"
    with full_disk(folder) as real:
        if not real:
            def no_space(_source: Path, _target: Path) -> None:
                raise sqlite3.OperationalError("database or disk is full")

            monkeypatch.setattr(backup_file, "online_copy", no_space)
        yield folder


def test_a_full_backup_folder_is_a_clear_refusal_and_leaves_nothing(db, clerk, full_folder,
                                                                   sqlite_only):
    call = calls.register_call(clerk, calls.CallInput(fault="满盘测试", new_customer=(
        customers.CustomerInput("满盘客户", ("13800001111",)))))
    with pytest.raises(backup_file.BackupFolderError) as err:
        backups.daily_backup_if_due(db, full_folder, datetime(2026, 11, 22, 8))
    assert "the disk is full" in err.value.text()
    assert not list(full_folder.glob("*.partial")) and not list(full_folder.glob("*partial"))
    assert calls.get_call(clerk, call.id).number == call.number  # nothing entered is lost


def test_a_read_only_backup_folder_is_said(db, tmp_path, sqlite_only):
    source = tmp_path / "bk-source"
    source.mkdir()
    with read_only_view(source, tmp_path / "bk-ro") as real:
        if not real:
            pytest.skip("needs root to mount a read-only folder: run the tests as root (CI does)")
        with pytest.raises(backup_file.BackupFolderError) as err:
            backup_file.take_backup(_live(db), tmp_path / "bk-ro", kind="daily",
                                now=datetime(2026, 11, 22, 8))
    assert "not writable" in err.value.text()


def test_a_backup_folder_on_a_drive_not_plugged_in_is_refused_not_made_locally(
        db, tmp_path, sqlite_only):
    unplugged = tmp_path / "media" / "usb-stick" / "店铺备份"  # the drive's mount point is gone
    with pytest.raises(backup_file.BackupFolderError) as err:
        backup_file.take_backup(_live(db), unplugged, kind="daily", now=datetime(2026, 11, 22, 8))
    assert "plugged in" in err.value.text()
    assert not (tmp_path / "media").exists()  # no look-alike folder on the local disk
    # A new folder inside one that is there is still made.
    info = backup_file.take_backup(_live(db), tmp_path / "备份", kind="daily",
                               now=datetime(2026, 11, 22, 8))
    assert info.path.parent == tmp_path / "备份"


def test_once_a_day_per_database(db, tmp_path, sqlite_only):
    folder = tmp_path / "bk"
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE calls (id INTEGER PRIMARY KEY, received_at TEXT)")
    conn.close()
    backup_file.take_backup(other, folder, kind="daily", now=datetime(2026, 11, 22, 8))
    # Another database's backup of the day does not count for this one.
    assert backups.daily_backup_if_due(db, folder, datetime(2026, 11, 22, 9)) is not None
    assert backups.daily_backup_if_due(db, folder, datetime(2026, 11, 22, 15)) is None


def _altered_copy(backup: Path, old: str, new: str) -> None:
    """Change one text value inside a page, keeping the file structurally sound."""
    data = backup.read_bytes()
    before, after = old.encode(), new.encode()
    assert len(before) == len(after) and data.count(before) >= 1
    backup.write_bytes(data.replace(before, after))
    with sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


@pytest.fixture
def backed_up(sqlite_only, db, clerk, tmp_path) -> tuple[Path, Path]:
    customers.create_customer(clerk, customers.CustomerInput(
        "篡改测试", ("13800002222",), "东风路 5 号"))
    folder = tmp_path / "bk"
    assert main(["backup", "--db", str(_live(db)), "--to", str(folder)]) == 0
    calls.register_call(clerk, calls.CallInput(fault="备份之后登记", new_customer=(
        customers.CustomerInput("备份之后", ("13800003333",)))))
    db.dispose()
    return folder, next(folder.glob("*-manual.sqlite"))


def _names(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM customers")}
    conn.close()
    return names


def test_restore_refuses_a_backup_whose_content_was_altered(db, backed_up, capsys,
                                                            sqlite_only):
    folder, backup = backed_up
    _altered_copy(backup, "东风路 5 号", "东风路 6 号")
    code = main(["--lang", "en", "restore", str(backup), "--db", str(_live(db)),
                 "--to", str(folder)])
    assert code == 1
    assert "changed since it was taken" in capsys.readouterr().err
    assert "备份之后" in _names(_live(db))  # the live data is untouched
    assert not list(folder.glob("*-pre-restore.sqlite"))


def test_a_backup_without_its_record_is_restored_with_a_warning(db, backed_up, capsys,
                                                                 sqlite_only):
    folder, backup = backed_up
    backup.with_suffix(".json").unlink()
    code = main(["--lang", "en", "restore", str(backup), "--db", str(_live(db)),
                 "--to", str(folder)])
    assert code == 0
    out = capsys.readouterr().out
    assert "cannot be verified" in out
    assert "备份之后" not in _names(_live(db)) and "篡改测试" in _names(_live(db))
    assert "备份之后" in _names(next(folder.glob("*-pre-restore.sqlite")))


def test_a_sound_backup_matches_its_record(db, backed_up, sqlite_only):
    _folder, backup = backed_up
    record = json.loads(backup.with_suffix(".json").read_text(encoding="utf-8"))
    assert backups.check_against_record(backup).sha256 == record["sha256"]
