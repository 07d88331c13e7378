"""A missing database is never replaced silently by a new, empty store (command line)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.bootstrap import open_database
from app.cli import main
from app.db.known_databases import MissingDatabase
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services.context import ServiceContext

COMMANDS = {
    "check": ["check"],
    "backup": ["backup", "--to", "{tmp}/bk"],
    "print": ["print", "daily-report", "2026-11-22", "--out", "{tmp}/day.pdf"],
    "export": ["export", "monthly", "--month", "2026-10", "--out", "{tmp}/month.xlsx"],
    "restore": ["restore", "{backup}"],
}


def _nothing_at(path: Path) -> bool:
    return not any(Path(f"{path}{suffix}").exists() for suffix in ("", "-wal", "-shm",
                                                                 "-journal"))


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_mistyped_path_creates_nothing(command, db, tmp_path, capsys, sqlite_only):
    assert main(["backup", "--db", str(db.engine.url.database), "--to", str(tmp_path / "bk")]) == 0
    backup = next((tmp_path / "bk").glob("*.sqlite"))
    typo = tmp_path / "stroe.sqlite"
    args = [a.format(tmp=tmp_path, backup=backup) for a in COMMANDS[command]]
    capsys.readouterr()
    assert main(["--lang", "en", *args, "--db", str(typo)]) == 2
    assert f"There is no database at {typo}; nothing was created" in capsys.readouterr().err
    assert _nothing_at(typo)


def _default_store(clerk_ctx: ServiceContext) -> tuple[Path, str]:
    """The data folder's own store (the default file), with one call on it."""
    db = open_database(None)
    path = Path(str(db.engine.url.database))
    from tests.helpers.seed import seed_store

    seed_store(db)
    ctx = ServiceContext(db, clerk_ctx.actor)
    number = calls.register_call(ctx, calls.CallInput(fault="默认库", new_customer=(
        customers.CustomerInput("默认库客户", ("13500009999",))))).number
    db.dispose()
    return path, number


def test_a_deleted_default_store_is_not_recreated(db, clerk, tmp_path, capsys, sqlite_only):
    path, _number = _default_store(clerk)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(MissingDatabase) as missing:
        open_database(None)  # even the lenient default refuses a store it knew
    assert missing.value.used_before
    assert main(["--lang", "en", "check"]) == 2
    assert "nothing was created" in capsys.readouterr().err
    assert _nothing_at(path)


def test_restore_new_file_brings_a_lost_store_back(db, clerk, tmp_path, capsys, sqlite_only):
    path, number = _default_store(clerk)
    assert main(["backup", "--to", str(tmp_path / "bk")]) == 0
    backup = next((tmp_path / "bk").glob("*-manual.sqlite"))
    shutil.move(path, tmp_path / "moved-away.sqlite")  # its -wal stays behind
    assert main(["--lang", "en", "restore", str(backup)]) == 2  # not without saying so
    assert not path.exists()
    assert main(["--lang", "en", "restore", str(backup), "--new-file"]) == 0
    assert f"as {path}" in capsys.readouterr().out
    restored = open_database(None)
    try:
        assert calls.find_call_by_number(ServiceContext(restored, clerk.actor), number)
    finally:
        restored.dispose()
    assert list(path.parent.glob("*-wal.orphaned-*"))  # the stale WAL was set aside, kept
