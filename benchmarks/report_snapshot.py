"""Every report an optimisation may touch, written out whole, to compare before and after.

    python benchmarks/report_snapshot.py --db bench-data/bench_200000.sqlite out-before.txt
    ... change the code ...
    python benchmarks/report_snapshot.py --db bench-data/bench_200000.sqlite out-after.txt
    cmp out-before.txt out-after.txt

Writes the ``repr`` of the monthly reports of ``--months`` (default: the busiest month, the
first and the last month of the store and two in between), of the year's reports of
``--year`` (default: the busiest year) and of each register's full sheet.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bootstrap import open_database  # noqa: E402
from app.models.enums import Role  # noqa: E402
from app.services.context import Actor, ServiceContext  # noqa: E402


def default_months(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        months = [m for m, in conn.execute(
            "SELECT DISTINCT substr(dispatched_at, 1, 7) FROM jobs ORDER BY 1")]
        busiest = conn.execute("SELECT substr(dispatched_at, 1, 7) m FROM jobs GROUP BY m "
                               "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    picked = {months[0], months[len(months) // 3], months[2 * len(months) // 3], months[-1],
              busiest}
    return sorted(picked)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench-data" / "bench_200000.sqlite")
    parser.add_argument("--months", nargs="*")
    parser.add_argument("--year", type=int)
    parser.add_argument("--no-registers", action="store_true")
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("SERVICE_COUNTER_DATA", tempfile.mkdtemp(prefix="sc-bench-"))
    from app.services import voice_dto, yearly_service
    from app.services import voice_registers as registers
    from app.services.monthly_report_service import monthly_report, parse_month

    db = open_database(str(args.db))
    ctx = ServiceContext(db, Actor(None, "bench", "bench", Role.ADMIN, "bench"))
    months = args.months or default_months(args.db)
    with args.out.open("w", encoding="utf-8") as out:
        for month in months:
            out.write(f"== month {month}\n{monthly_report(ctx, parse_month(month))!r}\n")
            print("month", month, flush=True)
        year = args.year or int(max(months)[:4]) - 1
        out.write(f"== year {year}\n{yearly_service.year_reports(ctx, year)!r}\n")
        print("year", year, flush=True)
        if not args.no_registers:
            for kind in registers.KINDS:
                for limit in (registers.PAGE, None):
                    sheet = registers.register_sheet(
                        ctx, voice_dto.RegisterFilter(kind), limit=limit)
                    out.write(f"== register {kind} {limit}\n{sheet.total} "
                              f"{sheet.rows!r} {sheet.ids!r}\n")
                print("register", kind, flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
