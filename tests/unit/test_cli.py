"""The command line: version, help, the demo command and its refusals, exit codes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__, cli
from app.commands import base

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("SERVICE_COUNTER_DB", raising=False)


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _demo_calls(path: Path) -> int:
    """The calls the demo was asked for (``--calls N``); the maintenance visits its contracts
    promise come on top as B calls, as in a real store."""
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM calls WHERE id NOT IN "
                                "(SELECT call_id FROM contract_visits)").fetchone()[0])


def test_version_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_the_options_and_the_demo_command(capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--lang", "en", "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    for word in ("--db", "--lang", "--version", "demo"):
        assert word in out


def test_help_speaks_chinese_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["demo", "--help"])
    assert "叫修登记簿中的叫修数量" in capsys.readouterr().out


def test_unknown_command_exits_with_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["bogus"])
    assert done.value.code == 2
    assert "bogus" in capsys.readouterr().err


def test_demo_fills_an_empty_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    # given an empty file; when the demo runs; then the store is there and the summary says so
    path = tmp_path / "demo.sqlite"
    code = cli.main(["--lang", "en", "demo", "--db", str(path), "--calls", "40", "--seed", "5"])
    out = capsys.readouterr().out
    assert code == base.EXIT_OK
    assert _demo_calls(path) == 40
    assert _count(path, "users") == 10
    assert "100%" in out and "clerk123" in out and "Done in" in out


def test_demo_refuses_a_database_with_data_unless_forced(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    path = tmp_path / "store.sqlite"
    assert cli.main(["demo", "--db", str(path), "--calls", "10"]) == 0
    capsys.readouterr()
    # when the demo runs again without --force; then it refuses and changes nothing
    code = cli.main(["--lang", "en", "demo", "--db", str(path), "--calls", "10"])
    assert code == base.EXIT_USAGE
    assert "--force" in capsys.readouterr().err
    assert _demo_calls(path) == 10
    # when forced; then the old file is kept aside and a fresh demo takes its place
    assert cli.main(["demo", "--db", str(path), "--calls", "12", "--force"]) == 0
    assert _demo_calls(path) == 12
    kept = list(tmp_path.glob("store.before-demo-*.sqlite"))
    assert len(kept) == 1 and _demo_calls(kept[0]) == 10
    assert not Path(f"{kept[0]}-wal").exists()


def test_global_db_option_and_environment_variable_work(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli.main(["--db", str(tmp_path / "a.sqlite"), "demo", "--calls", "5"]) == 0
    assert _demo_calls(tmp_path / "a.sqlite") == 5
    monkeypatch.setenv("SERVICE_COUNTER_DB", str(tmp_path / "b.sqlite"))
    assert cli.main(["demo", "--calls", "5"]) == 0
    assert _demo_calls(tmp_path / "b.sqlite") == 5


def test_demo_on_a_foreign_file_exits_with_2(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    assert cli.main(["--lang", "en", "demo", "--db", str(path), "--calls", "5"]) == 2
    assert "not a Service Counter database" in capsys.readouterr().err
    assert cli.main(["demo", "--db", str(tmp_path / "no" / "dir" / "x.sqlite"),
                     "--calls", "5"]) == 2


def test_bad_calls_value_exits_with_2() -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["demo", "--calls", "-3"])
    assert done.value.code == 2


def test_without_a_command_the_gui_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str | None, str | None]] = []
    import app.ui.app as gui

    monkeypatch.setattr(gui, "run_gui", lambda db, lang: seen.append((db, lang)) or 0)
    assert cli.main(["--db", "x.sqlite", "--lang", "en"]) == 0
    assert seen == [("x.sqlite", "en")]


def test_every_command_module_is_on_the_command_line() -> None:
    # given the command modules in app/commands (and the demo's)
    modules = {f"app.commands.{p.stem}" for p in (ROOT / "app" / "commands").glob("*_cmd.py")}
    modules.add("app.demo.command")
    # then each one's COMMAND is in the table, once, under its own name
    assert {c.run.__module__ for c in cli.COMMANDS} == modules
    names = [c.name for c in cli.COMMANDS]
    assert len(names) == len(set(names))


def test_commands_never_import_qt(tmp_path: Path) -> None:
    script = (
        "import sys; from app.services import auth_service; auth_service.use_fast_hashing(); "
        "from app.cli import main; "
        f"code = main(['demo', '--db', {str(tmp_path / 'q.sqlite')!r}, '--calls', '3']); "
        "assert code == 0, code; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'")
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True,
                   capture_output=True, timeout=120)


def test_main_py_starts_the_cli(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "main.py", "--version"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and __version__ in done.stdout
