"""Messages to customers (短信通知): the store's templates with a live preview and SMS length,
and one customer's messages and consent (recorded at the counter)."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.services import messaging_service as msgs
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.errors import user_message
from app.ui.labels import translate_message
from app.ui.session import AppSession
from app.ui.widgets.date_field import TimeField

STATUS_NAMES = {
    "queued": QT_TRANSLATE_NOOP("Messages", "Waiting"),
    "sending": QT_TRANSLATE_NOOP("Messages", "Sending"),
    "sent": QT_TRANSLATE_NOOP("Messages", "Sent"),
    "failed": QT_TRANSLATE_NOOP("Messages", "Failed"),
    "skipped": QT_TRANSLATE_NOOP("Messages", "Not sent"),
    "interrupted": QT_TRANSLATE_NOOP("Messages", "Interrupted: check"),
}
SOURCES = {
    "counter": QT_TRANSLATE_NOOP("Messages", "at the counter"),
    "reply": QT_TRANSLATE_NOOP("Messages", "by reply"),
    "form": QT_TRANSLATE_NOOP("Messages", "on a form"),
}
REASONS = {  # why a message was not sent (messaging_service)
    "no mobile number": QT_TRANSLATE_NOOP("Messages", "no mobile number"),
    "opted out": QT_TRANSLATE_NOOP("Messages", "opted out"),
    "no consent recorded": QT_TRANSLATE_NOOP("Messages", "no consent recorded"),
    "template switched off": QT_TRANSLATE_NOOP("Messages", "template switched off"),
    "interrupted while sending: check with the customer": QT_TRANSLATE_NOOP(
        "Messages", "interrupted while sending: check with the customer"),
}


def _msg(table: dict[str, str], key: str) -> str:
    source = table.get(key)
    return QCoreApplication.translate("Messages", source) if source else key


class MessageTemplatesDialog(FormDialog):
    """One template at a time: the text with its placeholders, the exact message and length."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Messages to customers"))
        self._session = session
        self.templates = msgs.list_templates(session.ctx)
        self.kinds = QListWidget()
        self.kinds.setObjectName("templateKinds")
        for template in self.templates:
            self.kinds.addItem(translate_message(template.title))
        self.kinds.setMaximumWidth(200)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setObjectName("templateBody")
        self.body_edit.setTabChangesFocus(True)  # Tab leaves the text, as in every form
        self.placeholders = QLabel()
        self.placeholders.setWordWrap(True)
        self.template_id_edit = QLineEdit()
        self.enabled_check = QCheckBox(self.tr("Send this message"))
        self.preview = QLabel()
        self.preview.setObjectName("templatePreview")
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("background:#F5F7FA; padding:8px; border-radius:6px;")
        self.length = QLabel()
        self.length.setObjectName("templateLength")
        self.message = QLabel()
        self.message.setStyleSheet("color: #B00020;")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save template"))
        self.on_check = QCheckBox(self.tr("Queue messages for the events above"))
        self.quiet_from = TimeField()  # Tab leaves, as in every form
        self.quiet_to = TimeField()
        for edit in (self.quiet_from, self.quiet_to):
            edit.setDisplayFormat("HH:mm")
        start, end = msgs.quiet_hours(session.ctx)
        self.quiet_from.setTime(QTime(start.hour, start.minute))
        self.quiet_to.setTime(QTime(end.hour, end.minute))
        form = QFormLayout()
        form.addRow(self.tr("Text"), self.body_edit)
        form.addRow(self.tr("Placeholders"), self.placeholders)
        form.addRow(self.tr("Gateway template id"), self.template_id_edit)
        form.addRow("", self.enabled_check)
        form.addRow(self.tr("Customer reads"), self.preview)
        form.addRow("", self.length)
        right = QVBoxLayout()
        right.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button)
        right.addLayout(row)
        top = QHBoxLayout()
        top.addWidget(self.kinds)
        top.addLayout(right, 1)
        quiet = QHBoxLayout()
        quiet.addWidget(self.on_check)
        quiet.addStretch(1)
        quiet.addWidget(QLabel(self.tr("Quiet hours from")))
        quiet.addWidget(self.quiet_from)
        quiet.addWidget(QLabel(self.tr("to")))
        quiet.addWidget(self.quiet_to)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(quiet)
        layout.addWidget(buttons)
        self.kinds.currentRowChanged.connect(self._show)
        self.body_edit.textChanged.connect(self._update_preview)
        self.save_button.clicked.connect(self.save)
        self.on_check.toggled.connect(self._set_enabled)
        self.quiet_from.editingFinished.connect(self._save_quiet)
        self.quiet_to.editingFinished.connect(self._save_quiet)
        self.on_check.setChecked(msgs.messages_are_on(session.ctx))
        self.kinds.setCurrentRow(0)
        self.resize(900, 520)

    def form_roots(self) -> list[QWidget]:
        """The template's fields (messages on/off and quiet hours save as they change)."""
        return [self.body_edit, self.template_id_edit, self.enabled_check]

    @property
    def current(self) -> msgs.TemplateDTO:
        return self.templates[max(0, self.kinds.currentRow())]

    def _show(self, _row: int) -> None:
        template = self.current
        self.body_edit.setPlainText(template.body)
        self.placeholders.setText("  ".join("{" + p + "}" for p in template.placeholders))
        self.template_id_edit.setText(template.gateway_template_id)
        self.enabled_check.setChecked(template.enabled)
        self.message.clear()
        self.mark_clean()

    def _update_preview(self) -> None:
        try:
            shown = msgs.preview(self._session.ctx, self.current.kind,
                                 self.body_edit.toPlainText())
        except UserError as err:
            self.preview.setText("")
            self.length.setText("")
            self.message.setText(user_message(err))
            self.save_button.setEnabled(False)
            return
        self.message.clear()
        self.save_button.setEnabled(True)
        self.preview.setText(shown.text)
        self.length.setText(self.tr(
            "{units} characters · {parts} SMS ({per} characters each)").format(
            units=shown.length.units, parts=shown.length.parts, per=shown.length.per_part))

    def save(self) -> None:
        template = self.current
        try:
            saved = msgs.save_template(
                self._session.ctx, template.kind, self.body_edit.toPlainText(),
                gateway_template_id=self.template_id_edit.text(),
                enabled=self.enabled_check.isChecked(), expected_version=template.version)
        except UserError as err:
            self.message.setText(user_message(err))
            return
        self.templates[self.kinds.currentRow()] = saved
        self.message.setText(self.tr("Saved."))
        self.mark_clean()

    def _set_enabled(self, on: bool) -> None:
        try:
            msgs.set_messages_enabled(self._session.ctx, on)
        except UserError as err:
            self.message.setText(user_message(err))

    def _save_quiet(self) -> None:
        start, end = self.quiet_from.time(), self.quiet_to.time()
        try:
            msgs.set_quiet_hours(self._session.ctx, time(start.hour(), start.minute()),
                                 time(end.hour(), end.minute()))
        except UserError as err:
            self.message.setText(user_message(err))


