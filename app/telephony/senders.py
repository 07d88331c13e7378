"""SMS senders as plug-ins: a GSM modem on a serial port (PDU mode) and an HTTP SMS gateway.

A sender gets the phone, the exact text and the outbox's ``attempt_id`` (the gateway receives
it as the client's message id, so it can refuse a second send of one attempt and be asked
afterwards whether an attempt went out). It returns a :class:`SendResult` and never raises
for a refused or failed send.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Protocol

import serial

from app.telephony.sms import Incoming, decode_deliver, submit_pdus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendResult:
    ok: bool
    ref: str = ""
    error: str = ""
    permanent: bool = False  # retrying cannot help (bad number, template refused)


@dataclass(frozen=True)
class Outgoing:
    phone: str
    text: str
    attempt_id: str
    template_id: str = ""
    params: dict[str, str] = field(default_factory=dict)


class Sender(Protocol):
    name: str

    def send(self, message: Outgoing) -> SendResult: ...

    def was_sent(self, attempt_id: str) -> bool | None:
        """After a crash mid-send: True sent, False not sent, None cannot tell."""
        ...


# ---- GSM modem ---------------------------------------------------------------------------

class GsmModemSender:
    """AT+CMGF=0, then AT+CMGS=<n> per part, PDU and Ctrl-Z; waits for +CMGS / ERROR."""

    def __init__(self, port: str, *, baudrate: int = 115200, timeout_s: float = 30.0) -> None:
        self.name = f"gsm:{port}"
        self.port = port
        self.baudrate = baudrate
        self.timeout_s = timeout_s
        self._reference = int(time.time()) & 0xFF
        self._lock = threading.Lock()

    def send(self, message: Outgoing) -> SendResult:
        with self._lock:
            self._reference = (self._reference + 1) & 0xFF
            try:
                pdus = submit_pdus(message.phone, message.text, self._reference)
            except ValueError as exc:
                return SendResult(False, error=str(exc), permanent=True)
            try:
                with serial.Serial(self.port, self.baudrate, timeout=0.5) as port:
                    if self._command(port, "AT+CMGF=0") != "OK":
                        return SendResult(False, error="modem refused PDU mode")
                    refs = []
                    for pdu in pdus:
                        port.write(f"AT+CMGS={pdu.tpdu_length}\r".encode())
                        if not self._wait_prompt(port):
                            return SendResult(False, error="no > prompt from the modem")
                        port.write(pdu.hex.encode() + b"\x1a")
                        answer = self._wait_final(port)
                        if not answer.startswith("+CMGS"):
                            return SendResult(False, error=answer or "no answer from the modem")
                        refs.append(answer.split(":", 1)[1].strip())
                    return SendResult(True, ref=",".join(refs))
            except (serial.SerialException, OSError) as exc:
                return SendResult(False, error=f"{self.port}: {exc}")

    def was_sent(self, attempt_id: str) -> bool | None:
        return None  # a modem keeps no record of what it sent

    def read_replies(self) -> list[Incoming]:
        """The messages waiting on the SIM (AT+CMGL=4: all, PDU mode), each deleted once
        read (AT+CMGD), so a reply is passed on once. Nothing on a modem error."""
        with self._lock:
            try:
                with serial.Serial(self.port, self.baudrate, timeout=0.5) as port:
                    if self._command(port, "AT+CMGF=0") != "OK":
                        return []
                    port.write(b"AT+CMGL=4\r")
                    listed = self._listing(port)
                    out = []
                    for index, pdu in listed:
                        try:
                            out.append(decode_deliver(pdu))
                        except ValueError:
                            log.warning("%s: unreadable message %s dropped", self.name, index)
                        self._command(port, f"AT+CMGD={index}")
                    return out
            except (serial.SerialException, OSError) as exc:
                log.warning("%s: reading replies failed: %s", self.name, exc)
                return []

    def _listing(self, port: serial.Serial) -> list[tuple[int, str]]:
        """(index, PDU) pairs of a +CMGL answer, up to its OK."""
        deadline = time.monotonic() + self.timeout_s
        found: list[tuple[int, str]] = []
        index: int | None = None
        while time.monotonic() < deadline:
            raw: bytes = port.readline()
            line = raw.decode("ascii", "replace").strip()
            if not line:
                continue
            if line.startswith("+CMGL:"):
                try:
                    index = int(line[6:].split(",", 1)[0])
                except ValueError:
                    index = None
            elif line == "OK" or "ERROR" in line:
                return found
            elif index is not None:
                found.append((index, line))
                index = None
        return found

    def _command(self, port: serial.Serial, command: str) -> str:
        port.write(command.encode() + b"\r")
        return self._wait_final(port)

    def _wait_prompt(self, port: serial.Serial) -> bool:
        deadline = time.monotonic() + self.timeout_s
        seen = b""
        while time.monotonic() < deadline:
            seen += port.read(1)
            if b">" in seen:
                return True
            if b"ERROR" in seen:
                return False
        return False

    def _wait_final(self, port: serial.Serial) -> str:
        deadline = time.monotonic() + self.timeout_s
        result = ""
        while time.monotonic() < deadline:
            raw: bytes = port.readline()
            line = raw.decode("ascii", "replace").strip()
            if line.startswith("+CMGS"):
                result = line
            elif line == "OK":
                return result or "OK"
            elif "ERROR" in line:
                return line
        return result


# ---- HTTP gateway --------------------------------------------------------------------------

@dataclass(frozen=True)
class GatewayConfig:
    """The request shape of a gateway. ``body`` is JSON text whose string values may hold
    {phone} {text} {sign} {template_id} {params} {attempt_id}; ``ok_field``/``ok_value`` say
    how the answer tells success; ``status_url`` (optional) answers whether an attempt went
    out: GET with ?id=<attempt_id>, JSON {"sent": true|false}."""

    url: str
    body: str = ('{"mobile": "{phone}", "content": "{text}", "sign": "{sign}", '
                 '"template": "{template_id}", "params": "{params}", "client_id": "{attempt_id}"}')
    headers: dict[str, str] = field(default_factory=dict)
    ok_field: str = "code"
    ok_value: str = "0"
    ref_field: str = "id"
    status_url: str = ""
    sign: str = ""  # the store signature without brackets: 海信售后
    timeout_s: float = 15.0


def _fill(value: Any, values: dict[str, str]) -> Any:
    if isinstance(value, str):
        for key, text in values.items():
            value = value.replace("{" + key + "}", text)
        return value
    if isinstance(value, dict):
        return {k: _fill(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, values) for v in value]
    return value


class HttpGatewaySender:
    def __init__(self, config: GatewayConfig) -> None:
        self.name = f"http:{urllib.parse.urlsplit(config.url).netloc}"
        self.config = config

    def request_body(self, message: Outgoing) -> bytes:
        values = {"phone": message.phone, "text": message.text, "sign": self.config.sign,
                  "template_id": message.template_id, "attempt_id": message.attempt_id,
                  "params": json.dumps(message.params, ensure_ascii=False)}
        shape = json.loads(self.config.body)
        return json.dumps(_fill(shape, values), ensure_ascii=False).encode("utf-8")

    def send(self, message: Outgoing) -> SendResult:
        request = urllib.request.Request(
            self.config.url, data=self.request_body(message), method="POST",
            headers={"Content-Type": "application/json; charset=utf-8", **self.config.headers})
        try:
            with urllib.request.urlopen(request, timeout=self.config.timeout_s) as answer:
                data = json.loads(answer.read() or b"{}")
        except urllib.error.HTTPError as exc:
            return SendResult(False, error=f"HTTP {exc.code}", permanent=400 <= exc.code < 500
                              and exc.code not in (408, 429))
        except (urllib.error.URLError, OSError, ValueError) as exc:
            return SendResult(False, error=str(exc))
        if str(data.get(self.config.ok_field, "")) != self.config.ok_value:
            return SendResult(False, error=str(data.get("message") or data)[:300],
                              permanent=True)
        return SendResult(True, ref=str(data.get(self.config.ref_field, ""))[:80])

    def was_sent(self, attempt_id: str) -> bool | None:
        if not self.config.status_url:
            return None
        url = self.config.status_url + "?" + urllib.parse.urlencode({"id": attempt_id})
        request = urllib.request.Request(url, headers=self.config.headers)
        try:
            with urllib.request.urlopen(request, timeout=self.config.timeout_s) as answer:
                return bool(json.loads(answer.read() or b"{}").get("sent"))
        except (urllib.error.URLError, OSError, ValueError):
            return None
