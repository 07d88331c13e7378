"""Screenshots of the customer-voice pages and registers, in Chinese, at 1366×768.

    python tools/screenshot_voice.py [OUT_DIR] [PAGE:TAB ...]   # default /tmp/shots-voice

Builds (once; kept in OUT_DIR) a demo database of 3,000 calls, logs the supervisor in and
grabs each page named (the main window's page keys; ``:N`` picks the page's tab N).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-voice").resolve()
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
    path = OUT / "demo-voice.sqlite"
    fresh = not path.exists()
    db = open_database(str(path), create="always" if fresh else "never")
    if fresh:
        generate(db, calls=3000)
    app = chinese_app(OUT)
    settings = SettingsStore(QSettings(str(OUT / "settings.ini"), QSettings.Format.IniFormat))
    actor = auth_service.log_in(db, "super", "super123", workstation="counter-1")
    window = build_main_window(db, actor, settings, "zh_CN")
    window.resize(1366, 768)
    window.show()
    for spec in sys.argv[2:] or ["surveys:1"]:
        key, _, tab = spec.partition(":")
        page = window.open_page(key)
        if page is None:
            print(f"no page {key}")
            continue
        tabs = getattr(page, "tabs", None)
        if tab and tabs is not None:
            tabs.setCurrentIndex(int(tab))
        show = getattr(page, "show_stats", None)
        if tab and callable(show):
            show()
        for _ in range(5):
            app.processEvents()
        name = spec.replace(":", "-")
        window.grab().save(str(OUT / f"{name}.png"))
        print(f"screenshot in {OUT / name}.png")
    window.close()
    app.processEvents()
    db.dispose()


if __name__ == "__main__":
    main()
