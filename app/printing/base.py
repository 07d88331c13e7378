"""The one base document every printed form subclasses (in the spirit of pretix's renderer).

A form sets its page size, margins and font size as class attributes and returns its body
from :meth:`BaseDocument.story`; the base adds the store header, the title and number, the
REPRINT / VOID marks and the "page X of Y" footer, and :meth:`generate` returns PDF bytes.

A minimal subclass::

    from app.printing.base import BaseDocument, StoreHeader
    from app.printing.flowables import Field, field_grid, signature_line
    from app.printing.styles import A5
    from app.printing.text import pt

    class PickupSlip(BaseDocument):
        pagesize = A5
        title = "Pick-up slip"           # English source; printed via pt() → 取件单

        def __init__(self, header: StoreHeader, slip: SlipDTO, **kw: Any) -> None:
            super().__init__(header, number=slip.number, **kw)
            self.slip = slip

        def story(self) -> list[Flowable]:
            return [
                field_grid([(pt("Customer"), self.slip.customer_name),
                            (pt("Phone"), self.slip.phone)], width=self.width, st=self.st),
                signature_line([pt("Customer signature"), pt("Date")],
                               width=self.width, st=self.st),
            ]

    pdf: bytes = PickupSlip(header, slip, reprint=True).generate()

``ThermalDocument`` (80 mm roll, page as long as its content) and ``LabelDocument``
(100 × 70 mm tag) are the other two bases; each form picks one.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer, Table
from reportlab.platypus import TableStyle as TS

from app.printing.flowables import MarkBanner, QRCode, clamp_text, para
from app.printing.fonts import BOLD, REGULAR
from app.printing.formatting import fmt_datetime
from app.printing.styles import (
    A4,
    RULE,
    THERMAL_MARGIN,
    THERMAL_WIDTH,
    DocStyles,
    PageSize,
    label_size,
    styles,
)
from app.printing.text import pt
from app.services.dto import StoreHeader, VoidInfo

Margins = tuple[float, float, float, float]  # left, right, top, bottom

__all__ = ["BaseDocument", "LabelDocument", "Margins", "StoreHeader", "ThermalDocument",
           "draw_watermark", "measure_height"]


class BaseDocument:
    """A page form (A4/A5): header on page 1, running header after, page X of Y footer."""

    pagesize: PageSize = A4
    margins: Margins = (14 * mm, 14 * mm, 12 * mm, 14 * mm)
    font_size: float = 10.0
    title: str = ""  # English source text, printed through pt()
    numbered_pages: bool = True
    header_qr_size: float = 20 * mm
    thermal: bool = False  # black only, ≥ 8 pt, whole-dot rules (see ``styles``)

    def __init__(self, header: StoreHeader, *, number: str = "", reprint: bool = False,
                 void: VoidInfo | None = None, printed_at: datetime | None = None,
                 printed_by: str = "", pagesize: PageSize | None = None) -> None:
        self.header = header
        self.number = number
        self.reprint = reprint
        self.void = void
        self.printed_at = printed_at or datetime.now(UTC)
        self.printed_by = printed_by
        if pagesize is not None:
            self.pagesize = pagesize
        self.st: DocStyles = styles(self.font_size, thermal=self.thermal)
        self._page: PageSize = self.pagesize
        self.tz: tzinfo = ZoneInfo(header.timezone)

    # ---- hooks a form overrides ------------------------------------------------------
    def story(self) -> list[Flowable]:
        """The body of the form, below the header."""
        raise NotImplementedError

    def header_qr(self) -> str | None:
        """ASCII payload of a QR code beside the number in the header (default: none)."""
        return None

    def header_story(self) -> list[Flowable]:
        """The store header, title, number and marks at the top of the first page."""
        qr = self.header_qr()
        right_w = (min(max(self.header_qr_size, 45 * mm), self.width * 0.4)
                   if self.number or qr else 0.0)
        left_w = self.width - right_w
        # The store's name on one line and its address and phone on two at most, however
        # long the profile's fields (60 and 200 characters).
        left: list[Flowable] = [para(clamp_text(self.header.name, self.st.header_name,
                                                left_w, 1), self.st.header_name)]
        contact = "  ".join(part for part in (self.header.address, self._phone_text()) if part)
        if contact:
            left.append(para(clamp_text(contact, self.st.small, left_w, 2), self.st.small))
        right: list[Flowable] = []
        if self.number:
            right.append(para(pt("No. {number}", number=self.number), self.st.bold))
        if qr:
            right.append(QRCode(qr, self.header_qr_size))
        table = Table([[left, right or ""]], colWidths=[left_w, right_w])
        table.setStyle(TS([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE)]))
        out: list[Flowable] = [table, Spacer(1, 2 * mm)]
        if self.title:
            out.append(para(pt(self.title), self.st.title))
        return out + self.mark_banners()

    def footer_text(self) -> str:
        """Left part of the footer: what was printed, when, by whom."""
        parts = [pt("Printed {when}", when=fmt_datetime(self.printed_at, self.tz))]
        if self.printed_by:
            parts.append(self.printed_by)
        if self.number:
            parts.insert(0, self.number)
        return "  ".join(parts)

    # ---- marks -----------------------------------------------------------------------
    def marks(self) -> list[str]:
        found = []
        if self.void:
            found.append(pt("VOID"))
        if self.reprint:
            found.append(pt("REPRINT"))
        return found

    def mark_banners(self) -> list[Flowable]:
        """VOID with when and why it was voided; REPRINT with when this copy was printed."""
        out: list[Flowable] = []
        if self.void is not None:
            text = f"{pt('VOID')}  {fmt_datetime(self.void.at, self.tz)}"
            if self.void.reason:
                text += "  " + pt("Reason: {reason}", reason=self.void.reason)
            # two lines at most, however long the reason (a label must stay one label)
            out += [MarkBanner(clamp_text(text, self.st.bold, self.width - 8, 2), self.st),
                    Spacer(1, 2 * mm)]
        if self.reprint:
            when = fmt_datetime(self.printed_at, self.tz)
            out += [MarkBanner(f"{pt('REPRINT')}  {when}", self.st), Spacer(1, 2 * mm)]
        return out

    # ---- geometry --------------------------------------------------------------------
    @property
    def width(self) -> float:
        """Width available to the story, in points."""
        return self.pagesize[0] - self.margins[0] - self.margins[1]

    def page_size(self) -> PageSize:
        return self.pagesize

    # ---- rendering -------------------------------------------------------------------
    def full_story(self) -> list[Flowable]:
        return self.header_story() + self.story()

    def generate(self) -> bytes:
        """The form as PDF bytes."""
        buffer = BytesIO()
        size = self._page = self.page_size()
        left, right, top, bottom = self.margins
        frame = Frame(left, bottom, size[0] - left - right, size[1] - top - bottom,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        template = BaseDocTemplate(buffer, pagesize=size, leftMargin=left, rightMargin=right,
                                   topMargin=top, bottomMargin=bottom,
                                   title=pt(self.title) if self.title else "",
                                   author=self.header.name, creator="Service Counter")
        template.addPageTemplates([PageTemplate("page", frames=[frame], pagesize=size,
                                                onPage=self._on_page)])
        template.build(self.full_story(), canvasmaker=self._canvas_maker())
        return buffer.getvalue()

    def _on_page(self, canvas: Canvas, _doc: Any) -> None:
        # On a thermal page a grey watermark dithers into blots over the terms: the boxed
        # banner at the top carries the mark there.
        for i, mark in enumerate(() if self.thermal else self.marks()):
            draw_watermark(canvas, mark, self._page, offset=i)
        if canvas.getPageNumber() > 1:
            self.draw_running_header(canvas)

    def draw_running_header(self, canvas: Canvas) -> None:
        """Pages 2…: one line with store, title and number under the top edge."""
        left, right, top, _ = self.margins
        w, h = self._page
        text = "  ·  ".join(p for p in (self.header.name, pt(self.title) if self.title else "",
                                        self.number) if p)
        canvas.saveState()
        canvas.setFont(REGULAR, self.st.size * 0.8)
        canvas.drawString(left, h - top * 0.6, text)
        canvas.setStrokeColor(RULE)
        canvas.line(left, h - top * 0.6 - 3, w - right, h - top * 0.6 - 3)
        canvas.restoreState()

    def draw_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        left, right, _, bottom = self.margins
        w, _ = self._page
        y = bottom * 0.45
        canvas.saveState()
        canvas.setFont(REGULAR, self.st.size * 0.75)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(left, y, self.footer_text())
        canvas.drawRightString(w - right, y, pt("Page {page} of {pages}", page=page,
                                                pages=pages))
        canvas.restoreState()

    def _canvas_maker(self) -> Callable[..., Canvas]:
        document = self

        class NumberedCanvas(Canvas):  # type: ignore[misc]
            """Holds pages back until the end so each knows the page count (page X of Y)."""

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                kwargs.setdefault("initialFontName", REGULAR)  # no stray Helvetica
                super().__init__(*args, **kwargs)
                self._pages: list[dict[str, Any]] = []

            def showPage(self) -> None:
                self._pages.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                total = len(self._pages)
                for number, state in enumerate(self._pages, start=1):
                    self.__dict__.update(state)
                    if document.numbered_pages:
                        document.draw_footer(self, number, total)
                    super().showPage()
                super().save()

        return NumberedCanvas

    def _phone_text(self) -> str:
        return pt("Tel. {phone}", phone=self.header.phone) if self.header.phone else ""


class ThermalDocument(BaseDocument):
    """An 80 mm roll receipt: 72 mm printable, the page exactly as long as its content."""

    pagesize: PageSize = (THERMAL_WIDTH, 297 * mm)
    margins: Margins = (THERMAL_MARGIN, THERMAL_MARGIN, 3 * mm, 8 * mm)
    font_size = 10.0  # 8.5 pt: OCR of a 203-dpi 1-bit print misread 技, 诺, XTE
    numbered_pages = False
    header_qr_size = 18 * mm
    min_height = 40 * mm
    thermal = True

    def header_story(self) -> list[Flowable]:
        centre, small = self.st.centre, self.st.small.clone("sc-small-c", alignment=1)
        out: list[Flowable] = [para(self.header.name,
                                    self.st.header_name.clone("sc-hn-c", alignment=1))]
        out += [para(text, small) for text in (self.header.address, self._phone_text()) if text]
        if self.title:
            out.append(para(pt(self.title), self.st.title))
        if self.number:
            out.append(para(pt("No. {number}", number=self.number), centre))
        qr = self.header_qr()
        if qr:
            code = QRCode(qr, self.header_qr_size)
            code.hAlign = "CENTER"
            out += [Spacer(1, 1 * mm), code]
        return [*out, Spacer(1, 2 * mm), *self.mark_banners()]

    def footer_story(self) -> list[Flowable]:
        return [Spacer(1, 3 * mm), para(self.footer_text(), self.st.small)]

    def full_story(self) -> list[Flowable]:
        return self.header_story() + self.story() + self.footer_story()

    def page_size(self) -> PageSize:
        """Measure a throw-away copy of the story at the printable width, then fit the page."""
        _, _, top, bottom = self.margins
        height = measure_height(self.full_story(), self.width)
        return (self.pagesize[0], max(self.min_height, height + top + bottom + 2 * mm))


class LabelDocument(BaseDocument):
    """A tag from the label printer (100 × 70 mm unless the store configures another size)."""

    pagesize: PageSize = label_size()
    margins: Margins = (3 * mm, 3 * mm, 3 * mm, 3 * mm)
    font_size = 8.0
    numbered_pages = False
    header_qr_size = 16 * mm
    thermal = True

    def header_story(self) -> list[Flowable]:
        name = f"{self.header.name}  {self._phone_text()}".strip()
        out: list[Flowable] = [para(name, self.st.small)]
        if self.title:
            out.append(para(pt(self.title), self.st.subtitle.clone("sc-label-t",
                                                                    spaceBefore=0)))
        return out + self.mark_banners()


def measure_height(story: list[Flowable], width: float) -> float:
    """Height the story takes in a frame of ``width`` (no padding), spaces included."""
    total = 0.0
    for flowable in story:
        _, height = flowable.wrap(width, 100_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def draw_watermark(canvas: Canvas, text: str, size: PageSize, *, offset: int = 0) -> None:
    """A large, light, diagonal mark across the page (under the content)."""
    w, h = size
    angle = math.degrees(math.atan2(h, w))
    diagonal = math.hypot(w, h)
    font_size = min(72.0, 0.7 * diagonal / max(stringWidth(text, BOLD, 1), 1))
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.22))
    canvas.setFont(BOLD, font_size)
    canvas.translate(w / 2, h / 2 - offset * font_size * 1.3)
    canvas.rotate(angle)
    canvas.drawCentredString(0, -font_size / 3, text)
    canvas.restoreState()
