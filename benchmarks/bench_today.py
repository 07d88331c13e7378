"""The Today page for a supervisor on a 200,000-call demo store.

    python benchmarks/bench_today.py            # builds bench-data/bench_find_200000.sqlite
    python benchmarks/bench_today.py --reuse    # reuses it (shared with bench_find_number.py)

Prints the median of ``--runs`` warm runs of today_service.today for a supervisor and for a
clerk. Target: 150 ms (the page shown).
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
from sqlalchemy import select  # noqa: E402

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
    return run_on_store(__doc__, "bench_find", report, argv, runs=7)


if __name__ == "__main__":
    raise SystemExit(main())
