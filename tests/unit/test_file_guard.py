"""A live store lost under the running app: the next write is refused, nothing acknowledged
is lost (issue 12: lost locks, the file deleted, moved or replaced, its -wal deleted)."""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from app.errors import DatabaseLostError
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services.context import ServiceContext
from tests.helpers.locks import (
    StoreWatch,
    live_path,
    other_process,
    other_process_opens_and_closes,
    other_process_sees_call,
)

pytestmark = pytest.mark.usefixtures("sqlite_only")


def _register(ctx: ServiceContext, name: str = "锁测试", phone: str = "13500001111") -> str:
    return calls.register_call(ctx, calls.CallInput(
        fault="不制冷", new_customer=customers.CustomerInput(name, (phone,)))).number


def _calls_seen_by_another_process(path: Path) -> int:
    [(count,)] = other_process(path, "SELECT count(*) FROM calls")
    return int(count)  # type: ignore[call-overload]


def _drop_locks_in_process(path: Path) -> None:
    """What Qt's file dialog did: read the files it listed with open()/close()."""
    for name in (f"{path}-shm", f"{path}-wal", str(path)):
        with open(name, "rb") as handle:
            handle.read(16)


def _refused(ctx: ServiceContext, reason: str) -> DatabaseLostError:
    with pytest.raises(DatabaseLostError) as caught:
        _register(ctx, "不该保存", "13500009999")
    assert caught.value.reason == reason
    assert "Nothing was saved" in caught.value.text()
    assert "start it again" in caught.value.text()
    return caught.value


def test_lost_locks_and_a_deleted_wal_refuse_the_next_write(db, clerk):
    # given a call the screen showed as registered
    path = live_path(db)
    first = _register(clerk)
    # when the locks are dropped in this process and another process opens and closes
    _drop_locks_in_process(path)
    other_process_opens_and_closes(path)
    assert not Path(f"{path}-wal").exists()  # the hole itself: the live WAL is gone
    # then the next write is refused, and so is every one after it
    _refused(clerk, "journal")
    _refused(clerk, "journal")
    # and nothing acknowledged is lost: the other process sees the first call, no other
    assert other_process_sees_call(path, first)
    assert _calls_seen_by_another_process(path) == 1


def test_lost_locks_alone_refuse_the_next_write(db, clerk):
    path = live_path(db)
    _register(clerk)
    _drop_locks_in_process(path)
    _refused(clerk, "locks")
    assert _calls_seen_by_another_process(path) == 1


def test_a_deleted_store_refuses_the_next_write(db, clerk):
    path = live_path(db)
    _register(clerk)
    os.unlink(path)
    err = _refused(clerk, "missing")
    assert str(path) in err.text()
    assert not path.exists()  # and nothing made a new, empty store in its place


def test_a_deleted_store_is_not_silently_made_again_by_a_new_connection(db, clerk):
    # given the store deleted while the app runs, and its connections closed and reopened
    path = live_path(db)
    _register(clerk)
    os.unlink(path)
    db.dispose()
    # when the app reads or writes again, then it fails instead of making a new empty store
    with pytest.raises(OperationalError), db.read() as session:
        session.execute(text("SELECT count(*) FROM calls"))
    with pytest.raises((DatabaseLostError, OperationalError)):
        _register(clerk, "不该保存", "13500009999")
    assert not path.exists()


def test_a_moved_store_refuses_the_next_write_and_keeps_what_was_saved(db, clerk, tmp_path):
    path = live_path(db)
    first = _register(clerk)
    moved = tmp_path / "elsewhere.sqlite"
    for suffix in ("", "-wal", "-shm"):
        os.rename(f"{path}{suffix}", f"{moved}{suffix}")
    _refused(clerk, "missing")
    assert other_process_sees_call(moved, first)
    assert _calls_seen_by_another_process(moved) == 1


def test_a_replaced_store_refuses_the_next_write(db, clerk, tmp_path):
    path = live_path(db)
    _register(clerk)
    copy = tmp_path / "copy.sqlite"
    shutil.copy(path, copy)
    os.replace(copy, path)
    _refused(clerk, "replaced")


def test_a_deleted_wal_refuses_the_next_write(db, clerk):
    path = live_path(db)
    _register(clerk)
    os.unlink(f"{path}-wal")
    _refused(clerk, "journal")


def test_a_wal_lost_during_the_commit_is_not_acknowledged(db, clerk):
    # given the WAL deleted after the last check before the commit (the narrowest window)
    path = live_path(db)

    @event.listens_for(db.engine, "commit")
    def _delete_wal(_conn: object) -> None:
        Path(f"{path}-wal").unlink(missing_ok=True)

    # when the clerk registers a call, then it is not acknowledged: "may not have been saved"
    with pytest.raises(DatabaseLostError) as caught:
        _register(clerk)
    assert "may not have been saved" in caught.value.text()
    event.remove(db.engine, "commit", _delete_wal)


def test_a_healthy_shared_store_is_never_refused(db, clerk):
    # given other processes reading and writing the store between the app's writes
    watch = StoreWatch.of(db)
    for round_ in range(3):
        other_process_opens_and_closes(watch.path)
        other_process(watch.path, "UPDATE settings SET value = value")
        watch.assert_intact_after_write(_register(clerk, f"顾客{round_}", f"1350000200{round_}"))
    # and the app's own engine closed and opened again (a legitimately new WAL)
    db.dispose()
    number = _register(clerk, "重新连接", "13500003000")
    assert other_process_sees_call(watch.path, number)


def test_a_busy_lock_table_is_read_to_its_end(db, clerk, tmp_path):
    """The kernel hands /proc/locks out a page at a time: with hundreds of locks on the
    machine (other counters, printing, the database server), the app's own come pages later
    and must still be found, not taken for lost."""
    _register(clerk, "先登记", "13500004000")  # the app's connection is open, its locks taken
    held = []
    try:
        for i in range(400):  # newer locks are listed first, so the app's move far down
            handle = open(tmp_path / f"lock{i}", "w")  # noqa: SIM115 - held until the end
            fcntl.lockf(handle, fcntl.LOCK_EX)
            held.append(handle)
        assert len(Path("/proc/locks").read_bytes()) > 16_000  # several pages
        number = _register(clerk, "忙碌的机器", "13500004001")
    finally:
        for handle in held:
            handle.close()
    assert other_process_sees_call(live_path(db), number)
