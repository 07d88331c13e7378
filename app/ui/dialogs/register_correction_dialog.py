"""A correction of one line of the goods register, with the reason that goes on the trail."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.errors import UserError
from app.services import register_service
from app.services.register_dto import RegisterRow
from app.services.register_service import RegisterCorrection
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.form_parts import message_label, save_buttons
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.session import AppSession


class RegisterCorrectionDialog(FormDialog):
    def __init__(self, session: AppSession, row: RegisterRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct register line {number}").format(
            number=row.receipt_number))
        self._session, self._row = session, row
        self.corrected: RegisterRow | None = None
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, label, value in (
                ("customer_name", self.tr("Customer"), row.customer_name),
                ("item_label", self.tr("Item"), row.item_label),
                ("accessories_text", self.tr("Accessories"), row.accessories_text),
                ("returned_to", self.tr("Returned to"), row.returned_to),
                ("remark", self.tr("Remark"), row.remark),
                ("reason", self.tr("&Reason for the correction"), "")):
            edit = QLineEdit(value)
            edit.setObjectName(name)
            self.edits[name] = edit
            form.addRow(label, edit)
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(save_buttons(self))
        self.edits["reason"].setFocus()

    def accept(self) -> None:
        fields = dict(self.edits)
        clear_field_errors(fields)
        text = {k: e.text() for k, e in self.edits.items()}
        data = RegisterCorrection(text["customer_name"], text["item_label"],
                                  text["accessories_text"], text["returned_to"], text["remark"])
        try:
            self.corrected = register_service.correct_entry(
                self._session.ctx, self._row.id, data, reason=text["reason"],
                expected_version=self._row.version)
        except UserError as err:
            show_user_error(err, fields, message_label=self.message)
            return
        super().accept()
