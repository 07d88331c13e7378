"""Driving the carry-in page by keyboard: dialogs are run by a test driver instead of exec()."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.ui.dialogs.print_preview_dialog import PrintJob
from app.ui.pages.carry_in_page import CarryInPage
from tests.helpers.ui import type_text


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


def walk_in_dialog(qtbot):
    """Fills the walk-in dialog: new customer 刘洋 (13900001111), an XQB80, accessories."""
    def fill(dialog) -> None:
        qtbot.keyClicks(dialog.picker.lookup, "13900001111")
        enter(qtbot, dialog.picker.lookup)  # no match → new customer, phone carried over
        type_text(dialog.customer_fields.name_edit, "刘洋")
        dialog.item_combo.setFocus()
        dialog.item_combo.setCurrentIndex(dialog.item_combo.findData("new"))
        item = dialog.item_fields
        xqb = item.model_combo.findText("XQB80", Qt.MatchFlag.MatchStartsWith)
        item.model_combo.setCurrentIndex(xqb)
        qtbot.keyClicks(item.serial_edit, "XTE-9001")
        type_text(dialog.fault_edit, "不脱水，有异响")
        fields = dialog.take_in_fields
        key(qtbot, fields.checks["power_cord"], Qt.Key.Key_Space)
        key(qtbot, fields.checks["manual"], Qt.Key.Key_Space)
        type_text(fields.other_edit, "进水管一根")
        type_text(fields.condition_edit, "外壳左侧划痕")
        enter(qtbot, fields.condition_edit)
    return fill


def work_dialog(qtbot, minutes: str, quantity: str | None):
    """Fills the work dialog: minutes, a note, and optionally a part quantity."""
    def fill(dialog) -> None:
        retype(qtbot, dialog.minutes_spin, minutes)
        type_text(dialog.note_edit, "更换排水泵")
        if quantity is not None:
            retype(qtbot, dialog.quantity_spin, quantity)
            activate(qtbot, dialog.add_part_button)
        enter(qtbot, dialog.note_edit)
    return fill


def inspect_dialog(qtbot, passed: bool, note: str = ""):
    """Fills the inspection dialog: passed or failed, with a note."""
    def fill(dialog) -> None:
        key(qtbot, dialog.pass_radio if passed else dialog.fail_radio, Qt.Key.Key_Space)
        if note:
            type_text(dialog.note_edit, note)
        enter(qtbot, dialog.note_edit)
    return fill


def return_dialog(qtbot, *, signed: bool = True, identity: tuple[str, str] | None = None):
    """Fills the return dialog: signed, optionally the identity check of a lost receipt."""
    def fill(dialog) -> None:
        if identity is not None:
            qtbot.keyClicks(dialog.id_digits_edit, identity[0])
            qtbot.keyClicks(dialog.phone_edit, identity[1])
        if signed:
            key(qtbot, dialog.signed_check, Qt.Key.Key_Space)
        enter(qtbot, dialog.collected_edit)
    return fill
