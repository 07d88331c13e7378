"""The customer's file, beyond calls: complaints, survey cards, follow-ups, contracts,
carried-in items and payments, one tab each (用户登记表 → 客户档案)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.printing.formatting import money
from app.services.customer_records import CustomerRecords, RecordLine, customer_records
from app.ui.session import AppSession
from app.ui.voice_labels import vlabel

_CTX = "CustomerRecords"
HEADERS = (QT_TRANSLATE_NOOP("CustomerRecords", "Date"),
           QT_TRANSLATE_NOOP("CustomerRecords", "No."),
           QT_TRANSLATE_NOOP("CustomerRecords", "What"),
           QT_TRANSLATE_NOOP("CustomerRecords", "State"),
           QT_TRANSLATE_NOOP("CustomerRecords", "Amount"))
OTHER_STATES = {
    "yes": QT_TRANSLATE_NOOP("CustomerRecords", "Satisfied"),
    "no": QT_TRANSLATE_NOOP("CustomerRecords", "Not satisfied"),
    "returned": QT_TRANSLATE_NOOP("CustomerRecords", "Returned to the customer"),
    "in_store": QT_TRANSLATE_NOOP("CustomerRecords", "In the store"),
    "voided": QT_TRANSLATE_NOOP("CustomerRecords", "Voided"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


Lines = Callable[[CustomerRecords], tuple[RecordLine, ...]]
SECTIONS: tuple[tuple[str, str, Lines, str], ...] = (
    ("complaints", QT_TRANSLATE_NOOP("CustomerRecords", "Complaints"),
     lambda r: r.complaints, "complaint_status"),
    ("cards", QT_TRANSLATE_NOOP("CustomerRecords", "Survey cards"),
     lambda r: r.cards, "card_status"),
    ("followups", QT_TRANSLATE_NOOP("CustomerRecords", "Follow-up calls"),
     lambda r: r.followups, ""),
    ("contracts", QT_TRANSLATE_NOOP("CustomerRecords", "Contracts"),
     lambda r: r.contracts, "contract_status"),
    ("carry_ins", QT_TRANSLATE_NOOP("CustomerRecords", "Carried-in items"),
     lambda r: r.carry_ins, ""),
    ("payments", QT_TRANSLATE_NOOP("CustomerRecords", "Payments"),
     lambda r: r.payments, ""),
)


class CustomerRecordsTabs(QTabWidget):
    """Tab 0 is the calls table the file already has; the others are filled by ``load``."""

    def __init__(self, session: AppSession, calls: QWidget, calls_title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_records")
        self._session = session
        self.addTab(calls, calls_title)
        self.tables: dict[str, QTableWidget] = {}
        for key, title, _lines, _vocab in SECTIONS:
            table = QTableWidget(0, len(HEADERS))
            table.setObjectName(key)
            table.setTabKeyNavigation(False)  # Tab leaves; arrows move between rows
            table.setHorizontalHeaderLabels([_tr(h) for h in HEADERS])
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().setVisible(False)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            self.tables[key] = table
            self.addTab(table, _tr(title))

    def load(self, customer_id: int) -> None:
        try:
            records = customer_records(self._session.ctx, customer_id)
        except UserError:
            for index in range(1, self.count()):
                self.setTabVisible(index, False)  # a role that may not read them
            return
        for index, (key, title, lines_of, vocab) in enumerate(SECTIONS, start=1):
            lines = lines_of(records)
            table = self.tables[key]
            table.setRowCount(len(lines))
            for row, line in enumerate(lines):
                state = _tr(OTHER_STATES[line.state]) if line.state in OTHER_STATES else (
                    vlabel(vocab, line.state) if vocab else line.state)
                texts = [line.day.isoformat() if line.day else "", line.number, line.what, state,
                         money(line.amount_cents) if line.amount_cents is not None else ""]
                for column, text in enumerate(texts):
                    table.setItem(row, column, QTableWidgetItem(text))
            self.setTabText(index, f"{_tr(title)} ({len(lines)})")
