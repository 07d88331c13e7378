"""Backups of the SQLite store: online backup API, verified, with a two-month window.

The store's rule (seed 002): anything changed or lost within the last two months can be
found and restored. Every day of the last ``DAILY_DAYS`` days stays restorable, then one
backup per month for a year; pre-migration copies are kept for a year; nothing is pruned
unless a newer verified backup exists.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from app.db.audit import record_event
from app.db.backup_file import (
    BackupInfo,
    fsync_dir,
    online_copy,
    take_backup,
    verify,
    write_failed,
)
from app.db.database import AuditContext, Database
from app.db.known_databases import set_aside_orphans
from app.db.migrate import sqlite_path
from app.errors import UserError
from app.i18n import N_
from app.services.context import ServiceContext
from app.services.permissions import Perm, require

DAILY_DAYS = 62
MONTHLY_DAYS = 366
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupFile:
    """A backup known from its file name alone (enough to plan retention)."""

    path: Path
    taken_at: datetime
    kind: str


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
        online_copy(backup, partial)
        set_aside_orphans(live)
        os.replace(partial, live)
        fsync_dir(live.parent)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise write_failed(live.parent, exc) from exc
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
