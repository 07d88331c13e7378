"""Typing Chinese the way an input method does (qtbot.keyClicks aborts on non-ASCII), a widget
shown on the screen, and Tab pressed round a page or dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


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


def tab_stops(root: QWidget) -> list[QWidget]:
    """The controls of ``root`` Tab should reach: shown, enabled, in its window, taking focus
    from the keyboard (a combo's or spin box's own line edit speaks through its box)."""
    return [w for w in root.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.window() is root.window()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
            and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))]


def names(widgets: list[QWidget]) -> list[str]:
    return [f"{type(w).__name__}#{w.objectName()}" for w in widgets]


def tab_round(qtbot, root: QWidget, *, inside: bool  # type: ignore[no-untyped-def]
              ) -> tuple[list[QWidget], str | None]:
    """Tab pressed round ``root`` from its first control, three times its controls and more:
    the controls of :func:`tab_stops` Tab never reached, and the first fault — nothing has
    the focus, the focus left ``root`` (``inside``: a dialog keeps it), or Tab stayed put."""
    stops = tab_stops(root)
    root.focusNextPrevChild(True)
    seen: list[QWidget] = []
    fault = None
    for _ in range(3 * len(stops) + 10):
        before = QApplication.focusWidget()
        if before is None or (inside and not root.isAncestorOf(before)):
            fault = "nothing has the focus" if before is None else "the focus left it"
            break
        seen.append(before)
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is before:
            fault = f"Tab stays on {names([before])[0]}"
            break
    return [w for w in stops if w not in seen], fault
