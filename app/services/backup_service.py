"""Backups of the SQLite store: online backup API, verified, with a two-month window.

The store's rule (seed 002): anything changed or lost within the last two months can be
found and restored. Every day of the last ``DAILY_DAYS`` days stays restorable, then one
backup per month for a year; pre-migration copies are kept for a year; nothing is pruned
unless a newer verified backup exists.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from app.db.audit import record_event
from app.db.database import AuditContext, Database
from app.db.known_databases import set_aside_orphans
from app.db.migrate import sqlite_path
from app.i18n import N_
from app.services.context import ServiceContext
from app.services.errors import UserError
from app.services.permissions import Perm, require

DAILY_DAYS = 62
MONTHLY_DAYS = 366
COUNTED_TABLES = ("customers", "calls", "items", "users", "audit_log")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z-]+)\.sqlite$")


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


@dataclass(frozen=True)
class BackupFile:
    """A backup known from its file name alone (enough to plan retention)."""

    path: Path
    taken_at: datetime
    kind: str


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
        _online_copy(source, partial)
        info = verify(partial, kind=kind, taken_at=now)
        record.write_text(summary_json(info), encoding="utf-8")
        os.replace(partial, final)
        os.replace(record, final.with_suffix(".json"))
        _fsync_dir(folder)
    except (OSError, sqlite3.Error) as exc:  # full disk, read-only or vanished folder
        for leftover in (partial, record):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise _write_failed(folder, exc) from exc
    return BackupInfo(final, info.taken_at, kind, info.size_bytes, info.sha256,
                      info.integrity, info.counts, info.newest_call_at)


def _write_failed(folder: Path, exc: OSError | sqlite3.Error) -> BackupFolderError:
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


def _online_copy(source: Path, target: Path) -> None:
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


def _fsync_dir(folder: Path) -> None:
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


def list_backups(folder: Path) -> list[BackupFile]:
    """Backups in a folder, newest first, recognised by their file names."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.sqlite"):
        match = _NAME.match(path.name)
        if match:
            taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            found.append(BackupFile(path, taken, match["kind"]))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def backup_stem(backup: BackupFile) -> str:
    """The name of the database a backup was taken of (its file name before the stamp)."""
    match = _NAME.match(backup.path.name)
    return match["stem"] if match else ""


def has_backup_for(folder: Path, day: date, stem: str | None = None) -> bool:
    """Whether the folder holds a backup taken that day (of the database ``stem``)."""
    return any(b.taken_at.date() == day and (stem is None or backup_stem(b) == stem)
               for b in list_backups(folder))


def plan_pruning(backups: list[BackupFile], today: date) -> list[BackupFile]:
    """Which backups may go: outside every window, and never the newest one.

    Kept: every backup of the last DAILY_DAYS days; the newest backup of each month for
    MONTHLY_DAYS days; pre-migration copies for MONTHLY_DAYS days.
    """
    if not backups:
        return []
    newest = max(backups, key=lambda b: b.taken_at)
    keep = {newest.path}
    monthly: dict[tuple[int, int], BackupFile] = {}
    for backup in backups:
        age = (today - backup.taken_at.date()).days
        if age <= DAILY_DAYS:
            keep.add(backup.path)
        elif age <= MONTHLY_DAYS:
            if backup.kind == "pre-migration":
                keep.add(backup.path)
            month = (backup.taken_at.year, backup.taken_at.month)
            if month not in monthly or backup.taken_at > monthly[month].taken_at:
                monthly[month] = backup
    keep |= {b.path for b in monthly.values()}
    return sorted((b for b in backups if b.path not in keep), key=lambda b: b.taken_at)


def prune(folder: Path, today: date) -> list[Path]:
    """Delete what plan_pruning releases; only after the newest backup verifies."""
    backups = list_backups(folder)
    if not backups or not verify(backups[0].path).ok:
        return []
    removed = []
    for backup in plan_pruning(backups, today):
        backup.path.unlink(missing_ok=True)
        backup.path.with_suffix(".json").unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def summary_json(info: BackupInfo) -> str:
    """The record kept beside each backup: time, kind, size, checksum, check result, counts."""
    return json.dumps({"taken_at": info.taken_at.isoformat(), "kind": info.kind,
                       "counts": info.counts, "newest_call_at": info.newest_call_at,
                       "integrity": info.integrity, "sha256": info.sha256,
                       "size": info.size_bytes}, ensure_ascii=False, indent=1)


def recorded_result(backup: BackupFile) -> dict[str, object]:
    """The JSON record written beside a backup ({} if there is none)."""
    return _record_beside(backup.path)


def _record_beside(path: Path) -> dict[str, object]:
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def recorded_checksum(backup: Path) -> str | None:
    """The SHA-256 recorded beside a backup when it was taken (None: no usable record)."""
    value = _record_beside(backup).get("sha256")
    return value if isinstance(value, str) and value else None


