"""The accountant confirms the cash one technician hands over (seed 002 §十): the amount counted,
and the reason when it differs from what was recorded."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.errors import UserError
from app.services import payments_service as payments
from app.services.money import format_money, parse_yuan
from app.services.money_dto import PaymentDTO
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.form_parts import message_label, save_buttons
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.session import AppSession


class HandoverDialog(FormDialog):
    """Counted amount (the recorded total until changed) and a reason for any difference."""

    def __init__(self, session: AppSession, holder_id: int, holder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cash handed over by {name}").format(name=holder))
        self.setMinimumWidth(420)
        self._session = session
        self.held = payments.held_payments(session.ctx, holder_id)
        self.handed_over: list[PaymentDTO] = []  # not `done`: QDialog.done() is virtual
        recorded = sum(p.amount_cents for p in self.held)
        self.counted = QLineEdit(f"{recorded / 100:.2f}")
        self.counted.setObjectName("counted")
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Required when the amounts differ"))
        self.message = message_label()
        form = QFormLayout()
        form.addRow(self.tr("Recorded"), QLabel(self.tr("{n} payments, {total}").format(
            n=len(self.held), total=format_money(recorded))))
        form.addRow(self.tr("Counted"), self.counted)
        form.addRow(self.tr("Reason for a difference"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(save_buttons(self))

    def accept(self) -> None:
        fields = {"counted": self.counted, "reason": self.reason, "payments": self.counted}
        clear_field_errors(fields)
        try:
            self.handed_over = payments.confirm_handover(
                self._session.ctx, [p.id for p in self.held],
                counted=parse_yuan(self.counted.text(), field="counted"), reason=self.reason.text())
        except UserError as err:
            show_user_error(err, fields, message_label=self.message)
            return
        super().accept()
