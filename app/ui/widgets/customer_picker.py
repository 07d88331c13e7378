"""Find a customer file (客户资料袋) by any part of a phone or name, or a serial: keyboard first.

Type → matches appear below (debounced); Down moves into the list, Enter chooses, Up from the
first row returns to the field. A single exact phone match is chosen automatically. Enter
with no match asks the caller to start a new customer (``no_match``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.errors import UserError
from app.services import customers_service
from app.services.dto import CustomerSummary
from app.ui.errors import user_message
from app.ui.session import AppSession

DEBOUNCE_MS = 200
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def summary_text(customer: CustomerSummary) -> str:
    parts = [customer.name, " / ".join(customer.phones), customer.address, customer.zone_name]
    return "   ".join(p for p in parts if p)


class CustomerPicker(QWidget):
    """A lookup field with a list of matching customers."""

    customer_chosen = Signal(int)
    no_match = Signal(str)
    text_edited = Signal(str)
    matches_shown = Signal(int)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._results: list[CustomerSummary] = []
        self._searched = ""
        self.lookup = QLineEdit()
        self.lookup.setObjectName("lookup")
        self.lookup.setPlaceholderText(self.tr("Phone (any part), name or serial no."))
        self.lookup.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("matches")
        self.results.setMaximumHeight(130)
        self.results.setVisible(False)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setStyleSheet("color: #5F6B7A;")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.lookup.textEdited.connect(self._edited)
        self.results.itemDoubleClicked.connect(lambda _item: self.choose_current())
        self.lookup.installEventFilter(self)
        self.results.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lookup)
        layout.addWidget(self.results)
        layout.addWidget(self.hint)

    @property
    def matches(self) -> list[CustomerSummary]:
        return list(self._results)

    def _edited(self, text: str) -> None:
        self.text_edited.emit(text)
        self._timer.start()

    def search_now(self) -> None:
        """Run the search for the current text (also called on Enter before the timer)."""
        self._timer.stop()
        text = self.lookup.text().strip()
        self._searched = text
        try:
            found = customers_service.find_customers(self._session.ctx, text) if text else []
        except UserError as err:
            self.hint.setText(user_message(err))
            return
        self._show(found)
        exact = customers_service.exact_phone_match(text, found)
        if exact is not None:
            self.customer_chosen.emit(exact.id)

    def _show(self, found: list[CustomerSummary]) -> None:
        self._results = found
        self.results.clear()
        for customer in found:
            item = QListWidgetItem(summary_text(customer))
            item.setData(Qt.ItemDataRole.UserRole, customer.id)
            self.results.addItem(item)
        self.results.setVisible(bool(found))
        if found:
            self.results.setCurrentRow(0)
            self.hint.setText(self.tr("{n} found: Down to browse, Enter to choose").format(
                n=len(found)))
        elif self._searched:
            self.hint.setText(self.tr("No customer found: press Enter for a new customer"))
        else:
            self.hint.clear()
        self.matches_shown.emit(len(found))

    def choose_current(self) -> None:
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self.customer_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def collapse(self, text: str = "") -> None:
        """Hide the list once a customer is chosen (the hint shows ``text``)."""
        self.results.setVisible(False)
        self.hint.setText(text)

    def _enter_in_lookup(self) -> None:
        if self._timer.isActive() or self.lookup.text().strip() != self._searched:
            self.search_now()
        if self.results.isVisible() and self._results:
            self.choose_current()
        elif not self._results and self.lookup.text().strip():
            self.no_match.emit(self.lookup.text().strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.lookup and key in _ENTER:
            self._enter_in_lookup()
            return True
        if watched is self.lookup and key == Qt.Key.Key_Down and self._timer.isActive():
            self.search_now()  # a fast typist need not wait for the debounce
        if watched is self.lookup and key == Qt.Key.Key_Down and self.results.isVisible():
            self.results.setFocus()
            self.results.setCurrentRow(max(0, self.results.currentRow()))
            return True
        if watched is self.results and key in _ENTER:
            self.choose_current()
            return True
        if watched is self.results and key == Qt.Key.Key_Up and self.results.currentRow() <= 0:
            self.lookup.setFocus()
            return True
        return super().eventFilter(watched, event)
