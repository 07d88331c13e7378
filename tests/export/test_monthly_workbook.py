"""The monthly workbook: every summary figure against an independent count in the database,
its formulas, formats, panes, filters and charts, and LibreOffice as a second reader."""

from __future__ import annotations

import csv
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from app.cli import main
from app.export.monthly_workbook import write_monthly_workbook
from app.services import billing_service as billing
from app.services import monthly_report_service as monthly
from app.services import payments_service as payments
from app.services import repair_service
from tests.unit.carry_in_fixtures import stocked_part, walk_in
from tests.unit.test_billing_service import _on_site_job, _visit


@pytest.fixture
def month_of_work(clerk, login):
    """This month: two on-site jobs (one paid, cash still held), one walk-in with a part."""
    supervisor, tech = login("super"), login("tech")
    call, job = _on_site_job(clerk, supervisor)
    _visit(tech, job, minutes=90)
    bill = billing.make_bill(clerk, call.id)
    payments.collect(tech, bill.id, amount=Decimal("110"), method="cash", place="on_site")
    _free, free_job = _on_site_job(clerk, supervisor, item="in")
    _visit(tech, free_job, minutes=30)
    part = stocked_part(supervisor, price_cents=3550)
    carry = walk_in(clerk)
    repair_service.add_work(tech, carry.card_id, repair_service.WorkInput(
        minutes=45, parts=(repair_service.PartQty(part.id, 2),)),
        expected_version=carry.card_version)
    return clerk.today().replace(day=1)


def _independent(db) -> dict[str, int]:
    """The same figures by plain SQL, written apart from the report's queries (all of this
    test's records fall in the current month)."""
    with db.engine.connect() as conn:
        one = lambda sql: conn.execute(text(sql)).scalar() or 0  # noqa: E731
        return {
            "calls": one("SELECT count(*) FROM calls"),
            "dispatch_times": one("SELECT count(*) FROM visits"),
            "labour_minutes": one("SELECT sum(labour_minutes) FROM visits"),
            "materials": one("SELECT sum(quantity * unit_price_cents) FROM repair_part_uses"),
            "bench_minutes": one("SELECT sum(minutes) FROM repair_work"),
            "billed": one("SELECT sum(total_cents) FROM bills"),
            "collected": one("SELECT sum(amount_cents) FROM payments"),
            "carry_in": one("SELECT count(*) FROM item_receipts"),
            "held": one("SELECT sum(amount_cents) FROM payments WHERE handed_over_at IS NULL"),
        }


def _summary(path: Path) -> dict[str, object]:
    ws = openpyxl.load_workbook(path)["汇总"]
    return {row[0]: row[1] for row in ws.iter_rows(min_row=4, values_only=True) if row[0]}


def test_summary_figures_agree_with_the_database(db, login, month_of_work, tmp_path):
    boss = login("boss")
    report = monthly.monthly_report(boss, month_of_work)
    path = write_monthly_workbook(report, tmp_path / "m.xlsx")
    sheet = _summary(path)
    expect = _independent(db)
    assert sheet["受理叫修"] == expect["calls"] == 3
    assert sheet["派工：人次"] == expect["dispatch_times"] == 2
    assert sheet["派工：人日"] == round(expect["labour_minutes"] / 480, 2)
    assert sheet["派工：费用"] == Decimal(expect["labour_minutes"] * 6000 // 60) / 100
    assert sheet["带回修理：工时费用"] == Decimal(expect["bench_minutes"] * 6000 // 60) / 100
    assert sheet["材料费"] == Decimal(expect["materials"]) / 100 == Decimal("71")
    assert sheet["交通费"] == 40  # two city trips at ￥20
    assert sheet["应收金额"] == Decimal(expect["billed"]) / 100
    assert sheet["实收金额"] == Decimal(expect["collected"]) / 100 == 110
    assert sheet["月末尚未上交的现金"] == Decimal(expect["held"]) / 100
    assert sheet["带回/送修收件"] == expect["carry_in"] == 1
    assert sheet["A 类有费服务"] == 1 and sheet["C 类免费服务"] == 1
    assert str(sheet["售后服务总费用"]).startswith("=SUM(")


def test_workbook_looks_finished(login, month_of_work, tmp_path):
    report = monthly.monthly_report(login("boss"), month_of_work)
    wb = openpyxl.load_workbook(write_monthly_workbook(report, tmp_path / "m.xlsx"))
    assert wb.sheetnames == ["汇总", "技术员", "型号", "每日工单", "明细"]
    summary, techs, details = wb["汇总"], wb["技术员"], wb["明细"]
    assert summary.freeze_panes == "A4" and details.freeze_panes == "C2"
    assert details.auto_filter.ref.startswith("A1:S") and techs.auto_filter.ref
    assert summary["A3"].font.b and techs["A1"].font.b
    money = [c for c in summary["B"] if c.number_format == '"￥"#,##0.00']
    assert len(money) >= 8
    assert any(c.number_format == "0.0%" for c in summary["B"])
    assert len(report.details) == 3 and details.max_row == 4  # 2 vouchers + 1 walk-in
    total_row = next(r for r in techs.iter_rows(values_only=True) if r[0] == "合计")
    assert str(total_row[1]).startswith("=SUM(B2:")
    assert summary._charts and techs._charts
    assert wb.properties.subject == f"{month_of_work:%Y-%m}"
    assert "月度统计报表" in wb.properties.title


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (libreoffice-calc) "
                    "is not installed; CI installs it")
def test_libreoffice_recalculates_the_same_total(db, login, month_of_work, tmp_path):
    report = monthly.monthly_report(login("boss"), month_of_work)
    path = write_monthly_workbook(report, tmp_path / "m.xlsx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76', "--outdir",
                    str(tmp_path / "csv"), str(path)], check=True, capture_output=True,
                   timeout=180)
    rows = list(csv.reader((tmp_path / "csv" / "m.csv").open(encoding="utf-8")))
    values = {r[0]: r[1] for r in rows if len(r) > 1}
    total = report.figure("total_cost")
    shown = Decimal(values["售后服务总费用"].replace("￥", "").replace(",", ""))
    assert shown == Decimal(total) / 100


def test_export_command(db, login, month_of_work, tmp_path):
    out = tmp_path / "cli.xlsx"
    month = f"{month_of_work:%Y-%m}"
    assert main(["export", "monthly", "--month", month, "--out", str(out), "--db",
                 str(db.engine.url.database)]) == 0
    assert _summary(out)["受理叫修"] == 3
    assert main(["export", "monthly", "--month", "2026-13", "--db",
                 str(db.engine.url.database)]) == 2
    assert main(["export", "monthly", "--month", month, "--out", str(tmp_path / "no" / "x.xlsx"),
                 "--db", str(db.engine.url.database)]) == 2
