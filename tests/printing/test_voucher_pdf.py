"""The voucher and both daily reports as PDFs: Chinese text, number, customer, embedded font."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.models.customers import Customer, Item
from app.models.jobs import InternalWorkKind, VisitOutcome
from app.models.staff import User
from app.printing import registry
from app.services import dispatch_service as dispatch
from app.services import visit_service as visits
from app.services.calls_service import CallInput, register_call
from tests.helpers import pdf as pdfread

TZ = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 18)


def at(h: int, m: int = 0) -> datetime:
    return datetime(DAY.year, DAY.month, DAY.day, h, m, tzinfo=TZ)


def pdf_text(pdf: bytes, tmp_path: Path, name: str) -> str:
    """The text of ``pdf``, after checking it renders and embeds every font (SCSans among them)."""
    assert pdfread.render(pdf, tmp_path / name)
    fonts = pdfread.fonts(pdf)
    assert fonts and all(row.embedded for row in fonts), fonts
    assert any("SCSans" in row.name for row in fonts)
    return pdfread.text(pdf)


@pytest.fixture
def dispatched(db, login):
    clerk = replace(login("clerk"), clock=lambda: at(9, 5))
    sup = replace(login("super"), clock=lambda: at(9, 30))
    tech = replace(login("tech"), clock=lambda: at(17))
    with db.read() as session:
        zhang = session.scalar(select(Customer.id).where(Customer.name == "张伟"))
        item = session.scalar(select(Item.id).where(Item.customer_id == zhang))
        tech_id = session.scalar(select(User.id).where(User.username == "tech"))
    call = register_call(clerk, CallInput(fault="空调不制冷", customer_id=zhang, item_id=item,
                                          received_at=at(9)))
    job = dispatch.dispatch_call(sup, call.id, tech_id, expected_version=call.version)
    visits.record_visit(tech, job.job_id, visits.VisitInput(
        at(11), at(11, 50), VisitOutcome.COMPLETED, "更换启动电容", parts="电容",
        customer_signed=True), expected_version=job.version)
    visits.log_internal_work(tech, visits.InternalWorkInput(DAY, InternalWorkKind.TRAINING,
                                                            60, "新机型培训"))
    return job, tech_id


def test_voucher_pdf_a5_and_a4_reprint(login, dispatched, tmp_path):
    job, _ = dispatched
    sup = login("super")
    text = pdf_text(registry.render(sup, "voucher", job.number, reprint=False).pdf,
                    tmp_path, "voucher-a5")
    for expected in ("服务凭证", job.number, "张伟", "市区人民路", "13812345678", "GR2024001",
                     "空调不制冷", "李师傅", "保修期内", "到达时间", "维修内容", "配换零件",
                     "工时", "费用", "客户签字", "最迟到达", "2026-11-18 15:00"):
        assert expected in text, expected
    assert "补打" not in text
    again = pdf_text(registry.render(sup, "voucher", f"{job.number}@A4", reprint=True).pdf,
                     tmp_path, "voucher-a4")
    assert "补打" in again and job.number in again


def test_both_daily_reports_pdf(login, dispatched, tmp_path):
    _, tech_id = dispatched
    sup = login("super")
    tech_text = pdf_text(registry.render(sup, "daily-report", f"{DAY}/{tech_id}",
                                         reprint=False).pdf, tmp_path, "tech-report")
    for expected in ("技术员工作日报表", "李师傅", "张伟", "更换启动电容", "50", "训练",
                     "按类别合计", "C 免费服务", "D 一般行政工作", "110"):
        assert expected in tech_text, expected
    team_text = pdf_text(registry.render(sup, "daily-report", str(DAY), reprint=False).pdf,
                         tmp_path, "team-report")
    for expected in ("服务主任日报表", "李师傅", "赵师傅", "受理叫修", "超时到达", "服务主任"):
        assert expected in team_text, expected
    assert "经理（分公司）" not in team_text


def test_daily_report_pdfs_print_the_reports_steps(login, dispatched, tmp_path):
    """§十五–十七 on paper: who submitted, reviewed (核阅) and when; the team report names the
    technicians not yet reviewed."""
    from app.services import report_flow_service as flow

    _, tech_id = dispatched
    sup = replace(login("super"), clock=lambda: at(18, 10))
    team = pdf_text(registry.render(sup, "daily-report", str(DAY), reprint=False).pdf,
                    tmp_path, "team-before")
    assert "报表状态：草稿" in team and "尚未核阅：李师傅" in team
    flow.submit_technician_report(replace(login("tech"), clock=lambda: at(17, 30)), DAY)
    flow.review_technician_report(sup, tech_id, DAY, note="已核对凭证")
    text = pdf_text(registry.render(sup, "daily-report", f"{DAY}/{tech_id}",
                                    reprint=False).pdf, tmp_path, "tech-steps")
    squeezed = "".join(text.split())
    for expected in ("报表状态：已核阅", "已提交李师傅2026-11-1817:30",
                     "已核阅陈主任2026-11-1818:10已核对凭证"):
        assert expected in squeezed, expected
    team = pdf_text(registry.render(sup, "daily-report", str(DAY), reprint=False).pdf,
                    tmp_path, "team-after")
    assert "尚未核阅" not in team
