"""A month of the customer goods in/out register (客户商品进出登记簿) as A4 pages."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.printing.base import BaseDocument
from app.printing.flowables import list_table, para
from app.printing.formatting import fmt_date, fmt_datetime
from app.printing.styles import A4
from app.printing.text import pt
from app.services.register_dto import RegisterMonth, RegisterRow

# Relative column widths of the paper book.
_WIDTHS = (8, 22, 21, 18, 40, 32, 14, 17, 22, 18, 14, 20)
_HEADERS = ("No.", "Date in", "Receipt No.", "Customer", "Item", "Accessories", "Taken in by",
            "Promised date", "Date out", "Returned to", "Returned by", "Remark")


class RegisterMonthDoc(BaseDocument):
    pagesize = landscape(A4)
    margins = (10 * mm, 10 * mm, 10 * mm, 12 * mm)
    font_size = 8.0
    title = "Customer goods in/out register"

    def __init__(self, book: RegisterMonth, **kw: Any) -> None:
        super().__init__(book.store, number=book.month.strftime("%Y-%m"),
                         printed_at=book.printed_at, **kw)
        self.book = book

    def _row(self, index: int, row: RegisterRow) -> list[str]:
        return [str(index), fmt_datetime(row.date_in, self.tz), row.receipt_number,
                row.customer_name, row.item_label, row.accessories_text, row.taken_in_by,
                fmt_date(row.promised_date), fmt_datetime(row.date_out, self.tz),
                row.returned_to, row.returned_by, row.remark]

    def story(self) -> list[Flowable]:
        unit = self.width / sum(_WIDTHS)
        rows = [self._row(i, r) for i, r in enumerate(self.book.rows, start=1)]
        still_in = sum(1 for r in self.book.rows if r.date_out is None)
        summary = pt("Month {month}: {total} items in, {out} returned, {left} still in the store",
                     month=self.book.month.strftime("%Y-%m"), total=len(rows),
                     out=len(rows) - still_in, left=still_in)
        return [para(summary, self.st.body),
                list_table([pt(h) for h in _HEADERS], rows, widths=[w * unit for w in _WIDTHS],
                           st=self.st, numeric=(0,))]


def render_register_month(book: RegisterMonth, *, reprint: bool = False) -> bytes:
    """The month's register lines as landscape A4 pages (header repeated on each page)."""
    return RegisterMonthDoc(book, reprint=reprint).generate()
