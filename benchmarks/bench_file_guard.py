"""What the live-file guard costs: µs per check, and a write transaction with and without it.

    python benchmarks/bench_file_guard.py

A write transaction runs the check three times (before BEGIN IMMEDIATE, before COMMIT and
after it, app/db/file_guard.py). Prints the median of ``--runs`` runs of ``--n`` checks, and
of ``--n`` one-row write transactions through ``Database.write`` with the guard on and off.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from app.db.database import Database


def _per_call_us(fn, n: int) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Database(str(Path(folder) / "bench.sqlite"))
        with db.write(None) as session:
            session.execute(text("CREATE TABLE t (x INTEGER)"))
        guard = db.guard
        assert guard is not None

        def write() -> None:
            with db.write(None) as session:
                session.execute(text("INSERT INTO t VALUES (1)"))

        checks, on, off = [], [], []
        real_check = guard.check
        for _ in range(args.runs):
            checks.append(_per_call_us(real_check, args.n))
            on.append(_per_call_us(write, args.n // 4))
            guard.check = lambda: None  # type: ignore[method-assign]
            off.append(_per_call_us(write, args.n // 4))
            guard.check = real_check  # type: ignore[method-assign]
        db.dispose()
    med = statistics.median
    print(f"guard check: {med(checks):.1f} µs; write transaction: {med(on):.0f} µs guarded, "
          f"{med(off):.0f} µs unguarded (3 checks each)")


if __name__ == "__main__":
    main()
