"""Daily reports on A4: the technician's work report (技术员工作日报表) and the supervisor's
report (服务主任日报表), from the same DTOs the screen shows."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.printing.base import BaseDocument, StoreHeader
from app.printing.flowables import list_table, para, signature_line
from app.printing.formatting import cents_to_decimal, hours_text, money
from app.printing.text import N_P, pt
from app.services.daily_report_dto import (
    CategoryTotal,
    ReportLine,
    ReportState,
    SupervisorDailyReport,
    TechnicianDailyReport,
)

STATUS_TEXT = {"draft": N_P("Draft"), "submitted": N_P("Submitted"), "reviewed": N_P("Reviewed"),
               "signed": N_P("Signed"), "forwarded": N_P("Forwarded")}
STEP_TEXT = {"submitted": N_P("Submitted"), "reviewed": N_P("Reviewed"), "signed": N_P("Signed"),
             "forwarded": N_P("Forwarded"), "reopened": N_P("Reopened")}
CATEGORY_TEXT = {"A": N_P("A Paid service"), "B": N_P("B Contract service"),
                 "C": N_P("C Free (warranty)"), "D": N_P("D Internal work")}


def _totals_table(totals: tuple[CategoryTotal, ...], width: float, doc: BaseDocument) -> Flowable:
    rows = [[pt(CATEGORY_TEXT[t.category]), str(t.jobs), str(t.minutes), hours_text(t.minutes)]
            for t in totals]
    rows.append([pt("Total"), str(sum(t.jobs for t in totals)),
                 str(sum(t.minutes for t in totals)), hours_text(sum(t.minutes for t in totals))])
    return list_table([pt("Category"), pt("Jobs"), pt("Minutes"), ""], rows,
                      widths=[width * 0.4, width * 0.15, width * 0.15, width * 0.3], st=doc.st,
                      numeric=(1, 2))


def _steps(doc: BaseDocument, state: ReportState | None,
           missing: tuple[str, ...] = ()) -> list[Flowable]:
    """The report's life (§十五–十七): its status, who did each step and when (a reopen
    keeps the earlier steps), and for the team report the technicians not yet reviewed."""
    if state is None:
        return []
    out: list[Flowable] = [para(pt("Report status: {status}",
                                   status=pt(STATUS_TEXT.get(state.status, state.status))),
                                doc.st.subtitle)]
    if missing:
        out.append(para(pt("Not yet reviewed: {names}", names="、".join(missing)), doc.st.body))
    if state.steps:
        w = doc.width
        rows = [[pt(STEP_TEXT.get(s.step, s.step)), s.actor_name,
                 s.at.astimezone(doc.tz).strftime("%Y-%m-%d %H:%M"), s.note]
                for s in state.steps]
        out.append(list_table([pt("Step"), pt("By"), pt("At"), pt("Note")], rows,
                              widths=[w * 0.15, w * 0.15, w * 0.2, w * 0.5], st=doc.st))
    return out


def _work_text(line: ReportLine) -> str:
    if not line.kind:
        return line.description
    return f"{pt(line.kind)}: {line.description}" if line.description else pt(line.kind)


class TechnicianReportDocument(BaseDocument):
    title = N_P("Technician's daily work report")
    font_size = 9.0

    def __init__(self, header: StoreHeader, report: TechnicianDailyReport, *,
                 state: ReportState | None = None, **kw: Any) -> None:
        super().__init__(header, **kw)
        self.report, self.state = report, state

    def _lines(self) -> Flowable:
        r, w = self.report, self.width
        rows = [[ln.voucher_number, ln.call_number, ln.customer_name, ln.category,
                 _work_text(ln),
                 ln.started_at.astimezone(self.tz).strftime("%H:%M") if ln.started_at else "",
                 ln.ended_at.astimezone(self.tz).strftime("%H:%M") if ln.ended_at else "",
                 str(ln.minutes), pt(ln.outcome), money(cents_to_decimal(ln.fee_cents))]
                for ln in r.lines]
        widths = [0.11, 0.11, 0.1, 0.05, 0.24, 0.07, 0.07, 0.07, 0.08, 0.1]
        return list_table([pt("Voucher"), pt("Call No."), pt("Customer"), pt("Category"),
                           pt("Work"), pt("From"), pt("To"), pt("Minutes"), pt("Result"),
                           pt("Fee")], rows, widths=[w * f for f in widths], st=self.st,
                          numeric=(7, 9))

    def story(self) -> list[Flowable]:
        r = self.report
        return [
            para(f"{pt('Day: {day}', day=r.day.isoformat())}    "
                 f"{pt('Technician: {name}', name=r.technician_name)}", self.st.body),
            Spacer(1, 3 * mm), self._lines(), Spacer(1, 4 * mm),
            para(pt("Totals by category"), self.st.subtitle),
            _totals_table(r.totals, self.width * 0.7, self),
            para(f"{pt('Fees collected')}: {money(cents_to_decimal(r.total_fee_cents))}",
                 self.st.body),
            *_steps(self, self.state),
            Spacer(1, 8 * mm),
            signature_line([pt("Technician"), pt("Service supervisor")], width=self.width,
                           st=self.st),
        ]


class SupervisorReportDocument(BaseDocument):
    title = N_P("Supervisor's daily report")
    font_size = 9.5

    def __init__(self, header: StoreHeader, report: SupervisorDailyReport, *,
                 state: ReportState | None = None, missing: tuple[str, ...] = (),
                 **kw: Any) -> None:
        super().__init__(header, **kw)
        self.report, self.state, self.missing = report, state, missing

    def _team(self) -> Flowable:
        r, w = self.report, self.width
        rows = [[row.technician_name,
                 *(f"{t.jobs} / {t.minutes}" for t in row.totals), str(row.total_minutes)]
                for row in r.rows]
        rows.append([pt("Total"), *(f"{t.jobs} / {t.minutes}" for t in r.totals),
                     str(r.total_minutes)])
        heads = [pt("Technician"), *(pt(CATEGORY_TEXT[t.category]) for t in r.totals),
                 pt("Minutes")]
        return list_table(heads, rows, widths=[w * 0.2] + [w * 0.16] * 4 + [w * 0.16],
                          st=self.st, numeric=(1, 2, 3, 4, 5))

    def _figures(self) -> Flowable:
        r, w = self.report, self.width
        labels = [pt("Calls received"), pt("Calls dispatched"), pt("Completed on site"),
                  pt("Calls taken in"), pt("Left over"), pt("Deadlines missed")]
        values = [r.calls_received, r.dispatched, r.completed, r.taken_in, r.left_over,
                  r.deadlines_missed]
        return list_table(labels, [[str(v) for v in values]], widths=[w / 6] * 6, st=self.st,
                          numeric=tuple(range(6)))

    def story(self) -> list[Flowable]:
        r = self.report
        signers = [pt("Service supervisor")] + ([pt("Manager (branch)")] if r.is_branch else [])
        return [
            para(pt("Day: {day}", day=r.day.isoformat()), self.st.body),
            para(pt("Team by technician and category"), self.st.subtitle),
            para(pt("Each cell: jobs / minutes"), self.st.small),
            self._team(),
            para(pt("Calls of the day"), self.st.subtitle),
            self._figures(), *_steps(self, self.state, self.missing), Spacer(1, 10 * mm),
            signature_line([*signers, pt("Date")], width=self.width, st=self.st),
        ]


def render_technician_report(header: StoreHeader, report: TechnicianDailyReport, *,
                             printed_by: str = "", reprint: bool = False,
                             state: ReportState | None = None) -> bytes:
    return TechnicianReportDocument(header, report, state=state, printed_by=printed_by,
                                    reprint=reprint).generate()


def render_supervisor_report(header: StoreHeader, report: SupervisorDailyReport, *,
                             printed_by: str = "", reprint: bool = False,
                             state: ReportState | None = None,
                             missing: tuple[str, ...] = ()) -> bytes:
    return SupervisorReportDocument(header, report, state=state, missing=missing,
                                    printed_by=printed_by, reprint=reprint).generate()
