"""Fixtures and helpers for the application shell's tests (log-in, main window, errors)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlalchemy import select

from app.db.database import Database
from app.models.audit import AuditEntry
from app.services import auth_service
from app.ui.app import build_main_window
from app.ui.fonts import install_app_font
from app.ui.language import install_translator
from app.ui.main_window import MainWindow
from app.ui.settings_store import SettingsStore
from tests.helpers.seed import SEED_PASSWORD

# The offscreen platform warns whenever a shown window's minimum size changes.
IGNORE_OFFSCREEN = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QApplication]:
    """The app as a store runs it: bundled font, Chinese translator; English again after."""
    saved = QLocale()
    install_app_font(qapp)
    install_translator(qapp, "zh_CN")
    yield qapp
    install_translator(qapp, "en")
    QLocale.setDefault(saved)


def open_window(qtbot: object, db: Database, username: str,
                settings: SettingsStore | None = None) -> MainWindow:
    """The main window as ``username`` after a real log-in, shown and exposed."""
    actor = auth_service.log_in(db, username, SEED_PASSWORD, workstation="test-pc")
    window = build_main_window(db, actor, settings or SettingsStore(), "zh_CN")
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    window.activateWindow()
    settle()
    return window


def settle() -> None:
    """Let pages finish the work they queued with zero-timers before the test goes on."""
    for _ in range(3):
        QApplication.processEvents()


def audit_rows(db: Database, *, action: str | None = None) -> list[AuditEntry]:
    with db.read() as session:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if action is not None:
            query = query.where(AuditEntry.action == action)
        rows = list(session.scalars(query))
        session.expunge_all()
        return rows


def when_modal(kind: type[QWidget], action: Callable[[QWidget], None]) -> QTimer:
    """Run ``action(dialog)`` once a modal ``kind`` shows (for code that calls exec())."""
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            timer.stop()
            try:
                action(widget)
            except BaseException:
                if isinstance(widget, QDialog):
                    widget.done(QDialog.DialogCode.Rejected)  # leave exec(), report the failure
                raise

    timer.timeout.connect(poll)
    timer.start()
    return timer
