"""Building blocks shared by every form: grids, boxes, signature lines, codes, totals, tables."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from itertools import groupby
from typing import Any, NamedTuple, TypeAlias
from xml.sax.saxutils import escape

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import inch, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from app.printing.fonts import REGULAR, with_fallback
from app.printing.formatting import money
from app.printing.styles import INK, SHADE, DocStyles

Cell: TypeAlias = str | Flowable
THERMAL_DPI = 203


def esc(text: object) -> str:
    """Text for Paragraph markup: customer input may contain ``<`` or ``&``; a character
    the bundled font lacks is set in the extension font."""
    if text is None:
        return ""
    return with_fallback(str(text), lambda run: escape(run).replace("\n", "<br/>"))


ELLIPSIS = "…"


def line_count(text: str, style: Any, width: float) -> int:
    """Lines ``text`` wraps to at ``width`` in ``style``."""
    if not text:
        return 1
    _, height = Paragraph(esc(text), style).wrap(width, 1_000_000)
    return max(1, round(float(height) / float(style.leading)))


def clamp_text(text: str, style: Any, width: float, max_lines: int) -> str:
    """``text`` as is when it wraps to at most ``max_lines`` at ``width``; else its longest
    beginning that does with "…" appended, so the reader sees more was written. Cut at
    whole characters (code points: a name outside the BMP is never split)."""
    if line_count(text, style, width) <= max_lines:
        return text
    low, high = 0, len(text)  # text[:low] + … fits, text[:high] + … does not
    while high - low > 1:
        middle = (low + high) // 2
        if line_count(text[:middle].rstrip() + ELLIPSIS, style, width) <= max_lines:
            low = middle
        else:
            high = middle
    return text[:low].rstrip() + ELLIPSIS


def para(text: object, style: Any) -> Paragraph:
    """A Paragraph of plain (escaped) text; use ``Paragraph`` directly for markup."""
    return Paragraph(esc(text), style)


def _cell(value: Cell, style: Any) -> Flowable:
    return value if isinstance(value, Flowable) else para(value, style)


class Field(NamedTuple):
    """One label/value pair of a grid; ``wide`` takes a whole row in a four-column grid;
    ``lines`` > 0 shortens a text value with "…" to that many lines (a page form that must
    stay one page whatever was typed)."""

    label: str
    value: Cell
    wide: bool = False
    lines: int = 0


def field_grid(fields: Sequence[Field | tuple[str, Cell]], *, width: float, st: DocStyles,
               columns: int = 4, label_width: float | None = None) -> Table:
    """Label/value grid in two (label, value) or four (label, value, label, value) columns."""
    if columns not in (2, 4):
        raise ValueError("columns must be 2 or 4")
    pairs = [f if isinstance(f, Field) else Field(*f) for f in fields]
    per_row = columns // 2
    lw = label_width or (width / per_row) * (0.32 if per_row == 1 else 0.36)
    vw = width / per_row - lw
    rows: list[list[Flowable | str]] = []
    style: list[tuple[Any, ...]] = [*_grid_style(st)]
    labels: list[tuple[int, int]] = []  # (column, row) of every label cell
    pending: list[Flowable | str] = []
    for pair in pairs:
        value = pair.value
        if pair.lines and isinstance(value, str):
            cell_w = (width - lw if pair.wide and per_row == 2 else vw) - 6  # padding
            value = clamp_text(value, st.value, cell_w, pair.lines)
        cells = [_cell(pair.label, st.label), _cell(value, st.value)]
        if pair.wide and per_row == 2:
            if pending:
                labels.append((0, len(rows)))
                rows.append([*pending, "", ""])
                pending = []
            style.append(("SPAN", (1, len(rows)), (3, len(rows))))
            labels.append((0, len(rows)))
            rows.append([*cells, "", ""])
            continue
        labels.append((len(pending), len(rows)))
        pending += cells
        if len(pending) == columns:
            rows.append(pending)
            pending = []
    if pending:
        rows.append(pending + [""] * (columns - len(pending)))
    widths = [lw, vw] * per_row
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    if not st.thermal:  # the label cells only: a value spanning the row stays white
        style += [("BACKGROUND", cell, cell, SHADE) for cell in labels]
    table.setStyle(TableStyle(style))
    return table


def _grid_style(st: DocStyles) -> list[tuple[Any, ...]]:
    """Ruled cells: grey hairlines on a laser page; on a thermal one a black whole-dot rule
    below the table only (text boxed in rules a 203-dpi head prints reads back
    badly: OCR lost labels and numbers inside the boxes)."""
    rules: list[tuple[Any, ...]] = (
        [("LINEBELOW", (0, -1), (-1, -1), st.rule_width, st.rule)] if st.thermal
        else [("GRID", (0, 0), (-1, -1), st.rule_width, st.rule)])
    return [
        *rules,
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def signature_line(labels: Sequence[str], *, width: float, st: DocStyles,
                   height: float = 9 * mm) -> Table:
    """``客户签字 ________  日期 ________``: a label and a line to sign on, per label."""
    share = width / len(labels)
    # each label on one line (经理（分公司） is wider than 签字), the rest is the line to sign
    label_ws = [min(max(stringWidth(text, st.body.fontName, st.body.fontSize) + 5,
                        min(share * 0.4, 22 * mm)), share * 0.55) for text in labels]
    row: list[Flowable | str] = []
    style: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 2)]
    for i, text in enumerate(labels):
        row += [para(text, st.body), ""]
        style.append(("LINEBELOW", (2 * i + 1, 0), (2 * i + 1, 0), 0.8, INK))
    widths = [w for label_w in label_ws for w in (label_w, share - label_w)]
    table = Table([row], colWidths=widths, rowHeights=[height], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def fill_in_boxes(boxes: Sequence[tuple[str, float]], *, width: float, st: DocStyles,
                  columns: int = 1) -> Table:
    """Empty boxes to write in by hand; each is (label, height in mm), label in its corner."""
    rows: list[list[Flowable | str]] = []
    heights: list[float] = []
    for start in range(0, len(boxes), columns):
        chunk = boxes[start:start + columns]
        rows.append([para(label, st.label) for label, _ in chunk]
                    + [""] * (columns - len(chunk)))
        heights.append(max(h for _, h in chunk) * mm)
    table = Table(rows, colWidths=[width / columns] * columns, rowHeights=heights,
                  hAlign="LEFT")
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, INK),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3),
                               ("TOPPADDING", (0, 0), (-1, -1), 2)]))
    return table


class QRCode(Flowable):  # type: ignore[misc]
    """A QR code of an ASCII payload (decoders misread ReportLab's unmarked UTF-8).

    Drawn as one filled path of module runs: ReportLab's QrCodeWidget builds a shape per
    module and costs 100+ ms per code, this costs a few.
    """

    def __init__(self, payload: str, size: float = 22 * mm, *, border: int = 2) -> None:
        super().__init__()
        if not payload or not payload.isascii():
            raise ValueError("QR payload must be non-empty ASCII")
        self.payload = payload
        self.size = size
        self.border = border  # quiet zone in modules (the page margin adds to it)
        self.width = self.height = size

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        modules = qr_modules(self.payload)
        box = self.size / (len(modules) + 2 * self.border)
        path = self.canv.beginPath()
        for r, row in enumerate(modules):
            y = self.size - (r + self.border + 1) * box
            for start, length in row:
                path.rect((start + self.border) * box, y, length * box, box)
        self.canv.setFillColor(INK)
        self.canv.drawPath(path, stroke=0, fill=1)


@lru_cache(maxsize=256)
def qr_modules(payload: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """The QR matrix (error correction M) as runs of dark modules per row: (start, length)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    rows = []
    for row in code.modules:
        runs, col = [], 0
        for dark, group in groupby(bool(m) for m in row):
            length = len(list(group))
            if dark:
                runs.append((col, length))
            col += length
        rows.append(tuple(runs))
    return tuple(rows)


def dots(count: int, dpi: int = THERMAL_DPI) -> float:
    """Width of ``count`` whole printer dots in points (2 dots at 203 dpi ≈ 0.25 mm)."""
    return float(count * inch / dpi)


class Barcode128(Flowable):  # type: ignore[misc]
    """Code128 with bars of whole printer dots and its text underneath (inside its height)."""

    def __init__(self, value: str, *, bar_dots: int = 2, dpi: int = THERMAL_DPI,
                 height: float = 10 * mm, human_readable: bool = True) -> None:
        super().__init__()
        if not value or not value.isascii():
            raise ValueError("Code128 value must be non-empty ASCII")
        bar = dots(bar_dots, dpi)
        self.value = value
        self.human_readable = human_readable
        self.text_size = 8.0
        self.code = Code128(value, barWidth=bar, barHeight=height, humanReadable=False,
                            quiet=True, lquiet=10 * bar, rquiet=10 * bar)
        self.width = float(self.code.width)
        self.height = height + (self.text_size * 1.3 if human_readable else 0.0)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        text_h = self.height - float(self.code.barHeight)
        self.code.drawOn(self.canv, 0, text_h)
        if self.human_readable:
            self.canv.setFont(REGULAR, self.text_size)
            self.canv.drawCentredString(self.width / 2, 1.5, self.value)


def code128(value: str, *, bar_dots: int = 2, dpi: int = THERMAL_DPI,
            height: float = 10 * mm, human_readable: bool = True,
            align: str = "LEFT") -> Barcode128:
    """Code128 for thermal receipts: 2 dots at 203 dpi (0.25 mm) decode, 0.3 mm bars did not.

    ``align`` is LEFT, CENTER or RIGHT within the frame.
    """
    code = Barcode128(value, bar_dots=bar_dots, dpi=dpi, height=height,
                      human_readable=human_readable)
    code.hAlign = align
    return code


def totals_table(lines: Sequence[tuple[str, Decimal | int]], *, width: float, st: DocStyles,
                 total: tuple[str, Decimal | int] | None = None) -> Table:
    """Amounts right-aligned in ￥; the total row bold under a rule."""
    rows: list[list[Flowable | str]] = [[para(label, st.body), para(money(amount), st.right)]
                                        for label, amount in lines]
    style: list[tuple[Any, ...]] = [("LEFTPADDING", (0, 0), (-1, -1), 2),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    if total is not None:
        bold_right = st.right.clone("sc-total-right", fontName=st.bold.fontName)
        rows.append([para(total[0], st.bold), para(money(total[1]), bold_right)])
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, INK))
    table = Table(rows, colWidths=[width * 0.6, width * 0.4], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def list_table(headers: Sequence[str], rows: Sequence[Sequence[Cell]], *, widths: Sequence[float],
               st: DocStyles, numeric: Sequence[int] = ()) -> Table:
    """A ruled list (register pages, daily reports): header repeats on every page."""
    header_right = st.table_header.clone("sc-th-right", alignment=2)
    data: list[list[Flowable | str]] = [[para(h, header_right if i in numeric else st.table_header)
                                         for i, h in enumerate(headers)]]
    for row in rows:
        data.append([_cell(v, st.right if i in numeric else st.body) for i, v in enumerate(row)])
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    header = ([("LINEBELOW", (0, 0), (-1, 0), 1.5, INK)] if st.thermal
              else [("BACKGROUND", (0, 0), (-1, 0), SHADE)])
    table.setStyle(TableStyle([*_grid_style(st), *header]))
    return table


class MarkBanner(Flowable):  # type: ignore[misc]
    """A boxed, bold banner such as ``补打 REPRINT`` across the available width."""

    def __init__(self, text: str, st: DocStyles) -> None:
        super().__init__()
        self.text = text
        self.style = st.bold.clone("sc-banner", alignment=1)
        self._para = Paragraph(esc(text), self.style)
        self._w = self._h = 0.0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        _, h = self._para.wrap(aW - 6, aH)
        self._w, self._h = aW, h + 6
        return self._w, self._h

    def draw(self) -> None:
        canvas: Canvas = self.canv
        canvas.setLineWidth(1.2)
        canvas.rect(0, 0, self._w, self._h)
        self._para.drawOn(canvas, 3, 3)
