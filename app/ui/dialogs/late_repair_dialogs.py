"""Late repairs (§十四): waiting for parts with a new promised date, and the supervisor's list
of open requests for help with the answer given."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import carry_in_service, late_repair_service
from app.services.carry_in_dto import CarryInDTO
from app.services.late_repair_service import EscalationDTO
from app.services.permissions import Perm
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.form_parts import message_label, save_buttons
from app.ui.dialogs.reason_dialog import ReasonDialog
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.session import AppSession, Topic
from app.ui.widgets.date_field import DateField


class WaitForPartsDialog(FormDialog):
    """The repair waits for parts: the new promised date and the reason the customer is told."""

    def __init__(self, session: AppSession, job: CarryInDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Waiting for parts: {card}").format(card=job.card_number))
        self.setMinimumWidth(420)
        self._session, self._job = session, job
        self.carried_in: CarryInDTO | None = None
        today = session.ctx.today()
        start = max(job.promised_date, today)
        self.date_edit = DateField(QDate(start.year, start.month, start.day).addDays(7))
        self.date_edit.setObjectName("promised_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("What is awaited, as the customer is told"))
        self.message = message_label()
        form = QFormLayout()
        form.addRow(self.tr("Promised until now"), QLabel(job.promised_date.isoformat()))
        form.addRow(self.tr("New promised date"), self.date_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(save_buttons(self))

    @property
    def new_date(self) -> date:
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def accept(self) -> None:
        fields = {"promised_date": self.date_edit, "reason": self.reason_edit}
        clear_field_errors(fields)
        ctx = self._session.ctx
        try:
            late_repair_service.wait_for_parts(
                ctx, self._job.receipt_id, new_date=self.new_date,
                reason=self.reason_edit.text(), expected_version=self._job.receipt_version)
        except UserError as err:
            show_user_error(err, fields, message_label=self.message)
            return
        self.carried_in = carry_in_service.get_carry_in(ctx, self._job.receipt_id)
        super().accept()


class AskForHelpDialog(ReasonDialog):
    """报请服务主任协助: what help is needed; recorded and listed for the supervisor."""

    def __init__(self, session: AppSession, job: CarryInDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ask the supervisor for help"),
                         self.tr("{card}: {item}. What help do you need?").format(
                             card=job.card_number, item=job.item_label), parent,
                         on_submit=self._submit, ok_text=self.tr("Ask for help"))
        self._session, self._job = session, job
        self.carried_in: CarryInDTO | None = None
        self.reason_edit.setPlaceholderText(self.tr("The help needed (required)"))

    def _submit(self, note: str) -> None:
        ctx = self._session.ctx
        late_repair_service.ask_for_help(ctx, self._job.receipt_id, note=note)
        self.carried_in = carry_in_service.get_carry_in(ctx, self._job.receipt_id)


class HelpRequestsDialog(QDialog):
    """The supervisor's open requests for help, oldest first; answer the selected one."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Requests for help"))
        self.setMinimumSize(640, 320)
        self._session = session
        self.rows: list[EscalationDTO] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("help_requests")
        self.table.setHorizontalHeaderLabels([self.tr("Receipt No."), self.tr("Asked by"),
                                              self.tr("Asked at"), self.tr("Help needed")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.answer_button = QPushButton(self.tr("&Answer…"))
        self.answer_button.setObjectName("answer")
        self.answer_button.clicked.connect(self.answer_selected)
        self.message = QLabel()
        self.message.setObjectName("message")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.answer_button)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        ctx = self._session.ctx
        self.rows = late_repair_service.open_escalations(ctx)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            when = ctx.local(row.asked_at).strftime("%m-%d %H:%M")
            for column, text in enumerate((row.receipt_number, row.asked_by, when, row.note)):
                self.table.setItem(i, column, QTableWidgetItem(text))
        if self.rows:
            self.table.selectRow(0)
        self.answer_button.setEnabled(bool(self.rows))

    def answer_dialog(self) -> ReasonDialog | None:
        """The answer for the selected request (the dialog; tests fill and accept it)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.rows[index.row()]

        def submit(answer: str) -> None:
            late_repair_service.answer_help(self._session.ctx, row.id, answer=answer)
            self.message.setText(self.tr("Answered {number}.").format(number=row.receipt_number))
            self._session.changed(Topic.CARRY_IN)

        dialog = ReasonDialog(self.tr("Answer a request for help"),
                              f"{row.receipt_number}  {row.asked_by}: {row.note}", self,
                              on_submit=submit, ok_text=self.tr("Record the help"))
        dialog.reason_edit.setPlaceholderText(self.tr("The help given (required)"))
        dialog.finished.connect(lambda _r: self.refresh())
        return dialog

    def answer_selected(self) -> None:
        dialog = self.answer_dialog()
        if dialog is not None:
            dialog.exec()
            dialog.deleteLater()


def notices_text(session: AppSession) -> str:
    """What waits on the supervisor or clerk: vouchers completed on site and not closed after
    a day (§九) and requests for help not answered (§十四); empty when nothing waits."""
    ctx, lines = session.ctx, []
    if session.may(Perm.CALL_CLOSE):
        late = late_repair_service.vouchers_not_closed(ctx)
        if late:
            shown = "、".join(number for number, _at in late[:5])
            more = "…" if len(late) > 5 else ""
            lines.append(QCoreApplication.translate(
                "Notices", "{n} vouchers completed on site over a day ago are not closed: "
                           "{numbers}").format(n=len(late), numbers=shown + more))
    if session.may(Perm.DISPATCH):
        asks = late_repair_service.open_escalations(ctx)
        if asks:
            lines.append(QCoreApplication.translate(
                "Notices", "{n} requests for help wait for an answer (oldest: {number}, "
                           "{name})").format(n=len(asks), number=asks[0].receipt_number,
                                            name=asks[0].asked_by))
    return "\n".join(lines)
