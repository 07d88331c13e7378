"""Where the data lives and how the app is told otherwise (--db, SERVICE_COUNTER_DB, or the
company's server this PC was told to use: ``pc_server``)."""

from __future__ import annotations

import json
import logging
import os
import socket
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir, user_log_dir

APP_NAME = "ServiceCounter"
APP_AUTHOR = "ServiceCounter"
DB_ENV = "SERVICE_COUNTER_DB"
DATA_ENV = "SERVICE_COUNTER_DATA"  # overrides the data folder (tests, portable installs)
DB_FILE = "service_counter.sqlite"
PC_DATABASE_FILE = "this_pc_database.json"  # {"server": URL without password}

log = logging.getLogger(__name__)


def data_dir() -> Path:
    override = os.environ.get(DATA_ENV)
    path = Path(override) if override else Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get(DATA_ENV)
    path = Path(override) / "logs" if override else Path(user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """What the app can make again (parsed fonts); the data folder's "cache" when overridden."""
    override = os.environ.get(DATA_ENV)
    path = Path(override) / "cache" if override else Path(user_cache_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    return data_dir() / "backups"


def database_url(cli_value: str | None = None) -> str:
    """--db beats the environment variable, which beats the server this PC was told to use
    (``pc_server``), which beats this PC's own file."""
    from app.db.engine import normalise_url
    from app.db.pglink import refuse_password

    chosen = cli_value or os.environ.get(DB_ENV) or pc_server()
    if chosen:
        refuse_password(chosen)  # passwords live in the password file (pglink.py)
    return normalise_url(chosen) if chosen else normalise_url(default_database_file())


def default_database_file() -> Path:
    """This PC's own store: the file in the data folder."""
    return data_dir() / DB_FILE


def database_source(cli_value: str | None = None) -> str:
    """Where ``database_url`` takes the database from: "option" (--db), "environment",
    "server" (the company's server this PC remembers) or "file" (this PC's own)."""
    if cli_value:
        return "option"
    if os.environ.get(DB_ENV):
        return "environment"
    return "server" if pc_server() else "file"


def _pc_database_path() -> Path:
    return data_dir() / PC_DATABASE_FILE


def pc_server() -> str | None:
    """The company's database server this PC uses (its URL, no password: that is in the
    password file), or None: this PC's own file. Kept in the data folder, so that every
    start uses it — a branch's PC never opens a store of its own by mistake."""
    try:
        data = json.loads(_pc_database_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("cannot read this PC's database choice in %s: %s",
                    _pc_database_path(), exc)
        return None
    url = data.get("server") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url else None


def set_pc_server(url: str | None) -> None:
    """Remember the server this PC uses from now on (None: this PC's own file again).
    Refuses a URL with a password in it; raises OSError if the choice cannot be written."""
    from app.db.pglink import refuse_password

    target = _pc_database_path()
    if url is None:
        target.unlink(missing_ok=True)
        return
    refuse_password(url)
    partial = target.with_name(f"{target.name}.partial")
    partial.write_text(json.dumps({"server": url}, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, target)


def workstation() -> str:
    return socket.gethostname()[:60]
