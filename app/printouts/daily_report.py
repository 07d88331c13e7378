"""The daily reports: loaded by number through the services, drawn by its form."""

from __future__ import annotations

from datetime import date

from app.errors import NotFound
from app.i18n import N_
from app.models.reports import ReportKind
from app.printing.documents.daily_report import render_supervisor_report, render_technician_report
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.services import report_flow_service as flow
from app.services.context import ServiceContext
from app.services.daily_report_service import supervisor_report, technician_report
from app.services.reference_service import letterhead


@register(PrintKind.DAILY_REPORT, title=N_P("Daily report"), group=PrinterGroup.FORMS)
def render_daily_report(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``2026-11-18`` prints the supervisor's report; ``2026-11-18/5`` technician 5's."""
    day_text, _, tech = number.partition("/")
    try:
        day = date.fromisoformat(day_text.strip())
        tech_id = int(tech) if tech else None
    except ValueError as exc:
        raise NotFound(N_("No daily report {number}: use 2026-11-18 or 2026-11-18/5."),
                       number=number) from exc
    header, who = letterhead(ctx), ctx.actor.display_name
    if tech_id is not None:
        report = technician_report(ctx, tech_id, day)
        state = flow.report_state(ctx, ReportKind.TECHNICIAN, day, tech_id)
        return Rendered(render_technician_report(header, report, printed_by=who,
                                                 reprint=reprint, state=state),
                        f"daily-report-{day}-{report.technician_name}.pdf")
    state = flow.report_state(ctx, ReportKind.SUPERVISOR, day)
    return Rendered(render_supervisor_report(
        header, supervisor_report(ctx, day), printed_by=who, reprint=reprint, state=state,
        missing=tuple(flow.missing_reviews(ctx, day))), f"daily-report-{day}.pdf")
