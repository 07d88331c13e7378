"""A record's history from the audit trail: when, who, role, workstation, what, why."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.services import audit_service
from app.services.audit_service import AuditRow
from app.ui.errors import user_message
from app.ui.labels import label
from app.ui.session import AppSession
from app.ui.theme import SPACING

_CTX = "HistoryDialog"
COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryDialog", "When"),
    QT_TRANSLATE_NOOP("HistoryDialog", "Who"),
    QT_TRANSLATE_NOOP("HistoryDialog", "Role"),
    QT_TRANSLATE_NOOP("HistoryDialog", "Workstation"),
    QT_TRANSLATE_NOOP("HistoryDialog", "Action"),
    QT_TRANSLATE_NOOP("HistoryDialog", "Field"),
    QT_TRANSLATE_NOOP("HistoryDialog", "Old → new"),
    QT_TRANSLATE_NOOP("HistoryDialog", "Reason"),
)
ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("HistoryDialog", "Created"),
    "update": QT_TRANSLATE_NOOP("HistoryDialog", "Changed"),
    "cancel": QT_TRANSLATE_NOOP("HistoryDialog", "Cancelled"),
    "void": QT_TRANSLATE_NOOP("HistoryDialog", "Voided"),
    "delete": QT_TRANSLATE_NOOP("HistoryDialog", "Deleted"),
    "print": QT_TRANSLATE_NOOP("HistoryDialog", "Printed"),
    "reprint": QT_TRANSLATE_NOOP("HistoryDialog", "Reprinted"),
    "export": QT_TRANSLATE_NOOP("HistoryDialog", "Exported"),
}
FIELDS = {
    "number": QT_TRANSLATE_NOOP("HistoryDialog", "Number"),
    "received_at": QT_TRANSLATE_NOOP("HistoryDialog", "Received"),
    "channel": QT_TRANSLATE_NOOP("HistoryDialog", "Channel"),
    "customer_id": QT_TRANSLATE_NOOP("HistoryDialog", "Customer"),
    "item_id": QT_TRANSLATE_NOOP("HistoryDialog", "Item"),
    "zone_id": QT_TRANSLATE_NOOP("HistoryDialog", "Zone"),
    "branch_id": QT_TRANSLATE_NOOP("HistoryDialog", "Branch"),
    "fault": QT_TRANSLATE_NOOP("HistoryDialog", "Fault"),
    "service_kind": QT_TRANSLATE_NOOP("HistoryDialog", "Service"),
    "urgency": QT_TRANSLATE_NOOP("HistoryDialog", "Urgency"),
    "category": QT_TRANSLATE_NOOP("HistoryDialog", "Category"),
    "proposed_category": QT_TRANSLATE_NOOP("HistoryDialog", "Proposed category"),
    "status": QT_TRANSLATE_NOOP("HistoryDialog", "Status"),
    "cancel_reason": QT_TRANSLATE_NOOP("HistoryDialog", "Cancel reason"),
    "name": QT_TRANSLATE_NOOP("HistoryDialog", "Name"),
    "address": QT_TRANSLATE_NOOP("HistoryDialog", "Address"),
    "phone": QT_TRANSLATE_NOOP("HistoryDialog", "Phone"),
    "notes": QT_TRANSLATE_NOOP("HistoryDialog", "Notes"),
    "serial": QT_TRANSLATE_NOOP("HistoryDialog", "Serial no."),
    "purchase_date": QT_TRANSLATE_NOOP("HistoryDialog", "Purchase date"),
    "invoice_no": QT_TRANSLATE_NOOP("HistoryDialog", "Invoice no."),
    "product_model_id": QT_TRANSLATE_NOOP("HistoryDialog", "Model"),
    "closed_at": QT_TRANSLATE_NOOP("HistoryDialog", "Closed at"),
    "created_by_id": QT_TRANSLATE_NOOP("HistoryDialog", "Registered by"),
    "category_reason": QT_TRANSLATE_NOOP("HistoryDialog", "Why this category"),
    "kind": QT_TRANSLATE_NOOP("HistoryDialog", "Type"),
}
# Fields whose stored values are codes of a vocabulary in app.ui.labels.
VOCABULARIES = {"status": "status", "channel": "channel", "urgency": "urgency",
                "service_kind": "service_kind", "category": "category",
                "proposed_category": "category", "kind": "customer_kind"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


# Why register_call proposed a category, as calls_service.propose_category stores it.
_REASONS = (
    (re.compile(r"no item"), QT_TRANSLATE_NOOP("HistoryDialog", "no item")),
    (re.compile(r"warranty to (?P<day>\S+)"),
     QT_TRANSLATE_NOOP("HistoryDialog", "in warranty to {day}")),
    (re.compile(r"warranty out"), QT_TRANSLATE_NOOP("HistoryDialog", "out of warranty")),
    (re.compile(r"warranty unknown"),
     QT_TRANSLATE_NOOP("HistoryDialog", "warranty unknown (no purchase date)")),
    (re.compile(r"contract (?P<number>\S+) to (?P<day>\S+)"),
     QT_TRANSLATE_NOOP("HistoryDialog", "maintenance contract {number} to {day}")),
)


def reason_text(stored: str) -> str:
    """A proposed category's stored reason in the user's language (a typed reason as is)."""
    for pattern, text in _REASONS:
        if match := pattern.fullmatch(stored):
            return _tr(text).format(**match.groupdict())
    return stored


def value_text(field: str, value: str | None, session: AppSession) -> str:
    """A stored value as the user knows it: labels for codes, local time for moments."""
    if value is None:
        return ""
    if field == "category_reason":
        return reason_text(value)
    if field in VOCABULARIES:
        return label(VOCABULARIES[field], value)
    if field.endswith("_at") and "T" in value:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        if moment.tzinfo is not None:
            return session.ctx.local(moment).strftime("%Y-%m-%d %H:%M")
    return value


def change_text(row: AuditRow, session: AppSession) -> str:
    old = row.old_name or value_text(row.field, row.old_value, session)
    new = row.new_name or value_text(row.field, row.new_value, session)
    return new if row.old_value is None else f"{old} → {new}"


def field_text(field: str) -> str:
    """A stored field's name in the user's language (the column name if unknown)."""
    return _tr(FIELDS[field]) if field in FIELDS else field


def row_cells(row: AuditRow, session: AppSession) -> list[str]:
    when = session.ctx.local(row.at).strftime("%Y-%m-%d %H:%M:%S")
    action = _tr(ACTIONS[row.action]) if row.action in ACTIONS else row.action
    field = field_text(row.field)
    return [when, row.person or row.username, label("role", row.role), row.workstation, action,
            field, change_text(row, session), row.reason]


class HistoryDialog(QDialog):
    """The audit history of ``table``/``row_key`` (plus ``related`` records), newest first."""

    def __init__(self, session: AppSession, table: str, row_key: str | int,
                 parent: QWidget | None = None, *, title: str = "",
                 related: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("History"))
        self.resize(980, 480)
        self._table = QTableWidget(0, len(COLUMNS))
        self._table.setTabKeyNavigation(False)  # Tab leaves; arrows move between rows
        self._table.setObjectName("history")
        self._table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setAlternatingRowColors(True)
        self._table.verticalHeader().setVisible(False)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._message = QLabel()
        self._message.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self._message)
        layout.addWidget(self._table)
        layout.addWidget(buttons)
        self.rows: list[AuditRow] = []
        self._load(session, table, row_key, related)

    def _load(self, session: AppSession, table: str, row_key: str | int,
              related: tuple[tuple[str, str], ...]) -> None:
        try:
            self.rows = audit_service.history(session.ctx, table, row_key, related=related)
        except UserError as err:
            self._message.setText(user_message(err))
            self._message.setVisible(True)
            return
        self._table.setRowCount(len(self.rows))
        for r, entry in enumerate(self.rows):
            for c, text in enumerate(row_cells(entry, session)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self._table.setItem(r, c, cell)

    @property
    def table(self) -> QTableWidget:
        return self._table

    def cell_texts(self) -> list[list[str]]:
        """What the user sees, row by row (for tests and copying)."""
        return [[(cell.text() if (cell := self._table.item(r, c)) else "")
                 for c in range(self._table.columnCount())]
                for r in range(self._table.rowCount())]
