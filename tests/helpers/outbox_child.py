"""A child process for the outbox crash test: delivers the outbox through an HTTP gateway.

Usage: python -m tests.helpers.outbox_child DB_URL GATEWAY_URL
"""

from __future__ import annotations

import sys

from app.bootstrap import open_database
from app.services import auth_service
from app.services import messaging_service as msgs
from app.services.context import ServiceContext
from app.telephony.senders import GatewayConfig, HttpGatewaySender
from tests.helpers.seed import SEED_PASSWORD


def main() -> None:
    db = open_database(sys.argv[1], migrate=False)
    ctx = ServiceContext(db, auth_service.log_in(db, "clerk", SEED_PASSWORD))
    sender = HttpGatewaySender(GatewayConfig(url=sys.argv[2], sign="测试店", timeout_s=120))
    print("ready", flush=True)
    report = msgs.deliver_due(ctx, sender)
    print(f"done {report.sent}", flush=True)


if __name__ == "__main__":
    main()