def check_against_record(backup: Path) -> BackupInfo:
    """A backup fit to restore: sound (integrity_check), ours, and unchanged since it was
    taken (its SHA-256 equals the one recorded beside it). A backup without its record
    passes on the integrity check alone; callers warn that it cannot be verified."""
    try:
        checked = verify(backup)
    except (sqlite3.DatabaseError, OSError) as exc:
        raise UserError(N_("{file} is not a sound Service Counter backup ({problem})."),
                        file=backup.name, problem=str(exc)) from exc
    if not checked.ok or "calls" not in checked.counts:
        raise UserError(N_("{file} is not a sound Service Counter backup ({problem})."),
                        file=backup.name, problem=checked.integrity)
    recorded = recorded_checksum(backup)
    if recorded is not None and recorded != checked.sha256:
        raise UserError(N_("{file} was changed since it was taken: its checksum does not "
                           "match the record beside it. It is not restored; choose another "
                           "backup."), file=backup.name)
    return checked


def restore_into(live: Path, backup: Path, folder: Path, *, now: datetime) -> Path:
    """Replace the live database's content with a backup's, after backing the live one up.

    The app must have closed its own connections first (the GUI restarts afterwards).
    Returns the path of the pre-restore copy of what was live.
    """
    check_against_record(backup)
    before = take_backup(live, folder, kind="pre-restore", now=now)
    src = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(str(live))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return before.path


def daily_due(folder: Path, now: datetime, stem: str | None = None) -> bool:
    """True while the day has no backup yet (of the database ``stem``)."""
    return not has_backup_for(folder, now.date(), stem)


def window_start(today: date) -> date:
    return today - timedelta(days=DAILY_DAYS)


def live_file(db: Database) -> Path:
    """The live SQLite file behind a database (backups are for the embedded store)."""
    path = sqlite_path(db)
    if path is None:
        raise UserError(N_("Backups from the app are for the SQLite store; back a server "
                           "database up with the server's own tools."))
    return path


def backup_now(ctx: ServiceContext, folder: Path) -> BackupInfo:
    """On demand (the Backup page): a verified backup, recorded on the audit trail."""
    require(ctx.actor, Perm.BACKUP)
    info = take_backup(live_file(ctx.db), folder, kind="manual", now=ctx.local(ctx.now()))
    _record(ctx.db, ctx, info, "backup")
    return info


def daily_backup_if_due(db: Database, folder: Path, now: datetime) -> BackupInfo | None:
    """Once a day per database (at start, then on schedule while the app runs); then prune
    what the retention window releases."""
    if not db.is_sqlite:
        return None
    live = live_file(db)
    if not daily_due(folder, now, live.stem):
        return None
    info = take_backup(live, folder, kind="daily", now=now)
    _record(db, None, info, "backup")
    if info.ok:
        prune(folder, now.date())
    return info


def newest_backup_of(folder: Path, live: Path) -> BackupFile | None:
    """The newest backup of the database file ``live`` in a folder (any kind)."""
    return next((b for b in list_backups(folder) if backup_stem(b) == live.stem), None)


def restore_missing(live: Path, backup: Path) -> BackupInfo:
    """Put a backup in place of a database file that is gone (the user chose to).

    The backup is checked as for any restore (sound, unchanged since it was taken), copied
    with the backup API beside the missing file, then moved into place; an existing file is
    never overwritten here.
    """
    if live.exists():
        raise UserError(N_("{file} exists; restore into it from the Backups page or with the "
                           "restore command."), file=str(live))
    if not live.parent.is_dir():
        raise UserError(N_("The folder {folder} does not exist (is the disk connected?); "
                           "nothing was restored."), folder=str(live.parent))
    checked = check_against_record(backup)
    partial = live.with_name(f"{live.name}.restoring")
    try:
        _online_copy(backup, partial)
        set_aside_orphans(live)
        os.replace(partial, live)
        _fsync_dir(live.parent)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise _write_failed(live.parent, exc) from exc
    return checked


def record_restore(db: Database, who: AuditContext | None, backup: Path, detail: str) -> None:
    """The restore on the audit trail of the restored database."""
    path = sqlite_path(db)
    with db.write(who, reason=backup.name) as session:
        record_event(session, table="database", row_key=path.name if path else "",
                     action="restore", detail=detail)


def restore_from(ctx: ServiceContext, backup: Path, folder: Path) -> Path:
    """Restore (admin): the live database is backed up first; the app must reopen it after."""
    require(ctx.actor, Perm.RESTORE)
    live = live_file(ctx.db)
    ctx.db.dispose()
    before = restore_into(live, backup, folder, now=ctx.local(ctx.now()))
    restored = Database(str(live))
    try:
        record_restore(restored, ctx.actor.audit(), backup,
                       f"from {backup.name}; previous state in {before.name}")
    finally:
        restored.dispose()
    return before


def _record(db: Database, ctx: ServiceContext | None, info: BackupInfo, action: str) -> None:
    who = ctx.actor.audit() if ctx else None
    with db.write(who) as session:
        record_event(session, table="database", row_key=info.path.name, action=action,
                     detail=f"{info.size_bytes} bytes, {info.integrity}, sha256 {info.sha256}")
