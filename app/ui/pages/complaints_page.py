"""The complaint register (客户投诉处理登记表): list, route, decide, visit, remind, close."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.printing.documents.complaint_reminder import complaint_reminder_pdf
from app.printing.registry import PrintKind, Rendered
from app.services import complaint_service as svc
from app.services.complaint_dto import LiaisonDoc
from app.services.complaint_service import ComplaintDTO
from app.services.permissions import Perm
from app.services.voice_stats import complaint_month_stats, produce_complaint_statistics
from app.ui.dialogs.voice_dialogs import NewComplaintDialog
from app.ui.dialogs.voice_form_dialog import VoiceFormDialog
from app.ui.pages.voice_page_base import VoicePageBase
from app.ui.printing_ui import document_job, pdf_job
from app.ui.session import AppSession, Topic
from app.ui.table_models.voice_table_model import Column, VoiceTableModel
from app.ui.voice_labels import vchoices, vlabel
from app.ui.widgets.submission_banner import SubmissionBanner

VIEWS = ("open", "overdue", "unvisited", "closed", "all")


def _deadline_status(c: ComplaintDTO) -> str:
    if c.status == "closed":
        return "closed"
    return "overdue" if c.overdue else ("due_soon" if c.days_left <= 3 else "ok")


def _visit_text(c: ComplaintDTO) -> str:
    """§二十八: the supervisor's visit — its day, or that it is still to be made."""
    if c.visit_on is not None:
        return f"{c.visit_on.isoformat()} {c.visit_by}"
    return "—" if c.status == "closed" else QCoreApplication.translate("ComplaintsPage",
                                                                       "Not yet visited")


def _days_text(c: ComplaintDTO) -> str:
    return "—" if c.status == "closed" else str(c.days_left)


COLUMNS: list[Column[ComplaintDTO]] = [
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Complaint No."), lambda c: c.number),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Accepted on"), lambda c: c.accepted_on.isoformat()),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Customer"), lambda c: c.customer_name),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Kind of complaint"), lambda c: vlabel("kind", c.kind)),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Department in charge"),
           lambda c: vlabel("department", c.department)),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Severity"), lambda c: vlabel("severity", c.severity)),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Closing deadline"), lambda c: c.deadline.isoformat()),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Days left"), _days_text, _deadline_status),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Status"),
           lambda c: vlabel("complaint_status", c.status)),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Visited on"), _visit_text,
           lambda c: "ok" if c.visit_on or c.status == "closed" else "due_soon"),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "What happened"), lambda c: c.description),
]

LIAISON_HEADERS = (
    QT_TRANSLATE_NOOP("ComplaintsPage", "Liaison note No."),
    QT_TRANSLATE_NOOP("ComplaintsPage", "Complaint No."),
    QT_TRANSLATE_NOOP("ComplaintsPage", "Department in charge"),
    QT_TRANSLATE_NOOP("ComplaintsPage", "Issued on"),
    QT_TRANSLATE_NOOP("ComplaintsPage", "Days late"),
    QT_TRANSLATE_NOOP("ComplaintsPage", "Answered on"),
    QT_TRANSLATE_NOOP("ComplaintsPage", "Department's answer"),
)


