"""Where the data lives and how the app is told otherwise (--db, SERVICE_COUNTER_DB)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir, user_log_dir

APP_NAME = "ServiceCounter"
APP_AUTHOR = "ServiceCounter"
DB_ENV = "SERVICE_COUNTER_DB"
DATA_ENV = "SERVICE_COUNTER_DATA"  # overrides the data folder (tests, portable installs)
DB_FILE = "service_counter.sqlite"


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
    """--db beats the environment variable, which beats the default file."""
    from app.db.engine import normalise_url
    from app.db.pglink import refuse_password

    chosen = cli_value or os.environ.get(DB_ENV)
    if chosen:
        refuse_password(chosen)  # passwords live in the password file (pglink.py)
    return normalise_url(chosen) if chosen else normalise_url(data_dir() / DB_FILE)


def workstation() -> str:
    return socket.gethostname()[:60]
