"""Quality follow-up calls (质量回访): who is due for a callback, and the answers recorded."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.i18n import QT_TRANSLATE_NOOP
from app.services import followup_service as svc
from app.services.followup_service import FollowUpDTO, FollowUpDue
from app.ui.dialogs.voice_form_dialog import VoiceFormDialog
from app.ui.pages.voice_page_base import VoicePageBase
from app.ui.session import AppSession, Topic
from app.ui.table_models.voice_table_model import Column, VoiceTableModel
from app.ui.voice_labels import vchoices

DUE_COLUMNS: list[Column[FollowUpDue]] = [
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Call No."), lambda d: d.call_number),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Customer"), lambda d: d.customer_name),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Phone"), lambda d: d.phone),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Item"), lambda d: d.item_label),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Completed on"), lambda d: d.completed_on.isoformat()),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Due for a call"), lambda d: d.due_on.isoformat(),
           lambda d: "overdue" if d.days_waiting > 3 else "due_soon"),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Fault"), lambda d: d.fault),
]
DONE_COLUMNS: list[Column[FollowUpDTO]] = [
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Call No."), lambda f: f.call_number),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Customer"), lambda f: f.customer_name),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Called on"), lambda f: f.done_on.isoformat()),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Customer satisfied"),
           lambda f: "✓" if f.satisfied else "✗", lambda f: "" if f.satisfied else "overdue"),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Complaint No."), lambda f: f.complaint_number),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Customer's answer"), lambda f: f.answer),
]


class FollowUpsPage(VoicePageBase):
    TOPIC = Topic.FOLLOWUPS

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.due: VoiceTableModel[FollowUpDue] = VoiceTableModel(
            DUE_COLUMNS,
            lambda a, n: svc.due_followups(self.session.ctx, after_call_id=a, limit=n),
            lambda d: d.call_id, self)
        self.done: VoiceTableModel[FollowUpDTO] = VoiceTableModel(
            DONE_COLUMNS, lambda a, n: svc.list_followups(self.session.ctx, after_id=a, limit=n),
            lambda f: f.id, self)
        self.due_table = self.make_table(self.due, "due")
        self.done_table = self.make_table(self.done, "done")
        record = QPushButton(self.tr("Record the answer…"))
        record.setObjectName("record")
        record.clicked.connect(self.record_selected)
        due_tab = QWidget()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Completed repairs due for a follow-up call")))
        bar.addStretch(1)
        bar.addWidget(record)
        lay = QVBoxLayout(due_tab)
        lay.addLayout(bar)
        lay.addWidget(self.due_table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(due_tab, self.tr("Due for a call"))
        self.tabs.addTab(self.done_table, self.tr("Called back"))
        QVBoxLayout(self).addWidget(self.tabs)

    def refresh(self) -> None:
        self.due.refresh()
        self.done.refresh()

    def record_selected(self) -> None:
        due = self.selected(self.due_table, self.due)
        if due is None:
            return
        form = VoiceFormDialog(self.tr("Follow-up of {number}").format(number=due.call_number),
                               self, intro=f"{due.customer_name}  {due.phone}  {due.item_label}")
        form.add_check("satisfied", self.tr("The customer is satisfied"), True)
        form.add_text("answer", self.tr("What the customer said"))
        form.add_combo("kind", self.tr("If unhappy: kind of complaint"), vchoices("kind"),
                       "service")
        form.set_action(lambda d: svc.record_followup(
            self.session.ctx, due.call_id, satisfied=d.checked("satisfied"),
            answer=d.text("answer"), complaint_kind=d.choice("kind")))
        if self.run_dialog(form):
            self.changed()
            self.session.changed(Topic.COMPLAINTS)
