"""A read-only table over a list of DTOs, shown a page at a time (canFetchMore/fetchMore).

The dispatch board's lists are bounded (open calls, today's jobs) and ordered by business
rules the service computes (deadline in business hours), so the service returns them whole;
the view still receives them in pages of ``PAGE_SIZE`` rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QObject

from app.ui.table_models.lazy_table import LazyTableModel

T = TypeVar("T")


class RowsTableModel(LazyTableModel[T]):
    """Subclasses set ``CONTEXT`` and ``HEADERS`` and implement ``display(row, column)``."""

    CONTEXT = "DispatchTables"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[T] = []

    # ---- data ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        self._all = list(rows)
        self.refresh()

    def first_page(self) -> tuple[Sequence[T], bool]:
        return self._all[:self.PAGE_SIZE], len(self._all) > self.PAGE_SIZE

    def next_page(self) -> tuple[Sequence[T], bool]:
        end = len(self._rows) + self.PAGE_SIZE
        return self._all[len(self._rows):end], end < len(self._all)

    def remove_row_with_id(self, key: int) -> bool:
        """Take one row out (e.g. a call just dispatched) without reloading the list."""
        index = next((i for i, r in enumerate(self._all) if self.row_id(r) == key), None)
        if index is None:
            return False
        if index < len(self._rows):
            self.beginRemoveRows(QModelIndex(), index, index)
            del self._all[index]
            del self._rows[index]
            self.endRemoveRows()
        else:
            del self._all[index]
        self._more = len(self._rows) < len(self._all)
        return True

    def replace_row(self, row: int, value: T) -> None:
        self._all[row] = value
        if row < len(self._rows):
            self._rows[row] = value
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def all_rows(self) -> list[T]:
        return list(self._all)

    def row_label(self, section: int) -> Any:
        return str(section + 1)

    def cell(self, row: T, column: int) -> str:
        return self.display(row, column)

    def display(self, row: T, column: int) -> str:
        raise NotImplementedError
