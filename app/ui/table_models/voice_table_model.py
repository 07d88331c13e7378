"""One lazy table model for the customer-voice lists: keyset pages of DTOs by id."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.ui.theme import status_background, status_foreground

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
CONTEXT = "VoiceTables"


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str  # English source, translated in context "VoiceTables"
    text: Callable[[T], str]
    status: Callable[[T], str] | None = None  # a theme status key to colour the cell


Fetch = Callable[[int | None, int], Sequence[T]]  # (after_id, limit) -> rows, newest first


class VoiceTableModel(QAbstractTableModel, Generic[T]):
    """Rows come ``page_size`` at a time from ``fetch(after_id, limit)``; ids are ``key(row)``."""

    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[Column[T]], fetch: Fetch[T], key: Callable[[T], int],
                 parent: QObject | None = None, *, page_size: int = 100,
                 paged: bool = True) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch = fetch
        self._key = key
        self._page_size = page_size
        self._paged = paged
        self._rows: list[T] = []
        self._more = False
        self.refresh()

    def refresh(self) -> None:
        rows = list(self._fetch(None, self._page_size))
        self.beginResetModel()
        self._rows = rows
        self._more = self._paged and len(rows) == self._page_size
        self.endResetModel()

    def set_fetch(self, fetch: Fetch[T]) -> None:
        self._fetch = fetch
        self.refresh()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or not self._rows:
            return
        rows = list(self._fetch(self._key(self._rows[-1]), self._page_size))
        self._more = len(rows) == self._page_size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if self._key(r) == key), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._columns)):
            return QCoreApplication.translate(CONTEXT, self._columns[section].header)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(self._columns):
            return None
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == self.ID_ROLE:
            return self._key(row)
        if column.status is not None and role in (Qt.ItemDataRole.BackgroundRole,
                                                  Qt.ItemDataRole.ForegroundRole):
            status = column.status(row)
            if not status:
                return None
            if role == Qt.ItemDataRole.BackgroundRole:
                return status_background(status)
            return status_foreground(status)
        return None
