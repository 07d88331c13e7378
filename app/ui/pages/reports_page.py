"""The monthly summary (月度统计报表) on screen: pick a month, read the key figures and the
chart of jobs per category per day, export the workbook off the GUI thread.

The figures come from monthly_report_service — the same DTO the workbook is written from,
so screen and file cannot disagree.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import export_service, submission_service
from app.services import monthly_report_service as monthly
from app.services.money import format_money
from app.services.monthly_dto import Figure, MonthlyReport
from app.ui.errors import user_message
from app.ui.file_dialogs import save_file_name
from app.ui.labels import label, translate_message
from app.ui.session import AppSession
from app.ui.tasks import ProgressPanel, Task, TaskControl
from app.ui.theme import SPACING
from app.ui.widgets.bar_chart import StackedBarChart
from app.ui.widgets.submission_banner import SubmissionBanner

MONTHS_SHOWN = 24
FIGURE_COLUMNS = 3
CATEGORIES = ("A", "B", "C", "D")


def open_folder(folder: Path) -> None:
    """Show the exported file's folder (tests monkeypatch this)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def ask_save_path(parent: QWidget, title: str, default: Path, filter_text: str) -> Path | None:
    """The save-file dialog (tests monkeypatch this)."""
    chosen = save_file_name(parent, title, default, filter_text)
    return Path(chosen) if chosen else None


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def recent_months(today: date, count: int = MONTHS_SHOWN) -> list[date]:
    """This month (so far) first, then last month and the ones before it."""
    months: list[date] = []
    year, month = today.year, today.month
    for _ in range(count + 1):
        months.append(date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return months


def format_figure(figure: Figure) -> str:
    if figure.kind == "money":
        return format_money(int(figure.value))
    if figure.kind == "percent":
        return f"{float(figure.value) * 100:.1f}%"
    if figure.kind in ("days", "hours"):
        return f"{float(figure.value):,.2f}"
    return f"{int(figure.value):,}"


class ReportsPage(QWidget):
    """Month picker, figures grid, stacked bar chart, "Export to Excel…"."""

    # A month's query is not re-run on the GUI thread every 30 s (MainWindow's refresh policy):
    # the page is read when opened and when another month is chosen.
    auto_refresh = False

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.report: MonthlyReport | None = None
        self._task: Task | None = None
        self.last_export: Path | None = None
        self.month_combo = QComboBox()
        for month in recent_months(session.ctx.today()):
            self.month_combo.addItem(f"{month:%Y-%m}", month)
        self.month_combo.setCurrentIndex(1)  # last month: the one managers report on
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.figures_box = QFrame()
        self.figures_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.figures_grid = QGridLayout(self.figures_box)
        self.figures_grid.setHorizontalSpacing(SPACING * 3)
        self.value_labels: dict[str, QLabel] = {}
        self.chart = StackedBarChart()
        self.chart_title = QLabel(self.tr("Jobs per category per day"))
        self.progress = ProgressPanel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.banner = SubmissionBanner(session)
        self.submit_button = QPushButton(self.tr("Summary handed in"))
        self.submit_button.setObjectName("submit_summary")
        self.submit_button.clicked.connect(self.submit_summary)
        self.year_button = QPushButton(self.tr("Year: workbook and archive PDF…"))
        self.year_button.setObjectName("yearly")
        self.year_button.clicked.connect(self.export_year)
        self._lay_out()
        self.month_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button.clicked.connect(self.export)
        self.refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month_combo)
        top.addStretch(1)
        top.addWidget(self.submit_button)
        top.addWidget(self.year_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.figures_box)
        self.chart_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)

    def submit_summary(self) -> None:
        """制度11: the selected month's summary was handed in (the reminder goes away)."""
        month = self.selected_month()
        if month is None:
            return
        try:
            submission_service.submit_summary(self._session.ctx, month.year, month.month)
        except UserError as err:
            self.message.setText(user_message(err))
            return
        self.banner.refresh()
        self.message.setText(self.tr("The summary of {month} is recorded as handed in.")
                             .format(month=f"{month:%Y-%m}"))

    def select_month(self, month: date) -> None:
        for index in range(self.month_combo.count()):
            if self.month_combo.itemData(index) == month.replace(day=1):
                self.month_combo.setCurrentIndex(index)
                return

    def selected_month(self) -> date | None:
        month: date | None = self.month_combo.currentData()
        return month

    def refresh(self) -> None:
        self.message.clear()
        month = self.selected_month()
        if month is None:
            return
        try:
            self.report = monthly.monthly_report(self._session.ctx, month)
        except UserError as err:
            self.report = None
            self.message.setText(user_message(err))
        self._show_figures()
        self._show_chart()
        self.export_button.setEnabled(self.report is not None)

    def _show_figures(self) -> None:
        while self.figures_grid.count():
            item = self.figures_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.value_labels = {}
        figures = self.report.figures if self.report else ()
        rows = (len(figures) + FIGURE_COLUMNS - 1) // FIGURE_COLUMNS
        for index, figure in enumerate(figures):
            row, column = index % max(rows, 1), (index // max(rows, 1)) * 2
            name = QLabel(translate_message(figure.label))
            value = QLabel(format_figure(figure))
            value.setStyleSheet("font-weight: bold;")
            self.figures_grid.addWidget(name, row, column)
            self.figures_grid.addWidget(value, row, column + 1)
            self.value_labels[figure.key] = value

    def _show_chart(self) -> None:
        if self.report is None:
            self.chart.set_data([], [])
            return
        days = sorted(self.report.jobs_per_day)
        series = [(label("category", code),
                   [self.report.jobs_per_day[day].get(code, 0) for day in days])
                  for code in CATEGORIES]
        self.chart.set_data([f"{day.day}" for day in days], series)

    def export(self) -> None:
        report = self.report
        if report is None or (self._task is not None and self._task.running):
            return
        from app.export.monthly_workbook import suggested_filename

        path = ask_save_path(self, self.tr("Export to Excel"),
                             documents_folder() / suggested_filename(report),
                             self.tr("Excel workbook (*.xlsx)"))
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self._start_export(report, path)

    def export_year(self) -> None:
        """制度11 六: the selected month's year — the yearly workbook and, beside it, the
        archive PDF of its monthly summaries (年底装订成册)."""
        month = self.selected_month()
        if month is None or (self._task is not None and self._task.running):
            return
        year = month.year
        path = ask_save_path(self, self.tr("Export to Excel"),
                             documents_folder() / f"{self.tr('Yearly summary')}-{year}.xlsx",
                             self.tr("Excel workbook (*.xlsx)"))
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        ctx = self._session.ctx

        def work(control: TaskControl) -> Path:
            from app.export.yearly_workbook import write_yearly_workbook
            from app.printing.documents.yearly_archive import yearly_archive_pdf
            from app.services import yearly_service
            from app.services.reference_service import get_store_profile, letterhead

            control.report(0, 3, "")
            reports = yearly_service.year_reports(ctx, year)
            control.report(1, 3, "")
            name = get_store_profile(ctx).name
            write_yearly_workbook(name, year, reports, path)
            header = letterhead(ctx)
            control.report(2, 3, "")
            path.with_suffix(".pdf").write_bytes(yearly_archive_pdf(header, year, reports))
            export_service.record_export(ctx, "yearly", rows=len(reports),
                                         filter={"year": year})
            return path

        self._task = Task(work, self)
        self._task.finished.connect(self._exported)
        self._task.failed.connect(self._export_failed)
        self.progress.follow(self._task)
        self._task.start()

    def _start_export(self, report: MonthlyReport, path: Path) -> None:
        ctx = self._session.ctx
        tz = ctx.tz

        def work(control: TaskControl) -> Path:
            from app.export.monthly_workbook import write_monthly_workbook

            written = write_monthly_workbook(report, path, progress=control.report,
                                             is_cancelled=control.is_cancelled, tz=tz)
            export_service.record_export(ctx, "monthly", rows=len(report.details),
                                         filter={"month": f"{report.month:%Y-%m}"})
            return written

        self._task = Task(work, self)
        self._task.finished.connect(self._exported)
        self._task.failed.connect(self._export_failed)
        self._task.cancelled.connect(
            lambda: self.message.setText(self.tr("Export cancelled; no file was written.")))
        self._task.ended.connect(lambda: self.export_button.setEnabled(True))
        self.export_button.setEnabled(False)
        self.progress.follow(self._task)
        self._task.start()

    def _exported(self, path: object) -> None:
        self.last_export = Path(str(path))
        self.message.setText(self.tr("Saved {file}.").format(file=self.last_export))
        open_folder(self.last_export.parent)

    def _export_failed(self, error: object) -> None:
        if isinstance(error, UserError):
            self.message.setText(user_message(error))
        else:
            self.message.setText(self.tr("The export failed: {error}").format(error=error))
