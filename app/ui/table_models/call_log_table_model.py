"""The call-log book (叫修登记簿) as a lazy table: keyset pages of calls_service.list_calls."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from app.i18n import QT_TRANSLATE_NOOP
from app.services import calls_service
from app.services.calls_service import CallFilter
from app.services.context import ServiceContext
from app.services.dto import CallRow
from app.ui.labels import label
from app.ui.session import AppSession
from app.ui.theme import status_background, status_foreground

AnyIndex = QModelIndex | QPersistentModelIndex
_CTX = "CallLogTableModel"


class CallLogTableModel(QAbstractTableModel):
    """Newest calls first, 100 rows a page; a filter change re-queries SQL.

    Built from an ``AppSession`` (follows user switches) or a bare ``ServiceContext``
    (benchmarks, tests). Constructing it loads the first page.
    """

    COL_NUMBER, COL_TIME, COL_CUSTOMER, COL_PHONE, COL_ITEM, COL_FAULT, COL_CATEGORY, \
        COL_STATUS = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("CallLogTableModel", "No."),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Received"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Customer"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Phone"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Item"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Fault"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Category"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Status"),
    )
    CALL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
    PAGE_SIZE = 100

    def __init__(self, source: AppSession | ServiceContext, parent: QObject | None = None,
                 *, flt: CallFilter | None = None, load: bool = True) -> None:
        super().__init__(parent)
        self._source = source
        self._filter = flt or CallFilter()
        self._rows: list[CallRow] = []
        self._cursor: tuple[datetime, int] | None = None
        if load:
            self.refresh()

    # ---- loading ---------------------------------------------------------------------
    def ctx(self) -> ServiceContext:
        return self._source.ctx if isinstance(self._source, AppSession) else self._source

    @property
    def filter(self) -> CallFilter:
        return self._filter

    def set_filter(self, flt: CallFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Reload from the first page (the query runs before the reset: no half state)."""
        page = calls_service.list_calls(self.ctx(), self._filter, limit=self.PAGE_SIZE)
        self.beginResetModel()
        self._rows = list(page.rows)
        self._cursor = page.next_cursor
        self.endResetModel()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._cursor is not None

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = calls_service.list_calls(self.ctx(), self._filter, after=self._cursor,
                                        limit=self.PAGE_SIZE)
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._cursor = page.next_cursor
            self.endInsertRows()
        else:
            self._cursor = None

    def count_matching(self, cap: int | None = None) -> int:
        """How many calls match the filter (not only the loaded pages); ``cap``: stop early."""
        return calls_service.count_calls(self.ctx(), self._filter, cap=cap)

    # ---- access ----------------------------------------------------------------------
    def row_at(self, row: int) -> CallRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, call_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == call_id), None)

    # ---- Qt model interface ------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return QCoreApplication.translate(_CTX, self.HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == self.CALL_ID_ROLE:
            return row.id
        if role == self.STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return self._decoration(row, column, role)

    def _tooltip(self, row: CallRow, column: int) -> str | None:
        if column == self.COL_CATEGORY:
            return label("category", row.category)
        if column in (self.COL_FAULT, self.COL_ITEM):
            return self._display(row, column)
        if column == self.COL_NUMBER and row.urgency == "urgent":
            return label("urgency", row.urgency)
        return None

    def _decoration(self, row: CallRow, column: int, role: int) -> Any:
        if column == self.COL_STATUS and role == Qt.ItemDataRole.BackgroundRole:
            return status_background(row.status)
        if column == self.COL_STATUS and role == Qt.ItemDataRole.ForegroundRole:
            return status_foreground(row.status)
        if role == Qt.ItemDataRole.FontRole and column == self.COL_NUMBER \
                and row.urgency == "urgent":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.COL_CATEGORY, self.COL_STATUS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: CallRow, column: int) -> str:
        if column == self.COL_NUMBER:
            return row.number
        if column == self.COL_TIME:
            return self.ctx().local(row.received_at).strftime("%Y-%m-%d %H:%M")
        if column == self.COL_CATEGORY:
            return row.category
        if column == self.COL_STATUS:
            return label("status", row.status)
        values = {self.COL_CUSTOMER: row.customer_name, self.COL_PHONE: row.phone,
                  self.COL_ITEM: row.item_label, self.COL_FAULT: row.fault}
        return values.get(column, "")
