"""The end-to-end check of issue 12, item 1: another process opens and closes the store,
then the app writes; the other process must see the write and the -wal must be intact."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app.db.database import Database


def live_path(db: Database) -> Path:
    assert db.guard is not None, "a live SQLite store"
    return db.guard.path


def wal_identity(path: Path) -> tuple[int, int]:
    st = os.stat(f"{path}-wal")
    return st.st_dev, st.st_ino


def other_process(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Run one query in a separate Python process through plain sqlite3, then close."""
    script = ("import sqlite3, sys, json\n"
              "conn = sqlite3.connect(sys.argv[1])\n"
              "rows = conn.execute(sys.argv[2]).fetchall()\n"
              "conn.commit()\n"
              "conn.close()\n"
              "print(json.dumps(rows))\n")
    done = subprocess.run([sys.executable, "-c", script, str(path), sql], check=True,
                          capture_output=True, text=True, timeout=60)
    import json

    return [tuple(row) for row in json.loads(done.stdout)]


def other_process_opens_and_closes(path: Path) -> None:
    """A second counter, a scheduled backup or `sqlite3` looking at the store."""
    other_process(path, "SELECT count(*) FROM calls")


def other_process_sees_call(path: Path, number: str) -> bool:
    return other_process(path, f"SELECT count(*) FROM calls WHERE number = '{number}'") == [
        (1,)]


@dataclass
class StoreWatch:
    """What the store's files were before an action that must not disturb them."""

    path: Path
    wal: tuple[int, int]

    @classmethod
    def of(cls, db: Database) -> StoreWatch:
        path = live_path(db)
        return cls(path, wal_identity(path))

    def assert_intact_after_write(self, number: str) -> None:
        """After another process opened and closed the store and the app wrote ``number``."""
        assert Path(f"{self.path}-wal").exists(), "the live -wal was deleted"
        assert wal_identity(self.path) == self.wal, "the live -wal was replaced"
        assert other_process_sees_call(self.path, number), "another process lost the call"
