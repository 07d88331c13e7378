"""The unit of work: one short session per user action, committed once."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.db.engine import (
    BEGIN_MODE,
    create_app_engine,
    guard_live_file,
    is_sqlite,
    normalise_url,
)
from app.db.file_guard import DatabaseFileLost, FileGuard
from app.db.pglink import is_link_lost, redact
from app.errors import BusyError, ConflictError, DatabaseLostError, ServerUnreachableError

log = logging.getLogger(__name__)

# Session.info key: the action carries a form's one-time token (app/services/idempotency.py),
# so saving the same form again after a lost COMMIT answer cannot record it twice.
RETRY_SAFE = "sc_retry_safe"

# How long an action waits for its turn to write (SQLite) before "busy, try again".
WRITE_WAIT_SECONDS = 30.0


@dataclass(frozen=True)
class AuditContext:
    """Who is acting; stored on the session so the audit hook can record it."""

    user_id: int | None
    username: str
    role: str
    workstation: str


class Database:
    """Owns the engine and hands out units of work (``write``) and read sessions."""

    def __init__(self, url: str, *, echo: bool = False, read_only: bool = False) -> None:
        self.url = normalise_url(url)
        self.engine: Engine = create_app_engine(self.url, echo=echo, read_only=read_only)
        self.is_sqlite = is_sqlite(self.url)
        self.guard: FileGuard | None = None if read_only else guard_live_file(self.engine)
        write_bind = (
            self.engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
            if self.is_sqlite and not read_only
            else self.engine
        )
        self._write_factory = sessionmaker(bind=write_bind, expire_on_commit=False)
        self._read_factory = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._kept: Connection | None = None  # the GUI thread's connection for query()
        self._kept_busy = False

    @property
    def display_name(self) -> str:
        """The URL without a password, for the status bar."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def write(self, who: AuditContext | None, *, reason: str | None = None) -> Iterator[Session]:
        """One writing transaction: BEGIN IMMEDIATE on SQLite, one commit, rollback on error.

        On SQLite the live file is checked before the transaction begins, before it commits
        and after (file_guard.py): a write into a file that is no longer the store's is
        refused, or, if the file went during the commit itself, not acknowledged.
        """
        session = self._write_factory()
        session.info["audit"] = who
        session.info["reason"] = reason
        committed = committing = False
        try:
            if self.is_sqlite:
                _take_write_lock(session)
            yield session
            session.flush()  # an error here is the action's: nothing was sent to COMMIT
            committing = True
            session.commit()
            committed = True
            if self.guard is not None:
                self.guard.check()
        except DatabaseFileLost as exc:
            session.rollback()
            raise DatabaseLostError(exc.reason, str(exc.path), committed=committed) from exc
        except DBAPIError as exc:
            _quiet_rollback(session)
            if isinstance(exc, OperationalError) and _is_locked(exc):
                raise BusyError() from exc
            if not self.is_sqlite and is_link_lost(exc):
                log.warning("database server link lost (%s): %s",
                            "during the commit" if committing else "nothing saved",
                            _first_line(exc))
                raise ServerUnreachableError(
                    maybe_saved=committing,
                    retry_safe=bool(session.info.get(RETRY_SAFE))) from exc
            raise
        except StaleDataError as exc:
            # Another counter saved the same record between our read and our write (the
            # services lock what they check, so this is the last line of defence).
            session.rollback()
            raise ConflictError() from exc
        except BaseException:
            _quiet_rollback(session)  # a rollback on a lost link must not hide the error
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session; anything written in it is rolled back."""
        session = self._read_factory()
        try:
            yield session
        except DBAPIError as exc:
            _quiet_rollback(session)
            self._raise_if_lost(exc)
            raise
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def query(self) -> Iterator[Connection]:
        """A short read on a Core connection, for the lists a clerk waits on (the book).

        No ORM session: its set-up and tear-down cost more than a page of the book. On
        SQLite the main (GUI) thread keeps one connection open between reads, since checking
        one out of the pool costs as much as the query; the read's transaction ends with the
        block, so the next read sees every commit made since. Other threads, and PostgreSQL
        (where the pool checks a connection is alive before handing it out), take a pooled
        connection each time.
        """
        if (not self.is_sqlite or self._kept_busy
                or threading.current_thread() is not threading.main_thread()):
            try:
                with self.engine.connect() as pooled:  # a nested read gets its own, too
                    yield pooled
            except DBAPIError as exc:
                self._raise_if_lost(exc)
                raise
            return
        conn = self._kept
        if conn is None or conn.closed or conn.invalidated:
            conn = self._kept = self.engine.connect()
        self._kept_busy = True
        try:
            yield conn
        finally:
            self._kept_busy = False
            try:
                conn.rollback()
            except Exception:
                self._drop_kept()
                raise

    def _raise_if_lost(self, exc: DBAPIError) -> None:
        """A read that found the server gone: say so (nothing was being saved)."""
        if not self.is_sqlite and is_link_lost(exc):
            log.warning("database server link lost while reading: %s", _first_line(exc))
            raise ServerUnreachableError(reading=True) from exc

    def _drop_kept(self) -> None:
        conn, self._kept = self._kept, None
        if conn is not None:
            conn.invalidate()
            conn.close()

    def dispose(self) -> None:
        if self._kept is not None:
            self._kept.close()
            self._kept = None
        self.engine.dispose()


def _quiet_rollback(session: Session) -> None:
    """Roll back; on a dead link the rollback fails too, which changes nothing (the server
    drops an unfinished transaction with its connection)."""
    try:
        session.rollback()
    except DBAPIError:
        log.debug("rollback on a lost link failed", exc_info=True)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return redact(text.splitlines()[0] if text else type(exc).__name__)


def _take_write_lock(session: Session) -> None:
    """BEGIN IMMEDIATE before the action runs, tried again until WRITE_WAIT_SECONDS.

    SQLite's busy handler polls (sleeping up to 100 ms) and is not fair: while other
    processes commit back to back, one writer can miss every free moment for its whole
    busy timeout (measured: 4 processes allocating numbers, one BEGIN refused after 8 s
    now and then). Nothing has run yet at this point, so trying again is safe; each try
    restarts SQLite's back-off at 1 ms.
    """
    deadline = time.monotonic() + WRITE_WAIT_SECONDS
    while True:
        try:
            session.connection()  # the engine's begin hook emits BEGIN IMMEDIATE here
            return
        except OperationalError as exc:
            if not _is_locked(exc) or time.monotonic() >= deadline:
                raise
            session.rollback()


# PostgreSQL: serialization failure, deadlock detected, lock not available. Nothing was
# saved and the same action would succeed when tried again.
_RETRYABLE = frozenset({"40001", "40P01", "55P03"})


def _sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None)


def _is_locked(exc: OperationalError) -> bool:
    if _sqlstate(exc) in _RETRYABLE:
        return True
    text = str(exc.orig).lower() if exc.orig is not None else ""
    return "database is locked" in text or "database is busy" in text

