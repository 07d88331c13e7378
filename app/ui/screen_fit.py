"""Every window on the counter PC's screen (1366×768, about 1366×728 after the taskbar).

A window is clamped to the available screen whenever it is shown or resized: a remembered
geometry from a larger monitor, a print preview's default size or a dialog that grew while open
cannot put Save off-screen.
Labels that carry messages shrink with the window instead of widening it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QWidget


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The screen area a window may use (the taskbar excluded)."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def clamp_to_screen(window: QWidget) -> None:
    """Shrink ``window`` to the available screen (not below its minimum) and move it inside."""
    if window.isMaximized() or window.isFullScreen():
        return
    area = available_geometry(window)
    frame = window.frameGeometry()
    extra_w = frame.width() - window.width()
    extra_h = frame.height() - window.height()
    width = max(min(window.width(), area.width() - extra_w), window.minimumWidth())
    height = max(min(window.height(), area.height() - extra_h), window.minimumHeight())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(frame.x(), area.left()), max(area.left(), area.right() + 1 - width - extra_w))
    y = min(max(frame.y(), area.top()), max(area.top(), area.bottom() + 1 - height - extra_h))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def let_shrink(label: QLabel) -> QLabel:
    """A message label that never widens its window: long text is cut, and shown in full as
    the tooltip."""
    label.setSizePolicy(QSizePolicy.Policy.Ignored, label.sizePolicy().verticalPolicy())
    label.setMinimumWidth(0)
    return label


class _ScreenFit(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (kind == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow()):
            clamp_to_screen(watched)
        elif (kind == QEvent.Type.Resize and isinstance(watched, QWidget)
              and watched.isWindow() and watched.isVisible()):
            # a form that grows while open (a new customer's fields) keeps Save on screen
            clamp_to_screen(watched)
        return False


_FILTER: list[_ScreenFit] = []


def install_screen_fit(app: QApplication) -> None:
    """Clamp every window to the screen when it shows (once per application)."""
    if not _FILTER:
        _FILTER.append(_ScreenFit(app))
        app.installEventFilter(_FILTER[0])
