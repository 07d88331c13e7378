"""The Settings tab 打印（本机） (printers of this PC, each document's printer, paper and
one-keystroke printing) in Chinese at 1366 × 768, on a small demo store.

    python tools/screenshot_settings_printing.py [OUT_DIR]      # default /tmp/shots
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

from PySide6.QtCore import QSettings  # noqa: E402
from shots import chinese_app  # noqa: E402

from app.bootstrap import open_database  # noqa: E402
from app.demo import generate  # noqa: E402
from app.services import auth_service  # noqa: E402


def main() -> None:
    from app.ui.app import build_main_window
    from app.ui.pages.settings_page import SettingsPage
    from app.ui.settings_store import SettingsStore

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "demo-settings.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(str(path), create="always")  # a fresh file, deliberately
    generate(db, calls=20)
    app = chinese_app(OUT)
    settings = SettingsStore(QSettings(str(OUT / "settings.ini"), QSettings.Format.IniFormat))
    actor = auth_service.log_in(db, "admin", "admin123", workstation="counter-1")
    window = build_main_window(db, actor, settings, "zh_CN")
    window.resize(1366, 768)
    window.show()
    page = window.open_page("settings")
    assert isinstance(page, SettingsPage)
    page.tabs.setCurrentWidget(page.printing)
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(OUT / "settings_printing.png"))
    window.close()
    app.processEvents()
    db.dispose()
    print(f"screenshot in {OUT / 'settings_printing.png'}")


if __name__ == "__main__":
    main()
