"""backup / check / restore / migrate-data from the command line, with their exit codes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from app.cli import main
from app.services import calls_service as calls
from app.services import customers_service as customers


def _file(db) -> Path:
    return Path(db.engine.url.database)


def _register(ctx, name: str, phone: str) -> None:
    calls.register_call(ctx, calls.CallInput(
        fault="命令行测试", new_customer=customers.CustomerInput(name, (phone,))))


def test_backup_then_check(db, clerk, tmp_path, capsys, sqlite_only):
    _register(clerk, "备份甲", "13600001111")
    folder = tmp_path / "usb"
    assert main(["--lang", "en", "backup", "--db", str(_file(db)), "--to", str(folder)]) == 0
    files = list(folder.glob("*.sqlite"))
    assert len(files) == 1
    record = json.loads(files[0].with_suffix(".json").read_text(encoding="utf-8"))
    assert record["integrity"] == "ok" and record["counts"]["calls"] == 1
    assert main(["--lang", "en", "check", "--db", str(_file(db)), "--backups", str(folder)]) == 0
    assert "check ok" in capsys.readouterr().out


def test_check_without_backups_fails(db, tmp_path, sqlite_only):
    assert main(["check", "--db", str(_file(db)), "--backups", str(tmp_path / "none")]) == 1


def test_restore_puts_the_backup_back_and_keeps_the_current_state(db, clerk, tmp_path,
                                                                  sqlite_only):
    _register(clerk, "恢复前", "13600002222")
    folder = tmp_path / "bk"
    assert main(["backup", "--db", str(_file(db)), "--to", str(folder)]) == 0
    backup = next(folder.glob("*-manual.sqlite"))
    _register(clerk, "恢复后才有", "13600003333")
    db.dispose()
    assert main(["restore", str(backup), "--db", str(_file(db)), "--to", str(folder)]) == 0
    with sqlite3.connect(_file(db)) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM customers")}
    assert "恢复前" in names and "恢复后才有" not in names
    before = next(folder.glob("*-pre-restore.sqlite"))
    with sqlite3.connect(before) as conn:
        assert conn.execute("SELECT 1 FROM customers WHERE name='恢复后才有'").fetchone()


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path, sqlite_only):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    assert main(["restore", str(junk), "--db", str(_file(db))]) != 0
    assert main(["restore", str(tmp_path / "missing.sqlite"), "--db", str(_file(db))]) == 2


def test_migrate_data_to_an_empty_database(db, clerk, tmp_path, capsys, sqlite_only):
    _register(clerk, "搬家客户", "13600004444")
    target = f"sqlite:///{tmp_path / 'server.sqlite'}"
    db.dispose()
    assert main(["--lang", "en", "migrate-data", "--from", str(_file(db)), "--to", target]) == 0
    assert "verified" in capsys.readouterr().out
    assert main(["migrate-data", "--from", str(_file(db)), "--to", target]) == 1  # not empty
