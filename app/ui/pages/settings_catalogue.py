"""Settings tab for the product-model catalogue: a lazy, searchable table; add and edit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import reference_service as ref
from app.services.settings_kv import SESSION, BranchArg
from app.ui.dialogs.product_model_dialog import ProductModelDialog
from app.ui.session import AppSession, Topic
from app.ui.table_models.catalogue_table_model import CatalogueTableModel


class CatalogueTab(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.office = session.ctx.actor.branch_id is None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search model, name, brand or category"))
        self.search.setClearButtonEnabled(True)
        self.add_button = QPushButton(self.tr("Add model…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.model = CatalogueTableModel(session, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(90)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CatalogueTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.search.textChanged.connect(self.model.set_search)
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.view.doubleClicked.connect(lambda index: self.open_dialog(
            self.model.model_at(index.row())))
        self.branch = SESSION

    def refresh(self) -> None:
        self.model.refresh()

    def edit_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.open_dialog(self.model.model_at(rows[0].row()))

    @property
    def branch(self) -> BranchArg:
        """Whose prices (the settings page's branch picker): a branch's own over the
        catalogue's."""
        return self.model.branch

    @branch.setter
    def branch(self, value: BranchArg) -> None:
        self.model.branch = value
        # the catalogue is the company's: entries are added for the company only
        self.add_button.setEnabled(value is None or (value is SESSION and self.office))

    def make_dialog(self, current: ref.ProductModelDTO | None) -> ProductModelDialog:
        ctx, branch = self.session.ctx, self.branch
        if current is None:
            return ProductModelDialog(lambda data: ref.create_product_model(ctx, data),
                                      None, self)
        return ProductModelDialog(lambda data: ref.update_product_model(
            ctx, current.id, data, expected_version=current.version, branch=branch),
            current, self)

    def open_dialog(self, current: ref.ProductModelDTO | None) -> None:
        dialog = self.make_dialog(current)
        if dialog.exec():
            self.model.refresh()
            self.session.changed(Topic.REFERENCE)
