"""Slow work off the GUI thread, with progress and cancel (import, demo data, exports).

Usage::

    task = Task(lambda control: run_import(ctx, preview, progress=control.report,
                                            is_cancelled=control.is_cancelled))
    task.progress.connect(bar.update)          # (done, total, text)
    task.finished.connect(on_result)           # the work function's return value
    task.failed.connect(on_error)              # the exception (UserError or a bug)
    task.cancelled.connect(on_cancelled)       # cancel() was asked and the work stopped
    task.start()                               # … task.cancel() from a button

The work function runs on a pool thread and receives a ``TaskControl``: it calls
``control.report(done, total, text)`` and polls ``control.is_cancelled()`` (or
``control.check()``, which raises ``TaskCancelled``). It must not touch widgets; services
open their own sessions, so calling them from the worker is safe. Exactly one of
finished / failed / cancelled is emitted, then ``ended``. Keep a reference to the Task
while it runs (e.g. ``self._task``).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.05  # seconds between progress signals: the GUI need not see every row


class TaskCancelled(Exception):
    """Raised by ``TaskControl.check()`` once the user cancelled."""


class TaskControl:
    """What the work function may do: report progress and ask whether to stop."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()
        self._last = 0.0

    def report(self, done: int, total: int, text: str = "") -> None:
        """Progress; throttled, but the last step (done == total) always gets through."""
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._emit(done, total, text)

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()

    def request_cancel(self) -> None:
        self._cancel.set()


class _Runnable(QRunnable):
    def __init__(self, body: Callable[[], None]) -> None:
        super().__init__()
        self._body = body

    def run(self) -> None:
        self._body()


class Task(QObject):
    """One piece of slow work run on Qt's thread pool; signals arrive on the GUI thread."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()

    def __init__(self, work: Callable[[TaskControl], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._control = TaskControl(self._emit_progress)
        self._running = False
        self._done = threading.Event()

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self._done.clear()
        QThreadPool.globalInstance().start(_Runnable(self._run))

    def cancel(self) -> None:
        """Ask the work to stop; ``cancelled`` follows when it has."""
        self._control.request_cancel()

    def wait(self, seconds: float = 30.0) -> bool:
        """Block until the work ended (for shutdown); True if it did in time."""
        return not self._running or self._done.wait(seconds)

    def _emit_progress(self, done: int, total: int, text: str) -> None:
        self._safe(self.progress.emit, done, total, text)

    def _run(self) -> None:
        try:
            result = self._work(self._control)
        except BaseException as exc:  # every outcome must reach the GUI
            self._end_with_error(exc)
        else:
            self._running = False
            self._safe(self.finished.emit, result)
        finally:
            self._running = False
            self._done.set()
            self._safe(self.ended.emit)

    def _end_with_error(self, exc: BaseException) -> None:
        self._running = False
        if self._control.is_cancelled():
            self._safe(self.cancelled.emit)
            return
        from app.errors import UserError

        if not isinstance(exc, UserError):
            log.error("background task failed", exc_info=exc)
        self._safe(self.failed.emit, exc)

    @staticmethod
    def _safe(emit: Callable[..., None], *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the Task's owner was closed meanwhile
            emit(*args)


class ProgressPanel(QWidget):
    """A progress bar, a line of text and a Cancel button that follow one Task."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.text = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 3)
        layout.addWidget(self.text, 2)
        layout.addWidget(self.cancel_button)
        self._task: Task | None = None
        self.cancel_button.clicked.connect(self._cancel)
        self.setVisible(False)

    def follow(self, task: Task) -> None:
        self._task = task
        self.bar.setRange(0, 0)  # busy until the first report
        self.text.clear()
        self.cancel_button.setEnabled(True)
        # A finished task's last signals may still be queued when the next one starts: only
        # the task followed now may move the bar or hide the panel.
        task.progress.connect(lambda done, total, text: self._show(done, total, text, task))
        task.ended.connect(lambda: self._ended(task))
        self.setVisible(True)

    def _show(self, done: int, total: int, text: str, task: Task | None = None) -> None:
        if task is not None and task is not self._task:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.text.setText(text or self.tr("{done} of {total}").format(done=done, total=total))

    def _cancel(self) -> None:
        if self._task is not None:
            self.cancel_button.setEnabled(False)
            self.text.setText(self.tr("Cancelling…"))
            self._task.cancel()

    def _ended(self, task: Task | None = None) -> None:
        if task is not None and task is not self._task:
            return
        self._task = None
        self.setVisible(False)
