"""The printer test page (打印测试页): proves fonts, grid, codes and marks on each printer."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.printing.base import BaseDocument, LabelDocument, StoreHeader, ThermalDocument
from app.printing.flowables import (
    Field,
    QRCode,
    code128,
    field_grid,
    fill_in_boxes,
    para,
    signature_line,
    totals_table,
)
from app.printing.fonts import BOLD, REGULAR
from app.printing.formatting import fmt_datetime
from app.printing.registry import PrinterGroup
from app.printing.styles import A4, A5, DocStyles, PageSize, label_size
from app.printing.text import pt
from app.services.dto import VoidInfo

SAMPLE_NAME = "张伟 喆堃赟昇玥珺璟"
SAMPLE_LINES = (("Labour", Decimal("120.00")), ("Parts charge", Decimal("35.50")))


def _fields(doc: BaseDocument) -> list[Field]:
    return [
        Field(pt("Store"), doc.header.name),
        Field(pt("Printed at"), fmt_datetime(doc.printed_at, doc.tz)),
        Field(pt("Sample name"), SAMPLE_NAME),
        Field(pt("Digits"), "0123456789 ABCDEF abc"),
        Field(pt("Sample text"), pt("TEST_PAGE_SAMPLE_TEXT"), wide=True),
    ]


def _codes(doc: BaseDocument, qr_size: float) -> Table:
    codes = Table([[QRCode(doc.number, qr_size), code128(doc.number)]],
                  colWidths=[qr_size + 4 * mm, doc.width - qr_size - 4 * mm])
    codes.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return codes


def _weights(st: DocStyles) -> Paragraph:
    """Both weights of the font, whatever weight the paper's text is set in (bold on a roll)."""
    return Paragraph(f'<font name="{REGULAR}">{pt("Regular")} 常规字重</font> — '
                     f'<font name="{BOLD}">{pt("Bold")} 粗体字重</font>', st.body)


class PrinterTestPage(BaseDocument):
    """A form-printer test page: every building block once."""

    title = "Printer test page"

    def header_qr(self) -> str | None:
        return self.number

    def story(self) -> list[Flowable]:
        return [
            _weights(self.st),
            Spacer(1, 2 * mm),
            field_grid(_fields(self), width=self.width, st=self.st, columns=4),
            Spacer(1, 3 * mm),
            _codes(self, 24 * mm),
            Spacer(1, 3 * mm),
            totals_table([(pt(k), v) for k, v in SAMPLE_LINES], width=self.width * 0.5,
                         st=self.st, total=(pt("Total"), sum((v for _, v in SAMPLE_LINES),
                                                              Decimal(0)))),
            Spacer(1, 3 * mm),
            fill_in_boxes([(pt("Work done"), 18), (pt("Remarks"), 18)], width=self.width,
                          st=self.st, columns=2),
            Spacer(1, 4 * mm),
            signature_line([pt("Customer signature"), pt("Date")], width=self.width,
                           st=self.st),
        ]


class PrinterTestReceipt(ThermalDocument):
    """A receipt-printer test: 72 mm grid, QR and a Code128 of whole dots."""

    title = "Printer test page"

    def header_qr(self) -> str | None:
        return self.number

    def story(self) -> list[Flowable]:
        return [
            _weights(self.st),
            field_grid(_fields(self), width=self.width, st=self.st, columns=2),
            Spacer(1, 2 * mm),
            code128(self.number, align="CENTER"),
            totals_table([(pt(k), v) for k, v in SAMPLE_LINES], width=self.width, st=self.st,
                         total=(pt("Total"), Decimal("155.50"))),
            Spacer(1, 3 * mm),
            signature_line([pt("Customer signature")], width=self.width, st=self.st),
        ]


class PrinterTestTag(LabelDocument):
    """A label-printer test: the size of a repair tag."""

    title = "Printer test page"

    def story(self) -> list[Flowable]:
        grid = field_grid(_fields(self)[:3], width=self.width - 22 * mm, st=self.st,
                          columns=2)
        body = Table([[grid, QRCode(self.number, 20 * mm)]],
                     colWidths=[self.width - 22 * mm, 22 * mm])
        body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return [body, para(self.number, self.st.bold)]


TEST_PAGE_NUMBER = "TEST-0001"
FORMATS: dict[str, tuple[type[BaseDocument], PageSize | None]] = {
    "a4": (PrinterTestPage, A4),
    "a5": (PrinterTestPage, A5),
    "thermal": (PrinterTestReceipt, None),
    "label": (PrinterTestTag, label_size()),
}


GROUP_FORMATS = {PrinterGroup.FORMS: "a4", PrinterGroup.RECEIPTS: "thermal",
                 PrinterGroup.TAGS: "label"}


def printer_test_page(header: StoreHeader, fmt: str = "a4", *, reprint: bool = False,
              void: VoidInfo | None = None, printed_by: str = "") -> bytes:
    """The test page for one printer kind: ``a4``, ``a5``, ``thermal`` or ``label``."""
    cls, size = FORMATS[fmt]
    return cls(header, number=TEST_PAGE_NUMBER, reprint=reprint, void=void,
               pagesize=size, printed_by=printed_by).generate()
