"""Which SQLite files this data folder has created or used, so that a missing one is noticed.

A store's file deleted, renamed or on a disk not plugged in must never be replaced silently
by a new, empty store: ``open_database`` refuses a missing file that is remembered here (or
whenever it is told not to create one), and the app asks the user what to do.

The record is a small JSON file in the data folder: ``{"databases": {path: {"first_used":
…, "last_used": …}}}``. Losing it only means the app asks less; writing it never blocks
opening a database.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from app import config

log = logging.getLogger(__name__)

STATE_FILE = "known_databases.json"


class MissingDatabase(Exception):
    """The SQLite file is not there and nobody said to create a new store."""

    def __init__(self, path: Path, *, last_used: str | None) -> None:
        super().__init__(str(path))
        self.path = path
        self.last_used = last_used  # when this data folder last opened it (None: never)

    @property
    def used_before(self) -> bool:
        return self.last_used is not None


def _state_file() -> Path:
    return config.data_dir() / STATE_FILE


def _load(section: str = "databases") -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(_state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found = data.get(section) if isinstance(data, dict) else None
    return found if isinstance(found, dict) else {}


def _save(section: str, entries: dict[str, dict[str, Any]]) -> None:
    """Write one section, keeping the others (best effort, atomic)."""
    whole: dict[str, Any] = {name: _load(name) for name in ("databases", "servers")}
    whole[section] = entries
    target = _state_file()
    partial = target.with_name(f"{target.name}.partial")
    try:
        partial.write_text(json.dumps({k: v for k, v in whole.items() if v},
                                      ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(partial, target)
    except OSError as exc:
        log.warning("cannot record the databases in %s: %s", target, exc)


def _key(path: Path) -> str:
    return str(path.expanduser().resolve())


def last_used(path: Path) -> str | None:
    """When this data folder last opened the file (ISO time), or None if it never did."""
    entry = _load().get(_key(path))
    if not isinstance(entry, dict):
        return None
    value = entry.get("last_used") or entry.get("first_used")
    return str(value) if value else "?"


def remember(path: Path) -> None:
    """Note that the file holds a store this data folder uses (best effort, atomic)."""
    known = _load()
    stamp = datetime.now().isoformat(timespec="seconds")
    entry = known.get(_key(path))
    if not isinstance(entry, dict):
        entry = {"first_used": stamp}
    entry["last_used"] = stamp
    known[_key(path)] = entry
    _save("databases", known)


def remember_server(url: str) -> None:
    """Note a PostgreSQL server this data folder used: its URL without a password, with how
    the link is protected (sslmode, sslrootcert), under ``servers`` in the same file."""
    from app.db.pglink import tls_of

    parsed = make_url(url)._replace(password=None)
    key = parsed.set(query={}).render_as_string(hide_password=True)
    sslmode, root = tls_of(url)
    known = _load("servers")
    entry = known.get(key) if isinstance(known.get(key), dict) else None
    stamp = datetime.now().isoformat(timespec="seconds")
    known[key] = {"url": parsed.render_as_string(hide_password=True), "sslmode": sslmode,
                  "sslrootcert": root, "first_used": (entry or {}).get("first_used", stamp),
                  "last_used": stamp}
    _save("servers", known)


def known_servers() -> list[dict[str, Any]]:
    """The servers this data folder used, the latest first."""
    servers = [v for v in _load("servers").values() if isinstance(v, dict)]
    return sorted(servers, key=lambda v: str(v.get("last_used", "")), reverse=True)


def set_aside_orphans(path: Path) -> list[Path]:
    """Before a new file is made at ``path``: rename a ``-wal``/``-shm``/``-journal`` left by
    the file that was there (SQLite would replay a stale WAL into the new file). They are
    kept as ``NAME-wal.orphaned-STAMP``, never deleted: they may hold the old store's data."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = []
    for suffix in ("-wal", "-shm", "-journal"):
        leftover = Path(f"{path}{suffix}")
        if leftover.exists() and not path.exists():
            target = leftover.with_name(f"{leftover.name}.orphaned-{stamp}")
            os.replace(leftover, target)
            log.warning("set aside %s as %s (its database file is gone)", leftover, target)
            moved.append(target)
    return moved


def check_present(path: Path, *, create: str) -> None:
    """Refuse a missing file unless creating one is allowed.

    ``create``: "always" (the user said so), "new" (only a file this data folder never
    used: a first start), "never" (maintenance commands, a path given by hand).
    """
    if path.exists():
        return
    used = last_used(path)
    if create == "never" or (create == "new" and used is not None):
        raise MissingDatabase(path, last_used=used)
    set_aside_orphans(path)
