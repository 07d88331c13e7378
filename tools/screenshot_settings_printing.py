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

from shots import chinese_app, fresh_demo, main_window_as  # noqa: E402


def main() -> None:
    from app.ui.pages.settings_page import SettingsPage

    db = fresh_demo(OUT, "settings", calls=20)
    app = chinese_app(OUT)
    window = main_window_as(db, OUT, "admin", "admin123")
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
