"""The daily backup while the app runs: a counter left open for a week still backs up daily.

The first start of a day backs up before the log-in (``app.ui.app.take_daily_backup``); this
timer then looks every few minutes whether the day (of the live database) has a backup yet and,
if not, takes one on a pool thread (``app.ui.tasks.Task``) so the screen never freezes. At most
one backup per day per database; a failure is shown once a day, not at every look.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.db.backup_file import BackupInfo
from app.db.database import Database
from app.errors import UserError
from app.services import backup_service
from app.ui.errors import user_message
from app.ui.tasks import Task

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 10 * 60 * 1000  # look every ten minutes; the backup itself is daily


def backup_failure_text(exc: BaseException) -> str:
    """The message for a daily backup that failed: the reason, and that the counter goes on."""
    if isinstance(exc, UserError):
        reason = user_message(exc)
    else:
        log.error("daily backup failed", exc_info=exc)
        reason = QCoreApplication.translate(
            "Backup", "The daily backup failed unexpectedly ({detail}); the details are in "
            "the log.").format(detail=type(exc).__name__)
    return QCoreApplication.translate(
        "Backup", "{reason}\n\nThe counter keeps working and nothing entered is lost, but "
        "today has no backup yet: it is tried again while the application runs. Tell your "
        "administrator.").format(reason=reason)


class BackupScheduler(QObject):
    """Looks every ``interval_ms`` whether today's backup is due and takes it in the background."""

    backed_up = Signal(object)  # the BackupInfo of a backup taken
    failure_shown = Signal(str)  # the message shown (once a day)
    attempt_ended = Signal()  # after each background attempt, whatever its outcome

    def __init__(self, db: Database, folder: Callable[[], Path], *,
                 clock: Callable[[], datetime] = datetime.now,
                 interval_ms: int = CHECK_INTERVAL_MS, warned_on: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._folder = folder
        self._clock = clock
        self._parent = parent
        self._warned_on = warned_on  # the day a failure was last shown
        self._task: Task | None = None
        self.message_box: QMessageBox | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        if self._db.is_sqlite:
            self.timer.start()

    def stop(self, seconds: float = 60.0) -> None:
        """Stop looking and let a backup under way finish (before the database closes)."""
        self.timer.stop()
        if self._task is not None:
            self._task.wait(seconds)

    @property
    def busy(self) -> bool:
        return self._task is not None and self._task.running

    def tick(self) -> None:
        """One look: start today's backup if the day has none (and none is under way)."""
        if self.busy or not self._db.is_sqlite:
            return
        now = self._clock()
        folder = self._folder()
        try:
            due = backup_service.daily_due(folder, now, backup_service.live_file(self._db).stem)
        except OSError:
            due = True  # an unreadable folder: the backup itself says why
        if not due:
            return
        db = self._db
        task = Task(lambda _control: backup_service.daily_backup_if_due(db, folder, now), self)
        task.finished.connect(lambda info: self._done(info, now.date()))
        task.failed.connect(lambda exc: self._warn(backup_failure_text(exc), now.date()))
        task.ended.connect(self.attempt_ended)
        self._task = task
        task.start()

    def _done(self, info: BackupInfo | None, day: date) -> None:
        if info is None:
            return
        if not info.ok:
            self._warn(QCoreApplication.translate(
                "Backup", "Today's backup {name} did not pass its check ({result}).").format(
                name=info.path.name, result=info.integrity), day)
            return
        self.backed_up.emit(info)

    def _warn(self, text: str, day: date) -> None:
        if self._warned_on == day:
            log.warning("daily backup failed again (already shown today): %s", text)
            return
        self._warned_on = day
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("Backup", "Backup failed"), text,
                          QMessageBox.StandardButton.Ok, self._parent)
        box.setModal(False)  # the clerk goes on serving; the message waits beside
        box.show()
        self.message_box = box
        self.failure_shown.emit(text)
