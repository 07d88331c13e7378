"""The year's monthly reports (制度11 六: 年底装订成册), for the yearly workbook and the archive
PDF: every month of the year that has begun, each read like the monthly summary — its
figures and its survey and complaint statistics; the row sheets (technicians, models, the
jobs) and the chart are the monthly workbook's and are left empty here."""

from __future__ import annotations

from datetime import date

from app.services import monthly_report_service as monthly
from app.services.context import ServiceContext
from app.services.monthly_dto import MonthlyReport
from app.services.permissions import Perm, require


def year_reports(ctx: ServiceContext, year: int) -> list[MonthlyReport]:
    require(ctx.actor, Perm.REPORTS_VIEW)
    today = ctx.today()
    last = 12 if year < today.year else today.month if year == today.year else 0
    return [monthly.monthly_report(ctx, date(year, m, 1), rows=False)
            for m in range(1, last + 1)]
