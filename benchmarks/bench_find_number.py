"""Find by number on a 200,000-call demo store (F3 and the book's search).

    python benchmarks/bench_find_number.py            # builds bench-data/bench_find_200000.sqlite
    python benchmarks/bench_find_number.py --reuse    # reuses it if it is there

Prints the median of ``--runs`` warm runs of find_service.find_by_number for a call number typed
in full, in lower case and without its letter (which tries every series), a receipt number and
a number nothing has; and the book's search for a call number. Target: 50 ms each.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_dispatch import median_ms, supervisor  # noqa: E402
from bench_store import run_on_store  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from app.db.database import Database  # noqa: E402
from app.models.calls import Call  # noqa: E402
from app.models.carry_in import ItemReceipt  # noqa: E402
from app.services import call_book_service, find_service  # noqa: E402
from app.services.call_book_service import CallFilter  # noqa: E402

TARGET_MS = 50.0


def report(db: Database, runs: int) -> bool:
    ctx = supervisor(db)
    with db.read() as session:
        calls = session.scalar(select(func.count()).select_from(Call))
        middle = session.scalar(select(Call.number).order_by(Call.id).offset(calls // 2).limit(1))
        receipt = session.scalar(select(ItemReceipt.number).limit(1))
    assert middle is not None
    print(f"{calls:,} calls; looking for {middle} and receipt {receipt}")
    cases = {
        "call, full number": lambda: find_service.find_by_number(ctx, middle),
        "call, lower case": lambda: find_service.find_by_number(ctx, middle.lower()),
        "call, no letter": lambda: find_service.find_by_number(ctx, middle[1:]),
        "receipt": lambda: find_service.find_by_number(ctx, receipt or "R0001-0001"),
        "nothing has it": lambda: find_service.find_by_number(ctx, "C9912-9999"),
        "book search, no letter": lambda: call_book_service.list_calls(
            ctx, CallFilter(search=middle[1:])),
    }
    ok = True
    for name, run in cases.items():
        wall, cpu = median_ms(run, runs)
        passed = wall <= TARGET_MS
        ok &= passed
        print(f"{name:24s} {wall:7.2f} ms wall {cpu:7.2f} ms CPU  "
              f"(target {TARGET_MS:.0f}) {'ok' if passed else 'SLOW'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    return run_on_store(__doc__, "bench_find", report, argv, runs=9)


if __name__ == "__main__":
    raise SystemExit(main())
