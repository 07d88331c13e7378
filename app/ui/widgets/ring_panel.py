"""The ring panel (来电面板): stays until dismissed and queues every ring, never overwrites.

Each ring is one line in the queue on the left; the chosen ring shows the caller's file on the
right: the customer (or "new number" with where it belongs), their open calls not yet collected
with status and time left against the deadline, calls in the last 7 days, warranty of their
items. Enter starts a new call prefilled for that customer and the chosen call's item (or a
new customer with the number); Ctrl+O opens the chosen open call; Delete dismisses the ring.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.ring_service import RingCall, RingCard
from app.telephony.caller_id import Ring
from app.ui.labels import label
from app.ui.theme import STATUS_COLORS


class RingBridge(QObject):
    """Hands rings from the device threads to the GUI thread (a queued signal)."""

    rang = Signal(object)  # Ring
    status = Signal(str, str)  # state, detail

    def ring(self, ring: Ring) -> None:  # called from any thread
        self.rang.emit(ring)

    def report(self, state: str, detail: str) -> None:  # called from any thread
        self.status.emit(state, detail)


def format_left(minutes: int | None) -> str:
    if minutes is None:
        return ""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{rest:02d}"


class RingPanel(QWidget):
    """A tool window over the main window; ``cards`` is the queue, oldest first."""

    new_call_requested = Signal(object, object)  # RingCard, RingCall | None
    open_call_requested = Signal(int)  # call id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("ringPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)
        self.cards: list[RingCard] = []
        self.queue = QListWidget()
        self.queue.setObjectName("ringQueue")
        self.queue.setFixedWidth(250)
        self.queue.setWordWrap(True)
        self.queue.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.header = QLabel()
        self.header.setObjectName("ringCaller")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.calls = QListWidget()
        self.calls.setObjectName("ringCalls")
        self.calls.setWordWrap(True)
        self.calls.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items_label = QLabel()
        self.items_label.setObjectName("ringItems")
        self.items_label.setWordWrap(True)
        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.dismiss_button = QPushButton()
        for button in (self.new_button, self.open_button, self.dismiss_button):
            button.setAutoDefault(False)
        right = QVBoxLayout()
        right.addWidget(self.header)
        right.addWidget(self.calls, 1)
        right.addWidget(self.items_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.queue)
        layout.addLayout(right, 1)
        self.queue.currentRowChanged.connect(self._show_current)
        self.new_button.clicked.connect(self.start_new_call)
        self.open_button.clicked.connect(self.open_chosen_call)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        QShortcut(QKeySequence("Ctrl+O"), self, self.open_chosen_call)
        self.retranslate()
        self.resize(820, 380)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Incoming calls"))
        self.new_button.setText(self.tr("New call (Enter)"))
        self.open_button.setText(self.tr("Open call (Ctrl+O)"))
        self.dismiss_button.setText(self.tr("Dismiss (Del)"))
        self._show_current(self.queue.currentRow())

    # ---- the queue ---------------------------------------------------------------------
    def add_card(self, card: RingCard) -> None:
        """Queue a ring; the one on screen stays chosen (a new ring never takes it away)."""
        self.cards.append(card)
        item = QListWidgetItem(self._queue_text(card))
        self.queue.addItem(item)
        if self.queue.currentRow() < 0:
            self.queue.setCurrentRow(0)
        self._update_title()
        if not self.isVisible():
            self.show()
        self.raise_()

    def _queue_text(self, card: RingCard) -> str:
        who = card.customers[0].name if card.customers else self.tr("New number")
        number = card.digits or self.tr("(no number)")
        return f"{card.at:%H:%M:%S}  {who}\n{number}"

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("Incoming calls ({count})").format(count=len(self.cards)))

    @property
    def current_card(self) -> RingCard | None:
        row = self.queue.currentRow()
        return self.cards[row] if 0 <= row < len(self.cards) else None

    @property
    def chosen_call(self) -> RingCall | None:
        card = self.current_card
        row = self.calls.currentRow()
        if card is None or not 0 <= row < len(card.open_calls):
            return None
        return card.open_calls[row]

    def dismiss_current(self) -> None:
        row = self.queue.currentRow()
        if row < 0:
            return
        self.cards.pop(row)
        self.queue.takeItem(row)
        self._update_title()
        if not self.cards:
            self.hide()

    # ---- the chosen ring -----------------------------------------------------------------
    def _show_current(self, _row: int) -> None:
        card = self.current_card
        self.calls.clear()
        if card is None:
            self.header.clear()
            self.items_label.clear()
            return
        self.header.setText(self._header_html(card))
        for call in card.open_calls:
            item = QListWidgetItem(self._call_text(call))
            colours = STATUS_COLORS.get(call.state or call.status)
            if colours:
                item.setBackground(QColor(colours[0]))
                item.setForeground(QColor(colours[1]))
            self.calls.addItem(item)
        if card.open_calls:
            self.calls.setCurrentRow(0)
        self.items_label.setText(self._items_text(card))
        self.open_button.setEnabled(bool(card.open_calls))

    def _header_html(self, card: RingCard) -> str:
        number = html.escape(card.digits or self.tr("(no number)"))
        line = self.tr(" · line {line}").format(line=html.escape(card.line)) if card.line else ""
        if not card.customers:
            place = card.place.place
            kind = {"mobile": self.tr("mobile"), "landline": self.tr("landline"),
                    "local": self.tr("local number")}.get(card.place.kind, "")
            where = " · ".join(p for p in (kind, place) if p)
            return (f"<b style='font-size:15pt'>{self.tr('New number')}</b>　{number}{line}"
                    f"<br>{html.escape(where)}")
        names = "、".join(html.escape(c.name) for c in card.customers)
        first = card.customers[0]
        recent = self.tr("{count} calls in the last 7 days").format(
            count=card.calls_last_7_days)
        return (f"<b style='font-size:15pt'>{names}</b>　{number}{line}<br>"
                f"{html.escape(first.address)}　{html.escape(first.zone_name)}<br>"
                f"<b>{recent}</b>　"
                + self.tr("{count} open calls").format(count=len(card.open_calls)))

    def _call_text(self, call: RingCall) -> str:
        """Two lines: number, status, time left, chases; then the item and the fault."""
        parts = [call.number, label("status", call.status)]
        if call.deadline_at is not None:
            if call.state == "overdue":
                parts.append(self.tr("overdue by {time}").format(
                    time=format_left(-(call.minutes_left or 0))))
            else:
                parts.append(self.tr("{time} left").format(time=format_left(call.minutes_left)))
        if call.chases:
            parts.append(self.tr("chased {count}×").format(count=call.chases))
        second = "　".join(p for p in (call.item_label, call.fault) if p)
        return "　".join(p for p in parts if p) + (f"\n{second}" if second else "")

    def _items_text(self, card: RingCard) -> str:
        lines = []
        for customer in card.customers:
            for item in customer.items:
                until = f" ({item.last_day.isoformat()})" if item.last_day else ""
                lines.append(f"{item.label}: {label('warranty', item.warranty)}{until}")
        return "\n".join(lines)

    # ---- keys --------------------------------------------------------------------------
    def start_new_call(self) -> None:
        card = self.current_card
        if card is not None:
            self.new_call_requested.emit(card, self.chosen_call)

    def open_chosen_call(self) -> None:
        call = self.chosen_call
        if call is not None:
            self.open_call_requested.emit(call.call_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start_new_call()
        elif key == Qt.Key.Key_Delete:
            self.dismiss_current()
        else:
            super().keyPressEvent(event)
