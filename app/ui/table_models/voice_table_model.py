"""One lazy table model for the customer-voice lists: keyset pages of DTOs by id."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
)

from app.ui.table_models.lazy_table import LazyTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
CONTEXT = "VoiceTables"


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str  # English source, translated in context "VoiceTables"
    text: Callable[[T], str]
    status: Callable[[T], str] | None = None  # a theme status key to colour the cell


Fetch = Callable[[int | None, int], Sequence[T]]  # (after_id, limit) -> rows, newest first


class VoiceTableModel(LazyTableModel[T]):
    """Rows come ``page_size`` at a time from ``fetch(after_id, limit)``; ids are ``key(row)``."""

    CONTEXT = CONTEXT

    def __init__(self, columns: Sequence[Column[T]], fetch: Fetch[T], key: Callable[[T], int],
                 parent: QObject | None = None, *, page_size: int = 100,
                 paged: bool = True) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self.HEADERS = tuple(c.header for c in self._columns)
        self._fetch = fetch
        self._key = key
        self.PAGE_SIZE = page_size
        self._paged = paged
        self.refresh()

    def _page(self, after: int | None) -> tuple[Sequence[T], bool]:
        rows = list(self._fetch(after, self.PAGE_SIZE))
        return rows, self._paged and len(rows) == self.PAGE_SIZE

    def first_page(self) -> tuple[Sequence[T], bool]:
        return self._page(None)

    def next_page(self) -> tuple[Sequence[T], bool]:
        return self._page(self._key(self._rows[-1])) if self._rows else ([], False)

    def set_fetch(self, fetch: Fetch[T]) -> None:
        self._fetch = fetch
        self.refresh()

    def row_id(self, row: T) -> int:
        return self._key(row)

    def cell(self, row: T, column: int) -> str:
        return self._columns[column].text(row)

    def tooltip(self, row: T, column: int) -> str:
        return self.cell(row, column)

    def cell_colour_key(self, row: T, column: int) -> str | None:
        status = self._columns[column].status
        return status(row) if status is not None else None
