"""Edit a call of the book with a reason (the reason goes on the audit trail)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models.enums import Channel, ServiceKind, Urgency
from app.services import calls_service, customers_service
from app.services.calls_service import CallEdit
from app.services.dto import CallDTO
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.labels import label
from app.ui.session import AppSession
from app.ui.theme import SPACING
from app.ui.widgets.call_form_parts import (
    DateTimeField,
    combo_of,
    datetime_of,
    enter_pressed,
    item_text,
)


class CallEditDialog(FormDialog):
    """Opened on one call; saves against the version it was opened with."""

    def __init__(self, session: AppSession, call_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.call: CallDTO = calls_service.get_call(session.ctx, call_id)
        self.result_call: CallDTO | None = None
        self.setWindowTitle(self.tr("Edit call {number}").format(number=self.call.number))
        self._build()
        self._fill()
        self.fault_edit.setFocus()

    def _build(self) -> None:
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.item_combo = combo_of("", "")
        self.item_combo.setObjectName("item")
        self.fault_edit = QLineEdit()
        self.fault_edit.setObjectName("fault")
        self.channel_combo = combo_of("channel", self.call.channel)
        self.kind_combo = combo_of("service_kind", self.call.service_kind)
        self.urgency_combo = combo_of("urgency", self.call.urgency)
        self.received_edit = DateTimeField()
        self.received_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("Why is the call changed? (required)"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #B00020;")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setSpacing(SPACING)
        form.addRow(self.tr("&Item"), self.item_combo)
        form.addRow(self.tr("&Fault"), self.fault_edit)
        form.addRow(self.tr("C&hannel"), self.channel_combo)
        form.addRow(self.tr("Ser&vice"), self.kind_combo)
        form.addRow(self.tr("Ur&gency"), self.urgency_combo)
        form.addRow(self.tr("R&eceived"), self.received_edit)
        form.addRow(self.tr("Rea&son"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING * 2)
        layout.addWidget(self.header)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(600)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not enter_pressed(self, event):
            super().keyPressEvent(event)

    def _fill(self) -> None:
        call = self.call
        self.header.setText(f"<b>{call.number}</b>　{call.customer_name}　"
                            f"{label('status', call.status)}")
        customer = customers_service.get_customer(self._session.ctx, call.customer_id)
        self.item_combo.addItem(self.tr("(no item / not known)"), None)
        for item in customer.items:
            self.item_combo.addItem(item_text(item), item.id)
        self.item_combo.setCurrentIndex(max(0, self.item_combo.findData(call.item_id)))
        self.fault_edit.setText(call.fault)
        local = self._session.ctx.local(call.received_at)
        self.received_edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                                 QTime(local.hour, local.minute)))

    def _received(self) -> datetime:
        shown = self._session.ctx.local(self.call.received_at)
        edited = datetime_of(self.received_edit, self._session)
        # Unchanged minutes keep the exact stored time (seconds included).
        same = self._session.ctx.local(edited).replace(tzinfo=None) == shown.replace(
            second=0, microsecond=0, tzinfo=None)
        return self.call.received_at if same else edited

    def edit(self) -> CallEdit:
        data = self.item_combo.currentData()
        return CallEdit(self.fault_edit.text(), Channel(self.channel_combo.currentData()),
                        int(data) if data is not None else None,
                        ServiceKind(self.kind_combo.currentData()),
                        Urgency(self.urgency_combo.currentData()), self._received())

    def fields(self) -> dict[str, QWidget]:
        return {"fault": self.fault_edit, "item": self.item_combo, "reason": self.reason_edit,
                "received_at": self.received_edit}

    def accept(self) -> None:
        clear_field_errors(self.fields())
        try:
            self.result_call = calls_service.update_call(
                self._session.ctx, self.call.id, self.edit(),
                expected_version=self.call.version, reason=self.reason_edit.text())
        except UserError as err:
            show_user_error(err, self.fields(), message_label=self.message)
            return
        super().accept()
