"""The dispatch board's tables: the waiting queue, the technicians, and vouchers (jobs)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from app.i18n import QT_TRANSLATE_NOOP
from app.services.calendar_service import REPLY_PROMISE
from app.services.dispatch_service import JobRow, QueueRow, TechnicianLoad
from app.ui.deadlines import time_left_text
from app.ui.labels import chased_suffix, label
from app.ui.table_models.call_log_table_model import AnyIndex
from app.ui.table_models.dispatch_base import RowsTableModel
from app.ui.theme import status_background, status_foreground

CALL_MIME = "application/x-service-counter-call"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def encode_call(call_id: int, version: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(CALL_MIME, QByteArray(f"{call_id}:{version}".encode("ascii")))
    return mime


def decode_call(mime: QMimeData) -> tuple[int, int] | None:
    if not mime.hasFormat(CALL_MIME):
        return None
    raw = bytes(mime.data(CALL_MIME).data()).decode("ascii", "replace")
    call_id, _, version = raw.partition(":")
    return (int(call_id), int(version)) if call_id.isdigit() and version.isdigit() else None


class DispatchQueueModel(RowsTableModel[QueueRow]):
    """Calls waiting: leftovers first, then by deadline; the time left coloured as it runs out."""

    COL_NUMBER, COL_LEFT, COL_DEADLINE, COL_CUSTOMER, COL_ADDRESS, COL_FAULT, COL_CATEGORY, \
        COL_ITEM, COL_RECEIVED = range(9)
    HEADERS = (
        QT_TRANSLATE_NOOP("DispatchTables", "No."),
        QT_TRANSLATE_NOOP("DispatchTables", "Time left"),
        QT_TRANSLATE_NOOP("DispatchTables", "Arrive by"),
        QT_TRANSLATE_NOOP("DispatchTables", "Customer"),
        QT_TRANSLATE_NOOP("DispatchTables", "Address"),
        QT_TRANSLATE_NOOP("DispatchTables", "Fault"),
        QT_TRANSLATE_NOOP("DispatchTables", "Category"),
        QT_TRANSLATE_NOOP("DispatchTables", "Item"),
        QT_TRANSLATE_NOOP("DispatchTables", "Received"),
    )
    WIDTHS = (100, 110, 95, 70, 150, 160, 40, 160, 95)

    def __init__(self, local: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._local = local  # datetime → store-local datetime

    def row_id(self, row: QueueRow) -> int:
        return row.call_id

    def _when(self, moment: datetime) -> str:
        return str(self._local(moment).strftime("%m-%d %H:%M"))

    def display(self, row: QueueRow, column: int) -> str:
        values = {
            self.COL_NUMBER: row.number + chased_suffix(row.chases),
            self.COL_RECEIVED: self._when(row.received_at),
            self.COL_CUSTOMER: row.customer_name,
            self.COL_ADDRESS: f"{row.zone_name} {row.address}".strip(),
            self.COL_ITEM: row.item_label, self.COL_FAULT: row.fault,
            self.COL_CATEGORY: row.category, self.COL_DEADLINE: self._when(row.deadline_at),
            self.COL_LEFT: time_left_text(row.minutes_left),
        }
        return values.get(column, "")

    def decoration(self, row: QueueRow, column: int, role: int) -> Any:
        if column in (self.COL_LEFT, self.COL_DEADLINE):
            if role == Qt.ItemDataRole.BackgroundRole:
                return status_background(row.state)
            if role == Qt.ItemDataRole.ForegroundRole:
                return status_foreground(row.state)
        if role == Qt.ItemDataRole.FontRole and column == self.COL_NUMBER and (
                row.leftover or row.urgency == "urgent" or row.chases):
            return bold_font()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _tooltip(self, row: QueueRow, column: int) -> str | None:
        if column == self.COL_NUMBER and row.chases:
            return tr("The customer chased this call {count} times: dispatch first").format(
                count=row.chases)
        if column == self.COL_NUMBER and row.leftover:
            return tr("Left over from an earlier day: dispatch first")
        if column == self.COL_CATEGORY:
            text = label("category", row.category)
            if row.category != row.proposed_category:
                text += " " + tr("(proposed {category})").format(category=row.proposed_category)
            return text
        if column in (self.COL_FAULT, self.COL_ITEM, self.COL_ADDRESS):
            return self.display(row, column)
        if column == self.COL_LEFT:
            return tr("Reply promised by {when}").format(
                when=self._when(row.received_at + REPLY_PROMISE))
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [CALL_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        row = self.row_at(indexes[0].row()) if indexes else None
        return encode_call(row.call_id, row.version) if row else QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


class TechniciansModel(RowsTableModel[TechnicianLoad]):
    """Technicians with their load; a call dropped on one is dispatched to them."""

    COL_NAME, COL_OPEN, COL_TODAY = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("DispatchTables", "Technician"),
        QT_TRANSLATE_NOOP("DispatchTables", "Open"),
        QT_TRANSLATE_NOOP("DispatchTables", "Today"),
    )
    call_dropped = Signal(int, int, int)  # call id, call version, technician id

    def row_id(self, row: TechnicianLoad) -> int:
        return row.user_id

    def row_label(self, section: int) -> str:
        return str(section + 1) if section < 9 else ""  # the digit that dispatches to them

    def display(self, row: TechnicianLoad, column: int) -> str:
        return {self.COL_NAME: row.name, self.COL_OPEN: str(row.open_jobs),
                self.COL_TODAY: str(row.today_jobs)}.get(column, "")

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:
        return [CALL_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        return decode_call(data) is not None and self._target(row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        call = decode_call(data)
        target = self._target(row, parent)
        if call is None or target is None:
            return False
        self.call_dropped.emit(call[0], call[1], target.user_id)
        return False  # nothing to move in this model; the board reloads after the dispatch

    def _target(self, row: int, parent: AnyIndex) -> TechnicianLoad | None:
        return self.row_at(parent.row() if parent.isValid() else row)


class JobsModel(RowsTableModel[JobRow]):
    """Service vouchers: a technician's jobs on the board, or one's own list."""

    COL_NUMBER, COL_CALL, COL_CUSTOMER, COL_CATEGORY, COL_STATUS, COL_DISPATCHED, \
        COL_DEADLINE, COL_ARRIVED, COL_PROMISE, COL_TECH = range(10)
    HEADERS = (
        QT_TRANSLATE_NOOP("DispatchTables", "Voucher"),
        QT_TRANSLATE_NOOP("DispatchTables", "Call"),
        QT_TRANSLATE_NOOP("DispatchTables", "Customer"),
        QT_TRANSLATE_NOOP("DispatchTables", "Category"),
        QT_TRANSLATE_NOOP("DispatchTables", "Status"),
        QT_TRANSLATE_NOOP("DispatchTables", "Dispatched"),
        QT_TRANSLATE_NOOP("DispatchTables", "Arrive by"),
        QT_TRANSLATE_NOOP("DispatchTables", "Arrived"),
        QT_TRANSLATE_NOOP("DispatchTables", "Promise"),
        QT_TRANSLATE_NOOP("DispatchTables", "Technician"),
    )

    def __init__(self, local: Any, parent: Any = None, *, now: Any = None) -> None:
        super().__init__(parent)
        self._local = local
        self._now = now or (lambda: datetime.now(UTC))

    def promise_state(self, row: JobRow) -> str:
        """The worse of the two promises (reply in 24 h, resolve in 72 h): a theme colour key."""
        now = self._now()
        states = (row.promise.reply_state(now), row.promise.resolve_state(now))
        return next((s for s in ("overdue", "due_soon") if s in states), "ok")

    def _promise_text(self, row: JobRow) -> str:
        p = row.promise
        if p.resolve_due is not None:
            done = p.resolved_at is not None
            text = tr("resolved {when}") if done else tr("resolve by {when}")
            return text.format(when=self._when(p.resolved_at if done else p.resolve_due))
        return tr("reply by {when}").format(when=self._when(p.reply_due))

    def row_id(self, row: JobRow) -> int:
        return row.job_id

    def _when(self, moment: datetime | None) -> str:
        return str(self._local(moment).strftime("%m-%d %H:%M")) if moment else ""

    def display(self, row: JobRow, column: int) -> str:
        values = {
            self.COL_NUMBER: row.number, self.COL_CALL: row.call_number,
            self.COL_CUSTOMER: row.customer_name, self.COL_CATEGORY: row.category,
            self.COL_STATUS: label("status", row.status) if row.status != "filed"
            else label("status", "closed"),
            self.COL_DISPATCHED: self._when(row.dispatched_at),
            self.COL_DEADLINE: self._when(row.deadline_at),
            self.COL_ARRIVED: self._when(row.arrived_at), self.COL_TECH: row.technician_name,
            self.COL_PROMISE: self._promise_text(row),
        }
        return values.get(column, "")

    def _late(self, row: JobRow) -> bool:
        return row.arrived_at is not None and row.arrived_at > row.deadline_at

    def decoration(self, row: JobRow, column: int, role: int) -> Any:
        status = "closed" if row.status == "filed" else row.status
        if column == self.COL_STATUS and role == Qt.ItemDataRole.BackgroundRole:
            return status_background(status)
        if column == self.COL_STATUS and role == Qt.ItemDataRole.ForegroundRole:
            return status_foreground(status)
        if column == self.COL_ARRIVED and self._late(row):
            if role == Qt.ItemDataRole.BackgroundRole:
                return status_background("overdue")
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Arrived after the deadline")
        if column == self.COL_PROMISE and role == Qt.ItemDataRole.BackgroundRole:
            return status_background(self.promise_state(row))
        if column == self.COL_PROMISE and role == Qt.ItemDataRole.ForegroundRole:
            return status_foreground(self.promise_state(row))
        if column == self.COL_CUSTOMER and role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.address}\n{row.item_label}\n{row.fault}"
        return None


class TextRowsModel(RowsTableModel[tuple[str, ...]]):
    """Rows of ready-made, translated text (the daily reports on screen)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()

    def set_table(self, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
        self._headers = headers
        self.set_rows(rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return super().headerData(section, orientation, role)

    def row_id(self, row: tuple[str, ...]) -> int:
        return 0

    def display(self, row: tuple[str, ...], column: int) -> str:
        return row[column] if 0 <= column < len(row) else ""
