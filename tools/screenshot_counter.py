"""README screenshots on a counter PC's screen (1366×768, 1366×728 after the taskbar), in
Chinese: the call-log book, the dispatch board, a walk-in take-in and the supervisor's Today.

    python tools/screenshot_counter.py [OUT_DIR]      # default /tmp/shots

Builds a throw-away demo database of 3,000 calls in OUT_DIR (about a minute).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots").resolve()
OUT.mkdir(parents=True, exist_ok=True)
SCREEN = OUT / "screen-1366x728.json"
SCREEN.write_text(json.dumps({"screens": [{"name": "counter", "x": 0, "y": 0, "width": 1366,
                                            "height": 728, "logicalDpi": 96,
                                            "logicalBaseDpi": 96, "dpr": 1}]}))
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
os.environ["SERVICE_COUNTER_DATA"] = str(OUT / "data")
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from PySide6.QtCore import QSettings  # noqa: E402
from shots import chinese_app  # noqa: E402

from app.bootstrap import open_database  # noqa: E402
from app.demo import generate  # noqa: E402
from app.services import auth_service  # noqa: E402


def settle(app: object, n: int = 6) -> None:
    for _ in range(n):
        app.processEvents()  # type: ignore[attr-defined]


def main() -> None:
    from app.ui.app import build_main_window
    from app.ui.dialogs.take_in_dialog import WalkInTakeInDialog
    from app.ui.settings_store import SettingsStore

    path = OUT / "demo-counter.sqlite"
    if not path.exists():
        db = open_database(str(path), create="always")
        generate(db, calls=3000)
    else:
        db = open_database(str(path))
    app = chinese_app(OUT)
    settings = SettingsStore(QSettings(str(OUT / "settings.ini"), QSettings.Format.IniFormat))
    for user, password, page, name in (("clerk", "clerk123", "calls", "call_log"),
                                       ("super", "super123", "dispatch", "dispatch_board"),
                                       ("super", "super123", "today", "today")):
        actor = auth_service.log_in(db, user, password, workstation="counter-1")
        window = build_main_window(db, actor, settings, "zh_CN")
        window.setGeometry(0, 0, 1366, 728)
        window.show()
        window.open_page(page)
        settle(app)
        window.grab().save(str(OUT / f"{name}.png"))
        print(f"{name}: {window.width()}×{window.height()}")
        if page == "calls":
            dialog = WalkInTakeInDialog(window.session, window)
            dialog.show()
            dialog.start_new_customer("13912345678")
            dialog.item_combo.setCurrentIndex(dialog.item_combo.count() - 1)
            settle(app)
            dialog.grab().save(str(OUT / "take_in.png"))
            print(f"take_in: {dialog.width()}×{dialog.height()}")
            dialog.done(0)
        window.close()
        settle(app)
    db.dispose()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
