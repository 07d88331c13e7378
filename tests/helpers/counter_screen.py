"""The counter PC's screen: 1366×768 less the taskbar. Qt's offscreen platform takes its screens
from a JSON file; every window the tests show must fit this area (tests/ui/test_screen_fit.py)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

COUNTER_SCREEN = (1366, 728)


def offscreen_platform() -> str:
    """The QT_QPA_PLATFORM value for an offscreen screen of COUNTER_SCREEN."""
    path = Path(tempfile.gettempdir()) / "sc-counter-screen-1366x728.json"
    path.write_text(json.dumps({"screens": [{
        "name": "counter", "x": 0, "y": 0, "width": COUNTER_SCREEN[0],
        "height": COUNTER_SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}),
        encoding="utf-8")
    return f"offscreen:configfile={path}"
