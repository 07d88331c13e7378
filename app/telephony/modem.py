"""Caller ID from a voice modem or a caller-ID box on a serial / USB-serial port (pyserial).

The source opens the port in a background thread, switches caller ID on with the AT command
set (``AT+VCID=1``, falling back to ``AT#CID=1`` on modems that answer ERROR; a plain caller-ID
box that never answers is fine), and feeds each line to :class:`CallerIdParser`. A port that
cannot be opened or disappears (USB unplugged) is reported through ``on_status("lost", …)`` and
retried every few seconds until it comes back or the source is stopped: never fatal.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence

import serial

from app.telephony.caller_id import CallerIdParser, RingHandler, StatusHandler

log = logging.getLogger(__name__)

INIT_AUTO = ("ATZ", "ATE0", "AT+VCID=1")
FALLBACK = "AT#CID=1"
SILENCE_S = 8.0  # no RING for this long: the call is over (ring cadence is 4-6 s in China)


class ModemSource:
    """Plug-in: a serial caller-ID device. ``init`` empty = a box that needs no commands."""

    def __init__(self, port: str, *, baudrate: int = 9600, line: str = "",
                 init: Sequence[str] = INIT_AUTO, retry_s: float = 3.0,
                 answer_timeout_s: float = 1.0) -> None:
        self.name = f"modem:{port}"
        self.port = port
        self.baudrate = baudrate
        self.line = line or port
        self.init = tuple(init)
        self.retry_s = retry_s
        self.answer_timeout_s = answer_timeout_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._serial: serial.Serial | None = None

    def start(self, on_ring: RingHandler, on_status: StatusHandler) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(on_ring, on_status),
                                        name=self.name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    @property
    def running(self) -> bool:
        """Listening, or retrying a lost port: between ``start`` and ``stop``."""
        return self._thread is not None and self._thread.is_alive()

    # ------------------------------------------------------------------------------------
    def _run(self, on_ring: RingHandler, on_status: StatusHandler) -> None:
        parser = CallerIdParser(on_ring, source=self.name, line=self.line)
        lost_reported = False
        while not self._stop.is_set():
            try:
                with serial.Serial(self.port, self.baudrate, timeout=0.2) as port:
                    self._serial = port
                    self._initialise(port)
                    on_status("ok", self.port)
                    lost_reported = False
                    self._read(port, parser)
            except (serial.SerialException, OSError) as exc:
                if not lost_reported:
                    log.warning("caller-ID device %s lost: %s", self.port, exc)
                    on_status("lost", f"{self.port}: {exc}")
                    lost_reported = True
            finally:
                self._serial = None
            parser.silence()
            self._stop.wait(self.retry_s)

    def _initialise(self, port: serial.Serial) -> None:
        for command in self.init:
            answer = self._command(port, command)
            if command == "AT+VCID=1" and answer == "ERROR":
                self._command(port, FALLBACK)

    def _command(self, port: serial.Serial, command: str) -> str:
        port.write(command.encode("ascii") + b"\r")
        deadline = time.monotonic() + self.answer_timeout_s
        while time.monotonic() < deadline and not self._stop.is_set():
            raw: bytes = port.readline()
            text = raw.decode("ascii", "replace").strip()
            if text in ("OK", "ERROR"):
                return text
        return ""

    def _read(self, port: serial.Serial, parser: CallerIdParser) -> None:
        last_ring = 0.0
        buffer = b""
        while not self._stop.is_set():
            chunk = port.read(port.in_waiting or 1)
            if not chunk:
                if last_ring and time.monotonic() - last_ring > SILENCE_S:
                    parser.silence()
                    last_ring = 0.0
                continue
            buffer += chunk
            while True:
                cut = min((i for i in (buffer.find(b"\r"), buffer.find(b"\n")) if i >= 0),
                          default=-1)
                if cut < 0:
                    if len(buffer) > 4096:  # a runaway line without an end: garbage
                        buffer = b""
                    break
                raw, buffer = buffer[:cut], buffer[cut + 1:]
                text = raw.decode("gb18030", "replace")
                if text.strip().upper().startswith("RING"):
                    last_ring = time.monotonic()
                parser.feed_line(text)
