"""What the counter-screen tests share: which controls lie outside the screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from tests.helpers.counter_screen import COUNTER_SCREEN

SCREEN = QRect(0, 0, *COUNTER_SCREEN)
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractScrollArea, QLabel)


def _clipped(widget: QWidget) -> QRect:
    """The part of ``widget`` its parents let show (empty when scrolled away), global."""
    rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and not widget.isWindow():
        rect = rect.intersected(QRect(parent.mapToGlobal(QPoint(0, 0)), parent.size()))
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return rect


def describe(widget: QWidget) -> str:
    text = ""
    for getter in ("text", "placeholderText", "currentText", "windowTitle"):
        value = getattr(widget, getter, None)
        if callable(value) and value():
            text = str(value())
            break
    return f"{type(widget).__name__}#{widget.objectName()} {text[:30]!r}"


def off_screen(window: QWidget, screen: QRect = SCREEN) -> list[str]:
    """Every visible control of ``window`` (and the window itself) not wholly on ``screen``."""
    QApplication.processEvents()
    found: list[str] = []
    frame = window.frameGeometry()
    if not screen.contains(frame):
        found.append(f"window {describe(window)} {frame.getRect()}")
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if widget.window() is not window:
            continue
        shown = _clipped(widget)
        if shown.isEmpty():
            continue  # scrolled out of its view: reachable by scrolling
        if not screen.contains(shown):
            found.append(f"{describe(widget)} at {shown.getRect()}")
    return found
