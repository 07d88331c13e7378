"""SERVICE_COUNTER_SMOKE_QUIT_MS: the started application shows its first window, says so with
the time since start, and exits by itself (the package's and CI's start check)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.ui.smoke import FIRST_WINDOW, SMOKE_ENV

ROOT = Path(__file__).resolve().parents[2]


def _start(db_path: Path | None, data: Path) -> subprocess.CompletedProcess[str]:
    """Start the app; ``db_path`` None is a store's first start on the default file."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SERVICE_COUNTER_DATA=str(data),
               PYTHONPATH=str(ROOT), **{SMOKE_ENV: "0"})
    env.pop("SERVICE_COUNTER_DB", None)
    where = ["--db", str(db_path)] if db_path is not None else []
    return subprocess.run([sys.executable, "main.py", *where, "--lang", "en"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=90)


@pytest.mark.parametrize("store", ["new", pytest.param("seeded", marks=pytest.mark.sqlite_only)])
def test_smoke_start_shows_the_first_window_and_exits(
        store: str, template_db: str, tmp_path: Path) -> None:
    db_path = tmp_path / "store.sqlite"
    if store == "seeded":  # the start check runs on a SQLite file (the template)
        shutil.copy(template_db, db_path)
    # A new store starts on the default file (a --db path that is not there is asked about).
    done = _start(db_path if store == "seeded" else None, tmp_path / "data")
    assert done.returncode == 0, done.stderr
    # a new PC first asks where the store is (closing it quits: exit 0, nothing made)
    expected = "StoreChoiceDialog" if store == "new" else "LoginDialog"
    line = next(x for x in done.stderr.splitlines() if x.startswith(FIRST_WINDOW))
    assert f"{FIRST_WINDOW}: {expected} at " in line
    assert "s after process start" in line
