"""The bundled Chinese font, registered with ReportLab once per process on first use."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from itertools import groupby
from pathlib import Path

from reportlab import rl_config
from reportlab.graphics import shapes
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import tables

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
REGULAR = "SCSans"
BOLD = "SCSans-Bold"
FILES = {REGULAR: "SCSans-Regular.ttf", BOLD: "SCSans-Bold.ttf"}
# Han characters Noto Sans SC lacks (𠮷 of 𠮷野家), from Noto Sans JP/TC/KR: registered only
# when a document holds one, so the first print of the day does not pay for it.
EXTENSION = "SCSans-Ext"
EXTENSION_FILE = "SCSans-Ext.ttf"

_lock = threading.Lock()
_registered = False
registration_seconds: float | None = None  # measured cost of the one registration


def ensure_fonts() -> str:
    """Register Regular/Bold (10 MB TTFs, 40–90 ms) the first time; return the family name.

    ``<b>`` in a Paragraph and ``fontName=BOLD`` both pick the bold file, because the pair is
    mapped as one family (regular, bold, italic→regular, bold-italic→bold).
    """
    global _registered, registration_seconds
    if _registered:
        return REGULAR
    with _lock:
        if not _registered:
            started = time.perf_counter()
            for name, filename in FILES.items():
                font = TTFont(name, str(FONT_DIR / filename))
                _cache_tables(font)
                pdfmetrics.registerFont(font)
            pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD,
                                          italic=REGULAR, boldItalic=BOLD)
            for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR),
                                       (1, 1, BOLD)):
                addMapping(REGULAR, bold, italic, name)
            _make_default()
            ttfonts.makeToUnicodeCMap = _to_unicode_cmap
            registration_seconds = time.perf_counter() - started
            _registered = True
    return REGULAR


_extension: TTFont | None = None


def _extension_font() -> TTFont:
    global _extension
    with _lock:
        if _extension is None:
            font = TTFont(EXTENSION, str(FONT_DIR / EXTENSION_FILE))
            pdfmetrics.registerFont(font)
            _extension = font
    return _extension


def with_fallback(text: str, escape: Callable[[str], str]) -> str:
    """Paragraph markup of ``text`` (each run escaped by ``escape``) with the characters the
    bundled font lacks set in the extension font, so a name never prints as ☒."""
    if text.isascii():
        return escape(text)
    ensure_fonts()
    have = pdfmetrics.getFont(REGULAR).face.charToGlyph
    if all(ord(char) in have for char in text):
        return escape(text)
    extra = _extension_font().face.charToGlyph
    out: list[str] = []
    for is_extra, run in groupby(text, key=lambda c: ord(c) not in have and ord(c) in extra):
        chunk = escape("".join(run))
        out.append(f'<font name="{EXTENSION}">{chunk}</font>' if is_extra else chunk)
    return "".join(out)


def _cache_tables(font: TTFont) -> None:
    """Keep the font's tables once: ReportLab copies them (the 6 MB glyf too) per subset."""
    face = font.face
    tables: dict[str, bytes] = {}
    original = face.get_table

    def get_table(tag: str) -> bytes:
        if tag not in tables:
            tables[tag] = original(tag)
        return tables[tag]

    face.get_table = get_table


def _make_default() -> None:
    """Make the bundled font ReportLab's default, so no PDF names an unembedded Helvetica.

    Streams are compressed but not ASCII85-armoured (25 % smaller, and without the C
    accelerator ``rl_accel`` the pure-Python encoder costs ~20 ms per document).
    """
    rl_config.useA85 = 0
    rl_config.canvas_basefontname = REGULAR
    tables.CellStyle.fontname = REGULAR
    shapes.STATE_DEFAULTS["fontName"] = REGULAR


_reportlab_to_unicode = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap with characters outside the BMP written as UTF-16BE pairs.

    ReportLab writes ``<2C317>`` for 𬌗, which readers take as U+2C31 (ⰱ): the name printed
    right but searched, copied or read back wrong. The PDF wants ``<D870DF17>``.
    """
    cmap: str = _reportlab_to_unicode(fontname, subset)
    if all(code <= 0xFFFF for code in subset):
        return cmap
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            pair = chr(code).encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{index:02X}> <{code:04X}>", f"<{index:02X}> <{pair}>", 1)
    return cmap
