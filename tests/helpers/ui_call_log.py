"""Shared pieces of the call-log GUI tests: an AppSession for a seeded user, keys, DB reads."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.database import Database
from app.models.audit import AuditEntry
from app.models.calls import Call
from app.services.context import ServiceContext
from app.ui.session import AppSession


def app_session(db: Database, login: Callable[[str], ServiceContext], user: str) -> AppSession:
    return AppSession(db, login(user))


def press(qtbot: QtBot, key: Qt.Key, widget: QWidget | None = None,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press delivered where the keyboard focus is (as a user's key would be)."""
    target = widget or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


# The offscreen platform warns whenever a shown dialog's size constraints change.
IGNORE_SIZE_HINTS = pytest.mark.qt_log_ignore("propagateSizeHints")


def calls_in_db(db: Database) -> list[SimpleNamespace]:
    """Every call row as plain values (readable after the session closed)."""
    with db.read() as s:
        rows = s.execute(select(Call.__table__).order_by(Call.id)).mappings().all()
        return [SimpleNamespace(**row) for row in rows]


def audit_rows(db: Database, table: str, row_key: int | str) -> list[SimpleNamespace]:
    with db.read() as s:
        rows = s.execute(select(AuditEntry.__table__).where(
            AuditEntry.table_name == table, AuditEntry.row_key == str(row_key))
            .order_by(AuditEntry.id)).mappings().all()
        return [SimpleNamespace(**row) for row in rows]
