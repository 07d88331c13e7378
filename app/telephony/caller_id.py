"""Caller-ID formats a counter's telephone line delivers, parsed into one :class:`Ring`.

A voice modem with caller ID on (``AT+VCID=1`` or ``AT#CID=1``) reports between RINGs either
*formatted* lines (``DATE = 1207``, ``TIME = 0930``, ``NMBR = 13812345678``, ``NAME = …``) or,
with ``AT+VCID=2``, the *unformatted* frame as hex: SDMF (message type 0x04) or MDMF (0x80,
parameters 0x01 date-time, 0x02 number, 0x07 name, 0x04/0x08 reason absent). Chinese lines
carry caller ID by FSK (the same frames) or by DTMF before the first ring: ``D``/``A`` start,
digits, ``C`` end (some boxes print ``DTMF: D13812345678C``). Anything else is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

# Reason a number is absent (MDMF 0x04 / SDMF 'O' / 'P'; formatted NMBR = O / P).
ABSENT = {"O": "unavailable", "P": "private"}


@dataclass(frozen=True)
class Ring:
    """One incoming call: the number ("" when the line gave none), where it came from."""

    number: str = ""
    name: str = ""
    line: str = ""
    source: str = ""
    absent: str = ""  # "unavailable" / "private" when the exchange withheld the number
    at: datetime = field(default_factory=datetime.now)


RingHandler = Callable[[Ring], None]
StatusHandler = Callable[[str, str], None]  # (state, detail): "ok" / "lost" / "error"


class CallerIdSource(Protocol):
    """A plug-in that reports rings. ``start`` returns at once; the source runs in a thread."""

    name: str

    def start(self, on_ring: RingHandler, on_status: StatusHandler) -> None: ...

    def stop(self) -> None: ...


_DIGITS = re.compile(r"[^0-9+*#]")


def clean_number(raw: str) -> str:
    """Keep the digits (and a leading + for international numbers)."""
    text = raw.strip()
    plus = text.startswith("+")
    digits = _DIGITS.sub("", text).replace("+", "")
    return ("+" if plus else "") + digits


_FORMATTED = re.compile(r"^\s*(DATE|TIME|NMBR|NAME|MESG|DDN_NMBR)\s*[=:]\s*(.*?)\s*$", re.I)
_DTMF = re.compile(r"^(?:DTMF\s*[:=]?\s*)?[DA]([0-9*#]{3,24})C$", re.I)
_HEX = re.compile(r"^(?:[0-9A-Fa-f]{2}\s*){4,}$")


def parse_frame(data: bytes) -> dict[str, str] | None:
    """An SDMF/MDMF frame (type, length, body, checksum) → fields; None if it is not one."""
    if len(data) < 3:
        return None
    kind, length = data[0], data[1]
    if len(data) < 2 + length:
        return None
    body = data[2:2 + length]
    if len(data) >= 3 + length and (sum(data[:3 + length]) & 0xFF) != 0:
        return None  # checksum present and wrong: a corrupted frame is no caller ID
    fields: dict[str, str] = {}
    if kind == 0x04:  # SDMF: 8 digits date-time, then the number or O/P
        text = body.decode("ascii", "replace")
        fields["DATE"], fields["TIME"] = text[:4], text[4:8]
        rest = text[8:]
        if rest in ABSENT:
            fields["ABSENT"] = ABSENT[rest]
        else:
            fields["NMBR"] = rest
        return fields
    if kind != 0x80:
        return None
    i = 0
    while i + 2 <= len(body):
        ptype, plen = body[i], body[i + 1]
        value = body[i + 2:i + 2 + plen]
        i += 2 + plen
        if ptype == 0x01:
            text = value.decode("ascii", "replace")
            fields["DATE"], fields["TIME"] = text[:4], text[4:8]
        elif ptype in (0x02, 0x03):
            fields["NMBR"] = value.decode("ascii", "replace")
        elif ptype == 0x07:
            fields["NAME"] = _decode_name(value)
        elif ptype in (0x04, 0x08):
            fields["ABSENT"] = ABSENT.get(value.decode("ascii", "replace")[:1], "unavailable")
    return fields


def _decode_name(value: bytes) -> str:
    for codec in ("ascii", "gb18030"):
        try:
            return value.decode(codec)
        except UnicodeDecodeError:
            continue
    return ""


class CallerIdParser:
    """Feeds on the lines a modem or caller-ID box prints; emits a Ring per call.

    Formatted fields between two RINGs gather into one ring (emitted at the NMBR, or at the
    next RING when only a NAME came). A RING with no caller ID before the next RING yields a
    ring without a number — once per call, not once per RING: the panel should not fill with
    the same unknown caller while the phone keeps ringing.
    """

    def __init__(self, on_ring: RingHandler, *, source: str = "", line: str = "",
                 clock: Callable[[], datetime] = datetime.now) -> None:
        self._on_ring = on_ring
        self._source = source
        self._line = line
        self._clock = clock
        self._pending: dict[str, str] = {}
        self._rings_since_report = 0
        self._reported = False

    def feed_line(self, raw: str) -> None:
        text = raw.strip().strip("\x00")
        if not text:
            return
        upper = text.upper()
        if upper == "RING" or upper.startswith("RING "):
            self._ring()
            return
        if upper in ("NO CARRIER", "OK", "ERROR") or upper.startswith("AT"):
            if upper == "NO CARRIER":  # the caller hung up: the next RING is a new call
                self._reset()
            return
        m = _FORMATTED.match(text)
        if m:
            key = m.group(1).upper()
            key = "NMBR" if key == "DDN_NMBR" else key
            self._pending[key] = m.group(2)
            if key == "NMBR":
                self._emit(self._pending)
            return
        m = _DTMF.match(text.replace(" ", ""))
        if m:
            self._emit({"NMBR": m.group(1)})
            return
        if _HEX.match(text):
            try:
                data = bytes.fromhex(text.replace(" ", ""))
            except ValueError:
                return
            # Some boxes print the channel seizure / mark bits (0x55 …) ahead of the frame.
            start = next((i for i, b in enumerate(data) if b in (0x04, 0x80)), None)
            fields = parse_frame(data[start:]) if start is not None else None
            if fields and ("NMBR" in fields or "ABSENT" in fields):
                self._emit(fields)
        # anything else: line noise, modem chatter — ignored

    def _ring(self) -> None:
        self._rings_since_report += 1
        if self._pending and not self._reported:
            self._emit(self._pending)  # a NAME without NMBR
            return
        # Caller ID comes between the first and second RING: only the second RING without
        # any shows the call has no number (or a third, if the first was missed).
        if not self._reported and self._rings_since_report >= 2:
            self._emit({})

    def _emit(self, fields: dict[str, str]) -> None:
        # A second report for the same call (FSK and then formatted): ignored, unless the
        # caller ID arrives after a numberless ring already went out.
        if self._reported and (not fields.get("NMBR") or self._last_had_number):
            return
        raw = fields.get("NMBR", "").strip().upper()
        absent = fields.get("ABSENT", "")
        if raw in ABSENT:
            absent, raw = ABSENT[raw], ""
        number = clean_number(raw)
        self._on_ring(Ring(number=number, name=fields.get("NAME", "").strip(),
                           line=self._line, source=self._source, absent=absent,
                           at=self._clock()))
        self._reported = True
        self._last_had_number = bool(number)
        self._pending = {}

    _last_had_number = False

    def _reset(self) -> None:
        self._pending = {}
        self._reported = False
        self._last_had_number = False
        self._rings_since_report = 0

    def silence(self) -> None:
        """The line went quiet long enough (no RING for ~8 s): the next RING is a new call."""
        self._reset()
