"""A read-only table over a list of DTOs, shown a page at a time (canFetchMore/fetchMore).

The dispatch board's lists are bounded (open calls, today's jobs) and ordered by business
rules the service computes (deadline in business hours), so the service returns them whole;
the view still receives them in pages of ``PAGE_SIZE`` rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from app.ui.table_models.call_log_table_model import AnyIndex

T = TypeVar("T")


class RowsTableModel(QAbstractTableModel, Generic[T]):
    """Subclasses set ``CONTEXT`` and ``HEADERS`` and implement ``display(row, column)``."""

    CONTEXT = "DispatchTables"
    HEADERS: tuple[str, ...] = ()
    PAGE_SIZE = 100
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[T] = []
        self._shown = 0

    # ---- data ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._shown = min(len(self._all), self.PAGE_SIZE)
        self.endResetModel()

    def remove_row_with_id(self, key: int) -> bool:
        """Take one row out (e.g. a call just dispatched) without reloading the list."""
        index = next((i for i, r in enumerate(self._all) if self.row_id(r) == key), None)
        if index is None:
            return False
        if index < self._shown:
            self.beginRemoveRows(QModelIndex(), index, index)
            del self._all[index]
            self._shown -= 1
            self.endRemoveRows()
        else:
            del self._all[index]
        return True

    def replace_row(self, row: int, value: T) -> None:
        self._all[row] = value
        if row < self._shown:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_at(self, row: int) -> T | None:
        return self._all[row] if 0 <= row < self._shown else None

    def all_rows(self) -> list[T]:
        return list(self._all)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._all)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        more = min(self.PAGE_SIZE, len(self._all) - self._shown)
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    # ---- Qt interface -------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return self.row_label(section)
        return None

    def row_label(self, section: int) -> str:
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == self.ID_ROLE:
            return self.row_id(row)
        return self.decoration(row, index.column(), role)

    def display(self, row: T, column: int) -> str:
        raise NotImplementedError

    def row_id(self, row: T) -> int:
        raise NotImplementedError

    def decoration(self, row: T, column: int, role: int) -> Any:
        return None
