"""This PC's database (issue 17): where a start without --db goes — the company's server this
PC was pointed at, kept without its password, or this PC's own file."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import config
from app.db.pglink import PasswordInUrl

SERVER = "postgresql+psycopg://clerk@db.company.lan:5432/service_counter?sslmode=require"


@pytest.fixture(autouse=True)
def pc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "pc"))
    monkeypatch.delenv("SERVICE_COUNTER_DB", raising=False)
    return tmp_path / "pc"


def test_a_start_without_db_opens_the_server_this_pc_keeps(pc: Path) -> None:
    own = config.database_url()
    assert own.endswith("service_counter.sqlite") and config.database_source() == "file"
    config.set_pc_server(SERVER)
    assert config.database_url() == SERVER and config.database_source() == "server"
    # --db and the environment still win for one run
    assert config.database_url(str(pc / "other.sqlite")).endswith("other.sqlite")
    # and back to this PC's own file
    config.set_pc_server(None)
    assert config.database_url() == own and config.pc_server() is None


def test_no_password_is_kept_with_the_server(pc: Path) -> None:
    with pytest.raises(PasswordInUrl):
        config.set_pc_server("postgresql+psycopg://clerk:secret@db.company.lan/service_counter")
    assert config.pc_server() is None
    assert not any("secret" in f.read_text() for f in pc.glob("*.json"))


def test_a_damaged_choice_file_is_no_choice(pc: Path) -> None:
    """Read as no choice: a PC that never had a file of its own (a branch's) is then asked
    again at start (tests/ui/test_pc_database.py), nothing is made silently."""
    config.set_pc_server(SERVER)
    (pc / config.PC_DATABASE_FILE).write_text("{not json", encoding="utf-8")
    assert config.pc_server() is None and config.database_source() == "file"
    assert not config.default_database_file().exists()
