"""The bundled Chinese font, registered with ReportLab once per process on first use.

Parsing a 10 MB TrueType file (its 30,000-glyph cmap and metrics) costs ReportLab 40–180 ms
per face, paid by the first print of the day. What the parse finds is kept once per PC in
the user's cache folder (``config.cache_dir() / "fonts"``, ~1 MB a face, marshal) and read
back in a few ms; the font file itself is mapped, not read, and its glyphs are still
subset and embedded by ReportLab as before. The cache is keyed by the file's size and
modification time and ReportLab's version, rebuilt when any changes, and never required:
an unwritable or damaged cache only costs the parse.
"""

from __future__ import annotations

import gc
import logging
import marshal
import mmap
import os
import threading
import time
from collections.abc import Callable
from itertools import groupby
from pathlib import Path
from typing import Any

import reportlab
from reportlab import rl_config
from reportlab.graphics import shapes
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFont, TTFontFace
from reportlab.platypus import tables

log = logging.getLogger(__name__)

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
    """Register Regular/Bold (10 MB TTFs: a few ms from the cache, 80–360 ms parsed) the
    first time; return the family name.

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
                font = load_font(name, FONT_DIR / filename)
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
            font = load_font(EXTENSION, FONT_DIR / EXTENSION_FILE)
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


# ---- the parsed faces, kept once per PC --------------------------------------------------

CACHE_VERSION = 1
_NAME_FIELDS = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
_SKIPPED = {"_ttf_data", "_pdfScale", "glyphToChar"}  # the file; a closure; rebuilt on use
parsed_files: list[str] = []  # fonts this process had to parse (none once the cache is warm)


class _CachedFace(TTFontFace):  # type: ignore[misc]
    """A face restored from the cache: ``glyphToChar`` (only text shaping reads it, and it
    is half the cache's load time) is rebuilt from ``charToGlyph`` when first asked for."""

    def __getattr__(self, attr: str) -> Any:
        if attr != "glyphToChar":
            raise AttributeError(attr)
        glyph_to_char: dict[int, list[int]] = {}
        for char, glyph in self.__dict__["charToGlyph"].items():
            glyph_to_char.setdefault(glyph, []).append(char)
        self.glyphToChar = glyph_to_char
        return glyph_to_char


def load_font(name: str, path: Path) -> TTFont:
    """``TTFont(name, path)``, from the cache of its parsed face when there is one."""
    key = _cache_key(path)
    cache = _cache_file(path)
    face = _restore(cache, key, path) if cache is not None else None
    if face is not None:
        font = TTFont.__new__(TTFont)
        _init_font(font, name, face)
        return font
    parsed_files.append(path.name)
    font = TTFont(name, str(path))
    if cache is not None:
        _store(cache, key, font.face)
    return font


def _init_font(font: TTFont, name: str, face: TTFontFace) -> None:
    """What ``TTFont.__init__`` does, with the face given instead of parsed."""
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab.pdfbase.ttfonts import TTEncoding

    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in ttfonts.unShapedFontGlob or ())


def _cache_key(path: Path) -> list[object]:
    stat = path.stat()
    return [CACHE_VERSION, reportlab.Version, stat.st_size, stat.st_mtime_ns]


def _cache_file(path: Path) -> Path | None:
    try:
        from app.config import cache_dir

        return cache_dir() / "fonts" / f"{path.stem}.marshal"
    except OSError:
        return None


def _restore(cache: Path, key: list[object], path: Path) -> TTFontFace | None:
    collecting = gc.isenabled()
    gc.disable()  # 60,000 fresh ints and tuples: a full collection mid-load doubles its time
    try:
        stored_key, state = marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    finally:
        if collecting:
            gc.enable()
    if stored_key != key:
        return None
    face = _CachedFace.__new__(_CachedFace)
    state["filename"] = str(path)
    for field in _NAME_FIELDS:
        state[field] = TTFNameBytes(state[field])
    state["tables"] = [state["table"][tag] for tag in state["tables"]]
    face.__dict__.update(state)
    units = state["unitsPerEm"]
    face._pdfScale = (lambda x: x) if units == 1000 else (lambda x: x * (1000 / units))
    with path.open("rb") as file:  # mapped: only the glyphs a document uses are read
        face._ttf_data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    return face


def _store(cache: Path, key: list[object], face: TTFontFace) -> None:
    """Write the parsed face for the next process; a failure only costs the next the parse."""
    state = {k: v for k, v in face.__dict__.items() if k not in _SKIPPED}
    for field in _NAME_FIELDS:
        state[field] = bytes(state[field])
    state["tables"] = [record["tag"] for record in state["tables"]]
    state["fontRevision"] = list(state["fontRevision"])
    try:
        data = marshal.dumps((key, state))
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_name(f"{cache.name}.{os.getpid()}.part")
        partial.write_bytes(data)
        os.replace(partial, cache)  # another process reads the old file or the new, never half
    except (OSError, ValueError) as exc:
        log.warning("font cache %s not written: %s", cache, exc)


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
