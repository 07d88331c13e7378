"""Sends the outbox from the PC that holds the sender: a background thread (no Qt) that
reconciles once at start, then delivers what is due every ``interval_s``."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from app.services import messaging_service as msgs
from app.services.context import ServiceContext
from app.telephony.senders import Sender

log = logging.getLogger(__name__)


class OutboxPump:
    def __init__(self, ctx: ServiceContext, sender: Sender, *, interval_s: float = 60.0,
                 on_report: Callable[[msgs.DeliveryReport], None] | None = None) -> None:
        self.ctx = ctx
        self.sender = sender
        self.interval_s = interval_s
        self.on_report = on_report
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="outbox", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Deliver now (a message was just queued)."""
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None

    def _run(self) -> None:
        try:
            msgs.reconcile(self.ctx, self.sender)
        except Exception:  # the database may be away for a moment: try again next round
            log.exception("outbox reconcile failed")
        while not self._stop.is_set():
            self.pass_on_replies()
            try:
                report = msgs.deliver_due(self.ctx, self.sender)
                if self.on_report is not None:
                    self.on_report(report)
            except Exception:
                log.exception("outbox delivery failed")
            self._wake.wait(self.interval_s)
            self._wake.clear()

    def pass_on_replies(self) -> list[int]:
        """Replies the sender can read (a GSM modem's SIM): an opt-out word opts the
        customer out before anything more is sent; returns who opted out."""
        read = getattr(self.sender, "read_replies", None)
        if read is None:
            return []
        opted: list[int] = []
        try:
            for reply in read():
                opted += msgs.opt_out_by_reply(self.ctx, reply.phone, reply.text)
        except Exception:
            log.exception("reading replies failed")
        return opted
