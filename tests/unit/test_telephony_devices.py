"""Real devices, faked: a modem on a pseudo-terminal and a PBX calling the local hook."""

from __future__ import annotations

import json
import os
import queue
import select
import threading
import time
import tty
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from app.telephony.caller_id import Ring
from app.telephony.modem import ModemSource
from app.telephony.pbx_hook import PbxHookSource, sign

WAIT = 10.0


class FakeModem:
    """The master side of a pty: answers AT commands with OK, prints what a line says."""

    def __init__(self) -> None:
        self.master, slave = os.openpty()
        tty.setraw(slave)
        self.path = os.ttyname(slave)
        # Held open until unplugged: a master whose slave nobody holds reads EIO.
        self._slave = slave
        self.commands: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._answer, daemon=True)
        self._thread.start()

    def _answer(self) -> None:
        buffer = b""
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 256)
            except OSError:
                return
            buffer += chunk
            while b"\r" in buffer:
                line, buffer = buffer.split(b"\r", 1)
                command = line.decode().strip()
                if command:
                    self.commands.append(command)
                    os.write(self.master, b"\r\nOK\r\n")

    def say(self, *lines: str | bytes) -> None:
        for line in lines:
            data = line if isinstance(line, bytes) else line.encode()
            os.write(self.master, b"\r\n" + data + b"\r\n")

    @property
    def unplugged(self) -> bool:
        return self._stop.is_set()

    def unplug(self) -> None:
        self._stop.set()
        self._thread.join()
        os.close(self.master)
        os.close(self._slave)


@pytest.fixture
def fake_modem() -> Iterator[FakeModem]:
    modem = FakeModem()
    yield modem
    if not modem.unplugged:
        modem.unplug()


def _collect() -> tuple[queue.Queue[Ring], queue.Queue[tuple[str, str]]]:
    return queue.Queue(), queue.Queue()


def _wait_status(statuses: queue.Queue[tuple[str, str]], state: str) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        got, detail = statuses.get(timeout=WAIT)
        if got == state:
            return detail
    raise AssertionError(f"no {state!r} status")


def test_modem_on_a_pty_switches_caller_id_on_and_reports_rings(fake_modem: FakeModem) -> None:
    rings, statuses = _collect()
    source = ModemSource(fake_modem.path, retry_s=0.2, answer_timeout_s=2.0)
    source.start(rings.put, lambda s, d: statuses.put((s, d)))
    try:
        _wait_status(statuses, "ok")
        assert "AT+VCID=1" in fake_modem.commands
        fake_modem.say("RING", "\x07\xfe garbage ###", "DATE = 1207", "TIME = 0931",
                       "NMBR = 13812345678", "RING")
        assert rings.get(timeout=WAIT).number == "13812345678"
        fake_modem.say("NO CARRIER", "D075588889999C", "RING")
        assert rings.get(timeout=WAIT).number == "075588889999"
        fake_modem.say("NO CARRIER", "RING", "RING")
        assert rings.get(timeout=WAIT).number == ""
    finally:
        source.stop()


def test_unplugged_modem_is_reported_not_fatal_and_retried(fake_modem: FakeModem) -> None:
    rings, statuses = _collect()
    source = ModemSource(fake_modem.path, retry_s=0.1, answer_timeout_s=2.0)
    source.start(rings.put, lambda s, d: statuses.put((s, d)))
    try:
        _wait_status(statuses, "ok")
        fake_modem.unplug()
        assert fake_modem.path in _wait_status(statuses, "lost")
        assert source.running  # still retrying
    finally:
        source.stop()
    assert not source.running


def test_missing_port_is_reported() -> None:
    rings, statuses = _collect()
    source = ModemSource("/dev/nonexistent-ttyUSB9", retry_s=0.1)
    source.start(rings.put, lambda s, d: statuses.put((s, d)))
    try:
        assert "nonexistent" in _wait_status(statuses, "lost")
    finally:
        source.stop()


SECRET = "counter-secret-0001"


@pytest.fixture
def hook() -> Iterator[tuple[PbxHookSource, queue.Queue[Ring]]]:
    rings: queue.Queue[Ring] = queue.Queue()
    source = PbxHookSource(SECRET, host="127.0.0.1", port=0)
    source.start(rings.put, lambda s, d: None)
    yield source, rings
    source.stop()


def _post(source: PbxHookSource, body: bytes, headers: dict[str, str]) -> int:
    host, port = source.address
    request = urllib.request.Request(f"http://{host}:{port}/ring", data=body, method="POST",
                                     headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_pbx_hook_with_bearer_or_hmac_rings(hook: tuple[PbxHookSource, queue.Queue[Ring]]) -> None:
    source, rings = hook
    body = json.dumps({"number": "138 1234 5678", "line": "3"}).encode()
    assert _post(source, body, {"Authorization": f"Bearer {SECRET}"}) == 200
    ring = rings.get(timeout=WAIT)
    assert (ring.number, ring.line) == ("13812345678", "3")
    body = json.dumps({"number": "02011112222"}).encode()
    assert _post(source, body, {"X-Signature": sign(SECRET, body)}) == 200
    assert rings.get(timeout=WAIT).number == "02011112222"


def test_pbx_hook_refuses_a_wrong_secret(hook: tuple[PbxHookSource, queue.Queue[Ring]]) -> None:
    source, rings = hook
    body = json.dumps({"number": "13812345678"}).encode()
    assert _post(source, body, {"Authorization": "Bearer wrong"}) == 401
    assert _post(source, body, {"X-Signature": sign("other-secret-xx", body)}) == 401
    assert _post(source, body, {}) == 401
    assert _post(source, b"not json", {"Authorization": f"Bearer {SECRET}"}) == 400
    assert rings.empty()
