"""The product-model catalogue as a lazy table: keyset pages by code, searched in SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.services import reference_service as ref
from app.services.settings_kv import SESSION, BranchArg
from app.ui.session import AppSession
from app.ui.table_models.lazy_table import LazyTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
_CTX = "CatalogueTableModel"


class CatalogueTableModel(LazyTableModel[ref.ProductModelDTO]):
    COL_CODE, COL_NAME, COL_CATEGORY, COL_BRAND, COL_WARRANTY, COL_PRICE, COL_ACTIVE = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("CatalogueTableModel", "Model"),
        QT_TRANSLATE_NOOP("CatalogueTableModel", "Name"),
        QT_TRANSLATE_NOOP("CatalogueTableModel", "Category"),
        QT_TRANSLATE_NOOP("CatalogueTableModel", "Brand"),
        QT_TRANSLATE_NOOP("CatalogueTableModel", "Warranty (months)"),
        QT_TRANSLATE_NOOP("CatalogueTableModel", "Price (yuan)"),
        QT_TRANSLATE_NOOP("CatalogueTableModel", "Active"),
    )
    CONTEXT = _CTX
    MODEL_ROLE = LazyTableModel.ID_ROLE  # the row's DTO itself

    def __init__(self, session: AppSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._search = ""
        self.branch: BranchArg = SESSION  # whose prices: a branch's own over the catalogue's
        self.refresh()

    def set_search(self, text: str) -> None:
        self._search = text
        self.refresh()

    def _page(self, after: str | None) -> tuple[list[ref.ProductModelDTO], bool]:
        page = ref.list_product_models(self._session.ctx, search=self._search, after_code=after,
                                       limit=self.PAGE_SIZE, branch=self.branch)
        return page, len(page) == self.PAGE_SIZE

    def first_page(self) -> tuple[list[ref.ProductModelDTO], bool]:
        return self._page(None)

    def next_page(self) -> tuple[list[ref.ProductModelDTO], bool]:
        return self._page(self._rows[-1].code if self._rows else None)

    def model_at(self, row: int) -> ref.ProductModelDTO:
        return self._rows[row]

    def row_id(self, row: ref.ProductModelDTO) -> ref.ProductModelDTO:
        return row

    def decoration(self, row: ref.ProductModelDTO, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.COL_WARRANTY, self.COL_PRICE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def cell(self, model: ref.ProductModelDTO, column: int) -> str:
        values = (model.code, model.name, model.category, model.brand,
                  str(model.warranty_months), f"{model.price:,.2f}",
                  QCoreApplication.translate("CatalogueTableModel", "Yes") if model.active
                  else QCoreApplication.translate("CatalogueTableModel", "No"))
        return values[column] if 0 <= column < len(values) else ""
