"""The call-log book (叫修登记簿) page: search, filters, the lazy table and the call actions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models.enums import CallStatus, Channel
from app.services import calls_service, customers_service
from app.services.call_book_service import OPEN_STATUSES, CallFilter
from app.services.permissions import Perm
from app.ui.deadlines import legend
from app.ui.dialogs.call_edit_dialog import CallEditDialog
from app.ui.dialogs.customer_file_dialog import CustomerFileDialog
from app.ui.dialogs.history_dialog import HistoryDialog
from app.ui.dialogs.reason_dialog import ReasonDialog
from app.ui.dialogs.register_call_dialog import RegisterCallDialog
from app.ui.errors import user_message
from app.ui.labels import choices
from app.ui.screen_fit import let_shrink
from app.ui.session import AppSession, Topic, touches
from app.ui.style import icon
from app.ui.table_models.call_log_table_model import CallLogTableModel as Model
from app.ui.theme import SPACING
from app.ui.widgets.call_form_parts import DateField
from app.ui.widgets.column_widths import ColumnWidths
from app.ui.widgets.status_delegate import StatusDelegate

SEARCH_DEBOUNCE_MS = 250
COUNT_CAP = 5000
NO_DATE = QDate(2000, 1, 1)
OPEN = "open"
TOPICS = (Topic.CALLS, Topic.CUSTOMERS, Topic.REFERENCE)
DEFAULT_WIDTHS = {Model.COL_NUMBER: 112, Model.COL_TIME: 142, Model.COL_CUSTOMER: 92,
                  Model.COL_PHONE: 128, Model.COL_ITEM: 260, Model.COL_FAULT: 300,
                  Model.COL_CATEGORY: 84, Model.COL_STATUS: 92, Model.COL_LEFT: 150}
STRETCHED = (Model.COL_ITEM, Model.COL_FAULT)  # share the room left over


class CallLogPage(QWidget):
    """Built as ``CallLogPage(session, parent)``; ``refresh()`` and ``search(text)`` public."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._stale = False
        self.active_dialog: QDialog | None = None
        self.model = Model(session, self, load=False)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._build_filters()
        self._build_table()
        self._build_actions()
        self._lay_out()
        session.data_changed.connect(self._data_changed)
        session.user_changed.connect(self._user_changed)
        self._user_changed()

    # ---- layout -------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(240)
        self.search_edit.setPlaceholderText(
            self.tr("Search customer, phone, model, serial no., fault…"))
        self.search_edit.textEdited.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._search_entered)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), "")
        self.status_combo.addItem(self.tr("Open"), OPEN)
        for value, text in choices("status"):
            self.status_combo.addItem(text, value)
        self.zone_combo = QComboBox()
        self.channel_combo = QComboBox()
        self.channel_combo.addItem(self.tr("All channels"), "")
        for value, text in choices("channel"):
            self.channel_combo.addItem(text, value)
        self.from_edit, self.to_edit = self._date_edit(), self._date_edit()
        for combo in (self.status_combo, self.zone_combo, self.channel_combo):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.refresh)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setStyleSheet("font-weight: bold;")
        self.count_label.setMinimumWidth(160)  # the count arrives just after the rows
        self.info_label = let_shrink(QLabel())
        self.info_label.setObjectName("info")

    def _date_edit(self) -> QDateEdit:
        edit = DateField()
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any day"))
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setDate(NO_DATE)
        edit.setMaximumWidth(140)
        return edit

    def _fill_zones(self) -> None:
        self.zone_combo.blockSignals(True)
        self.zone_combo.clear()
        self.zone_combo.addItem(self.tr("All zones"), None)
        for zone in customers_service.list_zones(self._session.ctx):
            self.zone_combo.addItem(zone.name, zone.id)
        self.zone_combo.blockSignals(False)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("calls")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in STRETCHED:  # the book always fills the page, at any window size
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.setItemDelegateForColumn(Model.COL_STATUS, StatusDelegate(self.table))
        self.table.activated.connect(self._activated)
        self.widths = ColumnWidths("call_log", header, DEFAULT_WIDTHS)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(lambda *_: self._update_actions())

    def _action(self, text: str, keys: str, slot: object, icon_name: str = "") -> QAction:
        action = QAction(icon(icon_name), text, self) if icon_name else QAction(text, self)
        if keys:  # the key is on the button, not only in its tooltip
            action.setShortcut(QKeySequence(keys))
            action.setText(f"{text} {QKeySequence(keys).toString()}")
            action.setToolTip(f"{text} ({QKeySequence(keys).toString()})")
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.action_new = self._action(self.tr("New call"), "Ctrl+N", self.new_call, "calls")
        self.action_edit = self._action(self.tr("Edit…"), "Ctrl+E", self.edit_call)
        self.action_cancel = self._action(self.tr("Cancel call…"), "Ctrl+Shift+D",
                                          self.cancel_call)
        self.action_history = self._action(self.tr("History"), "Ctrl+H", self.show_history)
        self.action_customer = self._action(self.tr("Customer file"), "Ctrl+U",
                                            self.show_customer, "customers")
        self.action_refresh = self._action(self.tr("Refresh"), "F5", self.refresh)
        self.action_export = self._action(self.tr("Export to Excel…"), "", self.export_excel)

    def export_excel(self) -> None:
        """Every call matching the current filter (not only the loaded rows) to .xlsx."""
        from app.ui.list_export_ui import export_call_log

        self.export_task = export_call_log(self, self._session, self.current_filter(),
                                           self.info_label)

    def _lay_out(self) -> None:
        top = QHBoxLayout()  # actions left, the search field takes the rest
        top.setSpacing(SPACING * 2)
        top.addWidget(self.toolbar)
        top.addWidget(self.search_edit, 1)
        filters = QHBoxLayout()
        filters.setSpacing(SPACING)
        for text, widget in ((self.tr("Status"), self.status_combo),
                             (self.tr("From"), self.from_edit), (self.tr("To"), self.to_edit),
                             (self.tr("Zone"), self.zone_combo),
                             (self.tr("Channel"), self.channel_combo)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
            filters.addSpacing(SPACING)
        filters.addStretch(1)
        filters.addWidget(self.info_label)
        filters.addSpacing(SPACING * 2)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING, SPACING * 2, SPACING * 2)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.legend = legend(self)  # what red, amber, green and bold mean
        layout.addWidget(self.legend)

    # ---- loading ------------------------------------------------------------------------
    def current_filter(self) -> CallFilter:
        status = self.status_combo.currentData()
        statuses: tuple[CallStatus, ...] = OPEN_STATUSES if status == OPEN else (
            (CallStatus(status),) if status else ())
        zone, channel = self.zone_combo.currentData(), self.channel_combo.currentData()
        return CallFilter(statuses=statuses, date_from=self._date(self.from_edit),
                          date_to=self._date(self.to_edit),
                          zone_id=int(zone) if zone is not None else None,
                          channel=Channel(channel) if channel else None,
                          search=self.search_edit.text().strip())

    @staticmethod
    def _date(edit: QDateEdit) -> date | None:
        day = edit.date()
        return None if day == NO_DATE else date(day.year(), day.month(), day.day())

    def refresh(self) -> None:
        """Re-run the query with the current filter, keeping the selected call if shown."""
        self._search_timer.stop()
        self._stale = False
        keep = self.selected_call_id()
        try:
            self.model.set_filter(self.current_filter())
        except UserError as err:
            self.info_label.setText(user_message(err))
            return
        self.select_call(keep)
        self._update_actions()
        QTimer.singleShot(0, self, self._update_count)  # dropped if the page is gone

    def _update_count(self) -> None:
        # A text search may match much of the book: count no further than COUNT_CAP then.
        cap = COUNT_CAP if self.model.filter.search else None
        count = self.model.count_matching(cap)
        if count == 0 and self.model.filter.search:
            self.info_label.setText(self.tr("No call matches “{text}”.").format(
                text=self.model.filter.search))
        if cap is not None and count > cap:
            self.count_label.setText(self.tr("more than {n} calls").format(n=cap))
        else:
            self.count_label.setText(self.tr("{n} calls").format(n=count))

    def _search_entered(self) -> None:
        """Enter in the search field: results at once, the keyboard moves to the list."""
        self.refresh()
        if self.model.rowCount():
            self.table.setFocus()

    def search(self, text: str) -> None:
        """Show the calls matching ``text`` at once (the main window's search field)."""
        self.info_label.clear()  # an earlier message must not stand beside these rows
        self.search_edit.setText(text)
        self.refresh()

    def show_number(self, number: str) -> None:
        """Show one call by its number, whatever the filters were; it becomes current."""
        for combo in (self.status_combo, self.zone_combo, self.channel_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(True)
            edit.setDate(NO_DATE)
            edit.blockSignals(False)
        self.search(number)
        self.select_call(None)
        self.table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _data_changed(self, topic: str) -> None:
        if not touches(topic, TOPICS):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _user_changed(self) -> None:
        may = self._session.may
        self.action_new.setVisible(may(Perm.CALL_REGISTER))
        self.action_edit.setVisible(may(Perm.CALL_EDIT))
        self.action_cancel.setVisible(may(Perm.CALL_CANCEL))
        self.action_history.setVisible(may(Perm.AUDIT_VIEW))
        self._fill_zones()
        self.refresh()

    # ---- selection ----------------------------------------------------------------------
    def selected_call_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.model.data(index, Model.CALL_ID_ROLE)
        return int(value) if value is not None else None

    def select_call(self, call_id: int | None) -> None:
        row = self.model.row_of(call_id) if call_id is not None else None
        if row is None:
            row = 0 if self.model.rowCount() else None
        if row is not None:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _update_actions(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        has = row is not None
        open_call = has and row is not None and row.status not in ("cancelled", "closed")
        for action in (self.action_history, self.action_customer):
            action.setEnabled(has)
        self.action_edit.setEnabled(open_call)
        self.action_cancel.setEnabled(open_call)

    def _activated(self, _index: QModelIndex) -> None:
        if self._session.may(Perm.CALL_EDIT) and self.action_edit.isEnabled():
            self.edit_call()
        else:
            self.show_customer()

    # ---- actions --------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        if self.active_dialog is not None:
            self.active_dialog.deleteLater()
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def _done(self, message: str, call_id: int | None = None) -> None:
        self.info_label.setText(message)
        if call_id is not None:
            self.table.setCurrentIndex(QModelIndex())
        self._session.changed(Topic.CALLS)
        self.select_call(call_id)

    def new_call(self) -> None:
        dialog = RegisterCallDialog(self._session, self)
        dialog.accepted.connect(lambda: self._registered(dialog))
        self._open(dialog)

    def _registered(self, dialog: RegisterCallDialog) -> None:
        call = dialog.result_call
        chase = dialog.result_chase
        if call is None and chase is not None:
            self._done(self.tr("Chase (催修) recorded on call {number}.").format(
                number=chase.number), chase.call_id)
            return
        if call is not None:
            self._done(self.tr("Call {number} registered.").format(number=call.number), call.id)

    def edit_call(self) -> None:
        call_id = self.selected_call_id()
        if call_id is None:
            return
        dialog = CallEditDialog(self._session, call_id, self)
        dialog.accepted.connect(lambda: self._done(
            self.tr("Call {number} changed.").format(number=dialog.call.number), call_id))
        self._open(dialog)

    def cancel_call(self) -> None:
        call_id = self.selected_call_id()
        if call_id is None:
            return
        call = calls_service.get_call(self._session.ctx, call_id)

        def submit(reason: str) -> None:
            calls_service.cancel_call(self._session.ctx, call_id, reason=reason,
                                      expected_version=call.version)

        dialog = ReasonDialog(
            self.tr("Cancel call {number}").format(number=call.number),
            self.tr("The call stays in the book, marked cancelled. Why is it cancelled?"),
            self, on_submit=submit, ok_text=self.tr("Cancel the call"))
        dialog.accepted.connect(lambda: self._done(
            self.tr("Call {number} cancelled.").format(number=call.number), call_id))
        self._open(dialog)

    def show_history(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is not None:
            self._open(HistoryDialog(self._session, "calls", row.id, self,
                                     title=self.tr("History of call {number}").format(
                                         number=row.number)))

    def show_customer(self) -> None:
        call_id = self.selected_call_id()
        if call_id is None:
            return
        customer_id = calls_service.get_call(self._session.ctx, call_id).customer_id
        self._open(CustomerFileDialog(self._session, customer_id, self))
