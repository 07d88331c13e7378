"""Shared steps of the customer-voice GUI tests: show a page, answer the next dialog, look at
(and maybe save) what a page sends to the print preview."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from app.ui.dialogs.print_preview_dialog import PrintJob, PrintPreviewDialog
from tests.helpers.ui import show_page

__all__ = ["show_page"]  # the voice tests' old home of it


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


@dataclass(frozen=True)
class Shown:
    filename: str  # suggested when saving
    pdf: bytes  # what the preview showed when it opened
    saved: Path | None  # the copy saved as PDF, if the user saved one


def answer_previews(qtbot, page, *, save_in: Path | None = None) -> list[Shown]:
    """Stand in for the user at the page's print previews (the real dialog, not exec'd): look
    and close it, or with ``save_in`` first save one copy there as PDF (the dialog's path)."""
    shown: list[Shown] = []

    def show(job: PrintJob) -> None:
        dialog = PrintPreviewDialog(job, page)
        qtbot.addWidget(dialog)
        target = save_in / f"{len(shown)}-{dialog.filename}" if save_in else None
        first = Shown(dialog.filename, dialog.pdf, target)
        if target is not None:
            assert dialog.save_to(str(target))
        dialog.reject()
        shown.append(first)

    page.show_print = show
    return shown
