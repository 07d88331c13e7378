"""Cut the variable Noto Sans SC into static Regular and Bold TrueType files (run once).

ReportLab embeds only TrueType outlines and cannot use a variable font's weights; after
instancing both files keep the name "Noto Sans SC Thin", so the name table is rewritten
(ECOSYSTEM.md). The glyphs are subset to GBK, which keeps rare name characters (喆 堃 赟).
Needs the dev extra (fontTools) and the PyPI package justmytype-intl-cjk as the source.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

OUT = Path(__file__).resolve().parents[1] / "resources" / "fonts"


def _source() -> Path:
    import justmytype_intl_cjk  # type: ignore[import-not-found]

    base = Path(justmytype_intl_cjk.__file__).parent / "fonts" / "ofl" / "notosanssc"
    return base / "NotoSansSC[wght].ttf"


def _gbk_codepoints() -> set[int]:
    points = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    points |= {0x3000 + i for i in range(0x40)} | {0xFF00 + i for i in range(0xF0)}
    points |= {0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00D7, 0x2116, 0x2460, 0x25A1,
               0x25A0, 0x2713, 0x2714, 0x2610, 0x2611, 0x00A5, 0xFFE5}
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                char = bytes([lead, trail]).decode("gbk")
            except UnicodeDecodeError:
                continue
            points.add(ord(char))
    return points


def _rename(font: TTFont, style: str) -> None:
    family, full, ps = "Service Counter Sans", f"Service Counter Sans {style}", f"SCSans-{style}"
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (16, 17, 21, 22, 25):
            names.removeNames(nameID=record.nameID)
    for name_id, value in ((1, family), (2, style), (3, f"{ps};instance"), (4, full), (6, ps)):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    font["OS/2"].usWeightClass = 700 if style == "Bold" else 400
    font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0b1100001) | (
        0b100000 if style == "Bold" else 0b1000000)
    font["head"].macStyle = 1 if style == "Bold" else 0


def make(style: str, weight: int, codepoints: set[int]) -> Path:
    font = instancer.instantiateVariableFont(TTFont(_source()), {"wght": weight})
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    _rename(font, style)
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"SCSans-{style}.ttf"
    font.save(target)
    return target


def main() -> int:
    points = _gbk_codepoints()
    for style, weight in (("Regular", 400), ("Bold", 700)):
        print(make(style, weight, points))
    (OUT / "OFL.txt").write_bytes((_source().parent / "OFL.txt").read_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main())
