"""Repair card dialogs: a work entry (time and parts) and the supervisor's inspection (验讫)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import repair_service
from app.services.carry_in_dto import CarryInDTO
from app.services.repair_service import PartQty, WorkInput
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.form_parts import message_label, save_buttons
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.session import AppSession
from app.ui.widgets.parts_picker import PartsPicker


class WorkEntryDialog(FormDialog):
    """Minutes worked, a note, and parts replaced (part + quantity, added to a list)."""

    def __init__(self, session: AppSession, job: CarryInDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Work on {card}").format(card=job.card_number))
        self._session, self._job = session, job
        self.carried_in: CarryInDTO | None = None
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("minutes")
        self.minutes_spin.setRange(0, 24 * 60)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.times_check = QCheckBox(self.tr("Start/stop &times instead"))
        self.times_check.setObjectName("use_times")
        now = session.ctx.local(session.ctx.now())
        stop = QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
        self.started_edit = QDateTimeEdit(stop.addSecs(-3600))
        self.started_edit.setObjectName("started_at")
        self.stopped_edit = QDateTimeEdit(stop)
        self.stopped_edit.setObjectName("stopped_at")
        for edit in (self.started_edit, self.stopped_edit):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setEnabled(False)
            self.times_check.toggled.connect(edit.setEnabled)
        self.times_check.toggled.connect(lambda on: self.minutes_spin.setEnabled(not on))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.picker = PartsPicker(session)
        # the picker's fields, named as the dialog's for callers and tests
        self.part_combo, self.quantity_spin = self.picker.part_combo, self.picker.quantity_spin
        self.add_part_button, self.parts_list = self.picker.add_part_button, self.picker.parts_list
        self.override_check, self.reason_edit = self.picker.override_check, self.picker.reason_edit
        self.message = message_label()
        self._lay_out()

    @property
    def parts(self) -> list[PartQty]:
        return self.picker.parts

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Time spent"), self.minutes_spin)
        times = QHBoxLayout()
        for widget in (self.times_check, self.started_edit, QLabel("–"), self.stopped_edit):
            times.addWidget(widget)
        form.addRow("", times)
        form.addRow(self.tr("&Note"), self.note_edit)
        form.addRow(self.tr("&Parts replaced"), self.picker)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(save_buttons(self))
        self.minutes_spin.setFocus()
        self.minutes_spin.selectAll()

    def _moment(self, edit: QDateTimeEdit) -> datetime:
        value = edit.dateTime()
        day, clock = value.date(), value.time()
        local = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(),
                         tzinfo=self._session.ctx.tz)
        return local.astimezone(UTC)

    def work_input(self) -> WorkInput:
        minutes = self.minutes_spin.value() or None
        started = stopped = None
        if self.times_check.isChecked():
            minutes = None
            started, stopped = self._moment(self.started_edit), self._moment(self.stopped_edit)
        return WorkInput(minutes=minutes, started_at=started, stopped_at=stopped,
                         note=self.note_edit.text(), parts=tuple(self.parts),
                         stock_override=self.override_check.isChecked(),
                         override_reason=self.reason_edit.text())

    def fields(self) -> dict[str, QWidget]:
        return {"minutes": self.minutes_spin, "note": self.note_edit,
                "started_at": self.started_edit, "stopped_at": self.stopped_edit,
                "quantity": self.quantity_spin, "reason": self.reason_edit}

    def accept(self) -> None:
        clear_field_errors(self.fields())
        try:
            self.carried_in = repair_service.add_work(
                self._session.ctx, self._job.card_id, self.work_input(),
                expected_version=self._job.card_version)
        except UserError as err:
            show_user_error(err, self.fields(), message_label=self.message)
            return
        super().accept()


class InspectionDialog(FormDialog):
    """验讫: passed, or failed back to repair with a note (the note is required then)."""

    def __init__(self, session: AppSession, job: CarryInDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inspect {card}").format(card=job.card_number))
        self._session, self._job = session, job
        self.carried_in: CarryInDTO | None = None
        self.pass_radio = QRadioButton(self.tr("&Passed"))
        self.pass_radio.setObjectName("passed")
        self.fail_radio = QRadioButton(self.tr("&Failed: back to repair"))
        self.fail_radio.setObjectName("failed")
        self.pass_radio.setChecked(True)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.message = message_label()
        form = QFormLayout()
        form.addRow(self.tr("Result"), self.pass_radio)
        form.addRow("", self.fail_radio)
        form.addRow(self.tr("&Note"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{job.card_number}  {job.customer_name}  {job.item_label}"))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(save_buttons(self))
        self.pass_radio.setFocus()

    def accept(self) -> None:
        fields: dict[str, QWidget] = {"note": self.note_edit, "card": self.pass_radio}
        clear_field_errors(fields)
        try:
            self.carried_in = repair_service.inspect(
                self._session.ctx, self._job.card_id, passed=self.pass_radio.isChecked(),
                note=self.note_edit.text(), expected_version=self._job.card_version)
        except UserError as err:
            show_user_error(err, fields, message_label=self.message)
            return
        super().accept()
