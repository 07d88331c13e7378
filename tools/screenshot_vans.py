"""Screenshots of the stock places (库房 / 车上), in Chinese, at 1366×768.

    python tools/screenshot_vans.py [OUT_DIR]   # default /tmp/shots-vans

Builds (once; kept in OUT_DIR) a demo database, then grabs: the supervisor's parts page
(total, store, vans; every van below), the transfer dialog, the technician's parts page (his
own van) and his visit dialog with the van and store quantities in the parts picker.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-vans").resolve()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["SERVICE_COUNTER_DATA"] = str(OUT / "data")
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from shots import chinese_app  # noqa: E402

from app.bootstrap import open_database  # noqa: E402
from app.demo import generate  # noqa: E402
from app.services import auth_service  # noqa: E402


def _grab(app: QApplication, widget: QWidget, name: str) -> None:
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(OUT / f"{name}.png"))
    print(f"screenshot in {OUT / name}.png")


def main() -> None:
    from app.ui.app import build_main_window
    from app.ui.dialogs.parts_dialogs import TransferDialog
    from app.ui.settings_store import SettingsStore

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "demo-vans.sqlite"
    fresh = not path.exists()
    db = open_database(str(path), create="always" if fresh else "never")
    if fresh:
        generate(db, calls=1500)
    app = chinese_app(OUT)
    settings = SettingsStore(QSettings(str(OUT / "settings.ini"), QSettings.Format.IniFormat))
    for username, password in (("super", "super123"), ("tech1", "tech123")):
        actor = auth_service.log_in(db, username, password, workstation="counter-1")
        window = build_main_window(db, actor, settings, "zh_CN")
        window.resize(1366, 768)
        window.show()
        page = window.open_page("parts")
        _grab(app, window, f"parts-{username}")
        if username == "super" and page is not None:
            part = page.model.row_at(1)
            if part is not None:
                dialog = TransferDialog(page.session, part, window)
                dialog.show()
                _grab(app, dialog, "transfer-dialog")
                dialog.close()
        if username == "tech1":
            jobs = window.open_page("my_jobs")
            if jobs is not None and jobs.jobs_model.rowCount():
                jobs.jobs_view.selectRow(0)
                visit = jobs.record_visit()
                if visit is not None:
                    visit.picker.part_combo.showPopup()
                    _grab(app, visit, "visit-dialog")
                    visit.picker.part_combo.hidePopup()
                    visit.close()
        window.close()
        app.processEvents()
    db.dispose()


if __name__ == "__main__":
    main()
