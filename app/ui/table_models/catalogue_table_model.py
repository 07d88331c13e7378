"""The product-model catalogue as a lazy table: keyset pages by code, searched in SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.services import reference_service as ref
from app.ui.session import AppSession

AnyIndex = QModelIndex | QPersistentModelIndex
_CTX = "CatalogueTableModel"


class CatalogueTableModel(QAbstractTableModel):
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
    MODEL_ROLE = Qt.ItemDataRole.UserRole + 1
    PAGE_SIZE = 100

    def __init__(self, session: AppSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._search = ""
        self._rows: list[ref.ProductModelDTO] = []
        self._more = False
        self.refresh()

    def set_search(self, text: str) -> None:
        self._search = text
        self.refresh()

    def refresh(self) -> None:
        page = self._page(None)
        self.beginResetModel()
        self._rows = page
        self._more = len(page) == self.PAGE_SIZE
        self.endResetModel()

    def _page(self, after: str | None) -> list[ref.ProductModelDTO]:
        return ref.list_product_models(self._session.ctx, search=self._search, after_code=after,
                                       limit=self.PAGE_SIZE)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        page = self._page(self._rows[-1].code if self._rows else None)
        self._more = len(page) == self.PAGE_SIZE
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return QCoreApplication.translate(_CTX, self.HEADERS[section])
        return None

    def model_at(self, row: int) -> ref.ProductModelDTO:
        return self._rows[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        model = self._rows[index.row()]
        if role == self.MODEL_ROLE:
            return model
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
                self.COL_WARRANTY, self.COL_PRICE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(model, index.column())
        return None

    def _text(self, model: ref.ProductModelDTO, column: int) -> str:
        values = (model.code, model.name, model.category, model.brand,
                  str(model.warranty_months), f"{model.price:,.2f}",
                  QCoreApplication.translate("CatalogueTableModel", "Yes") if model.active
                  else QCoreApplication.translate("CatalogueTableModel", "No"))
        return values[column] if 0 <= column < len(values) else ""
