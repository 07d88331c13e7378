"""Every character of 通用规范汉字表 (8,105, 196 outside the BMP) prints and shows.

The list is ``resources/fonts/tongyong-8105.txt``, written by ``tools/make_fonts.py`` from
Unihan's kTGH field; where Debian's unicode-data is installed it is checked against it.
"""

from __future__ import annotations

import bz2
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from app.printing.fonts import FILES, FONT_DIR, ensure_fonts
from tests.helpers.pdf import PdfCheck

LIST = FONT_DIR / "tongyong-8105.txt"
UNIHAN = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")


def tongyong() -> str:
    return LIST.read_text(encoding="utf-8").strip()


def test_the_list_has_the_8105_characters_of_unihan_ktgh() -> None:
    chars = tongyong()
    assert len(chars) == len(set(chars)) == 8105
    assert sum(ord(c) > 0xFFFF for c in chars) == 196
    assert {"䶮", "𬌗", "喆", "堃"} <= set(chars)
    if not UNIHAN.exists():
        pytest.skip(f"Debian's Unihan data ({UNIHAN}) is not installed: "
                    "apt-get install unicode-data")
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as lines:
        ktgh = {chr(int(line.split("\t")[0][2:], 16)) for line in lines if "\tkTGH\t" in line}
    assert ktgh == set(chars)


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_form_font_has_a_glyph_for_every_character(name: str) -> None:
    font = TTFont(name + "-probe", str(FONT_DIR / FILES[name]))
    cmap = font.face.charToGlyph
    missing = [c for c in tongyong() if cmap.get(ord(c), 0) == 0]
    assert missing == []


def test_every_character_prints_and_reads_back_from_the_pdf(pdfcheck: PdfCheck) -> None:
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from app.printing.styles import styles

    ensure_fonts()
    chars = tongyong()
    out = BytesIO()
    st = styles(10.0)
    SimpleDocTemplate(out, pagesize=A4).build(
        [Paragraph(chars[i:i + 500], style) for i in range(0, len(chars), 500)
         for style in (st.body, st.bold)])
    assert pdfcheck.fonts_embedded(out.getvalue())
    text = pdfcheck.flat_text(out.getvalue())
    assert [c for c in chars if c not in text] == []


def test_the_screen_font_shows_every_character(qapp: object) -> None:
    from PySide6.QtGui import QFont, QFontMetrics, QRawFont

    from app.ui.fonts import FAMILY, register_fonts

    assert FAMILY in register_fonts()
    for bold in (False, True):
        font = QFont(FAMILY, 12)
        font.setBold(bold)
        raw = QRawFont.fromFont(font)
        metrics = QFontMetrics(font)
        assert raw.familyName() == FAMILY
        missing = [c for c in tongyong()
                   if not raw.supportsCharacter(ord(c)) or not metrics.inFontUcs4(ord(c))]
        assert missing == [], f"{len(missing)} missing (bold={bold}): {''.join(missing[:20])}"


def test_a_name_beyond_noto_sans_sc_prints_and_shows_from_the_extension(
        pdfcheck: PdfCheck, qapp: object) -> None:
    from io import BytesIO

    from PySide6.QtGui import QFont, QRawFont

    from app.printing.flowables import para
    from app.printing.styles import styles
    from app.ui.fonts import EXTENSION_FAMILY, app_font, register_fonts

    out = BytesIO()
    from reportlab.platypus import SimpleDocTemplate

    SimpleDocTemplate(out).build([para("𠮷野家 <客户> 䶮", styles(10.0).body)])
    assert "𠮷野家<客户>䶮" in pdfcheck.flat_text(out.getvalue())
    assert {row.name.split("+")[-1] for row in pdfcheck.fonts(out.getvalue())} >= {
        "SCSans-Regular", "SCSans-Ext"}
    assert pdfcheck.fonts_embedded(out.getvalue())
    assert EXTENSION_FAMILY in register_fonts()
    assert EXTENSION_FAMILY in app_font().families()
    assert QRawFont.fromFont(QFont(EXTENSION_FAMILY, 12)).supportsCharacter(0x20BB7)
