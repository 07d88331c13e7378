"""A verified online copy of a SQLite store file, its record beside it (migrations use it too)."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors import UserError
from app.i18n import N_

COUNTED_TABLES = ("customers", "calls", "items", "users", "audit_log")


class BackupFolderError(UserError):
    """The backup folder is missing, not writable or full: said loudly, never ignored."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    kind: str  # daily / manual / pre-migration / pre-restore
    size_bytes: int
    sha256: str
    integrity: str  # "ok" or the first problem integrity_check reported
    counts: dict[str, int]
    newest_call_at: str | None

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"


def _check_folder(folder: Path) -> None:
    """The folder must be there, or at least the folder it goes in.

    Only the last part is ever created: a backup folder on a USB drive or a second disk that
    is not plugged in has no parent, and creating the whole path would put the store's
    backups on the local disk, where nobody looks for them.
    """
    if not folder.parent.is_dir():
        raise BackupFolderError(N_("The backup folder {folder} is not there: is its disk or "
                                   "USB drive plugged in?"), folder=str(folder))
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise BackupFolderError(N_("The backup folder {folder} cannot be created: {error}"),
                                folder=str(folder), error=exc.strerror or str(exc)) from exc
    if not os.access(folder, os.W_OK):
        raise BackupFolderError(N_("The backup folder {folder} is not writable."),
                                folder=str(folder))


def take_backup(source: Path, folder: Path, *, kind: str, now: datetime) -> BackupInfo:
    """Copy the live database with SQLite's backup API, verify it, then move it into place."""
    _check_folder(folder)
    final = folder / f"{source.stem}-{now:%Y%m%d-%H%M%S}-{kind}.sqlite"
    partial = final.with_suffix(".partial")
    record = folder / f"{final.stem}.json-partial"
    try:
        online_copy(source, partial)
        info = verify(partial, kind=kind, taken_at=now)
        record.write_text(summary_json(info), encoding="utf-8")
        os.replace(partial, final)
        os.replace(record, final.with_suffix(".json"))
        fsync_dir(folder)
    except (OSError, sqlite3.Error) as exc:  # full disk, read-only or vanished folder
        for leftover in (partial, record):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise write_failed(folder, exc) from exc
    return BackupInfo(final, info.taken_at, kind, info.size_bytes, info.sha256,
                      info.integrity, info.counts, info.newest_call_at)


def write_failed(folder: Path, exc: OSError | sqlite3.Error) -> BackupFolderError:
    """Why a backup could not be written, in words a clerk can act on."""
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    if code == errno.ENOSPC or "disk is full" in text:
        return BackupFolderError(N_("The backup could not be written to {folder}: the disk "
                                    "is full. Free some space or choose another folder."),
                                 folder=str(folder))
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text \
            or "read-only" in text:
        return BackupFolderError(N_("The backup could not be written to {folder}: the "
                                    "folder is read-only."), folder=str(folder))
    return BackupFolderError(N_("The backup could not be written to {folder}: {error}"),
                             folder=str(folder),
                             error=(exc.strerror if isinstance(exc, OSError) else None)
                             or str(exc))


def online_copy(source: Path, target: Path) -> None:
    """SQLite's online backup of ``source`` into ``target``, synced to the disk: the one step
    that writes the copy (tests replace it to meet a full disk where none can be made)."""
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst, pages=1024)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()
    with open(target, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename or new file in ``folder`` survive a power cut (POSIX; elsewhere a no-op)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def verify(path: Path, *, kind: str = "", taken_at: datetime | None = None,
           checksum: bool = True) -> BackupInfo:
    """Open read-only; integrity_check, row counts, newest call, checksum.

    ``checksum=False`` for a live database: only SQLite may open its files while an engine
    is open in this process (hashing it would drop SQLite's locks, DATA-SAFETY.md), and the
    file alone, without its -wal, has no meaningful checksum anyway.
    """
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        counts = {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                  for t in COUNTED_TABLES if t in tables}
        newest = (conn.execute("SELECT max(received_at) FROM calls").fetchone()[0]
                  if "calls" in tables else None)
    finally:
        conn.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if checksum else ""
    integrity = "ok" if problems == ["ok"] else "; ".join(problems[:3])
    stamp = taken_at or datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    return BackupInfo(path, stamp, kind, path.stat().st_size, digest, integrity, counts,
                      str(newest) if newest else None)


def summary_json(info: BackupInfo) -> str:
    """The record kept beside each backup: time, kind, size, checksum, check result, counts."""
    return json.dumps({"taken_at": info.taken_at.isoformat(), "kind": info.kind,
                       "counts": info.counts, "newest_call_at": info.newest_call_at,
                       "integrity": info.integrity, "sha256": info.sha256,
                       "size": info.size_bytes}, ensure_ascii=False, indent=1)
