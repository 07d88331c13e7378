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

from shots import chinese_app, fresh_demo, main_window_as  # noqa: E402


def main() -> None:
    db = fresh_demo(OUT, "main-window", calls=3000)
    app = chinese_app(OUT)
    window = main_window_as(db, OUT, "clerk", "clerk123")
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
