"""Code that hashes, copies or checks database files leaves SQLite's locks alone (issue 12).

Each test keeps the store's engine open (as the running app does), runs the code path in
this process, lets another process open and close the store, then registers a call: the
other process sees it and the -wal is the same file.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.bootstrap import open_database
from app.db import backup_file
from app.db.migrate import precheck_sqlite_file
from app.services import backup_service
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services import recovery_service as recovery
from app.services.context import ServiceContext
from tests.helpers.locks import StoreWatch, live_path, other_process_opens_and_closes

pytestmark = pytest.mark.usefixtures("sqlite_only")


def _register(ctx: ServiceContext) -> str:
    return calls.register_call(ctx, calls.CallInput(
        fault="不制冷", new_customer=customers.CustomerInput("锁测试", ("13500001111",)))).number


def _after(ctx: ServiceContext, watch: StoreWatch) -> None:
    other_process_opens_and_closes(watch.path)
    watch.assert_intact_after_write(_register(ctx))


def test_back_up_now_keeps_the_locks(db, admin, clerk, tmp_path):
    watch = StoreWatch.of(db)
    info = backup_service.backup_now(admin, tmp_path / "bk")
    assert info.ok
    _after(clerk, watch)


def test_check_command_on_the_open_store_keeps_the_locks(db, clerk, tmp_path):
    from app.cli import main

    watch = StoreWatch.of(db)
    backup_file.take_backup(watch.path, tmp_path / "bk", kind="manual",
                               now=datetime.now())
    assert main(["check", "--db", str(watch.path), "--backups", str(tmp_path / "bk")]) == 0
    _after(clerk, watch)


def test_recovery_opening_a_backup_keeps_the_locks(db, admin, clerk, tmp_path):
    watch = StoreWatch.of(db)
    info = backup_file.take_backup(watch.path, tmp_path / "bk", kind="daily",
                                      now=datetime.now())
    backup = recovery.open_backup(info.path)
    try:
        recovery.compare(admin, backup, "customers", 1)
    finally:
        backup.dispose()
    _after(clerk, watch)


def test_start_up_checks_of_the_same_file_keep_the_locks(db, clerk):
    watch = StoreWatch.of(db)
    precheck_sqlite_file(watch.path)
    second = open_database(str(live_path(db)))  # a second window / the restart path
    second.dispose()
    _after(clerk, watch)


def test_restore_of_a_backup_does_not_leave_a_stale_engine_writing(db, admin, tmp_path):
    # the restore closes the live engine itself; a new one writes into the live file
    info = backup_file.take_backup(live_path(db), tmp_path / "bk", kind="daily",
                                      now=datetime.now())
    backup_service.restore_from(admin, Path(info.path), tmp_path / "bk")
    reopened = open_database(str(live_path(db)))
    try:
        from app.services import auth_service
        from tests.helpers.seed import SEED_PASSWORD

        clerk = ServiceContext(reopened, auth_service.log_in(
            reopened, "clerk", SEED_PASSWORD, workstation="test-pc"))
        _after(clerk, StoreWatch.of(reopened))
    finally:
        reopened.dispose()
