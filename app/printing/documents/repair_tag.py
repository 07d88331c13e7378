"""The repair card tag (修护卡) hung on the item: card number, QR, customer, item, fault, and
(§十二) the actual repair time and the parts replaced: printed when recorded, ruled lines to
write them in by hand when not.

Everything fits one label whatever was typed: each value may take a few lines, and when the
whole does not fit the type gets smaller (never under ``MIN_VALUE_PT``) and the long values
shorter, cut at whole characters with "…".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Table, TableStyle

from app.printing.base import LabelDocument, measure_height
from app.printing.documents.carry_in_common import (
    item_text,
    receipt_void,
)
from app.printing.flowables import QRCode, clamp_text, esc, para
from app.printing.fonts import BOLD
from app.printing.formatting import fmt_date, hours_text
from app.printing.styles import INK, THERMAL_RULE_PT, DocStyles, label_size, styles
from app.printing.text import pt
from app.services.carry_in_dto import CarryInDTO, PrintPack

MIN_VALUE_PT = 7.5  # 21 dots at 203 dpi: the smallest a CJK name stays legible on the head
PEN_LINE = 5.5 * mm  # height of a ruled line to write on
# the label stands this far above its pen line: a rule running along the text's foot makes
# OCR (and a tired eye) read 维修用时 as 维修肝
PEN_GAP = 3.0


@dataclass(frozen=True)
class Plan:
    """How much room each value gets: type size and lines."""

    size: float  # points, of the values
    short_lines: int  # customer, item, serial
    fault_lines: int
    parts_lines: int


# Roomiest first; each next plan gives up a little, type first, then lines.
PLANS = (
    Plan(9.0, 2, 6, 3), Plan(8.5, 2, 5, 3), Plan(8.0, 2, 5, 2), Plan(8.0, 2, 4, 2),
    Plan(8.0, 1, 4, 2), Plan(8.0, 1, 3, 2), Plan(MIN_VALUE_PT, 1, 3, 1),
    Plan(MIN_VALUE_PT, 1, 2, 1), Plan(MIN_VALUE_PT, 1, 1, 1),
)


def parts_text(job: CarryInDTO) -> str:
    """``排水泵 ×2、门封圈 ×1`` (the same part over several work entries added up)."""
    quantities: dict[str, int] = {}
    for use in job.parts:
        quantities[use.part_name] = quantities.get(use.part_name, 0) + use.quantity
    return "、".join(f"{name} ×{count}" for name, count in quantities.items())


class RepairTag(LabelDocument):
    title = "Repair card"

    def __init__(self, pack: PrintPack, **kw: Any) -> None:
        width, height = pack.tag_size_mm
        super().__init__(pack.store, number=pack.job.card_number,
                         reprint=pack.reprint, void=receipt_void(pack.job),
                         printed_at=pack.printed_at,
                         printed_by=pack.printed_by, pagesize=label_size(width, height), **kw)
        self.pack = pack

    # ---- layout ----------------------------------------------------------------------
    @property
    def height(self) -> float:
        """Height available to the story, in points."""
        return self.pagesize[1] - self.margins[2] - self.margins[3]

    def header_story(self) -> list[Flowable]:
        name = f"{self.header.name}  {self._phone_text()}".strip()
        return [para(clamp_text(name, self.st.small, self.width, 1), self.st.small),
                *self.mark_banners()]

    def full_story(self) -> list[Flowable]:
        """The first plan that fits the label; the last one shrunk to fit when none does
        (a store's label far smaller than 100 × 70 mm)."""
        story: list[Flowable] = []
        for plan in PLANS:
            story = self.header_story() + self.plan_story(plan)
            if measure_height(story, self.width) <= self.height:
                return story
        return [KeepInFrame(self.width, self.height, story, mode="shrink")]

    def plan_story(self, plan: Plan) -> list[Flowable]:
        job, st = self.pack.job, styles(plan.size, thermal=True)
        label_w = 14 * mm
        value_w = self.width - label_w - 4  # the cell's padding

        def value(text: str, lines: int) -> Paragraph:
            return Paragraph(esc(clamp_text(text, st.value, value_w, lines)), st.value)

        rows: list[list[Flowable | str]] = [
            [para(pt("Customer"), self.st.label), value(job.customer_name, plan.short_lines)],
            [para(pt("Item"), self.st.label), value(item_text(job), plan.short_lines)],
            [para(pt("Serial No."), self.st.label), value(job.serial or "—", plan.short_lines)],
            [para(pt("Fault"), self.st.label), value(job.fault, plan.fault_lines)],
        ]
        heights: list[float | None] = [None] * len(rows)
        style: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LINEABOVE", (0, 0), (-1, 0), THERMAL_RULE_PT, INK),
        ]
        for label, text, lines in ((pt("Repair time"),
                                    hours_text(job.total_minutes) if job.work else "", 1),
                                   (pt("Parts replaced"), parts_text(job), plan.parts_lines)):
            if text:
                rows.append([para(label, self.st.label), value(text, lines)])
                heights.append(None)
                continue
            for n in range(1 if label == pt("Repair time") else 2):  # lines for the pen
                style += [("VALIGN", (0, len(rows)), (-1, len(rows)), "BOTTOM"),
                          ("BOTTOMPADDING", (0, len(rows)), (-1, len(rows)), PEN_GAP),
                          ("LINEBELOW", (1, len(rows)), (1, len(rows)), THERMAL_RULE_PT, INK)]
                rows.append([para(label, self.st.label) if n == 0 else "", ""])
                heights.append(PEN_LINE)
        grid = Table(rows, colWidths=[label_w, self.width - label_w], rowHeights=heights,
                     hAlign="LEFT")
        grid.setStyle(TableStyle(style))
        return [self._top(st), grid]

    def _top(self, st: DocStyles) -> Table:
        """Title and card number in large type, receipt number and promised date, the QR."""
        job = self.pack.job
        qr = min(17 * mm, self.width * 0.25, self.height * 0.3)
        number_style = st.bold.clone("sc-tag-no", fontName=BOLD, fontSize=st.size * 1.5,
                                     leading=st.size * 1.8)
        left = [para(f"{pt(self.title)}  {job.card_number}", number_style),
                para(f"{pt('Receipt No.')} {job.receipt_number}", self.st.body),
                para(f"{pt('Promised date')} {fmt_date(job.promised_date)}", self.st.body)]
        top = Table([[left, QRCode(job.card_number, qr)]],
                    colWidths=[self.width - qr, qr], hAlign="LEFT")
        top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("TOPPADDING", (0, 0), (-1, -1), 0),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        return top

    def story(self) -> list[Flowable]:
        return self.plan_story(PLANS[0])


def render_repair_tag(pack: PrintPack, *, reprint: bool = False) -> bytes:
    """The tag as PDF bytes, on the label size the store configured (100 × 70 mm default)."""
    document = RepairTag(pack)
    document.reprint = document.reprint or reprint
    return document.generate()
