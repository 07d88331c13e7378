"""Opening databases: fresh files are created, foreign or newer ones are refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from app.bootstrap import open_database
from app.db.database import Database
from app.db.migrate import SchemaError, copy_aside, current_revision, head_revision


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_first_start_creates_the_schema_with_search_index(tmp_path):
    db = open_database(str(tmp_path / "new.sqlite"))
    assert current_revision(db) == head_revision()
    with sqlite3.connect(tmp_path / "new.sqlite") as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert {"calls", "customers", "audit_log", "calls_fts"} <= names
    assert mode == "wal"
    db.dispose()


def test_connections_run_with_durable_settings(tmp_path):
    db = open_database(str(tmp_path / "s.sqlite"))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    db.dispose()


def test_a_foreign_sqlite_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    before = _digest(path)
    with pytest.raises(SchemaError) as err:
        open_database(str(path))
    assert err.value.code == "not_ours"
    assert _digest(path) == before


def test_a_database_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "newer.sqlite"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = _digest(path)
    with pytest.raises(SchemaError) as err:
        open_database(str(path))
    assert err.value.code == "too_new"
    assert _digest(path) == before


def test_copy_aside_uses_the_backup_api_and_yields_a_sound_file(tmp_path):
    db = open_database(str(tmp_path / "live.sqlite"))
    copy = copy_aside(db, tmp_path / "aside", "pre-migration")
    assert copy is not None and copy.exists()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM zones").fetchone()[0] == 2
    db.dispose()


def test_existing_database_at_head_is_opened_without_a_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    path = tmp_path / "store.sqlite"
    open_database(str(path)).dispose()
    db = open_database(str(path))
    assert isinstance(db, Database)
    assert not (tmp_path / "data" / "backups").exists()
    db.dispose()


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是数据库 " * 200, encoding="utf-8")
    before = _digest(path)
    with pytest.raises(SchemaError) as err:
        open_database(str(path))
    assert err.value.code == "not_ours" and _digest(path) == before


def test_a_read_only_database_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    path = tmp_path / "ro.sqlite"
    open_database(str(path)).dispose()
    before = _digest(path)
    # CI runs as root, where chmod does not stop writes: simulate the OS answer instead.
    import app.db.migrate as migrate

    monkeypatch.setattr(migrate.os, "access", lambda p, mode: mode != migrate.os.W_OK)
    with pytest.raises(SchemaError) as err:
        open_database(str(path))
    assert err.value.code == "read_only" and _digest(path) == before


def test_a_store_file_from_version_0_1_opens_with_its_data(tmp_path, monkeypatch):
    """A real file written by 0.1 (tests/resources); later revisions must upgrade it."""
    import shutil

    from app.services import auth_service
    from app.services import call_book_service as book
    from app.services.context import ServiceContext
    from tests.helpers.seed import SEED_PASSWORD

    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    old = Path(__file__).parents[1] / "resources" / "store_v0_1.sqlite"
    path = tmp_path / "old.sqlite"
    shutil.copy(old, path)
    db = open_database(str(path))
    assert current_revision(db) == head_revision()
    ctx = ServiceContext(db, auth_service.log_in(db, "clerk", SEED_PASSWORD))
    found = book.list_calls(ctx, book.CallFilter(search="漏水")).rows
    assert [r.fault for r in found] == ["空调漏水"]
    db.dispose()


def test_phones_stored_with_full_width_digits_are_folded_to_ascii(tmp_path, monkeypatch):
    """A 0.1 store where 138１２３４５６７８ was saved as typed: after the upgrade the customer
    is found by 13812345678 and the number counts as a duplicate."""
    import shutil
    import sqlite3

    from app.services import auth_service
    from app.services import call_book_service as book
    from app.services import customers_service as customers
    from app.services.context import ServiceContext
    from tests.helpers.seed import SEED_PASSWORD

    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    path = tmp_path / "old.sqlite"
    shutil.copy(Path(__file__).parents[1] / "resources" / "store_v0_1.sqlite", path)
    with sqlite3.connect(path) as conn:
        customer_id = conn.execute("SELECT customer_id FROM calls WHERE fault = '空调漏水'"
                                   ).fetchone()[0]
        conn.execute("INSERT INTO customer_phones (customer_id, phone, digits, version) "
                     "VALUES (?, '139１２３４５６７８', '139１２３４５６７８', 1)", (customer_id,))
        conn.execute("UPDATE calls SET search_text = search_text || ' | 139１２３４５６７８' "
                     "WHERE customer_id = ?", (customer_id,))
    conn.close()
    db = open_database(str(path))
    ctx = ServiceContext(db, auth_service.log_in(db, "admin", SEED_PASSWORD))
    assert [c.id for c in customers.find_customers(ctx, "13912345678")] == [customer_id]
    assert "13912345678" in customers.get_customer(ctx, customer_id).phones[-1].phone
    found = book.list_calls(ctx, book.CallFilter(search="13912345678")).rows
    assert "空调漏水" in [r.fault for r in found]
    with pytest.raises(customers.DuplicatePhone):
        customers.create_customer(ctx, customers.CustomerInput("另一个", ("13912345678",)))
    db.dispose()
