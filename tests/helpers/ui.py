"""Typing Chinese the way an input method does (qtbot.keyClicks aborts on non-ASCII), and a
widget shown on the screen."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Commit ``text`` into ``widget`` as an input method would (any script, emoji too)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def show_page(qtbot, widget: QWidget, height: int = 700) -> QWidget:  # type: ignore[no-untyped-def]
    """``widget`` shown at 1280 wide and exposed (closed after the test)."""
    qtbot.addWidget(widget)
    widget.resize(1280, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
