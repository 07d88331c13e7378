"""Sample documents on the printing base, shared by the printing tests."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.printing.base import BaseDocument, StoreHeader, ThermalDocument
from app.printing.flowables import list_table, para
from app.printing.formatting import money
from app.printing.text import pt

HEADER = StoreHeader("华联电器售后服务中心", "上海市浦东新区张杨路 1234 号", "021-58881234")
AT = datetime(2026, 11, 22, 6, 5, tzinfo=UTC)  # 14:05 in Shanghai


class LongList(BaseDocument):
    """A register-like form long enough for several pages."""

    title = "Printer test page"

    def __init__(self, rows: int, **kw: Any) -> None:
        super().__init__(HEADER, number="R2611-0001", printed_at=AT, **kw)
        self.rows = rows

    def story(self) -> list[Flowable]:
        rows = [[str(n), f"客户{n:03d}", money(Decimal(n) + Decimal("0.5"))]
                for n in range(1, self.rows + 1)]
        return [list_table(["#", pt("Sample name"), pt("Total")], rows,
                           widths=[20 * mm, 100 * mm, 40 * mm], st=self.st, numeric=[2])]


class Receipt(ThermalDocument):
    title = "Printer test page"

    def __init__(self, lines: int) -> None:
        super().__init__(HEADER, number="P2611-0007", printed_at=AT)
        self.lines = lines

    def story(self) -> list[Flowable]:
        return [para(f"第 {n} 行 维修项目 {n}", self.st.body) for n in range(self.lines)]
