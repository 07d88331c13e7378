"""A child process for the crash and contention tests: real service calls, reported on stdout.

Usage: python -m tests.helpers.writer_child DB_PATH MODE SECONDS
MODE "calls": registers calls for new customers through calls_service and prints each call
number after its transaction committed. MODE "numbers": allocates receipt numbers, one per
transaction, and prints them (or LOCKED on a lock error). SC_TEST_BUSY_MS shortens SQLite's
busy timeout, so that a writer left waiting (starved) shows within seconds.
"""

from __future__ import annotations

import os
import sys
import time

from app.bootstrap import open_database
from app.db.audit import record_event
from app.db.numbering import next_number
from app.errors import BusyError
from app.services import auth_service
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services.context import ServiceContext
from tests.helpers.seed import SEED_PASSWORD


def _calls(db_path: str, seconds: float) -> None:
    db = open_database(db_path, migrate=False)
    ctx = ServiceContext(db, auth_service.log_in(db, "clerk", SEED_PASSWORD))
    end, n, pid = time.monotonic() + seconds, 0, os.getpid()
    while time.monotonic() < end:
        phone = f"13{pid % 100_000:05d}{n % 10_000:04d}"
        call = calls.register_call(ctx, calls.CallInput(
            fault=f"断电测试 {pid}-{n}",
            new_customer=customers.CustomerInput(f"测试{pid}-{n}", (phone,))))
        print(call.number, flush=True)
        n += 1


def _numbers(db_path: str, seconds: float) -> None:
    db = open_database(db_path, migrate=False)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with db.write(None) as session:
                number = next_number(session, "receipt", _today())
                record_event(session, table="receipts", row_key=number, action="insert")
            print(number, flush=True)
        except BusyError:
            print("LOCKED", flush=True)


def _today():  # type: ignore[no-untyped-def]
    from datetime import date

    return date(2026, 11, 22)


if __name__ == "__main__":
    if os.environ.get("SC_TEST_BUSY_MS"):
        import app.db.engine

        app.db.engine.BUSY_TIMEOUT_MS = int(os.environ["SC_TEST_BUSY_MS"])
    auth_service.use_fast_hashing()
    path, mode, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
    (_calls if mode == "calls" else _numbers)(path, secs)
