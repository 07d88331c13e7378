"""The one lazy table model the lists are built on: rows of one DTO type, a page at a time.

A subclass says where its pages come from (``first_page``/``next_page``: rows and whether
more follow), what its columns are (``HEADERS`` translated in ``CONTEXT``) and what a cell
shows (``cell``); the id role, the status colours, tooltips, flags and the Qt paging
(canFetchMore/fetchMore: a view asks for the next page as it scrolls) live here.
"""

from __future__ import annotations

from collections.abc import Sequence
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
Row = TypeVar("Row")

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class LazyTableModel(QAbstractTableModel, Generic[Row]):
    """Read-only rows loaded ``PAGE_SIZE`` at a time; ``ID_ROLE`` gives a row's id."""

    CONTEXT = ""  # the translation context of HEADERS
    HEADERS: tuple[str, ...] = ()
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    PAGE_SIZE = 100

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._more = False

    # ---- what a subclass gives ------------------------------------------------------------
    def first_page(self) -> tuple[Sequence[Row], bool]:
        """The first rows, and whether more follow."""
        raise NotImplementedError

    def next_page(self) -> tuple[Sequence[Row], bool]:
        """The rows after those loaded, and whether more follow."""
        return [], False

    def cell(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def row_id(self, row: Row) -> Any:
        raise NotImplementedError

    def colour_key(self, row: Row) -> str | None:
        """A theme status key that colours the whole row (None: no colour)."""
        return None

    def cell_colour_key(self, row: Row, column: int) -> str | None:
        """The status key that colours one cell (the row's own unless overridden)."""
        return self.colour_key(row)

    def tooltip(self, row: Row, column: int) -> Any:
        return self.decoration(row, column, _TOOLTIP)

    def decoration(self, row: Row, column: int, role: int) -> Any:
        """Any other role (font, alignment, …)."""
        return None

    def row_label(self, section: int) -> Any:
        """The vertical header (None: Qt's own)."""
        return None

    def reset_caches(self) -> None:
        """Forget what was computed for the rows (called inside a reset)."""

    # ---- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload from the first page (the query runs before the reset: no half state)."""
        rows, more = self.first_page()
        self.beginResetModel()
        self._rows, self._more = list(rows), more
        self.reset_caches()
        self.endResetModel()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        rows, more = self.next_page()
        self._more = more
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    # ---- access -------------------------------------------------------------------------
    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_of(self, key: Any) -> int | None:
        return next((i for i, r in enumerate(self._rows) if self.row_id(r) == key), None)

    # ---- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.HEADERS):
                return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
            return None
        return self.row_label(section)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        column = index.column()
        if row is None or not 0 <= column < self.columnCount():
            return None
        if role == _DISPLAY:
            return self.cell(row, column)
        if role == self.ID_ROLE:
            return self.row_id(row)
        if role == _TOOLTIP:
            return self.tooltip(row, column)
        if role in (_BACKGROUND, _FOREGROUND):
            key = self.cell_colour_key(row, column)
            if key:
                return status_background(key) if role == _BACKGROUND else status_foreground(key)
        return self.decoration(row, column, role)
