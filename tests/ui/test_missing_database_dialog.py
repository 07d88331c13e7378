"""At start, a missing store is asked about and a read-only one is called read-only."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.bootstrap import open_database
from app.db import backup_file
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services.context import ServiceContext
from app.ui import app as gui
from app.ui.dialogs.missing_database_dialog import MissingDatabaseDialog
from app.ui.pages import backup_page
from tests.helpers.faults import read_only_view
from tests.helpers.seed import seed_store
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, audit_rows, chinese

__all__ = ["chinese"]
pytestmark = IGNORE_OFFSCREEN


@pytest.fixture
def lost_store(db, clerk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
               ) -> tuple[Path, str, str]:
    """The data folder's store used yesterday, backed up, then deleted before today's start;
    returns its path, the call in the backup, and a call entered after the backup."""
    monkeypatch.setattr(backup_page, "backup_folder", lambda: tmp_path / "bk")
    store = open_database(None)
    seed_store(store)
    ctx = ServiceContext(store, clerk.actor)

    def register(name: str, phone: str) -> str:
        return calls.register_call(ctx, calls.CallInput(fault="丢库测试", new_customer=(
            customers.CustomerInput(name, (phone,))))).number

    kept = register("备份里有", "13600007777")
    path = Path(str(store.engine.url.database))
    backup_file.take_backup(path, tmp_path / "bk", kind="daily",
                               now=datetime(2026, 11, 21, 8))
    after = register("备份后才有", "13600008888")
    store.dispose()
    shutil.move(path, tmp_path / "somewhere-else.sqlite")
    return path, kept, after


def _answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[str]:
    """The user reads the dialog and clicks ``choice``; returns what the dialog said."""
    said: list[str] = []

    def exec_(dialog: MissingDatabaseDialog) -> int:
        said.append(f"{dialog.text()}\n{dialog.informativeText()}")
        dialog.choices[choice].click()
        return 0

    monkeypatch.setattr(MissingDatabaseDialog, "exec", exec_)
    return said


def _calls(db) -> Callable[[str], bool]:
    def has(number: str) -> bool:
        with db.read() as session:
            from sqlalchemy import select

            from app.models.calls import Call

            return session.scalar(select(Call.id).where(Call.number == number)) is not None
    return has


def test_the_missing_store_is_said_and_quitting_creates_nothing(
        qtbot: QtBot, qapp: QApplication, lost_store, monkeypatch) -> None:
    path, _kept, _after = lost_store
    said = _answer(monkeypatch, MissingDatabaseDialog.QUIT)
    monkeypatch.setattr(gui, "configure_logging", lambda: None)
    try:
        assert gui.run_gui(None, "en") == gui.EXIT_CANNOT_OPEN
    finally:
        qapp.setStyleSheet("")
    assert f"The database {path} is missing" in said[0]
    assert "Nothing has been created" in said[0] and "newest backup" in said[0]
    assert not path.exists() and not Path(f"{path}-wal").exists()


def test_restore_the_newest_backup_from_the_dialog(qtbot: QtBot, lost_store,
                                                   monkeypatch) -> None:
    path, kept, after = lost_store
    _answer(monkeypatch, MissingDatabaseDialog.RESTORE)
    db = gui.open_or_ask(None)
    assert db is not None
    try:
        has = _calls(db)
        assert has(kept) and not has(after)  # the backup's state, as the dialog said
        assert [r.action for r in audit_rows(db, action="restore")] == ["restore"]
        assert Path(str(db.engine.url.database)) == path
    finally:
        db.dispose()


def test_create_a_new_store_only_when_asked(qtbot: QtBot, lost_store, monkeypatch) -> None:
    path, kept, _after = lost_store
    said = _answer(monkeypatch, MissingDatabaseDialog.CREATE)
    db = gui.open_or_ask(None)
    assert db is not None and len(said) == 1
    try:
        assert path.exists() and not _calls(db)(kept)
    finally:
        db.dispose()


def test_open_another_file_from_the_dialog(qtbot: QtBot, lost_store, tmp_path,
                                           monkeypatch) -> None:
    path, kept, after = lost_store
    _answer(monkeypatch, MissingDatabaseDialog.OPEN)
    from app.ui.dialogs import missing_database_dialog

    moved = tmp_path / "somewhere-else.sqlite"
    monkeypatch.setattr(missing_database_dialog, "choose_database_file",
                        lambda _parent, _start: moved)
    db = gui.open_or_ask(None)
    assert db is not None
    try:
        assert _calls(db)(kept) and _calls(db)(after)  # nothing entered is lost
        assert not path.exists()
    finally:
        db.dispose()


def test_a_typed_db_path_that_does_not_exist_is_asked_about(qtbot: QtBot, db, tmp_path,
                                                            monkeypatch) -> None:
    said = _answer(monkeypatch, MissingDatabaseDialog.QUIT)
    typo = tmp_path / "stroe.sqlite"
    assert gui.open_or_ask(str(typo)) is None
    assert said == [f"There is no database at {typo}. Nothing has been created.\n"]
    assert not typo.exists()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_read_only_database_is_called_read_only(chinese: QApplication, db, tmp_path,
                                                  sqlite_only) -> None:
    source = tmp_path / "shop"
    source.mkdir()
    shutil.copy(str(db.engine.url.database), source / "store.sqlite")
    view = tmp_path / "shop-ro"
    with read_only_view(source, view) as mounted:
        if not mounted:  # not root: permissions are enough
            (source / "store.sqlite").chmod(0o444)
            source.chmod(0o555)
            view = source
        before = _digest(view / "store.sqlite")
        try:
            with pytest.raises(gui.StartupError) as caught:
                gui.open_store_database(str(view / "store.sqlite"))
        finally:
            source.chmod(0o755)
        assert _digest(view / "store.sqlite") == before
    assert caught.value.message.startswith("数据库无法写入")
    assert "不是售后服务台的数据库" not in caught.value.message



@pytest.mark.usefixtures("chinese")
def test_a_new_path_is_not_called_missing(qtbot: QtBot, tmp_path: Path) -> None:
    from app.db.known_databases import MissingDatabase

    # given a path given with --db that this PC never used, and one it used yesterday
    new = MissingDatabaseDialog(MissingDatabase(tmp_path / "new.sqlite", last_used=None), None)
    lost = MissingDatabaseDialog(MissingDatabase(tmp_path / "store.sqlite",
                                                 last_used="2026-12-06T18:02:11"), None)
    qtbot.addWidget(new)
    qtbot.addWidget(lost)
    # then only the one used before is said to be missing (不见了)
    assert new.windowTitle() == "此处还没有数据库"
    assert lost.windowTitle() == "数据库不见了"
