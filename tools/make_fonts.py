"""Cut the variable Noto Sans SC into static Regular and Bold TrueType files (run once).

ReportLab embeds only TrueType outlines and cannot use a variable font's weights; after
instancing both files keep the name "Noto Sans SC Thin", so the name table is rewritten
(ECOSYSTEM.md). Every character of the source is kept: GBK, all 8,105 characters of
通用规范汉字表 (䶮 U+4DAE, 𬌗 U+2C317 and the other 274 a GBK cut missed) and the rest of
Noto Sans SC's repertoire. ``resources/fonts/tongyong-8105.txt`` (the list, from Unihan's
kTGH field: Debian's unicode-data package) is written beside the fonts and checked against
their cmap. Needs the dev extra (fontTools), the PyPI package justmytype-intl-cjk as the
source, and unicode-data (``apt-get install unicode-data``) for the list.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

OUT = Path(__file__).resolve().parents[1] / "resources" / "fonts"


def _source(lang: str = "sc") -> Path:
    import justmytype_intl_cjk  # type: ignore[import-not-found]

    base = Path(justmytype_intl_cjk.__file__).parent / "fonts" / "ofl" / f"notosans{lang}"
    return base / f"NotoSans{lang.upper()}[wght].ttf"


def _han(code: int) -> bool:
    return (0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x3FFFF)


def make_extension(sc_points: set[int]) -> Path:
    """``SCSans-Ext.ttf``: the Han characters Noto Sans JP, TC and KR have and SC lacks
    (𠮷 of 𠮷野家 among 2,376), one weight; forms and screens fall back to it per character."""
    from fontTools.merge import Merger

    parts, taken = [], set(sc_points)
    for lang in ("jp", "tc", "kr"):
        font = instancer.instantiateVariableFont(TTFont(_source(lang)), {"wght": 400})
        points = {c for c in font.getBestCmap() if _han(c) and c not in taken}
        taken |= points
        options = subset.Options()
        options.layout_features = []
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=points)
        subsetter.subset(font)
        path = OUT / f".ext-{lang}.ttf"
        font.save(path)
        parts.append(path)
    merged = Merger().merge([str(p) for p in parts])
    for path in parts:
        path.unlink()
    _rename(merged, "Regular", family="Service Counter Sans Ext", ps="SCSans-Ext")
    target = OUT / "SCSans-Ext.ttf"
    merged.save(target)
    return target


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


UNIHAN = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")
LIST = OUT / "tongyong-8105.txt"


def tongyong_from_unihan(path: Path = UNIHAN) -> list[str]:
    """The 8,105 characters of 通用规范汉字表 in the list's own order (kTGH ``2013:N``)."""
    import bz2

    ranked: list[tuple[int, str]] = []
    with bz2.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if "\tkTGH\t" in line:
                code, _, value = line.rstrip("\n").split("\t")
                ranked.append((int(value.split(":")[1]), chr(int(code[2:], 16))))
    return [char for _, char in sorted(ranked)]


def _source_codepoints() -> set[int]:
    return set(TTFont(_source(), lazy=True).getBestCmap())


def _rename(font: TTFont, style: str, *, family: str = "Service Counter Sans",
            ps: str = "") -> None:
    full, ps = f"{family} {style}", ps or f"SCSans-{style}"
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
    tongyong = tongyong_from_unihan()
    points = _gbk_codepoints() | _source_codepoints()
    missing = [c for c in tongyong if ord(c) not in points]
    if len(tongyong) != 8105 or missing:
        raise SystemExit(f"the source lacks {len(missing)} of 通用规范汉字表: {missing[:10]}")
    OUT.mkdir(parents=True, exist_ok=True)
    LIST.write_text("".join(tongyong) + "\n", encoding="utf-8")
    for style, weight in (("Regular", 400), ("Bold", 700)):
        print(make(style, weight, points))
    print(make_extension(points))
    (OUT / "OFL.txt").write_bytes((_source().parent / "OFL.txt").read_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main())
