"""Customers' replies reach opt-out: read from the GSM modem's SIM by the outbox pump (and
deleted once read), or posted by an HTTP SMS gateway to the PBX hook with its secret."""

from __future__ import annotations

import json
import os
import select
import threading
import tty
import urllib.error
import urllib.request

import pytest
from sqlalchemy import select as sql_select

from app.models.customers import Customer
from app.services import messaging_service as msgs
from app.services.outbox_pump import OutboxPump
from app.telephony.pbx_hook import PbxHookSource
from app.telephony.senders import GsmModemSender
from app.telephony.sms import Incoming, decode_deliver

SECRET = "counter-secret-0001"
ZHANG = "13812345678"  # 张伟's mobile in the seed


def _semi(digits: str) -> str:
    digits += "F" * (len(digits) % 2)
    return "".join(digits[i + 1] + digits[i] for i in range(0, len(digits), 2))


def deliver_pdu(phone: str, text: str) -> str:
    """An SMS-DELIVER PDU as a phone network hands it over: GSM 7-bit for ASCII, else UCS-2."""
    if text.isascii():
        bits = 0
        for n, ch in enumerate(text):
            bits |= ord(ch) << (7 * n)
        data = bits.to_bytes((7 * len(text) + 7) // 8, "little")
        dcs, udl = "00", len(text)
    else:
        data, dcs = text.encode("utf-16-be"), "08"
        udl = len(data)
    return ("0891683108200105F0" + "04" + f"{len(phone):02X}91" + _semi(phone) + "00" + dcs
            + "62211151650023" + f"{udl:02X}" + data.hex().upper())


def test_replies_are_decoded_from_7bit_and_ucs2_pdus():
    # the textbook example (GSM 03.40): "hellohello", 7-bit
    assert decode_deliver("07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697"
                          "D9EC37").text == "hellohello"
    assert decode_deliver(deliver_pdu("86" + ZHANG, "TD")) == Incoming("86" + ZHANG, "TD")
    assert decode_deliver(deliver_pdu("86" + ZHANG, "退订")).text == "退订"
    with pytest.raises(ValueError):
        decode_deliver("0891")


class SimModem:
    """A GSM modem on a pseudo-terminal with messages on its SIM: answers AT+CMGL=4 with
    them in PDU mode and AT+CMGD=<i> by deleting one."""

    def __init__(self, inbox: dict[int, str]) -> None:
        self.inbox = dict(inbox)
        self.deleted: list[int] = []
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.path = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _answer(self, line: str) -> bytes:
        if line == "AT+CMGL=4":
            rows = "".join(f"+CMGL: {i},0,,{len(pdu) // 2 - 9}\r\n{pdu}\r\n"
                           for i, pdu in sorted(self.inbox.items()))
            return f"\r\n{rows}\r\nOK\r\n".encode()
        if line.startswith("AT+CMGD="):
            index = int(line[8:])
            if self.inbox.pop(index, None) is None:
                return b"\r\n+CMS ERROR: 321\r\n"
            self.deleted.append(index)
        return b"\r\nOK\r\n"

    def _run(self) -> None:
        buffer = b""
        while not self._stop.is_set():
            if not select.select([self.master], [], [], 0.05)[0]:
                continue
            buffer += os.read(self.master, 1024)
            while b"\r" in buffer:
                line, buffer = buffer.split(b"\r", 1)
                os.write(self.master, self._answer(line.decode().strip()))

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        os.close(self.master)
        os.close(self._slave)


@pytest.fixture
def sim():
    made: list[SimModem] = []

    def make(inbox: dict[int, str]) -> SimModem:
        made.append(SimModem(inbox))
        return made[-1]

    yield make
    for modem in made:
        modem.close()


def zhang_id(db) -> int:
    with db.read() as session:
        return int(session.scalar(sql_select(Customer.id).where(Customer.name == "张伟")) or 0)


def test_the_pump_reads_replies_off_the_sim_opts_out_and_deletes_them(db, clerk, sim):
    modem = sim({3: deliver_pdu("86" + ZHANG, "TD"), 7: deliver_pdu("8613900009999", "谢谢")})
    pump = OutboxPump(clerk, GsmModemSender(modem.path, timeout_s=10))

    assert pump.pass_on_replies() == [zhang_id(db)]

    assert msgs.get_consent(clerk, zhang_id(db)).consented is False
    assert sorted(modem.deleted) == [3, 7] and modem.inbox == {}  # read once, never again
    assert pump.pass_on_replies() == []


def test_a_modem_that_is_away_reads_nothing(clerk):
    pump = OutboxPump(clerk, GsmModemSender("/dev/no-such-modem", timeout_s=1))
    assert pump.pass_on_replies() == []


def _post(source: PbxHookSource, body: bytes, token: str = SECRET) -> int:
    host, port = source.address
    request = urllib.request.Request(
        f"http://{host}:{port}/sms-reply", data=body, method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_a_gateway_posts_a_reply_to_the_hook_and_the_customer_is_opted_out(db, clerk):
    source = PbxHookSource(SECRET, host="127.0.0.1", port=0,
                           on_reply=lambda phone, text: msgs.opt_out_by_reply(clerk, phone, text))
    source.start(lambda ring: None, lambda state, detail: None)
    try:
        body = json.dumps({"phone": "+86 138 1234 5678", "text": "退订"}).encode()
        assert _post(source, body, token="wrong-secret-000") == 401
        assert msgs.get_consent(clerk, zhang_id(db)).consented is None
        assert _post(source, b"{}") == 400
        assert _post(source, body) == 200
        assert msgs.get_consent(clerk, zhang_id(db)).consented is False
    finally:
        source.stop()


def test_without_a_reply_handler_the_hook_has_no_reply_address():
    source = PbxHookSource(SECRET, host="127.0.0.1", port=0)
    source.start(lambda ring: None, lambda state, detail: None)
    try:
        assert _post(source, json.dumps({"phone": ZHANG, "text": "TD"}).encode()) == 404
    finally:
        source.stop()
