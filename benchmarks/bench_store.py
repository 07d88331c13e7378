"""The command line shared by the benchmarks that run on a built store.

``--calls N`` builds (or with ``--reuse`` reuses) ``bench-data/PREFIX_N.sqlite`` with
``bench_call_log.build`` and hands the open database to the benchmark's ``report``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from app.bootstrap import open_database
from app.db.database import Database

ROOT = Path(__file__).resolve().parents[1]


def run_on_store(description: str | None, prefix: str, report: Callable[[Database, int], bool],
                 argv: list[str] | None = None, *, runs: int = 7) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--calls", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--dir", type=Path, default=ROOT / "bench-data")
    parser.add_argument("--reuse", action="store_true", help="reuse the database if present")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SERVICE_COUNTER_DATA", str(args.dir / "data"))
    path = args.dir / f"{prefix}_{args.calls}.sqlite"
    if not (args.reuse and path.exists()):
        from bench_call_log import build

        build(path, args.calls)
    db = open_database(str(path))
    try:
        return 0 if report(db, args.runs) else 1
    finally:
        db.dispose()
