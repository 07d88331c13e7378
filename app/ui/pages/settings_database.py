"""Settings tab 本机数据库 (this computer): which database this PC opens at every start — its
own file, or the company's server (a branch's PC) — and the way from one to the other. The
choice is kept in the PC's data folder (``config.pc_server``); it takes effect at the next
start. A server is tried before it is kept."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app import config
from app.bootstrap import sqlite_file_of
from app.db.database import Database
from app.services.permissions import Perm
from app.ui.session import AppSession

log = logging.getLogger(__name__)


def describe_database(url: str) -> str:
    """A database as a person reads it: a file's path, or user@server:port/database."""
    path = sqlite_file_of(url)
    if path is not None:
        return str(path)
    parsed = make_url(url)
    return (f"{parsed.username or ''}@{parsed.host or ''}:{parsed.port or 5432}/"
            f"{parsed.database or ''}")


def ask_server(parent: QWidget | None) -> str | None:
    """The server dialog (the one of the start); the URL, no password, or None."""
    from app.ui.dialogs.server_dialog import ServerDialog

    dialog = ServerDialog(parent)
    url = dialog.url if dialog.exec() and dialog.url else None
    dialog.deleteLater()
    return url


def try_server(url: str) -> str | None:
    """Connect once; None if it works, else why not (in the user's language)."""
    from app.db.pglink import is_link_lost, redact
    from app.errors import ServerUnreachableError

    db = None
    try:
        db = Database(url)
        with db.read() as session:
            session.execute(text("SELECT 1"))
    except Exception as exc:
        reason = redact(getattr(exc, "orig", None) or exc)
        log.warning("the server %s cannot be used: %s", describe_database(url), reason)
        if isinstance(exc, ServerUnreachableError) or is_link_lost(exc):
            return QCoreApplication.translate(
                "DatabaseTab", "The server cannot be reached. Check its name, the network and "
                "that it is running; nothing was changed.")
        return QCoreApplication.translate(
            "DatabaseTab", "The server refused the connection; nothing was changed. It "
            "said: {reason}").format(reason=reason.strip())
    finally:
        if db is not None:
            db.dispose()
    return None


class DatabaseTab(QWidget):
    """This PC's database now and from the next start; administrators change it."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        box = QGroupBox(self.tr("This computer's database"), self)
        form = QFormLayout(box)
        self.now_label = QLabel(box)
        self.next_label = QLabel(box)
        for label in (self.now_label, self.next_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("In use now"), self.now_label)
        form.addRow(self.tr("From the next start"), self.next_label)
        self.server_button = QPushButton(self.tr("Connect to the company's server…"), box)
        self.own_button = QPushButton(self.tr("Use this PC's own database file"), box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.server_button)
        buttons.addWidget(self.own_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.message = QLabel(box)
        self.message.setWordWrap(True)
        form.addRow("", self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        self.server_button.clicked.connect(self.connect_server)
        self.own_button.clicked.connect(self.use_own_file)
        self.refresh()

    def refresh(self) -> None:
        self.now_label.setText(describe_database(self.session.db.url))
        source = config.database_source()
        target = describe_database(config.database_url())
        if source == "server":
            said = self.tr("the company's server {target}").format(target=target)
        elif source == "environment":
            said = self.tr("{target} (named by SERVICE_COUNTER_DB)").format(target=target)
        else:
            said = self.tr("this PC's own file {target}").format(target=target)
        self.next_label.setText(said)
        may = self.session.may(Perm.USERS_MANAGE)
        self.server_button.setEnabled(may)
        self.own_button.setEnabled(may and source == "server")

    def connect_server(self) -> None:
        url = ask_server(self)
        if not url:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            why = try_server(url)
        finally:
            QApplication.restoreOverrideCursor()
        if why is not None:
            self.say(why, ok=False)
            return
        self.keep(url, self.tr("This PC opens the company's server from its next start."))

    def use_own_file(self) -> None:
        if not self.confirm_own_file():
            return
        self.keep(None, self.tr("This PC opens its own database file from its next start."))

    def confirm_own_file(self) -> bool:
        """A branch's PC must not drift to a store of its own: asked first (No default)."""
        answer = QMessageBox.question(
            self, self.tr("Use this PC's own database file"),
            self.tr("From the next start this PC no longer opens the company's server but a "
                    "store of its own, kept on this PC ({path}). A branch's PC needs the "
                    "server. Use this PC's own file?").format(
                path=config.default_database_file()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def keep(self, url: str | None, done: str) -> None:
        try:
            config.set_pc_server(url)
        except (OSError, ValueError) as exc:
            log.error("cannot keep this PC's database choice: %s", exc)
            self.say(self.tr("This PC could not note its choice; nothing was changed."),
                     ok=False)
            return
        self.refresh()
        self.say(done, ok=True)

    def say(self, message: str, *, ok: bool) -> None:
        self.message.setStyleSheet("" if ok else "color: #B71C1C;")
        self.message.setText(message)
