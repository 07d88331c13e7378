"""The Today page (今日) for every role on a built demo store (200,000 or 1,000,000 calls).

    python benchmarks/bench_today.py            # builds bench-data/bench_find_200000.sqlite
    python benchmarks/bench_today.py --reuse    # reuses it (shared with bench_find_number.py)
    python benchmarks/bench_today.py --dir /tmp/perf --reuse --calls 1000000

For each role (supervisor, clerk, technician, accountant, manager) prints the median of
``--runs`` warm runs of (1) the page shown — a TodayPage built, read, shown and painted
(offscreen Qt), as when the user opens it — and (2) today_service.today alone, wall and CPU
milliseconds, with the lines it gave. Target: 150 ms for the page shown.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_dispatch import median_ms  # noqa: E402
from bench_store import run_on_store  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from app.db.database import Database  # noqa: E402
from app.models.calls import Call  # noqa: E402
from app.models.enums import Role  # noqa: E402
from app.models.staff import User  # noqa: E402
from app.services import today_service  # noqa: E402
from app.services.context import Actor, ServiceContext  # noqa: E402

TARGET_MS = 150.0
ROLES = (Role.SUPERVISOR, Role.CLERK, Role.TECHNICIAN, Role.ACCOUNTANT, Role.MANAGER)


def as_role(db: Database, role: Role) -> ServiceContext | None:
    with db.read() as session:
        user = session.scalar(select(User).where(User.role == role.value,
                                                 User.active.is_(True)).order_by(User.id)
                              .limit(1))
        if user is None:
            return None
        return ServiceContext(db, Actor(user.id, user.username, user.display_name, role,
                                        "bench"))


def report(db: Database, runs: int) -> bool:
    from PySide6.QtWidgets import QApplication

    from app.ui.pages.today_page import TodayPage
    from app.ui.session import AppSession

    app = QApplication.instance() or QApplication([])
    with db.read() as session:
        calls = session.scalar(select(func.count()).select_from(Call))
    print(f"{calls:,} calls; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    ok = True
    for role in ROLES:
        ctx = as_role(db, role)
        if ctx is None:
            print(f"Today, {role.value:10s} no such user in the store")
            continue
        session_ = AppSession(db, ctx)

        def shown(s: AppSession = session_) -> None:
            page = TodayPage(s)
            page.resize(1000, 600)
            page.show()
            page.refresh()  # as MainWindow._show does
            app.processEvents()
            page.hide()
            page.deleteLater()

        page_wall, page_cpu = median_ms(shown, runs)
        wall, cpu = median_ms(lambda c=ctx: today_service.today(c), runs)
        lines = today_service.today(ctx)
        passed = page_wall <= TARGET_MS
        ok &= passed
        print(f"Today, {role.value:10s} page {page_wall:7.1f} ms wall {page_cpu:7.1f} ms CPU; "
              f"service {wall:7.1f} / {cpu:7.1f} (target {TARGET_MS:.0f}) "
              f"{'ok' if passed else 'SLOW'}: "
              + ", ".join(f"{line.key}={line.count}{'+' if line.more else ''}"
                          for line in lines))
    app.processEvents()
    return ok


def main(argv: list[str] | None = None) -> int:
    return run_on_store(__doc__, "bench_find", report, argv, runs=7)


if __name__ == "__main__":
    raise SystemExit(main())
