"""Recording a visit (上门服务记录): arrival, completion, work, labour, parts from stock,
money taken on the spot, signature. There is no fee field: the bill is made from the facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.errors import UserError
from app.models.jobs import VisitOutcome
from app.services.dispatch_service import JobRow
from app.services.money import parse_yuan
from app.services.visit_service import MoneyTaken, VisitInput
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.form_parts import message_label, stack_form
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.session import AppSession
from app.ui.widgets.date_field import DateTimeField
from app.ui.widgets.parts_picker import PartsPicker
from app.ui.widgets.payment_methods import method_combo

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute, 0)


def from_qdatetime(value: QDateTime, tz: tzinfo) -> datetime:
    naive: datetime = value.toPython()  # type: ignore[assignment]
    return naive.replace(second=0, microsecond=0, tzinfo=tz)


class VisitDialog(FormDialog):
    """Layout here; ``on_submit(visit_input)`` does the saving and may raise a UserError."""

    def __init__(self, job: JobRow, now: datetime, parent: QWidget | None = None, *,
                 on_submit: Callable[[VisitInput], None],
                 session: AppSession | None = None) -> None:
        super().__init__(parent)
        self._tz: tzinfo = now.tzinfo or UTC
        self._on_submit = on_submit
        self._session = session
        self.setWindowTitle(self.tr("Record visit — {number}").format(number=job.number))
        self._build(job, now)

    def _build(self, job: JobRow, now: datetime) -> None:
        start = job.arrived_at.astimezone(self._tz) if job.arrived_at else now
        self.arrived_edit = DateTimeField(to_qdatetime(start))  # Tab leaves, as elsewhere
        self.completed_edit = DateTimeField(to_qdatetime(now))
        for edit in (self.arrived_edit, self.completed_edit):
            edit.setDisplayFormat(DATETIME_FORMAT)
            edit.setCalendarPopup(True)
        self.outcome_combo = QComboBox()
        for value, text in ((VisitOutcome.COMPLETED, self.tr("Completed on site")),
                            (VisitOutcome.TAKEN_IN, self.tr("Not fixable: taken in")),
                            (VisitOutcome.UNFINISHED, self.tr("Unfinished: another visit"))):
            self.outcome_combo.addItem(text, value.value)
        self.work_edit = QPlainTextEdit()
        self.work_edit.setTabChangesFocus(True)  # Tab leaves the text, as in every form
        self.work_edit.setFixedHeight(70)
        self.labour_spin = QSpinBox()
        self.labour_spin.setRange(-1, 24 * 60)
        self.labour_spin.setValue(-1)
        self.labour_spin.setSpecialValueText(self.tr("From the times"))
        self.labour_spin.setSuffix(self.tr(" min"))
        self.parts_edit = QLineEdit()
        self.parts_edit.setPlaceholderText(self.tr("Other parts, e.g. the customer's own"))
        self.picker = (PartsPicker(self._session, van_id=job.technician_id)
                       if self._session is not None else None)
        self.taken_edit = QLineEdit()
        self.taken_edit.setPlaceholderText(self.tr("Empty: nothing taken"))
        self.method_combo = method_combo(transfer=False)
        self.signed_check = QCheckBox(self.tr("The customer signed the voucher"))
        self.message = message_label()
        form = QFormLayout()
        info = QLabel(f"{job.call_number}  {job.customer_name}  {job.item_label}\n{job.fault}")
        info.setWordWrap(True)
        form.addRow(info)
        for text, widget in ((self.tr("Arrived"), self.arrived_edit),
                             (self.tr("Completed"), self.completed_edit),
                             (self.tr("Result"), self.outcome_combo),
                             (self.tr("Work done"), self.work_edit),
                             (self.tr("Labour time"), self.labour_spin),
                             (self.tr("Parts note"), self.parts_edit)):
            form.addRow(text, widget)
        if self.picker is not None:
            form.addRow(self.tr("Parts from stock"), self.picker)
        money = QHBoxLayout()
        money.addWidget(self.taken_edit, 1)
        money.addWidget(self.method_combo)
        form.addRow(self.tr("Money taken (yuan)"), money)
        form.addRow(self.signed_check)
        stack_form(self, form, self.message)

    def _fields(self) -> dict[str, QWidget]:
        return {"arrived_at": self.arrived_edit, "completed_at": self.completed_edit,
                "work_done": self.work_edit, "labour_minutes": self.labour_spin,
                "parts": self.parts_edit, "amount": self.taken_edit,
                "method": self.method_combo,
                "customer_signed": self.signed_check, "status": self.outcome_combo}

    def _taken(self) -> MoneyTaken | None:
        text = self.taken_edit.text().strip()
        if not text:
            return None
        return MoneyTaken(parse_yuan(text, field="amount"), str(self.method_combo.currentData()))

    @property
    def visit_input(self) -> VisitInput:
        labour = self.labour_spin.value()
        picker = self.picker
        return VisitInput(
            arrived_at=from_qdatetime(self.arrived_edit.dateTime(), self._tz),
            completed_at=from_qdatetime(self.completed_edit.dateTime(), self._tz),
            outcome=VisitOutcome(self.outcome_combo.currentData()),
            work_done=self.work_edit.toPlainText(), labour_minutes=None if labour < 0 else labour,
            parts=self.parts_edit.text(), customer_signed=self.signed_check.isChecked(),
            part_uses=tuple(picker.parts) if picker else (),
            stock_override=picker.override if picker else False,
            override_reason=picker.reason if picker else "", taken=self._taken())

    def accept(self) -> None:
        clear_field_errors(self._fields())
        try:
            self._on_submit(self.visit_input)
        except UserError as err:
            show_user_error(err, self._fields(), message_label=self.message)
            return
        super().accept()
