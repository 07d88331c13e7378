"""The call-log book (叫修登记簿) as a lazy table: keyset pages of call_book_service.list_calls."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.i18n import QT_TRANSLATE_NOOP
from app.services import call_book_service, dispatch_service
from app.services.call_book_service import CallFilter
from app.services.context import ServiceContext
from app.services.dispatch_service import CallDeadline
from app.services.dto import CallRow
from app.ui.deadlines import time_left_text
from app.ui.labels import chased_suffix, label
from app.ui.session import AppSession
from app.ui.table_models.lazy_table import LazyTableModel
from app.ui.theme import status_background, status_foreground

AnyIndex = QModelIndex | QPersistentModelIndex
_CTX = "CallLogTableModel"


class CallLogTableModel(LazyTableModel[CallRow]):
    """Newest calls first, 100 rows a page; a filter change re-queries SQL.

    Built from an ``AppSession`` (follows user switches) or a bare ``ServiceContext``
    (benchmarks, tests). Constructing it loads the first page.
    """

    COL_NUMBER, COL_TIME, COL_CUSTOMER, COL_PHONE, COL_ITEM, COL_FAULT, COL_CATEGORY, \
        COL_STATUS, COL_LEFT = range(9)
    HEADERS = (
        QT_TRANSLATE_NOOP("CallLogTableModel", "No."),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Received"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Customer"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Phone"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Item"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Fault"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Category"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Status"),
        QT_TRANSLATE_NOOP("CallLogTableModel", "Time left"),
    )
    CONTEXT = _CTX
    CALL_ID_ROLE = LazyTableModel.ID_ROLE
    STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, source: AppSession | ServiceContext, parent: QObject | None = None,
                 *, flt: CallFilter | None = None, load: bool = True) -> None:
        super().__init__(parent)
        self._source = source
        self._filter = flt or CallFilter()
        self._deadlines: dict[int, CallDeadline] = {}
        self._page_deadlines: dict[int, CallDeadline] = {}
        self._texts: dict[int, tuple[str, ...]] = {}
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

    def first_page(self) -> tuple[list[CallRow], bool]:
        page = call_book_service.list_calls(self.ctx(), self._filter, limit=self.PAGE_SIZE)
        self._page_deadlines = self._deadlines_of(page.rows)  # taken in by reset_caches
        self._cursor = page.next_cursor
        return page.rows, page.next_cursor is not None

    def reset_caches(self) -> None:
        self._deadlines, self._page_deadlines = self._page_deadlines, {}
        self._texts = {}

    def next_page(self) -> tuple[list[CallRow], bool]:
        page = call_book_service.list_calls(self.ctx(), self._filter, after=self._cursor,
                                        limit=self.PAGE_SIZE)
        self._deadlines.update(self._deadlines_of(page.rows))
        self._cursor = page.next_cursor if page.rows else None
        return page.rows, self._cursor is not None

    def _deadlines_of(self, rows: list[CallRow]) -> dict[int, CallDeadline]:
        """The arrive-by deadlines of the open calls among ``rows`` (the board's rule)."""
        waiting = [r.id for r in rows if r.status in _WAITING]
        return dispatch_service.call_deadlines(self.ctx(), waiting) if waiting else {}

    def deadline(self, call_id: int) -> CallDeadline | None:
        return self._deadlines.get(call_id)

    def count_matching(self, cap: int | None = None) -> int:
        """How many calls match the filter (not only the loaded pages); ``cap``: stop early."""
        return call_book_service.count_calls(self.ctx(), self._filter, cap=cap)

    def row_id(self, row: CallRow) -> int:
        return row.id

    # ---- Qt model interface ------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell: plain int roles, cached texts.
        role = int(role)
        if role not in _ROLES:
            return None
        r, column = index.row(), index.column()  # an invalid index has row -1
        if not 0 <= r < len(self._rows):
            return None
        if role == _DISPLAY:
            return self._cells(r)[column]
        row = self._rows[r]
        if role == _CALL_ID:
            return row.id
        if role == _STATUS:
            return row.status
        if role == _TOOLTIP:
            return self._tooltip(r, row, column)
        return self._decoration(row, column, role)

    def _cells(self, r: int) -> tuple[str, ...]:
        cells = self._texts.get(r)
        if cells is None:
            row = self._rows[r]
            due = self._deadlines.get(row.id)
            cells = (row.number, _minute(self.ctx().local(row.received_at)),
                     row.customer_name, row.phone, row.item_label, row.fault, row.category,
                     label("status", row.status) + chased_suffix(row.chases),
                     time_left_text(due.minutes_left) if due is not None else "")
            self._texts[r] = cells
        return cells

    def _tooltip(self, r: int, row: CallRow, column: int) -> str | None:
        if column == self.COL_CATEGORY:
            return label("category", row.category)
        if column in (self.COL_FAULT, self.COL_ITEM):
            return self._cells(r)[column]
        if column == self.COL_NUMBER and row.urgency == "urgent":
            return label("urgency", row.urgency)
        if column == self.COL_LEFT and (due := self._deadlines.get(row.id)) is not None:
            return QCoreApplication.translate(_CTX, "Arrive by {when}").format(
                when=_minute(self.ctx().local(due.deadline_at)))
        return None

    def _decoration(self, row: CallRow, column: int, role: int) -> Any:
        if column == self.COL_STATUS and role in (_BACKGROUND, _FOREGROUND):
            return _status_colour(row.status, foreground=role == _FOREGROUND)
        if column == self.COL_LEFT and role in (_BACKGROUND, _FOREGROUND):
            due = self._deadlines.get(row.id)
            return _status_colour(due.state, foreground=role == _FOREGROUND) if due else None
        if role == _FONT and column == self.COL_NUMBER and row.urgency == "urgent":
            return _bold_font()
        if role == _ALIGN and column in (self.COL_CATEGORY, self.COL_STATUS):
            return _CENTER
        return None


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_CALL_ID = int(CallLogTableModel.CALL_ID_ROLE)
_STATUS = int(CallLogTableModel.STATUS_ROLE)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _BACKGROUND, _FOREGROUND, _FONT, _ALIGN, _CALL_ID,
                    _STATUS})
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_WAITING = frozenset({"registered", "dispatched"})  # a technician still has to arrive
_COLOURS: dict[tuple[str, bool], QColor] = {}
_FONTS: list[QFont] = []


def _minute(moment: datetime) -> str:
    """'2026-11-22 14:05' (an f-string: strftime is several times slower per cell)."""
    return (f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} "
            f"{moment.hour:02d}:{moment.minute:02d}")


def _status_colour(status: str, *, foreground: bool) -> QColor:
    key = (status, foreground)
    if key not in _COLOURS:
        _COLOURS[key] = status_foreground(status) if foreground else status_background(status)
    return _COLOURS[key]


def _bold_font() -> QFont:
    if not _FONTS:
        font = QFont()
        font.setBold(True)
        _FONTS.append(font)
    return _FONTS[0]
