"""Driving the carry-in page by keyboard: dialogs are run by a test driver instead of exec()."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.ui.dialogs.print_preview_dialog import PrintJob
from app.ui.pages.carry_in_page import CarryInPage


def key(qtbot: QtBot, widget: QWidget, k: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, k, modifier)


def activate(qtbot: QtBot, button: QAbstractButton) -> None:
    """Tab to a button and press Space (the keyboard's click)."""
    assert button.isEnabled(), button.objectName()
    key(qtbot, button, Qt.Key.Key_Space)


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select all (Ctrl+A) and type ASCII over it."""
    key(qtbot, widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def enter(qtbot: QtBot, widget: QWidget) -> None:
    key(qtbot, widget, Qt.Key.Key_Return)


def drive(page: CarryInPage, qtbot: QtBot, driver: Callable[[Any], None]) -> list[QDialog]:
    """The next dialog the page opens is shown and handed to ``driver`` (no exec loop)."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        dialog.show()
        qtbot.waitExposed(dialog)
        seen.append(dialog)
        driver(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    page.run_dialog = run  # type: ignore[method-assign]
    return seen


def capture_prints(page: CarryInPage) -> list[tuple[str, bytes]]:
    """The page's print previews keep (kind, PDF shown) instead of opening; nothing is
    printed, so nothing is recorded."""
    printed: list[tuple[str, bytes]] = []

    def preview(kind: str, job: PrintJob) -> None:
        printed.append((kind, job.render(job.reprint).pdf))

    page.open_preview = preview  # type: ignore[method-assign]
    return printed
