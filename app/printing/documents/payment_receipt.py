"""The payment receipt (收据): 80 mm thermal roll or A5, the amount also in 大写 numerals."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.printing.base import BaseDocument, StoreHeader, ThermalDocument
from app.printing.flowables import (
    Field,
    clamp_text,
    field_grid,
    list_table,
    para,
    signature_line,
)
from app.printing.formatting import cents_to_decimal, fmt_datetime, money
from app.printing.styles import A5
from app.printing.text import N_P, pt
from app.services.money import capital_amount
from app.services.money_dto import BillDTO, PaymentDTO

METHOD_TEXT = {"cash": N_P("Cash"), "wechat": N_P("WeChat Pay"), "alipay": N_P("Alipay"),
               "card": N_P("Bank card"), "transfer": N_P("Bank transfer")}
KIND_TEXT = {"labour": N_P("Labour"), "parts": N_P("Parts"), "transport": N_P("Transport"),
             "other": N_P("Other")}


def _line_rows(doc: BaseDocument, bill: BillDTO, width: float,
               lines: int) -> list[list[str]]:
    """One row per bill line; ``lines`` > 0 shortens a description past that many lines."""
    rows = []
    for line in bill.lines:
        label = f"{pt(KIND_TEXT.get(line.kind, line.kind))} {line.description}".strip()
        note = f" ({pt('covered')})" if line.covered else ""
        text = label + note
        if lines:
            text = clamp_text(text, doc.st.body, width - 6, lines)
        rows.append([text, f"{line.quantity.normalize():f}",
                     money(cents_to_decimal(line.amount_cents))])
    return rows


def _totals(bill: BillDTO) -> list[tuple[str, int]]:
    rows = [(pt("Gross"), bill.gross_cents)]
    if bill.covered_cents:
        rows.append((pt("Covered by warranty or contract"), -bill.covered_cents))
    if bill.discount_cents:
        rows.append((pt("Discount"), -bill.discount_cents))
    rows.append((pt("Amount due"), bill.total_cents))
    return rows


def _story(doc: BaseDocument, payment: PaymentDTO, bill: BillDTO, *,
           columns: int, line_lines: int = 0) -> list[Flowable]:
    widths = ([doc.width * 0.55, doc.width * 0.15, doc.width * 0.30])
    totals = [[label, "", money(cents_to_decimal(cents))] for label, cents in _totals(bill)]
    return [
        field_grid([
            Field(pt("Customer"), payment.customer_name, lines=2 if columns == 4 else 0),
            Field(pt("Call No."), payment.call_number),
            Field(pt("Paid on"), fmt_datetime(payment.collected_at, doc.tz)),
            Field(pt("Payment method"), pt(METHOD_TEXT.get(payment.method, payment.method))),
            Field(pt("Collected by"), payment.collector),
        ], width=doc.width, st=doc.st, columns=columns),
        Spacer(1, 2 * mm),
        list_table([pt("Item"), pt("Qty"), pt("Amount")],
                   _line_rows(doc, bill, widths[0], line_lines) + totals, widths=widths,
                   st=doc.st, numeric=(1, 2)),
        Spacer(1, 2 * mm),
        para(pt("Received (in figures): {amount}",
                amount=money(cents_to_decimal(payment.amount_cents))), doc.st.bold),
        para(pt("Received (in words): {words}", words=capital_amount(payment.amount_cents)),
             doc.st.bold),
        Spacer(1, 4 * mm),
        signature_line([pt("Collector signature")], width=doc.width, st=doc.st),
    ]


class _PaymentReceipt(BaseDocument):
    """What both papers print; the paper comes from the second base class."""

    title = N_P("Receipt")
    columns = 4
    line_lines = 1  # A5: one page, each bill line on one line ("…" past it)

    def __init__(self, header: StoreHeader, payment: PaymentDTO, bill: BillDTO,
                 **kw: Any) -> None:
        super().__init__(header, number=payment.number, void=payment.void, **kw)
        self.payment, self.bill = payment, bill

    def header_qr(self) -> str | None:
        return self.payment.number  # ASCII: P2611-0001

    def story(self) -> list[Flowable]:
        return _story(self, self.payment, self.bill, columns=self.columns,
                      line_lines=self.line_lines)


class PaymentReceiptThermal(_PaymentReceipt, ThermalDocument):
    columns = 2
    line_lines = 0  # the roll grows: every line whole


class PaymentReceiptA5(_PaymentReceipt):
    pagesize = A5
    margins = (10 * mm, 10 * mm, 10 * mm, 12 * mm)
    font_size = 9.0
