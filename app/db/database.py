"""The unit of work: one short session per user action, committed once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import BEGIN_MODE, create_app_engine, is_sqlite, normalise_url


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
        write_bind = (
            self.engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
            if self.is_sqlite and not read_only
            else self.engine
        )
        self._write_factory = sessionmaker(bind=write_bind, expire_on_commit=False)
        self._read_factory = sessionmaker(bind=self.engine, expire_on_commit=False)

    @property
    def display_name(self) -> str:
        """The URL without a password, for the status bar."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def write(self, who: AuditContext | None, *, reason: str | None = None) -> Iterator[Session]:
        """One writing transaction: BEGIN IMMEDIATE on SQLite, one commit, rollback on error."""
        session = self._write_factory()
        session.info["audit"] = who
        session.info["reason"] = reason
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            if _is_locked(exc):
                from app.services.errors import BusyError

                raise BusyError() from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session; anything written in it is rolled back."""
        session = self._read_factory()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def _is_locked(exc: OperationalError) -> bool:
    text = str(exc.orig).lower() if exc.orig is not None else ""
    return "database is locked" in text or "database is busy" in text

