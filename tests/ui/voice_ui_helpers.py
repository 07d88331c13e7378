"""Shared steps of the customer-voice GUI tests: show a page, answer the next dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox


def show_page(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def dialog_driver(qtbot, steps):
    """Stand in for the user at the next modal dialog: ``steps(dialog)`` then OK."""
    def run(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        steps(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted
    return run
