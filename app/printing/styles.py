"""Paragraph styles in the bundled font, and the page sizes the store prints on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib import textsplit as _textsplit
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import paragraph as _paragraph

from app.printing.fonts import BOLD, REGULAR, ensure_fonts

# ReportLab's CJK wrap keeps a character that cannot start a line at the end of the line
# before, but its list lacks Chinese full-width punctuation: the receipt's terms printed a
# line starting with "，". Added once, here, where every printout takes its styles from
# (both modules hold the list: one-font paragraphs wrap in textsplit, mixed ones in
# paragraph).
CHINESE_CANNOT_START = "，。、；：？！）》」』】〉〗〕”’…～·％"
_CANNOT_START = "".join(dict.fromkeys(_textsplit.ALL_CANNOT_START + CHINESE_CANNOT_START))
_textsplit.ALL_CANNOT_START = _CANNOT_START
_paragraph.ALL_CANNOT_START = _CANNOT_START

__all__ = ["A4", "A5", "LABEL_DEFAULT_MM", "THERMAL_PRINTABLE", "THERMAL_WIDTH",
           "DocStyles", "PageSize", "label_size", "styles"]

PageSize = tuple[float, float]

THERMAL_WIDTH = 80 * mm  # paper roll width
THERMAL_PRINTABLE = 72 * mm  # what the print head reaches
THERMAL_MARGIN = (THERMAL_WIDTH - THERMAL_PRINTABLE) / 2
LABEL_DEFAULT_MM = (100.0, 70.0)

INK = colors.black
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#888888")
SHADE = colors.HexColor("#EEEEEE")
# A 203-dpi thermal head prints a dot or none: no grey, nothing under 8 pt, no hairlines.
THERMAL_MIN_PT = 8.0
THERMAL_RULE_PT = 0.75  # 2 dots at 203 dpi


def label_size(width_mm: float = LABEL_DEFAULT_MM[0],
               height_mm: float = LABEL_DEFAULT_MM[1]) -> PageSize:
    """A label (tag) page, landscape as it comes off the label printer."""
    return (width_mm * mm, height_mm * mm)


@dataclass(frozen=True)
class DocStyles:
    """The named styles every document uses; ``size`` is the body font size in points."""

    size: float
    thermal: bool  # black only, 8 pt at least, rules of whole dots (thermal rolls and tags)
    body: ParagraphStyle
    bold: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    header_name: ParagraphStyle
    table_header: ParagraphStyle
    right: ParagraphStyle
    centre: ParagraphStyle

    @property
    def rule(self) -> colors.Color:
        """Colour of grid lines and rules: grey on a laser page, black on a thermal one."""
        return INK if self.thermal else RULE

    @property
    def rule_width(self) -> float:
        return THERMAL_RULE_PT if self.thermal else 0.5


@lru_cache(maxsize=32)
def styles(size: float = 10.0, *, thermal: bool = False) -> DocStyles:
    """Styles scaled from a body size (10 pt forms, 8.5 pt receipts, 8 pt tags).

    ``thermal``: every text black and at least ``THERMAL_MIN_PT`` (labels and terms in
    light grey 7 pt lose strokes on a 203-dpi head: 机身号 prints as 机身弓).
    """
    ensure_fonts()
    lead = size * 1.35

    small = max(size * 0.82, THERMAL_MIN_PT) if thermal else size * 0.82
    muted = INK if thermal else MUTED
    lab = max(size * 0.9, THERMAL_MIN_PT) if thermal else small
    tag = "t" if thermal else "p"
    # A thermal form's labels and values are bold: regular strokes at 8–10 pt come back from
    # a 203-dpi 1-bit print misread (收款人 → 收坎人, 用时 → 有时, the C of C2612 → 《);
    # the terms (``small``, running text) stay regular: bold there fills the counters.
    text_font = BOLD if thermal else REGULAR

    def make(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {"fontName": text_font, "fontSize": size, "leading": lead,
                                   "wordWrap": "CJK", "textColor": INK}
        base.update(kw)
        return ParagraphStyle(f"sc-{name}-{size}-{tag}", **base)

    return DocStyles(
        size=size,
        thermal=thermal,
        body=make("body"),
        bold=make("bold", fontName=BOLD),
        small=make("small", fontName=REGULAR, fontSize=small, leading=small * 1.3,
                   textColor=muted),
        # on a thermal roll a label is as large as its value: 8-pt labels read back badly
        # from a 203-dpi 1-bit print (客户 lost, 技 → 近)
        label=make("label", fontSize=lab, leading=lab * 1.3, textColor=muted),
        value=make("value"),
        title=make("title", fontName=BOLD, fontSize=size * 1.6, leading=size * 2.0,
                   alignment=TA_CENTER, spaceAfter=size * 0.4),
        subtitle=make("subtitle", fontName=BOLD, fontSize=size * 1.15, leading=size * 1.5,
                      spaceBefore=size * 0.6, spaceAfter=size * 0.2),
        header_name=make("header-name", fontName=BOLD, fontSize=size * 1.3,
                         leading=size * 1.6),
        table_header=make("table-header", fontName=BOLD, fontSize=lab,
                          leading=lab * 1.3),
        right=make("right", alignment=TA_RIGHT),
        centre=make("centre", alignment=TA_CENTER),
    )
