"""The dispatch board (派工): calls waiting, technicians and their load, vouchers of today.

Keyboard: select a call and press the technician's digit (1–9), or Enter then pick the
technician and press Enter; or drag the call onto a technician.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models.enums import Category
from app.printing.registry import PrintKind
from app.services import dispatch_service
from app.services.dispatch_service import JobRow, QueueRow, TechnicianLoad
from app.services.permissions import Perm
from app.ui.dialogs.dispatch_choice_dialog import ChoiceReasonDialog
from app.ui.dialogs.late_repair_dialogs import HelpRequestsDialog, notices_text
from app.ui.dialogs.store_days_dialog import StoreDaysDialog
from app.ui.labels import label
from app.ui.pages.dispatch_actions import JobActions
from app.ui.printing_ui import print_document
from app.ui.session import AppSession, Topic, touches
from app.ui.table_models.dispatch_table_models import (
    DispatchQueueModel,
    JobsModel,
    TechniciansModel,
)
from app.ui.theme import SPACING

TOPICS = (Topic.CALLS, Topic.CUSTOMERS, Topic.REFERENCE)
_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


def _view(model: QObject, *, drag: bool = False, drop: bool = False) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab goes to the next list; arrows move between rows
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setDragEnabled(drag)
    view.setAcceptDrops(drop)
    view.setDropIndicatorShown(drop)
    if drag:
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
    if drop:
        view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
    return view


class DispatchPage(JobActions, QWidget):
    """Built as ``DispatchPage(session, parent)``; ``refresh()`` reloads the board."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.active_dialog: QDialog | None = None
        self._own_change = False
        self._overdue = 0  # waiting calls past their deadline (the board's count) …
        self._read_at = datetime.now(UTC)  # … when the board was read
        local = self._local
        self.queue_model = DispatchQueueModel(local, self)
        self.tech_model = TechniciansModel(self)
        self.jobs_model = JobsModel(local, self, now=lambda: session.ctx.now())
        self.queue_view = _view(self.queue_model, drag=True)
        self.tech_view = _view(self.tech_model, drop=True)
        self.jobs_view = _view(self.jobs_model)
        self.queue_view.setObjectName("queue")
        self.tech_view.setObjectName("technicians")
        self.jobs_view.setObjectName("jobs")
        self.queue_view.installEventFilter(self)
        for column, width in enumerate(DispatchQueueModel.WIDTHS):
            self.queue_view.setColumnWidth(column, width)
        self.tech_view.setColumnWidth(0, 120)
        self.tech_view.activated.connect(lambda index: self.dispatch_to(index.row()))
        self.tech_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_jobs())
        self.tech_model.call_dropped.connect(self._dropped)
        self.summary = QLabel()
        self.notices = QLabel()
        self.notices.setObjectName("notices")
        self.notices.setWordWrap(True)
        self.notices.setStyleSheet("color: #B00020;")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.print_check = QCheckBox(self.tr("Print the voucher on dispatch"))
        self.print_check.setChecked(True)
        self._lay_out()
        session.data_changed.connect(self._data_changed)
        self.refresh()

    def _local(self, moment: datetime) -> datetime:
        return self._session.ctx.local(moment)

    # ---- layout -------------------------------------------------------------------------
    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        actions = (
            (self.tr("Dispatch"), "Ctrl+D", self.dispatch_selected),
            (self.tr("Reassign…"), "Ctrl+R", self.reassign_selected_job),
            (self.tr("Category…"), "Ctrl+K", self.override_category),
            (self.tr("Record visit…"), "Ctrl+V", self.record_visit),
            (self.tr("Close call"), "Ctrl+L", self.close_call),
            (self.tr("Print voucher"), "Ctrl+P", self.print_voucher),
            (self.tr("Help requests…"), "Ctrl+H", self.open_help_requests),
            (self.tr("Refresh"), "F5", self.refresh),
        )
        for text, keys, slot in actions:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, s=slot: s())
            bar.addAction(action)
            self.addAction(action)
        if self._session.may(Perm.REFERENCE_MANAGE):
            bar.addAction(self.tr("Store calendar…"), self.open_store_days)
        return bar

    def open_store_days(self) -> StoreDaysDialog:
        """The store's own closed days and extra working days (they move deadlines)."""
        dialog = StoreDaysDialog(self._session, self)
        dialog.finished.connect(lambda _r: self.refresh())
        self._open(dialog)
        return dialog

    def _lay_out(self) -> None:
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.tech_view)
        right.addWidget(self.jobs_view)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.queue_view)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.print_check)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self._toolbar())
        layout.addLayout(top)
        layout.addWidget(self.notices)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    # ---- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        call, tech, job = self.selected_call(), self.selected_tech(), self.selected_job()
        # the shown technician's vouchers only; another's are read when selected; each list
        # a page at a time (the rest read as it scrolls)
        ctx = self._session.ctx
        board = dispatch_service.board(ctx, jobs_of=[tech.user_id] if tech else [],
                                       page=self.queue_model.PAGE_SIZE)
        self._overdue, self._read_at = board.overdue, board.now
        self.queue_model.set_rows(board.queue, keys=board.queue_ids,
                                  fetch=lambda ids: dispatch_service.queue_rows(ctx, ids))
        self.tech_model.set_rows(board.technicians)
        self._select(self.queue_view, self.queue_model, call.call_id if call else None)
        self._select(self.tech_view, self.tech_model, tech.user_id if tech else None)
        self._show_jobs(job.job_id if job else None)
        self._show_summary()
        text = notices_text(self._session)
        self.notices.setText(text)
        self.notices.setVisible(bool(text))

    def open_help_requests(self) -> HelpRequestsDialog:
        """§十四: the technicians' open requests for help; the supervisor answers them."""
        dialog = HelpRequestsDialog(self._session, self)
        dialog.finished.connect(lambda _r: self.refresh())
        self._open(dialog)
        return dialog

    def _show_summary(self) -> None:
        """Every waiting call counted, not only the rows read."""
        self.summary.setText(self.tr("{n} calls waiting, {late} overdue").format(
            n=self.queue_model.total(), late=self._overdue))

    def _show_jobs(self, keep: int | None = None) -> None:
        tech = self.selected_tech()
        if tech is not None and not tech.jobs_read:
            tech = self._read_jobs(tech)
        ctx = self._session.ctx
        if tech is not None and tech.job_ids:
            self.jobs_model.set_rows(tech.jobs, keys=tech.job_ids,
                                     fetch=lambda ids: dispatch_service.job_rows(ctx, ids))
        else:
            self.jobs_model.set_rows(tech.jobs if tech else [])
        self._select(self.jobs_view, self.jobs_model, keep)

    def _read_jobs(self, tech: TechnicianLoad) -> TechnicianLoad:
        """Read a technician's vouchers when the list first shows them (the first page)."""
        page = dispatch_service.technician_jobs_page(self._session.ctx, tech.user_id,
                                                     page=self.jobs_model.PAGE_SIZE)
        read = replace(tech, jobs=page.rows, job_ids=page.ids, jobs_read=True)
        for i, row in enumerate(self.tech_model.all_rows()):
            if row.user_id == tech.user_id:
                self.tech_model.replace_row(i, read)
        return read

    @staticmethod
    def _select(view: QTableView, model: DispatchQueueModel | TechniciansModel | JobsModel,
                key: int | None) -> None:
        """Select the row of ``key`` (read through to it if it is further down), else the
        first."""
        found = model.reveal(key) if key is not None else None
        target = found if found is not None else (0 if model.rowCount() else None)
        if target is not None:
            view.selectRow(target)

    def _data_changed(self, topic: str) -> None:
        if touches(topic, TOPICS) and self.isVisible() and not self._own_change:
            self.refresh()

    # ---- selection ----------------------------------------------------------------------
    def selected_call(self) -> QueueRow | None:
        index = self.queue_view.currentIndex()
        return self.queue_model.row_at(index.row()) if index.isValid() else None

    def selected_tech(self) -> TechnicianLoad | None:
        index = self.tech_view.currentIndex()
        return self.tech_model.row_at(index.row()) if index.isValid() else None

    def selected_job(self) -> JobRow | None:
        index = self.jobs_view.currentIndex()
        return self.jobs_model.row_at(index.row()) if index.isValid() else None

    # ---- dispatch ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.queue_view and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in _DIGITS and not event.modifiers():
                self.dispatch_to(_DIGITS[key] - 1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.tech_view.setFocus()
                return True
        return super().eventFilter(watched, event)

    def dispatch_selected(self) -> bool:
        tech = self.tech_view.currentIndex()
        return self.dispatch_to(tech.row() if tech.isValid() else -1)

    def dispatch_to(self, tech_row: int) -> bool:
        """Dispatch the selected call to the technician on row ``tech_row`` (0-based)."""
        call, tech = self.selected_call(), self.tech_model.row_at(tech_row)
        if call is None or tech is None:
            self.say(self.tr("Select a call and a technician."), error=True)
            return False
        return self._dispatch(call.call_id, call.version, tech.user_id)

    def _dropped(self, call_id: int, version: int, tech_id: int) -> None:
        self._dispatch(call_id, version, tech_id)

    def _dispatch(self, call_id: int, version: int, tech_id: int) -> bool:
        try:
            job = dispatch_service.dispatch_call(self._session.ctx, call_id, tech_id,
                                                 expected_version=version)
        except UserError as err:
            self.say_error(err)
            self.refresh()
            return False
        self._dispatched(job)
        self._own_change = True
        try:
            self._session.changed(Topic.CALLS)
        finally:
            self._own_change = False
        self.say(self.tr("{call} dispatched to {name}: voucher {number}.").format(
            call=job.call_number, name=job.technician_name, number=job.number))
        self.queue_view.setFocus()
        if self.print_check.isChecked():
            print_document(self._session, self, PrintKind.VOUCHER, job.number)
        return True

    def _dispatched(self, job: JobRow) -> None:
        """Show a dispatch without reloading the board: the call leaves the queue and the
        voucher joins its technician's list (the next refresh reads it all again)."""
        # counted overdue when the board was read: its deadline (the voucher's) had passed
        if self.queue_model.remove_row_with_id(job.call_id) and job.deadline_at <= self._read_at:
            self._overdue -= 1
        for i, tech in enumerate(self.tech_model.all_rows()):
            if tech.user_id == job.technician_id:
                self.tech_model.replace_row(i, self._with_job(tech, job))
        self._select(self.tech_view, self.tech_model, job.technician_id)
        self._show_jobs(job.job_id)
        self._show_summary()

    @staticmethod
    def _with_job(tech: TechnicianLoad, job: JobRow) -> TechnicianLoad:
        """A technician's load with a voucher just dispatched to them (last in the list;
        unread vouchers: read when shown)."""
        more = replace(tech, open_jobs=tech.open_jobs + 1, today_jobs=tech.today_jobs + 1)
        if not tech.jobs_read:
            return more
        if not tech.job_ids:  # the whole list
            return replace(more, jobs=(*tech.jobs, job))
        whole = len(tech.jobs) == len(tech.job_ids)
        return replace(more, job_ids=(*tech.job_ids, job.job_id),
                       jobs=(*tech.jobs, job) if whole else tech.jobs)

    # ---- reassign and category ---------------------------------------------------------
    def reassign_selected_job(self) -> ChoiceReasonDialog | None:
        job = self.selected_job()
        if job is None:
            self.say(self.tr("Select a voucher first."), error=True)
            return None
        others = [(t.user_id, t.name) for t in self.tech_model.all_rows()
                  if t.user_id != job.technician_id]

        def submit(tech_id: object, reason: str) -> None:
            assert isinstance(tech_id, int)
            moved = dispatch_service.reassign_job(self._session.ctx, job.job_id, tech_id,
                                                  reason=reason, expected_version=job.version)
            self._changed()
            self.say(self.tr("Voucher {number} reassigned to {name}.").format(
                number=moved.number, name=moved.technician_name))

        dialog = ChoiceReasonDialog(
            self.tr("Reassign voucher"), f"{job.number}  {job.customer_name}",
            self.tr("Technician"), others, self, on_submit=submit)
        self._open(dialog)
        return dialog

    def override_category(self) -> ChoiceReasonDialog | None:
        """Override the category of the selected waiting call (or of the selected voucher)."""
        target = self._category_target()
        if target is None:
            self.say(self.tr("Select a call or a voucher first."), error=True)
            return None
        call_id, version, current, title = target
        choices = [(c.value, label("category", c.value)) for c in Category if c is not Category.D]

        def submit(value: object, reason: str) -> None:
            dispatch_service.override_category(self._session.ctx, call_id, Category(str(value)),
                                               reason=reason, expected_version=version)
            self._changed()
            self.say(self.tr("Category changed to {category}.").format(category=value))

        dialog = ChoiceReasonDialog(self.tr("Override category"), title, self.tr("Category"),
                                    choices, self, on_submit=submit, current=current)
        self._open(dialog)
        return dialog

    def _category_target(self) -> tuple[int, int, str, str] | None:
        if self.jobs_view.hasFocus() and (job := self.selected_job()) is not None:
            return job.call_id, job.call_version, job.category, job.call_number
        call = self.selected_call()
        if call is None:
            return None
        return call.call_id, call.version, call.category, f"{call.number}  {call.fault}"

    def may_close(self) -> bool:
        return self._session.may(Perm.CALL_CLOSE)
