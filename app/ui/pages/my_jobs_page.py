"""A technician's own vouchers ("My jobs") and the clerk's vouchers to close (注销) and file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QTableView, QToolBar, QVBoxLayout, QWidget

from app.models.reports import ReportKind
from app.printing.documents.daily_report import render_technician_report
from app.printing.registry import Rendered
from app.services import dispatch_service, reference_service
from app.services.daily_report_service import technician_report
from app.services.dispatch_service import JobRow
from app.services.report_flow_service import report_state
from app.ui.dialogs.late_repair_dialogs import notices_text
from app.ui.pages.dispatch_actions import JobActions
from app.ui.pages.dispatch_page import _view
from app.ui.printing_ui import preview_pdf, recorder
from app.ui.session import AppSession, Topic, touches
from app.ui.table_models.dispatch_table_models import JobsModel
from app.ui.theme import SPACING

TOPICS = (Topic.CALLS, Topic.INTERNAL_WORK)


class _JobListPage(JobActions, QWidget):
    """A list of vouchers with a toolbar; subclasses choose the rows and the actions."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.active_dialog: QDialog | None = None
        self.jobs_model = JobsModel(self._local, self, now=lambda: session.ctx.now())
        self.jobs_view: QTableView = _view(self.jobs_model)
        self.jobs_view.setObjectName("jobs")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self._toolbar())
        layout.addWidget(self.jobs_view, 1)
        layout.addWidget(self.message)
        session.data_changed.connect(self._data_changed)
        self.refresh()

    def _local(self, moment: datetime) -> datetime:
        return self._session.ctx.local(moment)

    def actions_list(self) -> list[tuple[str, str, Callable[[], object]]]:
        raise NotImplementedError

    def rows(self) -> list[JobRow]:
        raise NotImplementedError

    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        for text, keys, slot in self.actions_list():
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, s=slot: s())
            bar.addAction(action)
            self.addAction(action)
        return bar

    def refresh(self) -> None:
        keep = self.selected_job()
        self.jobs_model.set_rows(self.rows())
        ids = [self.jobs_model.index(i, 0).data(JobsModel.ID_ROLE)
               for i in range(self.jobs_model.rowCount())]
        if ids:
            self.jobs_view.selectRow(ids.index(keep.job_id) if keep and keep.job_id in ids
                                     else 0)

    def selected_job(self) -> JobRow | None:
        index = self.jobs_view.currentIndex()
        return self.jobs_model.row_at(index.row()) if index.isValid() else None

    def _data_changed(self, topic: str) -> None:
        if touches(topic, TOPICS) and self.isVisible():
            self.refresh()


class MyJobsPage(_JobListPage):
    """The logged-in technician's open vouchers and those of the last week."""

    def actions_list(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [(self.tr("Arrived"), "Ctrl+A", self.record_arrival),
                (self.tr("Record visit…"), "Ctrl+V", self.record_visit),
                (self.tr("Log internal work…"), "Ctrl+I", self.log_internal_work),
                (self.tr("Print voucher"), "Ctrl+P", self.print_voucher),
                (self.tr("My daily report"), "Ctrl+T", self.my_daily_report),
                (self.tr("Refresh"), "F5", self.refresh)]

    def rows(self) -> list[JobRow]:
        return dispatch_service.my_jobs(self._session.ctx)

    def my_daily_report(self) -> None:
        """Today's 技术员工作日报表 of the logged-in technician, in the print preview."""
        ctx = self._session.ctx
        if ctx.actor.user_id is None:
            return
        report = technician_report(ctx, ctx.actor.user_id, ctx.today())
        state = report_state(ctx, ReportKind.TECHNICIAN, report.day, ctx.actor.user_id)
        pdf = render_technician_report(reference_service.letterhead(ctx), report,
                                       printed_by=ctx.actor.display_name, state=state)
        preview_pdf(self, Rendered(pdf, f"daily-report-{report.day}.pdf"),
                    title=self.tr("My daily report"),
                    on_output=recorder(ctx, "daily-report", [f"{report.day}/{ctx.actor.user_id}"]))


class VouchersToFilePage(_JobListPage):
    """Vouchers completed on site: the clerk closes (注销) the call and files the voucher."""

    def actions_list(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [(self.tr("Close call and file voucher"), "Ctrl+L", self.close_call),
                (self.tr("Print voucher"), "Ctrl+P", self.print_voucher),
                (self.tr("Refresh"), "F5", self.refresh)]

    def rows(self) -> list[JobRow]:
        return dispatch_service.jobs_to_close(self._session.ctx)

    def refresh(self) -> None:
        super().refresh()
        if not hasattr(self, "notices"):
            self.notices = QLabel()
            self.notices.setObjectName("notices")
            self.notices.setWordWrap(True)
            self.notices.setStyleSheet("color: #B00020;")
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(1, self.notices)
        text = notices_text(self._session)  # §九: vouchers completed a day ago, not closed
        self.notices.setText(text)
        self.notices.setVisible(bool(text))