class ComplaintsPage(VoicePageBase):
    TOPIC = Topic.COMPLAINTS

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.view_combo = QComboBox()
        for key, text in zip(VIEWS, (self.tr("Not closed"), self.tr("Overdue complaints"),
                                     self.tr("Not yet visited"), self.tr("Closed complaints"),
                                     self.tr("All of them")), strict=True):
            self.view_combo.addItem(text, key)
        self.model: VoiceTableModel[ComplaintDTO] = VoiceTableModel(
            COLUMNS, self._fetch, lambda c: c.id, self)
        self.table = self.make_table(self.model, "complaints")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        self.tabs = QTabWidget()
        register = QWidget()
        lay = QVBoxLayout(register)
        lay.addLayout(self._toolbar())
        lay.addWidget(self.table, 1)
        lay.addWidget(self.detail)
        self.tabs.addTab(register, self.tr("Complaint register"))
        self.tabs.addTab(self._stats_tab(), self.tr("Monthly statistics"))
        self.tabs.addTab(self._liaison_tab(), self.tr("Liaison notes"))
        QVBoxLayout(self).addWidget(self.tabs)
        self.view_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        session.user_changed.connect(self._permissions)
        self._permissions()

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show figures")))
        bar.addWidget(self.view_combo)
        actions = [("new", self.tr("New…"), self.new_complaint),
                   ("route", self.tr("Route…"), self.route_selected),
                   ("decide", self.tr("Decide…"), self.decide_selected),
                   ("visit", self.tr("Visit…"), self.visit_selected),
                   ("remind", self.tr("Issue reminder"), self.remind_selected),
                   ("resolve", self.tr("Resolve…"), self.resolve_selected),
                   ("close", self.tr("Close…"), self.close_selected),
                   ("reply", self.tr("Reply letter"), self.print_reply),
                   ("liaison", self.tr("Liaison note…"), self.liaison_selected),
                   ("reopen", self.tr("Customer rejects…"), self.reopen_selected)]
        for key, text, slot in actions:
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    def _permissions(self) -> None:
        self.buttons["decide"].setVisible(self.session.may(Perm.COMPLAINT_DECIDE))
        self.tabs.setTabVisible(1, self.session.may(Perm.REPORTS_VIEW))

    # ---- list ------------------------------------------------------------------------
    def _fetch(self, after: int | None, limit: int) -> list[ComplaintDTO]:
        view = self.view_combo.currentData() or "open"
        return svc.list_complaints(self.session.ctx, view=view, after_id=after, limit=limit)

    def refresh(self) -> None:
        """Reload the list, keeping the selected complaint selected."""
        current = self.current()
        self.model.refresh()
        if current is not None:
            self.select(current.id)
        self._show_detail()

    def current(self) -> ComplaintDTO | None:
        return self.selected(self.table, self.model)

    def select(self, complaint_id: int) -> None:
        row = self.model.row_of(complaint_id)
        if row is not None:
            self.table.selectRow(row)

    def _show_detail(self) -> None:
        c = self.current()
        if c is None:
            self.detail.clear()
            return
        lines = [f"{c.number}  {c.customer_name}  {c.item_label}", c.description]
        if c.demand:
            lines.append(self.tr("Demand: {text}").format(text=c.demand))
        if c.needs_decision:
            lines.append(self.tr("Serious: waiting for the vice general manager's decision"))
        if c.decision:
            lines.append(self.tr("Decision: {text}").format(text=c.decision))
        if c.visit_by:
            lines.append(self.tr("Visit: {day} {who} {notes}").format(
                day=c.visit_on, who=c.visit_by, notes=c.visit_notes))
        if c.resolution:
            lines.append(self.tr("Resolution: {text}").format(text=c.resolution))
        if c.reopened_from_number:
            lines.append(self.tr("Follows rejected complaint {number}").format(
                number=c.reopened_from_number))
        self.detail.setText("\n".join(lines))

    # ---- actions ---------------------------------------------------------------------
    def new_complaint(self) -> None:
        dialog = NewComplaintDialog(self.session, self)
        if self.run_dialog(dialog):
            self.changed()
            self.select(dialog.result_value.id)

    def _form(self, title: str) -> tuple[ComplaintDTO, VoiceFormDialog] | None:
        c = self.current()
        if c is None:
            return None
        return c, VoiceFormDialog(f"{title} {c.number}", self)

    def _run(self, form: VoiceFormDialog, complaint_id: int) -> None:
        if self.run_dialog(form):
            self.changed()
            self.select(form.result_value.id if form.result_value else complaint_id)

    def route_selected(self) -> None:
        found = self._form(self.tr("Route complaint"))
        if found is None:
            return
        c, form = found
        form.add_combo("kind", self.tr("Kind of complaint"), vchoices("kind"), c.kind)
        form.add_combo("severity", self.tr("Severity"), vchoices("severity"), c.severity)
        form.add_combo("department", self.tr("Department in charge"), vchoices("department"),
                       c.department)
        form.add_line("reason", self.tr("Reason for another department"))
        form.set_action(lambda d: svc.reroute_complaint(
            self.session.ctx, c.id, kind=d.choice("kind"), severity=d.choice("severity"),
            department=self._department(d), reason=d.text("reason"),
            expected_version=c.version))
        self._run(form, c.id)

    @staticmethod
    def _department(d: VoiceFormDialog) -> str | None:
        """The department chosen, or None to let it follow the kind when it is the kind's."""
        chosen: str = d.choice("department")
        return None if chosen == svc.ROUTES.get(d.choice("kind")) else chosen

    def decide_selected(self) -> None:
        found = self._form(self.tr("Manager's decision"))
        if found is None:
            return
        c, form = found
        form.add_text("decision", self.tr("Decision of the manager"))
        form.set_action(lambda d: svc.decide_complaint(
            self.session.ctx, c.id, decision=d.text("decision"), expected_version=c.version))
        self._run(form, c.id)

    def visit_selected(self) -> None:
        found = self._form(self.tr("Visit to the customer"))
        if found is None:
            return
        c, form = found
        form.add_date("visit_on", self.tr("Visited on"), self.session.ctx.today())
        form.add_line("visit_by", self.tr("Visited by"), self.session.ctx.actor.display_name)
        form.add_text("visit_notes", self.tr("Notes"))
        form.set_action(lambda d: svc.record_visit(
            self.session.ctx, c.id, visit_on=d.day("visit_on"), visit_by=d.text("visit_by"),
            notes=d.text("visit_notes"), expected_version=c.version))
        self._run(form, c.id)

    def resolve_selected(self) -> None:
        found = self._form(self.tr("Resolve complaint"))
        if found is None:
            return
        c, form = found
        form.add_text("resolution", self.tr("What was done"))
        form.add_line("responsible", self.tr("Responsible department or person"),
                      vlabel("department", c.department))
        form.add_combo("told_via", self.tr("Customer told"), vchoices("told"))
        form.set_action(lambda d: svc.resolve_complaint(
            self.session.ctx, c.id, resolution=d.text("resolution"),
            responsible=d.text("responsible"), told_via=d.choice("told_via"),
            expected_version=c.version))
        self._run(form, c.id)

    def close_selected(self) -> None:
        found = self._form(self.tr("Close complaint"))
        if found is None:
            return
        c, form = found
        form.add_text("outcome", self.tr("Outcome told to the customer"))
        form.add_combo("told_via", self.tr("Customer told"), vchoices("told"), c.told_via)
        form.set_action(lambda d: svc.close_complaint(
            self.session.ctx, c.id, outcome=d.text("outcome"), told_via=d.choice("told_via"),
            expected_version=c.version))
        self._run(form, c.id)

    def reopen_selected(self) -> None:
        found = self._form(self.tr("Customer rejects the outcome"))
        if found is None:
            return
        c, form = found
        form.add_text("reason", self.tr("What the customer says"))
        form.set_action(lambda d: svc.reopen_as_new(
            self.session.ctx, c.id, reason=d.text("reason"), expected_version=c.version))
        self.view_combo.setCurrentIndex(VIEWS.index("all"))
        self._run(form, c.id)

    def remind_selected(self) -> None:
        c = self.current()
        if c is None:
            return
        doc = self.try_action(lambda: svc.issue_reminder(self.session.ctx, c.id))
        if doc is None:
            return
        self.changed()
        self.show_print(pdf_job(Rendered(complaint_reminder_pdf(doc),
                                         f"complaint-reminder-{c.number}.pdf"),
                                title=self.tr("Complaint reminder")))

    def print_reply(self) -> None:
        c = self.current()
        if c is None:
            return
        if self.try_action(lambda: svc.reply_letter(self.session.ctx, c.id)) is not None:
            # the letter by its kind: a copy printed or saved is on the trail, the next a reprint
            self.show_print(document_job(self.session.ctx, PrintKind.COMPLAINT_REPLY, c.number))

    # ---- liaison notes (洽办单, 办法 十四) ------------------------------------------------
    def liaison_selected(self) -> None:
        """The selected late-closed complaint's liaison note: issued (with the question) the
        first time, printed again afterwards."""
        c = self.current()
        if c is None:
            return
        existing = [n for n in self.try_action(lambda: svc.list_liaisons(self.session.ctx)) or []
                    if n.complaint.id == c.id]
        if existing:
            self.show_print(document_job(self.session.ctx, PrintKind.COMPLAINT_LIAISON,
                                         existing[0].number))
            return
        form = VoiceFormDialog(f"{self.tr('Liaison note')} {c.number}", self)
        form.add_text("question", self.tr("What the department is asked"),
                      self.tr("Please find out why the case was closed late."))
        form.set_action(lambda d: svc.issue_liaison(self.session.ctx, c.id,
                                                    question=d.text("question")))
        if not self.run_dialog(form):
            return
        note = form.result_value
        self.changed()
        if isinstance(note, LiaisonDoc):
            self.show_print(document_job(self.session.ctx, PrintKind.COMPLAINT_LIAISON,
                                         note.number))

    def _liaison_tab(self) -> QWidget:
        tab = QWidget()
        self.liaison_table = QTableWidget(0, len(LIAISON_HEADERS))
        self.liaison_table.setObjectName("liaisons")
        self.liaison_table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ComplaintsPage", h) for h in LIAISON_HEADERS])
        self.liaison_table.horizontalHeader().setStretchLastSection(True)
        self.liaison_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.late_label = QLabel()
        answer = QPushButton(self.tr("Record the department's answer…"))
        answer.clicked.connect(self.answer_liaison)
        reprint = QPushButton(self.tr("Print"))
        reprint.clicked.connect(self.print_liaison)
        bar = QHBoxLayout()
        bar.addWidget(self.late_label, 1)
        bar.addWidget(answer)
        bar.addWidget(reprint)
        lay = QVBoxLayout(tab)
        lay.addLayout(bar)
        lay.addWidget(self.liaison_table, 1)
        self.tabs.currentChanged.connect(lambda i: self.show_liaisons() if i == 2 else None)
        self.liaisons: list[LiaisonDoc] = []
        return tab

    def show_liaisons(self) -> None:
        notes = self.try_action(lambda: svc.list_liaisons(self.session.ctx))
        late = self.try_action(lambda: svc.late_without_liaison(self.session.ctx))
        if notes is None or late is None:
            return
        self.liaisons = notes
        self.late_label.setText(self.tr("Closed late without a liaison note: {n} {numbers}")
                                .format(n=len(late), numbers=" ".join(c.number for c in late[:8])))
        self.liaison_table.setRowCount(len(notes))
        for r, n in enumerate(notes):
            values = [n.number, n.complaint.number, vlabel("department", n.department),
                      n.issued_on.isoformat(), str(n.days_late),
                      n.replied_on.isoformat() if n.replied_on else "—", n.reply]
            for col, value in enumerate(values):
                self.liaison_table.setItem(r, col, QTableWidgetItem(value))

    def _current_liaison(self) -> LiaisonDoc | None:
        row = self.liaison_table.currentRow()
        return self.liaisons[row] if 0 <= row < len(self.liaisons) else None

    def answer_liaison(self) -> None:
        note = self._current_liaison()
        if note is None:
            return
        form = VoiceFormDialog(f"{self.tr('Liaison note')} {note.number}", self)
        form.add_text("reply", self.tr("Department's answer"), note.reply)
        form.set_action(lambda d: svc.record_liaison_reply(
            self.session.ctx, note.id, reply=d.text("reply"), expected_version=note.version))
        if self.run_dialog(form):
            self.show_liaisons()

    def print_liaison(self) -> None:
        note = self._current_liaison()
        if note is not None:
            self.show_print(document_job(self.session.ctx, PrintKind.COMPLAINT_LIAISON,
                                         note.number))

    # ---- statistics ------------------------------------------------------------------
    def _stats_tab(self) -> QWidget:
        tab = QWidget()
        self.stats_table = QTableWidget(0, 2)
        self.stats_table.setHorizontalHeaderLabels([self.tr("Figure of the month"),
                                                    self.tr("Figure value")])
        self.stats_table.horizontalHeader().setStretchLastSection(True)
        self.stats_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        bar = self.month_bar(self.show_stats)
        produce = QPushButton(self.tr("Produce the month's statistics"))
        produce.setObjectName("produce")
        produce.clicked.connect(self.produce_stats)
        bar.addWidget(produce)
        self.frozen_label = QLabel()
        self.frozen_label.setObjectName("frozen")
        self.banner = SubmissionBanner(self.session)
        lay = QVBoxLayout(tab)
        lay.addWidget(self.banner)
        lay.addLayout(bar)
        lay.addWidget(self.frozen_label)
        lay.addWidget(self.stats_table)
        return tab

    def produce_stats(self) -> None:
        """办法 九.10: last month's statistics, frozen from now on."""
        stats = self.try_action(lambda: produce_complaint_statistics(
            self.session.ctx, self.stats_year.value(), self.stats_month.value()))
        if stats is not None:
            self.banner.refresh()
            self.show_stats()

    def show_stats(self) -> None:
        stats = self.try_action(lambda: complaint_month_stats(
            self.session.ctx, self.stats_year.value(), self.stats_month.value()))
        if stats is None:
            return
        if stats.produced_at is not None:
            self.frozen_label.setText(self.tr("Produced on {day} by {name}: these figures no "
                                              "longer change.").format(
                day=self.session.ctx.local(stats.produced_at).strftime("%Y-%m-%d %H:%M"),
                name=stats.produced_by))
        else:
            self.frozen_label.setText(self.tr("Live figures: not produced yet."))
        rows = [(self.tr("Received in the month"), str(stats.received)),
                (self.tr("Closed in the month"), str(stats.closed)),
                (self.tr("Average days to close"), str(stats.average_days_to_close or "—")),
                (self.tr("Closed late"), str(stats.closed_late)),
                (self.tr("Open and overdue"), str(stats.open_overdue)),
                (self.tr("Reopened after rejection"), str(stats.reopened))]
        rows += [(vlabel("kind", k), str(n)) for k, n in stats.by_kind]
        rows += [(vlabel("department", d), str(n)) for d, n in stats.by_department]
        rows += [(self.tr("Responsible: {department}").format(
                    department=vlabel("department", d)), f"{n} ({ratio}%)")
                 for d, n, ratio in stats.responsibility]
        self.stats_table.setRowCount(len(rows))
        for i, (name, value) in enumerate(rows):
            self.stats_table.setItem(i, 0, QTableWidgetItem(name))
            self.stats_table.setItem(i, 1, QTableWidgetItem(value))
