"""制度11 六: the yearly workbook (a column per month, the year's totals as formulas that
LibreOffice recalculates to the stored results) and the archive PDF of the monthly reports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from app.export.yearly_workbook import write_yearly_workbook
from app.printing.documents.yearly_archive import yearly_archive_pdf
from app.services import yearly_service
from app.services.reference_service import letterhead_in
from tests.helpers import pdf as pdfread
from tests.helpers.libreoffice import recalculated_rows
from tests.helpers.outside import missing
from tests.helpers.voice import at, completed_call


def _year(login):
    clerk = at(login("clerk"), date(2026, 3, 20), 18)
    completed_call(clerk)
    completed_call(at(clerk, date(2026, 2, 10)))
    completed_call(at(clerk, date(2026, 2, 11)))
    boss = at(login("boss"), date(2026, 3, 25))
    return boss, yearly_service.year_reports(boss, 2026)


def test_the_yearly_workbook_totals_the_months_with_formulas(login, tmp_path):
    _boss, reports = _year(login)
    assert [r.month for r in reports] == [date(2026, m, 1) for m in (1, 2, 3)]
    path = write_yearly_workbook("售后服务中心", 2026, reports, tmp_path / "y.xlsx")
    ws = openpyxl.load_workbook(path).active
    labels = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1)}
    row = labels["受理叫修"]
    assert [ws.cell(row, c).value for c in (2, 3, 4)] == [0, 2, 1]
    assert ws.cell(row, 5).value == f"=SUM(B{row}:D{row})"
    if missing("soffice"):
        pytest.skip(missing("soffice"))
    rows = {r[0]: r for r in recalculated_rows(path, tmp_path)}
    assert rows["受理叫修"][4] == "3"
    cost = sum(r.figure("total_cost") for r in reports)
    shown = Decimal(rows["售后服务总费用"][4].replace("￥", "").replace(",", ""))
    assert shown == Decimal(cost) / 100


def test_the_yearly_archive_has_every_month(login, tmp_path):
    boss, reports = _year(login)
    with boss.read() as session:
        header = letterhead_in(session)
    pdf = yearly_archive_pdf(header, 2026, reports)
    text = pdfread.flat_text(pdf)
    for month in ("2026-01", "2026-02", "2026-03"):
        assert month in text
    pages = len(pdfread.render(pdf, tmp_path / "pages"))
    assert pages >= 4 and f"共{pages}页" in text  # a summary, then each month's pages
    assert "年度月度统计报表汇编" in text and "客户投诉案件统计表" in text
