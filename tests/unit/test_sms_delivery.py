"""Senders against fakes: an HTTP SMS gateway on loopback, a GSM modem on a pseudo-terminal;
and the outbox surviving a kill in the middle of sending (no message lost or sent twice)."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import threading
import tty
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from smspdudecoder.fields import SMSSubmit
from sqlalchemy import select as sql_select

from app.models.customers import Customer
from app.services import messaging_service as msgs
from app.telephony.senders import GatewayConfig, GsmModemSender, HttpGatewaySender, Outgoing

ROOT = Path(__file__).resolve().parents[2]


class FakeGateway:
    """POST /send → {"code": 0, "id": n}; GET /status?id= → {"sent": bool}. With ``hang_on``
    the n-th request blocks (the sender is killed meanwhile); ``accept_before_hang`` says
    whether the gateway had taken that message on before it hung."""

    def __init__(self, *, hang_on: int = 0, accept_before_hang: bool = True,
                 refuse: bool = False) -> None:
        self.accepted: list[dict[str, Any]] = []
        self.requests = 0
        self.hanging = threading.Event()
        self.release = threading.Event()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _json(self, code: int, data: dict[str, Any]) -> None:
                body = json.dumps(data).encode()
                self.send_response(code)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                data = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                gateway.requests += 1
                if refuse:
                    self._json(200, {"code": 40001, "message": "签名未报备"})
                    return
                if gateway.requests == hang_on:
                    if accept_before_hang:
                        gateway.accepted.append(data)
                    gateway.hanging.set()
                    gateway.release.wait(60)
                    return
                gateway.accepted.append(data)
                self._json(200, {"code": 0, "id": len(gateway.accepted)})

            def do_GET(self) -> None:
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                wanted = query.get("id", [""])[0]
                self._json(200, {"sent": any(a["client_id"] == wanted for a in gateway.accepted)})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        host, port = self.server.server_address[:2]
        self.url = f"http://{host}:{port}/send"
        self.status_url = f"http://{host}:{port}/status"

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway_factory() -> Iterator[Any]:
    made: list[FakeGateway] = []

    def make(**kwargs: Any) -> FakeGateway:
        made.append(FakeGateway(**kwargs))
        return made[-1]

    yield make
    for gateway in made:
        gateway.close()


def test_gateway_gets_the_configured_shape_and_refusal_is_permanent(gateway_factory):
    gateway = gateway_factory()
    config = GatewayConfig(url=gateway.url, sign="海信售后",
                           body='{"to": "{phone}", "sign": "{sign}", "tpl": "{template_id}", '
                                '"msg": "{text}", "client_id": "{attempt_id}"}')
    result = HttpGatewaySender(config).send(Outgoing("13812345678", "【海信售后】您好", "a1",
                                                     template_id="SMS_001"))
    assert result.ok and result.ref == "1"
    assert gateway.accepted == [{"to": "13812345678", "sign": "海信售后", "tpl": "SMS_001",
                                 "msg": "【海信售后】您好", "client_id": "a1"}]
    refused = HttpGatewaySender(GatewayConfig(url=gateway_factory(refuse=True).url)).send(
        Outgoing("13812345678", "x", "a2"))
    assert not refused.ok and refused.permanent and "签名未报备" in refused.error
    down = HttpGatewaySender(GatewayConfig(url="http://127.0.0.1:9/send", timeout_s=2)).send(
        Outgoing("13812345678", "x", "a3"))
    assert not down.ok and not down.permanent


class FakeGsmModem:
    """Answers AT+CMGF / AT+CMGS like a GSM modem, keeping every PDU it was given."""

    def __init__(self) -> None:
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.path = os.ttyname(self._slave)
        self.pdus: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        buffer = b""
        while not self._stop.is_set():
            if not select.select([self.master], [], [], 0.05)[0]:
                continue
            buffer += os.read(self.master, 1024)
            while True:
                if b"\x1a" in buffer and not buffer.startswith(b"AT"):
                    pdu, buffer = buffer.split(b"\x1a", 1)
                    self.pdus.append(pdu.decode())
                    os.write(self.master, f"\r\n+CMGS: {len(self.pdus)}\r\n\r\nOK\r\n".encode())
                    continue
                if b"\r" not in buffer or not buffer.startswith(b"AT"):
                    break
                line, buffer = buffer.split(b"\r", 1)
                if line.startswith(b"AT+CMGS="):
                    os.write(self.master, b"\r\n> ")
                else:
                    os.write(self.master, b"\r\nOK\r\n")

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        os.close(self.master)
        os.close(self._slave)


def test_gsm_modem_sends_a_long_chinese_text_as_concatenated_pdus():
    modem = FakeGsmModem()
    try:
        text = "【海信售后】张先生您好，" + "您送修的空调已修好，请凭收据到店领取。" * 8  # 3 parts
        result = GsmModemSender(modem.path, timeout_s=10).send(
            Outgoing("13812345678", text, "a1"))
        assert result.ok and result.ref == "1,2,3"
        parts = [SMSSubmit.decode(StringIO("0891683108200105F0" + p[2:])) for p in modem.pdus]
        assert "".join(p["user_data"]["data"] for p in parts) == text
        assert {p["recipient"]["number"] for p in parts} == {"8613812345678"}
    finally:
        modem.close()


def _db_url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


@pytest.mark.slow
@pytest.mark.parametrize("accept_before_hang", [True, False])
def test_outbox_survives_a_kill_mid_send(db, clerk, admin, gateway_factory, accept_before_hang):
    # given five messages waiting, no quiet hours, and a gateway that hangs on the second
    from datetime import time
    msgs.set_quiet_hours(admin, time(0), time(0))
    with db.read() as session:
        cid = session.scalar(sql_select(Customer.id).where(Customer.name == "张伟"))
    with clerk.write() as session:
        for n in range(5):
            msgs.queue_message(session, clerk, "call_registered", event_key=f"call:{n}",
                               customer_id=cid, values={"customer": "张先生",
                                                        "call_number": f"C-{n}",
                                                        "expected_by": "15:00"})
    gateway = gateway_factory(hang_on=2, accept_before_hang=accept_before_hang)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "tests.helpers.outbox_child", _db_url(db),
                              gateway.url], cwd=ROOT, env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # when the sender is killed while the gateway holds the second message
        assert gateway.hanging.wait(60), child.stderr.read() if child.poll() else "no request"
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
        child.stderr.close()
    gateway.release.set()
    stuck = [r for r in msgs.list_outbox(clerk) if r.status == "sending"]
    assert len(stuck) == 1
    # then the next start reconciles with the gateway and delivers the rest
    sender = HttpGatewaySender(GatewayConfig(url=gateway.url, status_url=gateway.status_url,
                                             sign="测试店"))
    counts = msgs.reconcile(clerk, sender)
    assert counts == ({"sent": 1, "requeued": 0, "interrupted": 0} if accept_before_hang
                      else {"sent": 0, "requeued": 1, "interrupted": 0})
    msgs.deliver_due(clerk, sender)
    rows = msgs.list_outbox(clerk)
    assert {r.status for r in rows} == {"sent"}
    bodies = sorted(a["content"] for a in gateway.accepted)
    assert bodies == sorted(r.body for r in rows)  # each message exactly once


def test_a_modem_cannot_tell_so_an_interrupted_send_waits_for_the_clerk(db, clerk):
    with db.read() as session:
        cid = session.scalar(sql_select(Customer.id).where(Customer.name == "张伟"))
    with clerk.write() as session:
        row = msgs.queue_message(session, clerk, "call_registered", event_key="call:x",
                                 customer_id=cid, values={"customer": "张", "call_number": "C",
                                                          "expected_by": "15:00"})
        assert row is not None
        row.status, row.attempt_id = "sending", "lost-attempt"
    assert msgs.reconcile(clerk, GsmModemSender("/dev/null")) == {
        "sent": 0, "requeued": 0, "interrupted": 1}
    [out] = msgs.list_outbox(clerk)
    assert out.status == "interrupted" and "check" in out.last_error


def test_pump_of_the_sending_pc_reconciles_then_delivers(db, clerk, admin, gateway_factory):
    import time as clock
    from datetime import time

    from app.services.outbox_pump import OutboxPump
    from app.telephony.config import TelephonyConfig, build_sender

    msgs.set_quiet_hours(admin, time(0), time(0))
    gateway = gateway_factory()
    with db.read() as session:
        cid = session.scalar(sql_select(Customer.id).where(Customer.name == "张伟"))
    with clerk.write() as session:
        for n in range(2):
            msgs.queue_message(session, clerk, "item_ready", event_key=f"ready:{n}",
                               customer_id=cid, values={"customer": "张", "item": f"空调{n}",
                                                        "receipt_number": "R1"})
    cfg = TelephonyConfig(sms_mode="http", gateway_url=gateway.url,
                          gateway_status_url=gateway.status_url, gateway_token="tok")
    assert cfg.problems() == []
    sender = build_sender(cfg, "测试店")
    assert sender is not None
    pump = OutboxPump(clerk, sender, interval_s=0.2)
    pump.start()
    try:
        deadline = clock.monotonic() + 20
        while len(gateway.accepted) < 2 and clock.monotonic() < deadline:
            clock.sleep(0.05)
    finally:
        pump.stop()
    assert sorted(a["content"][-8:] for a in gateway.accepted) == sorted(
        r.body[-8:] for r in msgs.list_outbox(clerk))
    assert {r.status for r in msgs.list_outbox(clerk)} == {"sent"}
    assert TelephonyConfig(sms_mode="http", gateway_url="sms.cn").problems()
