"""Logging to a rotating file in the log folder, so a bug report can point to it."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app import config

LOG_FILE = "service_counter.log"
MAX_BYTES = 2_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"


class RedactingFormatter(logging.Formatter):
    """Every line, traceback included, with any password in a URL or conninfo as ``***``."""

    def format(self, record: logging.LogRecord) -> str:
        from app.db.pglink import redact

        return redact(super().format(record))


def log_file_path(folder: Path | None = None) -> Path:
    return (folder or config.log_dir()) / LOG_FILE


def configure_logging(folder: Path | None = None, *, level: int = logging.INFO) -> Path:
    """Send the root logger to a rotating file (2 MB × 5); return the file's path.

    Calling it again with another folder moves the handler (tests do that).
    """
    path = log_file_path(folder)
    root = logging.getLogger()
    stop_logging()
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                  encoding="utf-8")
    handler.setFormatter(RedactingFormatter(_FORMAT))
    handler._service_counter = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def stop_logging() -> None:
    """Take the handler ``configure_logging`` added off the root logger and close its file."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_service_counter", False):
            root.removeHandler(handler)
            handler.close()
