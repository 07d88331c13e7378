"""The README's main-window screenshot: the demo store, a clerk logged in, in Chinese.

    python tools/screenshot_main_window.py [OUT_DIR]      # default /tmp/shots

Builds a throw-away demo database of 3,000 calls in OUT_DIR (about a minute), compiles the
current Chinese translation and grabs the main window on the call-log book.
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
    from app.ui.settings_store import SettingsStore

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "demo-main-window.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(str(path), create="always")  # a fresh file, deliberately
    generate(db, calls=3000)
    app = chinese_app(OUT)
    settings = SettingsStore(QSettings(str(OUT / "settings.ini"), QSettings.Format.IniFormat))
    actor = auth_service.log_in(db, "clerk", "clerk123", workstation="counter-1")
    window = build_main_window(db, actor, settings, "zh_CN")
    window.resize(1440, 860)
    window.show()
    for _ in range(5):  # the count and the status bar arrive after the rows
        app.processEvents()
    window.grab().save(str(OUT / "main_window.png"))
    window.close()
    app.processEvents()
    db.dispose()
    print(f"screenshot in {OUT / 'main_window.png'}")


if __name__ == "__main__":
    main()
