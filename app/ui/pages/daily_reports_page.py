"""Daily reports on screen: the technician's work report and the supervisor's team report.

The same DTOs feed the A4 PDF (app/printing/documents/daily_report.py): what is on screen
is what prints.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models.jobs import InternalWorkKind
from app.models.reports import ReportKind
from app.printing.documents.daily_report import (
    render_supervisor_report,
    render_technician_report,
)
from app.printing.registry import Rendered
from app.services import daily_report_dto, reference_service
from app.services import daily_report_service as reports
from app.services import report_flow_service as flow
from app.services.daily_report_dto import SupervisorDailyReport, TechnicianDailyReport
from app.services.money import format_money
from app.services.permissions import Perm
from app.ui.dialogs.internal_work_dialog import KIND_LABELS
from app.ui.errors import user_message
from app.ui.labels import label
from app.ui.pages.dispatch_page import _view
from app.ui.printing_ui import preview_pdf, recorder
from app.ui.session import AppSession
from app.ui.table_models.dispatch_table_models import TextRowsModel
from app.ui.theme import SPACING
from app.ui.widgets.date_field import DateField

# The steps each status allows (the service refuses the others with a message).
NEXT_FROM = {"submit": ("draft",), "review": ("submitted",),
             "reopen": ("submitted", "reviewed", "signed"), "submit_team": ("draft",),
             "sign": ("submitted",), "forward": ("submitted", "signed")}


def kind_label(kind: str) -> str:
    """Internal work's kind (训练, 工具保养 …) in the user's language."""
    source = KIND_LABELS.get(InternalWorkKind(kind)) if kind in set(InternalWorkKind) else None
    return QCoreApplication.translate("InternalWorkDialog", source) if source else kind


class DailyReportsPage(QWidget):
    """技术员工作日报表 and 服务主任日报表 for one day; "Print / PDF…" previews the A4 PDF."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.tech_report: TechnicianDailyReport | None = None
        self.team_report: SupervisorDailyReport | None = None
        today = session.ctx.today()
        self.day_edit = DateField(QDate(today.year, today.month, today.day))
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        self.tech_combo = QComboBox()
        for user_id, name in reports.report_technicians(session.ctx):
            self.tech_combo.addItem(name, user_id)
        self.print_button = QPushButton(self.tr("Print / PDF…"))
        self.flow_buttons = {
            "submit": QPushButton(self.tr("Submit my report")),
            "review": QPushButton(self.tr("Mark reviewed")),
            "reopen": QPushButton(self.tr("Reopen…")),
            "submit_team": QPushButton(self.tr("Submit supervisor's report")),
            "sign": QPushButton(self.tr("Sign (manager)")),
            "forward": QPushButton(self.tr("Forward to the service department")),
        }
        self.flow_label = QLabel()
        self.flow_label.setWordWrap(True)
        self.tech_model, self.team_model = TextRowsModel(self), TextRowsModel(self)
        self.tech_summary, self.team_summary = QLabel(), QLabel()
        self.message = QLabel()
        self.tabs = QTabWidget()
        self.tech_view, self.team_view = _view(self.tech_model), _view(self.team_model)
        self.tabs.addTab(self._tab(self.tech_summary, self.tech_view),
                         self.tr("Technician's daily work report"))
        if session.may(Perm.REPORTS_VIEW):
            self.tabs.addTab(self._tab(self.team_summary, self.team_view),
                             self.tr("Supervisor's daily report"))
        self._lay_out()
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        self.tech_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.print_button.clicked.connect(self.print_current)
        for key, button in self.flow_buttons.items():
            button.clicked.connect(lambda _c=False, k=key: self.step(k))
        self.tabs.currentChanged.connect(lambda _i: self._show_flow())
        self.refresh()

    @staticmethod
    def _tab(summary: QLabel, view: QTableView) -> QWidget:
        tab = QWidget()
        summary.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(view, 1)
        layout.addWidget(summary)
        return tab

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.day_edit)
        top.addWidget(QLabel(self.tr("Technician")))
        top.addWidget(self.tech_combo)
        top.addStretch(1)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        steps = QHBoxLayout()
        steps.addWidget(self.flow_label, 1)
        for button in self.flow_buttons.values():
            steps.addWidget(button)
        layout.addLayout(steps)
        layout.addWidget(self.message)

    @property
    def day(self) -> date:
        value: date = self.day_edit.date().toPython()  # type: ignore[assignment]
        return value

    def refresh(self) -> None:
        ctx = self._session.ctx
        try:
            tech_id = self.tech_combo.currentData()
            self.tech_report = reports.technician_report(ctx, tech_id, self.day) \
                if tech_id is not None else None
            self.team_report = reports.supervisor_report(ctx, self.day) \
                if self._session.may(Perm.REPORTS_VIEW) else None
        except UserError as err:
            self.message.setText(user_message(err))
            return
        self.message.clear()
        self._show_tech()
        self._show_team()
        self._show_flow()

    # ---- the report's life: submit, review, sign, forward -------------------------------
    def _team_tab(self) -> bool:
        return self.tabs.currentIndex() == 1

    def flow_state(self) -> daily_report_dto.ReportState:
        ctx = self._session.ctx
        if self._team_tab():
            return flow.report_state(ctx, ReportKind.SUPERVISOR, self.day)
        return flow.report_state(ctx, ReportKind.TECHNICIAN, self.day,
                                 self.tech_combo.currentData())

    def _show_flow(self) -> None:
        state = self.flow_state()
        local = self._session.ctx.local
        steps = "; ".join(f"{label('report_step', s.step)} {s.actor_name} "
                          f"{local(s.at):%m-%d %H:%M}" + (f" ({s.note})" if s.note else "")
                          for s in state.steps)
        text = self.tr("Status: {status}").format(status=label("report_status", state.status))
        if self._team_tab():
            missing = flow.missing_reviews(self._session.ctx, self.day) \
                if self._session.may(Perm.REPORTS_VIEW) else []
            if missing:
                text += "  " + self.tr("Not yet reviewed: {names}").format(
                    names="、".join(missing))
        self.flow_label.setText(text + (f"  —  {steps}" if steps else ""))
        own = self.tech_combo.currentData() == self._session.ctx.actor.user_id
        show = {"submit": not self._team_tab() and own and self._session.may(Perm.REPORT_SUBMIT),
                "review": not self._team_tab() and self._session.may(Perm.DISPATCH),
                "reopen": self._session.may(Perm.DISPATCH),
                "submit_team": self._team_tab() and self._session.may(Perm.DISPATCH),
                "sign": self._team_tab() and self._session.may(Perm.REPORT_SIGN),
                "forward": self._team_tab() and self._session.may(Perm.DISPATCH)}
        for key, button in self.flow_buttons.items():
            button.setVisible(show[key])
            button.setEnabled(state.status in NEXT_FROM[key])  # what the report's state allows

    def step(self, key: str, *, reason: str | None = None) -> bool:
        """One step of the report's life; ``reason`` for a reopen (asked for when None)."""
        ctx, day, tech = self._session.ctx, self.day, self.tech_combo.currentData()
        if key == "reopen" and reason is None:
            text, ok = QInputDialog.getText(self, self.tr("Reopen"), self.tr("Reason"))
            if not ok:
                return False
            reason = text
        actions = {
            "submit": lambda: flow.submit_technician_report(ctx, day),
            "review": lambda: flow.review_technician_report(ctx, tech, day),
            "reopen": lambda: flow.reopen_report(
                ctx, ReportKind.SUPERVISOR if self._team_tab() else ReportKind.TECHNICIAN,
                day, None if self._team_tab() else tech, reason=reason or ""),
            "submit_team": lambda: flow.submit_supervisor_report(ctx, day),
            "sign": lambda: flow.sign_supervisor_report(ctx, day),
            "forward": lambda: flow.forward_supervisor_report(ctx, day),
        }
        try:
            actions[key]()
        except UserError as err:
            self.message.setText(user_message(err))
            return False
        self.message.clear()
        self._show_flow()
        return True

    def _show_tech(self) -> None:
        r = self.tech_report
        if r is None:
            self.tech_model.set_table((), [])
            return
        local = self._session.ctx.local
        heads = (self.tr("Voucher"), self.tr("Customer"), self.tr("Category"), self.tr("Work"),
                 self.tr("From"), self.tr("To"), self.tr("Minutes"), self.tr("Fee"))
        rows = [(ln.voucher_number, ln.customer_name, ln.category,
                 f"{kind_label(ln.kind)}: {ln.description}" if ln.kind else ln.description,
                 local(ln.started_at).strftime("%H:%M") if ln.started_at else "",
                 local(ln.ended_at).strftime("%H:%M") if ln.ended_at else "",
                 str(ln.minutes), format_money(ln.fee_cents) if ln.fee_cents else "")
                for ln in r.lines]
        self.tech_model.set_table(heads, rows)
        self.tech_view.resizeColumnsToContents()
        totals = "  ".join(f"{label('category', t.category)}: {t.jobs} / {t.minutes}"
                           for t in r.totals)
        self.tech_summary.setText(self.tr("Totals (jobs / minutes): {totals}; all {m} min")
                                  .format(totals=totals, m=r.total_minutes))

    def _show_team(self) -> None:
        r = self.team_report
        if r is None:
            return
        heads = (self.tr("Technician"), *(label("category", c) for c in reports.CATEGORIES),
                 self.tr("Minutes"))
        rows = [(row.technician_name, *(f"{t.jobs} / {t.minutes}" for t in row.totals),
                 str(row.total_minutes)) for row in r.rows]
        self.team_model.set_table(heads, rows)
        self.team_view.resizeColumnsToContents()
        self.team_summary.setText(self.tr(
            "Calls received {received}, dispatched {dispatched}, completed on site "
            "{completed}, taken in {taken}, left over {left}, deadlines missed {missed}").format(
            received=r.calls_received, dispatched=r.dispatched, completed=r.completed,
            taken=r.taken_in, left=r.left_over, missed=r.deadlines_missed))

    def rendered(self) -> Rendered | None:
        """The report of the current tab as an A4 PDF (the same DTO as on screen)."""
        ctx = self._session.ctx
        header, who = reference_service.letterhead(ctx), ctx.actor.display_name
        state = self.flow_state()  # the steps print with the report (who, when)
        if self.tabs.currentIndex() == 1 and self.team_report is not None:
            missing = tuple(flow.missing_reviews(ctx, self.day))
            return Rendered(render_supervisor_report(header, self.team_report, printed_by=who,
                                                     state=state, missing=missing),
                            f"daily-report-{self.day}.pdf")
        if self.tech_report is not None:
            return Rendered(render_technician_report(header, self.tech_report,
                                                     printed_by=who, state=state),
                            f"daily-report-{self.day}-{self.tech_report.technician_name}.pdf")
        return None

    def print_current(self) -> None:
        rendered = self.rendered()
        if rendered is None:
            return
        number = str(self.day) if self.tabs.currentIndex() == 1 else \
            f"{self.day}/{self.tech_combo.currentData()}"
        preview_pdf(self, rendered, title=self.tabs.tabText(self.tabs.currentIndex()),
                    on_output=recorder(self._session.ctx, "daily-report", [number]))
