"""Choose one value and give a reason: reassigning a voucher, overriding a category."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.i18n import N_
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.form_parts import message_label, stack_form
from app.ui.errors import clear_field_errors, show_user_error


class ChoiceReasonDialog(FormDialog):
    """``on_submit(value, reason)`` runs on OK; a UserError keeps the dialog open."""

    def __init__(self, title: str, prompt: str, choice_label: str,
                 choices: Sequence[tuple[object, str]], parent: QWidget | None = None, *,
                 on_submit: Callable[[object, str], None], current: object = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._on_submit = on_submit
        self.choice_combo = QComboBox()
        for value, text in choices:
            self.choice_combo.addItem(text, value)
        if current is not None:
            self.choice_combo.setCurrentIndex(max(0, self.choice_combo.findData(current)))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("Why? (required)"))
        self.message = message_label()
        info = QLabel(prompt)
        info.setWordWrap(True)
        form = QFormLayout()
        form.addRow(info)
        form.addRow(choice_label, self.choice_combo)
        form.addRow(self.tr("Reason"), self.reason_edit)
        stack_form(self, form, self.message)
        self.reason_edit.setFocus()

    @property
    def value(self) -> object:
        return self.choice_combo.currentData()

    @property
    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def accept(self) -> None:
        fields: dict[str, QWidget] = {"reason": self.reason_edit,
                                      "technician": self.choice_combo,
                                      "category": self.choice_combo}
        clear_field_errors(fields)
        try:
            if not self.reason:
                raise ValidationError(N_("Enter a reason."), field="reason")
            self._on_submit(self.value, self.reason)
        except UserError as err:
            show_user_error(err, fields, message_label=self.message)
            return
        super().accept()
