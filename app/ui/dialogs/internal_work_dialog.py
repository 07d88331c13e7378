"""Logging internal work (一般行政工作, category D): kind, day, minutes and a note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.models.jobs import InternalWorkKind
from app.services.visit_service import InternalWorkInput
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.form_parts import message_label, stack_form
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.widgets.date_field import DateField

KIND_LABELS = {
    InternalWorkKind.INSPECTION: QT_TRANSLATE_NOOP("InternalWorkDialog", "Inspection"),
    InternalWorkKind.PARTS: QT_TRANSLATE_NOOP("InternalWorkDialog", "Parts management"),
    InternalWorkKind.TOOLS: QT_TRANSLATE_NOOP("InternalWorkDialog", "Tool upkeep"),
    InternalWorkKind.TRAINING: QT_TRANSLATE_NOOP("InternalWorkDialog", "Training"),
    InternalWorkKind.OTHER: QT_TRANSLATE_NOOP("InternalWorkDialog", "Other"),
}


class InternalWorkDialog(FormDialog):
    """``on_submit(work_input)`` saves and may raise a UserError (shown at its field)."""

    def __init__(self, today: date, parent: QWidget | None = None, *,
                 on_submit: Callable[[InternalWorkInput], None]) -> None:
        super().__init__(parent)
        self._on_submit = on_submit
        self.setWindowTitle(self.tr("Log internal work (D)"))
        self.kind_combo = QComboBox()
        for kind, text in KIND_LABELS.items():
            self.kind_combo.addItem(self.tr(text), kind.value)
        self.day_edit = DateField(QDate(today.year, today.month, today.day))
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, 24 * 60)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.note_edit = QLineEdit()
        self.message = message_label()
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Day"), self.day_edit)
        form.addRow(self.tr("Time"), self.minutes_spin)
        form.addRow(self.tr("Note"), self.note_edit)
        stack_form(self, form, self.message)

    @property
    def work_input(self) -> InternalWorkInput:
        day: date = self.day_edit.date().toPython()  # type: ignore[assignment]
        return InternalWorkInput(day, InternalWorkKind(self.kind_combo.currentData()),
                                 self.minutes_spin.value(), self.note_edit.text())

    def _fields(self) -> dict[str, QWidget]:
        return {"minutes": self.minutes_spin, "day": self.day_edit, "note": self.note_edit}

    def accept(self) -> None:
        clear_field_errors(self._fields())
        try:
            self._on_submit(self.work_input)
        except UserError as err:
            show_user_error(err, self._fields(), message_label=self.message)
            return
        super().accept()
