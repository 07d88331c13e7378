"""The bundled CJK font, registered with Qt so Chinese renders the same on every machine."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.ui import theme

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILES = ("SCSans-Regular.ttf", "SCSans-Bold.ttf", "SCSans-Ext.ttf")
FAMILY = "Service Counter Sans"
EXTENSION_FAMILY = "Service Counter Sans Ext"  # Han characters Noto Sans SC lacks (𠮷)

log = logging.getLogger(__name__)
_registered: list[str] = []


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt's database once per process; return their families."""
    if not _registered:
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / name))
            if font_id < 0:
                log.warning("could not load font %s", FONT_DIR / name)
                continue
            _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(dict.fromkeys(_registered))


def app_font(point_size: int = theme.BASE_POINT_SIZE) -> QFont:
    font = QFont(FAMILY, point_size)
    font.setFamilies([FAMILY, EXTENSION_FAMILY])  # a name with 𠮷 shows, not ☒
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def install_app_font(app: QApplication) -> QFont:
    """Register the bundled fonts and make "Service Counter Sans" the application font."""
    register_fonts()
    font = app_font()
    app.setFont(font)
    return font
