"""A local hook a PBX (or a softphone, a caller-ID box with a network port) calls on a ring.

``POST /ring`` with a JSON body ``{"number": "13812345678", "line": "2"}`` and either
``Authorization: Bearer <secret>`` or ``X-Signature: sha256=<hex HMAC-SHA256 of the body>``
keyed with the shared secret. ``POST /sms-reply`` with ``{"phone": "13812345678", "text": "TD"}``
and the same secret passes a customer's reply (from an HTTP SMS gateway) to ``on_reply``.
Anything else gets 401/400/404 and no ring. Listens on loopback
by default; a LAN address only if the workstation's settings say so. stdlib only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from app.telephony.caller_id import Ring, RingHandler, StatusHandler, clean_number

log = logging.getLogger(__name__)

MAX_BODY = 4096
ReplyHandler = Callable[[str, str], object]  # (phone, text) of a customer's reply


def sign(secret: str, body: bytes) -> str:
    """The X-Signature value a PBX sends for ``body``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def authorised(secret: str, headers: Any, body: bytes) -> bool:
    if not secret:
        return False  # no secret configured: the hook refuses everyone
    bearer = str(headers.get("Authorization", ""))
    if bearer.startswith("Bearer ") and hmac.compare_digest(bearer[7:].strip(), secret):
        return True
    signature = str(headers.get("X-Signature", ""))
    return bool(signature) and hmac.compare_digest(signature, sign(secret, body))


def reply_answer(on_reply: ReplyHandler, body: bytes) -> tuple[int, str]:
    """Pass a customer's reply ``{"phone", "text"}`` on; the HTTP status and word to answer."""
    try:
        data = json.loads(body or b"{}")
        phone = clean_number(str(data["phone"]))
        text = str(data["text"])[:200]
    except (ValueError, KeyError, TypeError, AttributeError):
        return 400, "bad request"
    if not phone:
        return 400, "bad request"
    try:
        on_reply(phone, text)
    except Exception:  # the database away for a moment: the gateway may post it again
        log.exception("sms reply not recorded")
        return 503, "try again"
    return 200, "ok"


class PbxHookSource:
    """Plug-in: an HTTP endpoint on ``host:port`` (port 0 = any free port, for tests)."""

    def __init__(self, secret: str, *, host: str = "127.0.0.1", port: int = 8765,
                 on_reply: ReplyHandler | None = None) -> None:
        self.name = f"pbx:{host}:{port}"
        self.on_reply = on_reply  # set by whoever handles replies (opt-out words)
        self.secret = secret
        self.host = host
        self.port = port
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def start(self, on_ring: RingHandler, on_status: StatusHandler) -> None:
        source = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                log.debug("pbx hook: " + format, *args)

            def _answer(self, code: int, text: str) -> None:
                data = json.dumps({"result": text}).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                path = self.path.rstrip("/")
                if path not in ("/ring", "/sms-reply") or (
                        path == "/sms-reply" and source.on_reply is None):
                    self._answer(404, "not found")
                    return
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY:
                    self._answer(413, "too large")
                    return
                body = self.rfile.read(length)
                if not authorised(source.secret, self.headers, body):
                    self._answer(401, "unauthorised")
                    return
                if path == "/sms-reply":
                    assert source.on_reply is not None
                    self._answer(*reply_answer(source.on_reply, body))
                    return
                try:
                    data = json.loads(body or b"{}")
                    number = clean_number(str(data.get("number", "")))
                    line = str(data.get("line", ""))[:20]
                except (ValueError, AttributeError):
                    self._answer(400, "bad request")
                    return
                on_ring(Ring(number=number, name=str(data.get("name", ""))[:60], line=line,
                             source=source.name))
                self._answer(200, "ok")

            def do_GET(self) -> None:
                self._answer(404, "not found")

        try:
            self._server = ThreadingHTTPServer((self.host, self.port), Handler)
        except OSError as exc:
            on_status("lost", f"{self.host}:{self.port}: {exc}")
            return
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        name=self.name, daemon=True)
        self._thread.start()
        on_status("ok", "{}:{}".format(*self.address))

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