class CustomerMessagesDialog(QDialog):
    """A customer's messages (sent, waiting, failed with the reason) and consent."""

    def __init__(self, session: AppSession, customer_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Messages to this customer"))
        self._session = session
        self.customer_id = customer_id
        self.consent_label = QLabel()
        self.consent_label.setObjectName("consent")
        self.agree_button = QPushButton(self.tr("Customer agrees to messages"))
        self.refuse_button = QPushButton(self.tr("Customer opts out"))
        self.again_button = QPushButton(self.tr("Send again"))
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("outbox")
        self.table.setHorizontalHeaderLabels([
            self.tr("Queued"), self.tr("State"), self.tr("Phone"), self.tr("Text"),
            self.tr("Reason")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.message = QLabel()
        self.message.setStyleSheet("color: #B00020;")
        top = QHBoxLayout()
        top.addWidget(self.consent_label, 1)
        top.addWidget(self.agree_button)
        top.addWidget(self.refuse_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.again_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(buttons)
        self.agree_button.clicked.connect(lambda: self._consent(True))
        self.refuse_button.clicked.connect(lambda: self._consent(False))
        self.again_button.clicked.connect(self._send_again)
        self.rows: list[msgs.OutboxRow] = []
        self.refresh()
        self.resize(860, 420)

    def refresh(self) -> None:
        ctx = self._session.ctx
        consent = msgs.get_consent(ctx, self.customer_id)
        if consent.consented is None:
            text = self.tr("Consent to messages: not asked (service notices only)")
        elif consent.consented:
            text = self.tr("Consent to messages: agreed")
        else:
            text = self.tr("Consent to messages: opted out")
        if consent.recorded_at is not None:
            when = ctx.local(consent.recorded_at).strftime("%Y-%m-%d %H:%M")
            text += f"  ({when}, {_msg(SOURCES, consent.source)})"
        self.consent_label.setText(text)
        self.rows = msgs.list_outbox(ctx, customer_id=self.customer_id)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            values = [ctx.local(row.created_at).strftime("%m-%d %H:%M"),
                      _msg(STATUS_NAMES, row.status), row.phone, row.body,
                      _msg(REASONS, row.last_error)]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(3, 420)

    def _consent(self, yes: bool) -> None:
        try:
            msgs.set_consent(self._session.ctx, self.customer_id, yes)
        except UserError as err:
            self.message.setText(user_message(err))
            return
        self.refresh()

    def _send_again(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        try:
            msgs.send_again(self._session.ctx, self.rows[row].id)
        except UserError as err:
            self.message.setText(user_message(err))
            return
        self.refresh()
