"""Pieces every settings tab shares: the message line under a form and its feedback."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import branch_service
from app.services.settings_kv import SESSION, BranchArg
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.session import AppSession
from app.ui.theme import STATUS_COLORS

# Spin and time boxes are typed into: no arrow buttons, and a closed day's times look off.
FORM_STYLE = """
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button { width: 0px; border: none; }
QAbstractSpinBox:disabled { color: #B0BEC5; background: #F0F2F4; }
"""
_OK = STATUS_COLORS["ok"]
_BAD = STATUS_COLORS["overdue"]


class FormFeedback:
    """Shows a UserError at its field (and in the message line) or a confirmation."""

    def __init__(self, fields: Mapping[str, QWidget], parent: QWidget) -> None:
        self.fields = fields
        self.label = QLabel(parent)
        self.label.setWordWrap(True)
        self.label.setVisible(False)

    def run(self, action: Callable[[], Any], done_text: str) -> Any:
        """Call ``action``; on a UserError show it and return None, else confirm."""
        try:
            result = action()
        except UserError as err:
            self.error(err)
            return None
        self.ok(done_text)
        return result

    def error(self, err: UserError) -> None:
        self.label.setStyleSheet(f"color: {_BAD[1]}; background: {_BAD[0]}; padding: 6px;")
        show_user_error(err, self.fields, message_label=self.label)

    def ok(self, text: str) -> None:
        clear_field_errors(self.fields)
        self.label.setStyleSheet(f"color: {_OK[1]}; background: {_OK[0]}; padding: 6px;")
        self.label.setText(text)
        self.label.setVisible(bool(text))


def saved_text() -> str:
    return QCoreApplication.translate("Settings", "Saved.")


def fill_combo(combo: QComboBox, pairs: list[tuple[str, str]]) -> None:
    """(value, label) pairs; the value is the item data."""
    combo.clear()
    for value, text in pairs:
        combo.addItem(text, value)


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class ListAndForm(QWidget):
    """A short list (zones, staff) beside the form that edits its selected row.

    Subclasses fill ``self.form`` and implement ``rows()``, ``cells(row)``, ``load(row)``
    (None: a new record) and ``save()``.
    """

    headers: tuple[str, ...] = ()  # English sources in context "Settings"
    stretch_column = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.form = QFormLayout()
        self.new_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self._records: list[Any] = []
        self.current: Any = None
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button.clicked.connect(lambda: self.load(None))

    def build(self, fields: Mapping[str, QWidget]) -> None:
        self.feedback = FormFeedback(fields, self)
        self.table.setColumnCount(len(self.headers))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("Settings", h) for h in self.headers])
        side = QVBoxLayout()
        side.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        side.addLayout(buttons)
        side.addWidget(self.feedback.label)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(side, 2)
        self.save_button.clicked.connect(self.save)

    def refresh(self, keep: Any = None) -> None:
        self._records = list(self.rows())
        self.table.setRowCount(len(self._records))
        for r, record in enumerate(self._records):
            for c, text in enumerate(self.cells(record)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.table.columnCount()):
            header.resizeSection(column, header.sectionSize(column) + 16)
        header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)
        match = [r for r, rec in enumerate(self._records) if keep is not None
                 and getattr(rec, "id", None) == getattr(keep, "id", None)]
        if match:
            self.table.selectRow(match[0])
            # the row may have been selected already (no signal): the form takes the saved
            # record, its new version with it, or the next save would be refused as stale
            self.load(self._records[match[0]])
        else:
            self.load(None)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.load(self._records[rows[0].row()])

    def rows(self) -> list[Any]:
        raise NotImplementedError

    def cells(self, record: Any) -> list[str]:
        raise NotImplementedError

    def load(self, record: Any) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("Settings", "Yes") if value else ""


class BranchPicker(QWidget):
    """Whose values a settings form edits (issue 17). A branch's people edit their branch's
    own and see no picker; the service department edits the company's defaults, or picks a
    branch to edit that branch's own values. Hidden while the company has one branch (a
    single store looks as before). ``branch``: None for the company's, else a branch id."""

    def __init__(self, session: AppSession, on_change: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("branchPicker")
        self.combo = QComboBox(self)
        self.combo.setObjectName("branchPickerCombo")
        self._on_change = on_change
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(QCoreApplication.translate("BranchPicker", "Values of"), self)
        caption.setBuddy(self.combo)
        row.addWidget(caption)
        row.addWidget(self.combo)
        hint = QLabel(QCoreApplication.translate(
            "BranchPicker", "A branch without its own value uses the company's."), self)
        hint.setObjectName("branchPickerHint")
        row.addWidget(hint)
        row.addStretch(1)
        self.office = session.ctx.actor.branch_id is None
        branches = branch_service.list_branches(session.ctx) if self.office else []
        self.combo.addItem(QCoreApplication.translate("BranchPicker", "Company defaults"),
                           None)
        for branch in branches:
            self.combo.addItem(f"{branch.code} {branch.name}", branch.id)
        self._session_branch: BranchArg = SESSION
        self.setVisible(self.office and len(branches) > 1)
        self.combo.currentIndexChanged.connect(lambda _i: self._on_change())

    @property
    def branch(self) -> BranchArg:
        """What the services take as ``branch``: the picked one for the service department,
        the session's own (SESSION) for a branch's people."""
        return self.combo.currentData() if self.office else self._session_branch
