"""A start-up smoke check for the installed package and CI.

``SERVICE_COUNTER_SMOKE_QUIT_MS=N`` makes the GUI note when its first window (the log-in or
first-start dialog) is shown — on stderr and in the log, with the seconds since the process
started — and close that window N ms later, so the application exits by itself with 0.
Unset (the normal case) nothing is installed.
"""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

SMOKE_ENV = "SERVICE_COUNTER_SMOKE_QUIT_MS"
FIRST_WINDOW = "first window shown"

log = logging.getLogger(__name__)
_NOT_WINDOWS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)


def seconds_since_process_start() -> float | None:
    """Wall time since the kernel started this process (Linux; None elsewhere)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as uptime:
            now = float(uptime.read().split()[0])
        return now - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


class _QuitAfterFirstWindow(QObject):
    def __init__(self, app: QApplication, delay_ms: int) -> None:
        super().__init__(app)
        self._app = app
        self._delay_ms = delay_ms

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow() and watched.windowType() not in _NOT_WINDOWS):
            self._app.removeEventFilter(self)
            elapsed = seconds_since_process_start()
            since = f"{elapsed:.2f} s after process start" if elapsed is not None else ""
            line = f"{FIRST_WINDOW}: {type(watched).__name__} at {time.time():.3f} {since}"
            log.info(line)
            print(line, file=sys.stderr, flush=True)
            QTimer.singleShot(self._delay_ms, watched.close)
        return False


def install_smoke_quit(app: QApplication) -> None:
    """Watch for the first window if SERVICE_COUNTER_SMOKE_QUIT_MS is set (see the module)."""
    value = os.environ.get(SMOKE_ENV, "").strip()
    if not value:
        return
    try:
        delay_ms = max(0, int(value))
    except ValueError:
        log.warning("%s=%r is not a number of milliseconds; ignored", SMOKE_ENV, value)
        return
    app.installEventFilter(_QuitAfterFirstWindow(app, delay_ms))
