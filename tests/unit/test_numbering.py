"""Document numbers: per series and month, restarting monthly, gap-free under concurrency."""

from __future__ import annotations

import threading
from datetime import date

from sqlalchemy import select

from app.db.database import Database
from app.db.numbering import next_number, reserve_block
from app.models.numbering import DocumentCounter


def test_numbers_restart_each_month_and_series_are_independent(db: Database):
    with db.write(None) as s:
        assert next_number(s, "call", date(2026, 11, 30)) == "C2611-0001"
        assert next_number(s, "call", date(2026, 11, 30)) == "C2611-0002"
        assert next_number(s, "call", date(2026, 12, 1)) == "C2612-0001"
        assert next_number(s, "voucher", date(2026, 11, 1)) == "V2611-0001"
        assert next_number(s, "complaint", date(2026, 11, 1)) == "2611-001"


def test_a_rolled_back_document_gives_its_number_back(db: Database):
    try:
        with db.write(None) as s:
            next_number(s, "receipt", date(2026, 11, 5))
            raise RuntimeError("printer jammed before commit")
    except RuntimeError:
        pass
    with db.write(None) as s:
        assert next_number(s, "receipt", date(2026, 11, 5)) == "R2611-0001"


def test_two_sessions_allocating_at_once_never_duplicate_or_skip(db: Database):
    got: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        other = Database(db.url)
        for _ in range(40):
            with other.write(None) as s:
                number = next_number(s, "call", date(2026, 11, 22))
            with lock:
                got.append(number)
        other.dispose()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    serials = sorted(int(n.split("-")[1]) for n in got)
    assert serials == list(range(1, 81))


def test_reserve_block_moves_the_counter_by_the_block(db: Database):
    with db.write(None) as s:
        assert reserve_block(s, "call", "2610", 500) == 1
        assert next_number(s, "call", date(2026, 10, 3)) == "C2610-0501"
    with db.read() as s:
        row = s.scalar(select(DocumentCounter).where(DocumentCounter.period == "2610"))
        assert row is not None and row.last_value == 501
