"""Small pieces shared by the call forms: vocabulary combos, date-time field, Enter, items."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QDialog, QPushButton

from app.services.dto import ItemDTO
from app.ui.labels import choices, label
from app.ui.session import AppSession
from app.ui.widgets.date_field import DateField, DateTimeField


def combo_of(vocabulary: str, default: str) -> QComboBox:
    combo = QComboBox()
    for value, text in choices(vocabulary):
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(default)))
    return combo


def enter_pressed(dialog: QDialog, event: QKeyEvent) -> bool:
    """Enter saves from any field; on a focused button it presses that button.

    Done here rather than by QDialog's auto-default buttons, which lose the default after
    the focus has passed over a button.
    """
    if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ControlModifier):
        return False
    focus = dialog.focusWidget()
    if isinstance(focus, QPushButton):
        focus.click()
    else:
        dialog.accept()
    return True


def datetime_of(edit: QDateTimeEdit, session: AppSession) -> datetime:
    """The edit's local wall time as an aware UTC datetime (store time zone)."""
    qdt = edit.dateTime()
    d, t = qdt.date(), qdt.time()
    local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=session.ctx.tz)
    return local.astimezone(UTC)


def item_text(item: ItemDTO) -> str:
    """'KFR-35GW 格力空调 #GR2024001　[在保 至 2029-06-05]' for item pick lists."""
    state = label("warranty", item.warranty.state.value)
    last = item.warranty.last_day
    until = " " + QCoreApplication.translate("RegisterCallDialog", "to {day}").format(
        day=last.isoformat()) if last else ""
    return f"{item.label}　[{state}{until}]"


__all__ = ["DateField", "DateTimeField"]
