"""A read-only table over a list of DTOs, shown a page at a time (canFetchMore/fetchMore).

The dispatch board's lists are ordered by business rules the service computes (deadline in
business hours): the service gives every row's id in that order and the first rows; the
model reads the others ``PAGE_SIZE`` at a time as the view scrolls (``fetch``). A list given
whole (``set_rows`` without ``keys``) is still shown in pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QObject

from app.ui.table_models.lazy_table import LazyTableModel

T = TypeVar("T")


class RowsTableModel(LazyTableModel[T]):
    """Subclasses set ``CONTEXT`` and ``HEADERS`` and implement ``display(row, column)``."""

    CONTEXT = "DispatchTables"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[T] = []  # the rows read so far: the first ones of ``_keys``
        self._keys: list[Any] = []  # every row's id, in the list's order
        self._fetch: Callable[[Sequence[Any]], Sequence[T]] | None = None

    # ---- data ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T], *, keys: Sequence[Any] | None = None,
                 fetch: Callable[[Sequence[Any]], Sequence[T]] | None = None) -> None:
        """Show ``rows``; with ``keys`` (every row's id in order, ``rows`` the first of them)
        the others are read by ``fetch(ids)`` a page at a time as the view scrolls."""
        self._all = list(rows)
        self._keys = [self.row_id(r) for r in rows] if keys is None else list(keys)
        self._fetch = fetch
        self.refresh()

    def total(self) -> int:
        """How many rows the list has (read or not)."""
        return len(self._keys)

    def first_page(self) -> tuple[Sequence[T], bool]:
        return self._rows_upto(self.PAGE_SIZE), len(self._keys) > self.PAGE_SIZE

    def next_page(self) -> tuple[Sequence[T], bool]:
        start = len(self._rows)
        end = start + self.PAGE_SIZE
        return self._rows_upto(end)[start:], end < len(self._keys)

    def _rows_upto(self, end: int) -> list[T]:
        """The first ``end`` rows, reading those not read yet."""
        if len(self._all) < min(end, len(self._keys)) and self._fetch is not None:
            wanted = self._keys[len(self._all):end]
            found = {self.row_id(r): r for r in self._fetch(wanted)}
            # a row gone meanwhile (e.g. dispatched from another desk) leaves the list
            gone = {key for key in wanted if key not in found}
            if gone:
                self._keys = [k for k in self._keys if k not in gone]
            self._all.extend(found[key] for key in wanted if key in found)
        return self._all[:end]

    def reveal(self, key: Any) -> int | None:
        """The row showing ``key``, reading the rows before it not read yet (one read)."""
        if key not in self._keys:
            return None
        index = self._keys.index(key)
        if index >= len(self._rows):
            rows = self._rows_upto((index // self.PAGE_SIZE + 1) * self.PAGE_SIZE)
            first = len(self._rows)
            if len(rows) > first:
                self.beginInsertRows(QModelIndex(), first, len(rows) - 1)
                self._rows.extend(rows[first:])
                self.endInsertRows()
            self._more = len(self._rows) < len(self._keys)
        if key not in self._keys:  # gone meanwhile
            return None
        index = self._keys.index(key)
        return index if index < len(self._rows) else None

    def remove_row_with_id(self, key: int) -> bool:
        """Take one row out (e.g. a call just dispatched) without reloading the list."""
        index = next((i for i, k in enumerate(self._keys) if k == key), None)
        if index is None:
            return False
        if index < len(self._rows):
            self.beginRemoveRows(QModelIndex(), index, index)
            del self._rows[index]
            del self._all[index]
            del self._keys[index]
            self.endRemoveRows()
        else:
            if index < len(self._all):
                del self._all[index]
            del self._keys[index]
        self._more = len(self._rows) < len(self._keys)
        return True

    def replace_row(self, row: int, value: T) -> None:
        self._all[row] = value
        if row < len(self._rows):
            self._rows[row] = value
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def all_rows(self) -> list[T]:
        """The rows read so far (all of a list given whole)."""
        return list(self._all)

    def all_keys(self) -> list[Any]:
        """Every row's id in order, read or not."""
        return list(self._keys)

    def row_label(self, section: int) -> Any:
        return str(section + 1)

    def cell(self, row: T, column: int) -> str:
        return self.display(row, column)

    def display(self, row: T, column: int) -> str:
        raise NotImplementedError
