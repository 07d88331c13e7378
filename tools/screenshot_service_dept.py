"""The 服务部 page of a demo company of three branches, each tab, and the parts page's move
between branches, as the service department sees them (issue 17). Chinese, 1366 × 768.

    python tools/screenshot_service_dept.py [OUT_DIR]      # default /tmp/shots
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots").resolve()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["SERVICE_COUNTER_DATA"] = str(OUT / "data")
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from shots import chinese_app, main_window_as  # noqa: E402


def main() -> None:
    from app.bootstrap import open_database
    from app.demo import generate
    from app.ui.dialogs.parts_dialogs import BranchTransferDialog

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "demo-company.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(str(path), create="always")
    generate(db, calls=600, branches=3)
    app = chinese_app(OUT)
    window = main_window_as(db, OUT, "admin", "admin123")
    window.resize(1366, 768)
    window.show()
    page = window.open_page("service_dept")
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(OUT / f"service_dept_{index}.png"))
    parts = window.open_page("parts")
    parts.table.selectRow(0)
    part = parts.model.row_at(0)
    dialog = BranchTransferDialog(window.session, part, window)
    dialog.show()
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(str(OUT / "branch_transfer.png"))
    dialog.close()
    window.close()
    app.processEvents()
    db.dispose()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
