"""服务部: the service department's page — every branch's books and reports, per branch and
for the company (seed 002 总则(四), §十七, §二十四, §二十七).

Shown only to the service department (users of no branch); a branch's people have their own
books. A branch filter (all branches, or one) and a day (yesterday, as the branches send their
books the next day) drive four tabs: the call-log books, the survey cards to send, the
supervisor daily reports received (with the branch manager's signature), the cases to chase.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import service_dept_service as sd
from app.services.call_book_service import CallFilter, list_calls
from app.ui.errors import user_message
from app.ui.labels import label
from app.ui.pages.dispatch_page import _view
from app.ui.session import AppSession
from app.ui.table_models.dispatch_table_models import TextRowsModel
from app.ui.theme import SPACING
from app.ui.widgets.date_field import DateField

BOOK_ROWS = 500  # calls of one branch's day shown when its book is opened


class ServiceDeptPage(QWidget):
    """The branches' books and reports for one day, per branch and for the company."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.books: list[sd.BookCount] = []
        self.reports: list[sd.ReportReceipt] = []
        self._opened: int | None = None  # the branch whose book of the day is open
        self.branch_combo = QComboBox()
        self.branch_combo.addItem(self.tr("All branches"), None)
        yesterday = session.ctx.today() - timedelta(days=1)
        self.day_edit = DateField(QDate(yesterday.year, yesterday.month, yesterday.day))
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        self.books_model, self.book_model = TextRowsModel(self), TextRowsModel(self)
        self.surveys_model, self.reports_model = TextRowsModel(self), TextRowsModel(self)
        self.chase_model = TextRowsModel(self)
        self.books_view, self.book_view = _view(self.books_model), _view(self.book_model)
        self.surveys_view, self.reports_view = _view(self.surveys_model), _view(self.reports_model)
        self.chase_view = _view(self.chase_model)
        self.open_button = QPushButton(self.tr("Open the branch's book"))
        self.book_title = QLabel()
        self.not_received = QLabel()
        self.not_received.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        self._lay_out()
        try:
            for branch in sd.branches(session.ctx):
                self.branch_combo.addItem(branch.label, branch.id)
        except UserError as err:
            self.message.setText(user_message(err))
        self.branch_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        self.open_button.clicked.connect(lambda _c=False: self.open_book())
        self.books_view.doubleClicked.connect(lambda _i: self.open_book())
        self.refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Branch")))
        top.addWidget(self.branch_combo)
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.day_edit)
        top.addStretch(1)
        books = QWidget()
        books_layout = QVBoxLayout(books)
        books_layout.addWidget(self.books_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.book_title, 1)
        row.addWidget(self.open_button)
        books_layout.addLayout(row)
        books_layout.addWidget(self.book_view, 1)  # the branches and the book: half each
        reports = QWidget()
        reports_layout = QVBoxLayout(reports)
        reports_layout.addWidget(self.reports_view, 1)
        reports_layout.addWidget(self.not_received)
        self.tabs.addTab(books, self.tr("Call-log books"))
        self.tabs.addTab(_tab(self.surveys_view), self.tr("Survey cards to send"))
        self.tabs.addTab(reports, self.tr("Daily reports received"))
        self.tabs.addTab(_tab(self.chase_view), self.tr("To chase"))
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

    @property
    def day(self) -> date:
        value: date = self.day_edit.date().toPython()  # type: ignore[assignment]
        return value

    @property
    def branch_id(self) -> int | None:
        data = self.branch_combo.currentData()
        return int(data) if data is not None else None

    def refresh(self) -> None:
        ctx, day, branch = self._session.ctx, self.day, self.branch_id
        try:
            self.books = sd.call_books(ctx, day, branch_id=branch)
            surveys = sd.survey_counts(ctx, day, branch_id=branch)
            self.reports = sd.daily_reports(ctx, day, branch_id=branch)
            chases = sd.chase_list(ctx, branch_id=branch)
        except UserError as err:
            self.message.setText(user_message(err))
            return
        self.message.clear()
        self._show_books()
        self._show_surveys(surveys)
        self._show_reports()
        self._show_chases(chases)
        if any(b.branch.id == self._opened for b in self.books):
            self.open_book(self._opened)  # a refresh keeps the book the user opened
        else:
            self._opened = None
            self.book_model.set_table((), [])
            self.book_title.setText(self.tr("Choose a branch and open its book of the day."))

    def _branch(self, branch: sd.BranchRef) -> str:
        return branch.label

    def _show_books(self) -> None:
        heads = (self.tr("Branch"), self.tr("Calls"), self.tr("Still open"))
        rows = [(self._branch(b.branch), str(b.calls), str(b.still_open)) for b in self.books]
        rows.append((self.tr("Company total"), str(sum(b.calls for b in self.books)),
                     str(sum(b.still_open for b in self.books))))
        selected = self.books_view.currentIndex().row()
        self.books_model.set_table(heads, rows)
        self.books_view.resizeColumnsToContents()
        if self.books:
            self.books_view.selectRow(selected if 0 <= selected < len(self.books) else 0)

    def _show_surveys(self, counts: list[sd.SurveyCount]) -> None:
        heads = (self.tr("Branch"), self.tr("Calls in the book"), self.tr("Cards to send"),
                 self.tr("Cards sent that day"))
        rows: list[tuple[str, ...]] = [
            (self._branch(c.branch), str(c.calls), str(c.to_send), str(c.sent)) for c in counts]
        rows.append((self.tr("Company total"), *(str(sum(getattr(c, f) for c in counts))
                                                 for f in ("calls", "to_send", "sent"))))
        self.surveys_model.set_table(heads, rows)
        self.surveys_view.resizeColumnsToContents()

    def _show_reports(self) -> None:
        local = self._session.ctx.local
        heads = (self.tr("Branch"), self.tr("Received"), self.tr("Status"),
                 self.tr("Signed by the manager"), self.tr("Signed at"), self.tr("Note"),
                 self.tr("Forwarded at"))
        rows = [(self._branch(r.branch), self.tr("Yes") if r.received else self.tr("No"),
                 label("report_status", r.status), r.signed_by,
                 f"{local(r.signed_at):%m-%d %H:%M}" if r.signed_at else "", r.sign_note,
                 f"{local(r.forwarded_at):%m-%d %H:%M}" if r.forwarded_at else "")
                for r in self.reports]
        self.reports_model.set_table(heads, rows)
        self.reports_view.resizeColumnsToContents()
        missing = [self._branch(r.branch) for r in self.reports if not r.received]
        self.not_received.setText(
            self.tr("Not received from: {branches}").format(branches="、".join(missing))
            if missing else self.tr("Every branch's report has been received."))

    def _show_chases(self, chases: list[sd.ChaseRow]) -> None:
        heads = (self.tr("Branch"), self.tr("Case"), self.tr("Number"), self.tr("Customer"),
                 self.tr("Due"), self.tr("Days overdue"))
        kinds = {"complaint": self.tr("Complaint"), "late_repair": self.tr("Repair past its date"),
                 "late_arrival": self.tr("Technician late")}
        self.chase_model.set_table(heads, [
            (self._branch(c.branch), kinds.get(c.kind, c.kind), c.number, c.customer,
             f"{c.due:%Y-%m-%d}", str(c.days_over) if c.days_over else "") for c in chases])
        self.chase_view.resizeColumnsToContents()

    def open_book(self, branch_id: int | None = None) -> None:
        """The chosen branch's call-log book of the day (the row selected, or ``branch_id``)."""
        if branch_id is None:
            row = self.books_view.currentIndex().row()
            if not 0 <= row < len(self.books):
                return
            branch_id = self.books[row].branch.id
        book = next(b for b in self.books if b.branch.id == branch_id)
        self._opened = branch_id
        try:
            page = list_calls(self._session.ctx, CallFilter(
                date_from=self.day, date_to=self.day, branch_id=branch_id), limit=BOOK_ROWS)
        except UserError as err:
            self.message.setText(user_message(err))
            return
        local = self._session.ctx.local
        heads = (self.tr("Call No."), self.tr("Received at"), self.tr("Customer"),
                 self.tr("Fault"), self.tr("Status"))
        self.book_model.set_table(heads, [
            (r.number, f"{local(r.received_at):%H:%M}", r.customer_name, r.fault,
             label("status", r.status)) for r in page.rows])
        self.book_view.resizeColumnsToContents()
        self.book_title.setText(self.tr("Call-log book of {branch}, {day}: {n} calls").format(
            branch=self._branch(book.branch), day=f"{self.day:%Y-%m-%d}", n=book.calls))


def _tab(view: QTableView) -> QWidget:
    tab = QWidget()
    QVBoxLayout(tab).addWidget(view)
    return tab
