"""The Today page for a supervisor on a 200,000-call demo store.

    python benchmarks/bench_today.py            # builds bench-data/bench_find_200000.sqlite
    python benchmarks/bench_today.py --reuse    # reuses it (shared with bench_find_number.py)

Prints the median of ``--runs`` warm runs of today_service.today for a supervisor and for a
clerk. Target: 150 ms (the page shown).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_dispatch import median_ms, supervisor  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app.bootstrap import open_database  # noqa: E402
from app.db.database import Database  # noqa: E402
from app.models.enums import Role  # noqa: E402
from app.models.staff import User  # noqa: E402
from app.services import today_service  # noqa: E402
from app.services.context import Actor, ServiceContext  # noqa: E402

TARGET_MS = 150.0


def clerk(db: Database) -> ServiceContext:
    with db.read() as session:
        user = session.scalar(select(User).where(User.role == Role.CLERK.value).limit(1))
        assert user is not None
        return ServiceContext(db, Actor(user.id, user.username, user.display_name, Role.CLERK,
                                        "bench"))


def report(db: Database, runs: int) -> bool:
    ok = True
    for name, ctx in (("supervisor", supervisor(db)), ("clerk", clerk(db))):
        lines = today_service.today(ctx)
        wall, cpu = median_ms(lambda c=ctx: today_service.today(c), runs)
        passed = wall <= TARGET_MS
        ok &= passed
        print(f"Today, {name:10s} {wall:7.1f} ms wall {cpu:7.1f} ms CPU "
              f"(target {TARGET_MS:.0f}) {'ok' if passed else 'SLOW'}: "
              + ", ".join(f"{line.key}={line.count}" for line in lines))
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=ROOT / "bench-data")
    parser.add_argument("--reuse", action="store_true", help="reuse the database if present")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SERVICE_COUNTER_DATA", str(args.dir / "data"))
    path = args.dir / f"bench_find_{args.calls}.sqlite"
    if not (args.reuse and path.exists()):
        from bench_call_log import build

        build(path, args.calls)
    db = open_database(str(path))
    try:
        return 0 if report(db, args.runs) else 1
    finally:
        db.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
