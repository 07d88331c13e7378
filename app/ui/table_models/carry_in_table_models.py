"""Carry-in lists as lazy tables: items in the store (repair cards), the goods register
(keyset pages), the parts catalogue (keyset pages by part number)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.models.carry_in import CardStatus
from app.printing.formatting import money
from app.services import parts_service, register_service, repair_service
from app.services.context import ServiceContext
from app.services.parts_service import PartDTO, VanLineDTO
from app.services.register_dto import RegisterRow
from app.services.register_service import RegisterFilter
from app.services.repair_service import CardRow
from app.ui.session import AppSession
from app.ui.table_models.dispatch_base import RowsTableModel as ListRows
from app.ui.table_models.lazy_table import LazyTableModel
from app.ui.theme import status_foreground

AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
_CTX = "CarryInTables"

CARD_STATUS: dict[str, str] = {
    CardStatus.IN_REPAIR: QT_TRANSLATE_NOOP("CarryInTables", "In repair"),
    CardStatus.FAILED: QT_TRANSLATE_NOOP("CarryInTables", "Failed inspection"),
    CardStatus.PASSED: QT_TRANSLATE_NOOP("CarryInTables", "Passed inspection"),
    CardStatus.RETURNED: QT_TRANSLATE_NOOP("CarryInTables", "Returned"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def card_status_text(status: str) -> str:
    return tr(CARD_STATUS.get(status, status))


def _local(ctx: ServiceContext, moment: datetime | None) -> str:
    return ctx.local(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


class RowsTableModel(LazyTableModel[Row]):
    """Rows of one DTO type from the carry-in services; subclasses give headers, cells,
    and how to load pages (``first_page``/``next_page``)."""

    CONTEXT = _CTX

    def __init__(self, source: AppSession | ServiceContext, parent: QObject | None = None,
                 *, load: bool = True) -> None:
        super().__init__(parent)
        self._source = source
        if load:
            self.refresh()

    def ctx(self) -> ServiceContext:
        return self._source.ctx if isinstance(self._source, AppSession) else self._source


class CardsTableModel(RowsTableModel[CardRow]):
    """Items in the store with their repair card, earliest promise first; late ones red."""

    HEADERS = (
        QT_TRANSLATE_NOOP("CarryInTables", "Receipt No."),
        QT_TRANSLATE_NOOP("CarryInTables", "Card No."),
        QT_TRANSLATE_NOOP("CarryInTables", "Customer"),
        QT_TRANSLATE_NOOP("CarryInTables", "Item"),
        QT_TRANSLATE_NOOP("CarryInTables", "Technician"),
        QT_TRANSLATE_NOOP("CarryInTables", "Promised"),
        QT_TRANSLATE_NOOP("CarryInTables", "Days late"),
        QT_TRANSLATE_NOOP("CarryInTables", "Status"),
    )

    def __init__(self, source: AppSession | ServiceContext, parent: QObject | None = None,
                 *, late_only: bool = False, load: bool = True) -> None:
        self.late_only = late_only
        super().__init__(source, parent, load=load)

    def _page(self, after: tuple[date, int] | None) -> tuple[Sequence[CardRow], bool]:
        rows = repair_service.open_cards(self.ctx(), late_only=self.late_only, after=after,
                                         limit=self.PAGE_SIZE + 1)
        return rows[:self.PAGE_SIZE], len(rows) > self.PAGE_SIZE

    def first_page(self) -> tuple[Sequence[CardRow], bool]:
        return self._page(None)

    def next_page(self) -> tuple[Sequence[CardRow], bool]:
        last = self._rows[-1] if self._rows else None
        return self._page((last.promised_date, last.receipt_id) if last else None)

    def cell(self, row: CardRow, column: int) -> str:
        values = (row.receipt_number, row.card_number, row.customer_name, row.item_label,
                  row.technician_name, row.promised_date.isoformat(),
                  str(row.days_late) if row.days_late else "", card_status_text(row.card_status))
        return values[column]

    def row_id(self, row: CardRow) -> int:
        return row.receipt_id

    def colour_key(self, row: CardRow) -> str | None:
        if row.days_late:
            return "overdue"
        return "ok" if row.card_status == CardStatus.PASSED else None


class RegisterTableModel(RowsTableModel[RegisterRow]):
    """The goods in/out book, newest line first, 100 lines a page."""

    HEADERS = (
        QT_TRANSLATE_NOOP("CarryInTables", "Date in"),
        QT_TRANSLATE_NOOP("CarryInTables", "Receipt No."),
        QT_TRANSLATE_NOOP("CarryInTables", "Customer"),
        QT_TRANSLATE_NOOP("CarryInTables", "Item"),
        QT_TRANSLATE_NOOP("CarryInTables", "Accessories"),
        QT_TRANSLATE_NOOP("CarryInTables", "Taken in by"),
        QT_TRANSLATE_NOOP("CarryInTables", "Promised"),
        QT_TRANSLATE_NOOP("CarryInTables", "Date out"),
        QT_TRANSLATE_NOOP("CarryInTables", "Returned to"),
        QT_TRANSLATE_NOOP("CarryInTables", "Returned by"),
        QT_TRANSLATE_NOOP("CarryInTables", "Remark"),
    )

    def __init__(self, source: AppSession | ServiceContext, parent: QObject | None = None,
                 *, flt: RegisterFilter | None = None, load: bool = True) -> None:
        self.filter = flt or RegisterFilter()
        self._cursor: tuple[datetime, int] | None = None
        super().__init__(source, parent, load=load)

    def set_filter(self, flt: RegisterFilter) -> None:
        self.filter = flt
        self.refresh()

    def _page(self, after: tuple[datetime, int] | None) -> tuple[Sequence[RegisterRow], bool]:
        page = register_service.list_register(self.ctx(), self.filter, after=after,
                                              limit=self.PAGE_SIZE)
        self._cursor = page.next_cursor
        return page.rows, page.next_cursor is not None

    def first_page(self) -> tuple[Sequence[RegisterRow], bool]:
        return self._page(None)

    def next_page(self) -> tuple[Sequence[RegisterRow], bool]:
        return self._page(self._cursor)

    def cell(self, row: RegisterRow, column: int) -> str:
        ctx = self.ctx()
        values = (_local(ctx, row.date_in), row.receipt_number, row.customer_name,
                  row.item_label, row.accessories_text, row.taken_in_by,
                  row.promised_date.isoformat(), _local(ctx, row.date_out), row.returned_to,
                  row.returned_by, row.remark)
        return values[column]

    def row_id(self, row: RegisterRow) -> int:
        return row.id

    def colour_key(self, row: RegisterRow) -> str | None:
        if row.date_out is not None:
            return "closed"
        return "overdue" if row.days_late(self.ctx().today()) else "taken_in"


class PartsTableModel(RowsTableModel[PartDTO]):
    """The parts catalogue by part number; parts at or below the reorder level in red."""

    HEADERS = (
        QT_TRANSLATE_NOOP("CarryInTables", "Part No."),
        QT_TRANSLATE_NOOP("CarryInTables", "Name"),
        QT_TRANSLATE_NOOP("CarryInTables", "Unit"),
        QT_TRANSLATE_NOOP("CarryInTables", "Unit price"),
        QT_TRANSLATE_NOOP("CarryInTables", "Total stock"),
        QT_TRANSLATE_NOOP("CarryInTables", "Store"),
        QT_TRANSLATE_NOOP("CarryInTables", "In vans"),
        QT_TRANSLATE_NOOP("CarryInTables", "Reorder level"),
    )
    PAGE_SIZE = 200

    def __init__(self, source: AppSession | ServiceContext, parent: QObject | None = None,
                 *, search: str = "", low_only: bool = False, load: bool = True) -> None:
        self.search, self.low_only = search, low_only
        super().__init__(source, parent, load=load)

    def _page(self, after: str | None) -> tuple[Sequence[PartDTO], bool]:
        rows = parts_service.list_parts(self.ctx(), search=self.search, low_only=self.low_only,
                                        after=after, limit=self.PAGE_SIZE + 1)
        return rows[:self.PAGE_SIZE], len(rows) > self.PAGE_SIZE

    def first_page(self) -> tuple[Sequence[PartDTO], bool]:
        return self._page(None)

    def next_page(self) -> tuple[Sequence[PartDTO], bool]:
        return self._page(self._rows[-1].number if self._rows else None)

    def cell(self, row: PartDTO, column: int) -> str:
        values = (row.number, row.name, row.unit, money(row.unit_price_cents),
                  str(row.stock_on_hand), str(row.store), str(row.in_vans),
                  str(row.reorder_level))
        return values[column]

    def row_id(self, row: PartDTO) -> int:
        return row.id

    def colour_key(self, row: PartDTO) -> str | None:
        return "overdue" if row.low else None




class VanStockModel(ListRows[VanLineDTO]):
    """What the vans carry (车上): one line per technician and part, the store's beside it."""

    CONTEXT = "CarryInTables"
    HEADERS = (
        QT_TRANSLATE_NOOP("CarryInTables", "Technician"),
        QT_TRANSLATE_NOOP("CarryInTables", "Part No."),
        QT_TRANSLATE_NOOP("CarryInTables", "Name"),
        QT_TRANSLATE_NOOP("CarryInTables", "Unit"),
        QT_TRANSLATE_NOOP("CarryInTables", "In van"),
        QT_TRANSLATE_NOOP("CarryInTables", "Store"),
    )

    def display(self, row: VanLineDTO, column: int) -> str:
        return (row.technician_name, row.number, row.name, row.unit, str(row.quantity),
                str(row.store))[column]

    def row_id(self, row: VanLineDTO) -> int:
        return row.part_id

    def decoration(self, row: VanLineDTO, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.quantity < 0:
            return status_foreground("overdue")
        return None
