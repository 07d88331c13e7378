"""Unexpected errors: a short apology in the user's language, details only on request."""

from __future__ import annotations

import logging
import platform
import traceback
from datetime import datetime
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.ui import theme
from app.ui.errors import user_message

log = logging.getLogger("app.unexpected")
_open_dialogs: list[QWidget] = []  # keep shown non-modal boxes alive


class ErrorDialog(QDialog):
    """出错了. The traceback is never shown; "Copy details" puts it on the clipboard."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._details = details
        self.setWindowTitle(self.tr("Service Counter — Something went wrong"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(theme.SPACING * 2)
        row = QHBoxLayout()
        row.setSpacing(theme.SPACING * 2)
        picture = QLabel()
        picture.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(self.tr(
            "Sorry, something went wrong in the program. What you were doing may not have "
            "been saved: please check it and try again.\n\nIf it happens again, press "
            "“Copy details” and send them to your administrator."))
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(380)
        text = QVBoxLayout()
        text.setSpacing(theme.SPACING)
        heading = QLabel(self.tr("Something went wrong"))
        heading.setObjectName("dialogTitle")
        font = heading.font()
        font.setPointSize(theme.HEADER_POINT_SIZE)
        heading.setFont(font)
        text.addWidget(heading)
        text.addWidget(self.message)
        row.addLayout(text, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(500)

    @property
    def details(self) -> str:
        return self._details

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self._details)
        self.copy_button.setText(self.tr("Copied"))


def _environment() -> str:
    """What support needs beside the traceback: versions, time, where the log is."""
    from app import __version__
    from app.logging_setup import log_file_path

    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    return (f"Service Counter {__version__} · Python {platform.python_version()} · "
            f"Qt {qVersion()} · {platform.platform()}\n{stamp} · log: {log_file_path()}")


def _show(box: QDialog) -> None:
    _open_dialogs.append(box)
    box.finished.connect(lambda _code: _open_dialogs.remove(box) if box in _open_dialogs
                         else None)
    box.open()


def show_user_error_box(err: UserError, parent: QWidget | None = None) -> QMessageBox:
    """A UserError nobody caught: its translated message, nothing more. The same message
    already on screen is not shown twice (a book refreshing while the server is away)."""
    text = user_message(err)
    for shown in _open_dialogs:
        if isinstance(shown, QMessageBox) and shown.text() == text and shown.isVisible():
            return shown
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("Errors", "Service Counter"),
                      text, QMessageBox.StandardButton.Ok, parent)
    _show(box)
    return box


def report_exception(exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None, parent: QWidget | None = None) -> QDialog:
    """Log the traceback and show the apology (or a UserError's message); never raises."""
    if isinstance(exc, UserError):
        log.warning("uncaught user error: %s", exc.text())
        return show_user_error_box(exc, parent)
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error\n%s", details)
    details = f"{_environment()}\n\n{details}"
    dialog = ErrorDialog(details, parent)
    _show(dialog)
    return dialog


def open_error_dialogs() -> list[QWidget]:
    return list(_open_dialogs)

