"""Taking an item in: a walk-in (call and take-in on one screen) or a call already booked."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models.enums import Channel
from app.services import carry_in_service, idempotency
from app.services.calls_service import CallInput
from app.services.carry_in_dto import CarryInDTO
from app.services.carry_in_service import TakeInInput
from app.services.dto import CallDTO
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.register_call_dialog import RegisterCallDialog
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.session import AppSession
from app.ui.widgets.take_in_fields import TakeInFieldsWidget


def _fields_widget(session: AppSession) -> TakeInFieldsWidget:
    ctx = session.ctx
    return TakeInFieldsWidget(carry_in_service.technicians(ctx), ctx.today(),
                              default_technician=ctx.actor.user_id)


def _input(fields: TakeInFieldsWidget, *, token: str, walk_in: CallInput | None = None,
           call_id: int | None = None, fault: str = "") -> TakeInInput:
    return TakeInInput(technician_id=fields.technician_id, promised_date=fields.promised_date,
                       accessories=fields.accessories,
                       accessories_note=fields.other_edit.text(),
                       condition=fields.condition_edit.text(), fault=fault, call_id=call_id,
                       walk_in=walk_in, token=token)


class WalkInTakeInDialog(RegisterCallDialog):
    """The call form plus the receipt's fields: one Save registers the walk-in call and takes
    the item in, in one transaction. ``carried_in`` holds the carried-in item after ``accepted``."""

    def __init__(self, session: AppSession, parent: QWidget | None = None, *,
                 initial_lookup: str = "") -> None:
        self.carried_in: CarryInDTO | None = None
        self.take_in_fields = _fields_widget(session)
        super().__init__(session, parent, initial_lookup=initial_lookup)
        self.setWindowTitle(self.tr("Walk-in take-in"))
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(Channel.WALK_IN.value))
        self.channel_combo.setEnabled(False)
        box = QGroupBox(self.tr("Item receipt"))
        QVBoxLayout(box).addWidget(self.take_in_fields)
        self.left_column.insertWidget(self.left_column.count() - 1, box)
        chain = [self.received_edit, *self.take_in_fields.focus_chain(), self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def accept(self) -> None:
        taken = self._saved(lambda: carry_in_service.take_in(
            self._session.ctx, _input(self.take_in_fields, walk_in=self.call_input(),
                                      token=self._token)))
        if taken is not None:
            self.carried_in = taken
            QDialog.accept(self)

    def fields(self) -> dict[str, QWidget]:
        return {**super().fields(), **self.take_in_fields.fields()}


class CallTakeInDialog(FormDialog):
    """Take in the item of a call already in the book (e.g. taken in on site)."""

    def __init__(self, session: AppSession, call: CallDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Take in call {number}").format(number=call.number))
        self._session, self._call = session, call
        self._token = idempotency.new_token()  # a retried save finds its receipt
        self.carried_in: CarryInDTO | None = None
        summary = QLabel(f"{call.number}  {call.customer_name}  {call.item_label}")
        summary.setObjectName("call_summary")
        self.fault_edit = QLineEdit(call.fault)
        self.fault_edit.setObjectName("fault")
        self.take_in_fields = _fields_widget(session)
        self.message = QLabel()
        self.message.setStyleSheet("color: #B00020;")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Call"), summary)
        form.addRow(self.tr("&Fault"), self.fault_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.take_in_fields)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.fault_edit.setFocus()

    def fields(self) -> dict[str, QWidget]:
        return {"fault": self.fault_edit, "call": self.fault_edit,
                "item": self.fault_edit, **self.take_in_fields.fields()}

    def accept(self) -> None:
        clear_field_errors(self.fields())
        try:
            self.carried_in = carry_in_service.take_in(self._session.ctx, _input(
                self.take_in_fields, call_id=self._call.id, fault=self.fault_edit.text(),
                token=self._token))
        except UserError as err:
            show_user_error(err, self.fields(), message_label=self.message)
            return
        super().accept()
