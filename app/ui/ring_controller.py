"""Wires caller ID into the window: starts this PC's sources, turns each ring into a card
(one read) on the ring panel, and opens the register dialog or the call the clerk chose."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMainWindow

from app.errors import UserError
from app.i18n import N_
from app.services import messaging_service, reference_service, ring_service
from app.services.outbox_pump import OutboxPump
from app.services.ring_service import RingCall, RingCard
from app.telephony.caller_id import CallerIdSource, Ring
from app.telephony.config import build_sender, build_sources
from app.ui.dialogs.call_edit_dialog import CallEditDialog
from app.ui.dialogs.messages_dialog import MessageTemplatesDialog
from app.ui.dialogs.register_call_dialog import RegisterCallDialog
from app.ui.dialogs.telephony_dialog import TelephonyDialog
from app.ui.errors import user_message
from app.ui.session import AppSession, Topic
from app.ui.settings_store import SettingsStore
from app.ui.widgets.ring_panel import RingBridge, RingPanel

log = logging.getLogger(__name__)
LOST = N_("Caller-ID device not available: {detail} (retrying)")


class RingController(QObject):
    """One per main window. ``last_shown_ms``: ring received → card on the panel."""

    def __init__(self, window: QMainWindow, session: AppSession,
                 settings: SettingsStore) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.settings = settings
        self.bridge = RingBridge(self)
        self.bridge.rang.connect(self.show_ring)
        self.bridge.status.connect(self._status)
        self.panel = RingPanel(window)
        self.panel.new_call_requested.connect(self.new_call)
        self.panel.open_call_requested.connect(self.open_call)
        self.sources: list[CallerIdSource] = []
        self.pump: OutboxPump | None = None
        self.last_shown_ms = 0.0
        self.dialog: QDialog | None = None

    def start(self) -> None:
        self.stop()
        cfg = self.settings.telephony()
        self.sources = build_sources(cfg, on_reply=self._reply)
        for source in self.sources:
            source.start(self.bridge.ring, self.bridge.report)
        sender = build_sender(cfg, reference_service.get_store_profile(self.session.ctx).name)
        if sender is not None:
            self.pump = OutboxPump(self.session.ctx, sender)
            self.pump.start()

    def _reply(self, phone: str, text: str) -> list[int]:
        """A customer's SMS reply through the PBX hook (its own thread, no Qt here)."""
        return messaging_service.opt_out_by_reply(self.session.ctx, phone, text)

    def stop(self) -> None:
        for source in self.sources:
            source.stop()
        self.sources = []
        if self.pump is not None:
            self.pump.stop()
            self.pump = None

    def show_ring(self, ring: Ring) -> None:
        started = time.perf_counter()
        try:
            card = ring_service.ring_card(self.session.ctx, ring.number, line=ring.line)
        except UserError as err:
            self.window.statusBar().showMessage(user_message(err), 10_000)
            return
        self.panel.add_card(card)
        self.last_shown_ms = (time.perf_counter() - started) * 1000

    def _status(self, state: str, detail: str) -> None:
        if state == "lost":
            self.window.statusBar().showMessage(self.tr(LOST).format(detail=detail))
        elif state == "ok":
            self.window.statusBar().clearMessage()

    def new_call(self, card: RingCard, call: RingCall | None) -> None:
        dialog = RegisterCallDialog(self.session, self.window)
        customer = card.customers[0].id if card.customers else None
        dialog.prefill(customer, call.item_id if call else None, phone=card.digits)
        dialog.accepted.connect(lambda: self.session.changed(Topic.CALLS))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()  # from the panel (its own window) to the dialog's fields

    def open_call(self, call_id: int) -> None:
        dialog = CallEditDialog(self.session, call_id, self.window)
        dialog.accepted.connect(lambda: self.session.changed(Topic.CALLS))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def open_settings(self) -> None:
        dialog = TelephonyDialog(self.settings.telephony(), self.window)

        def save() -> None:
            self.settings.set_telephony(dialog.config)
            self.start()

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def open_templates(self) -> None:
        dialog = MessageTemplatesDialog(self.session, self.window)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
