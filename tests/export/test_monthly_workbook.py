# ruff: noqa: F811  (the month_of_work fixture is imported and used as an argument)
"""The monthly workbook: every summary figure against an independent count in the database,
its formulas, formats, panes, filters and charts, and LibreOffice as a second reader."""

from __future__ import annotations

import csv
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from app.cli import main
from app.export.monthly_workbook import write_monthly_workbook
from app.printing.text import pt
from app.services import monthly_report_service as monthly
from tests.helpers.libreoffice import recalculated_rows
from tests.helpers.monthly import month_of_work  # noqa: F401  (fixture)
from tests.helpers.outside import missing


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
    assert wb.sheetnames == ["汇总", "技术员", "型号", "每日工单", "客户意见调查卡", "客户投诉",
                             "明细"]
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


@pytest.mark.skipif(bool(missing("soffice")), reason=missing("soffice") or "-")
def test_libreoffice_recalculates_the_same_total(db, login, month_of_work, tmp_path):
    report = monthly.monthly_report(login("boss"), month_of_work)
    path = write_monthly_workbook(report, tmp_path / "m.xlsx")
    # LibreOffice recalculates on loading, so its own SUM is what the test reads (the stored
    # results are checked in test_formulas_store_their_results)
    rows = recalculated_rows(path, tmp_path)
    values = {r[0]: r[1] for r in rows if len(r) > 1}
    total = report.figure("total_cost")
    shown = Decimal(values["售后服务总费用"].replace("￥", "").replace(",", ""))
    assert shown == Decimal(total) / 100


def test_export_command(db, login, month_of_work, tmp_path):
    out = tmp_path / "cli.xlsx"
    month = f"{month_of_work:%Y-%m}"
    url = db.engine.url.render_as_string(hide_password=False)  # the SQLite file or PostgreSQL
    assert main(["export", "monthly", "--month", month, "--out", str(out), "--db", url]) == 0
    assert _summary(out)["受理叫修"] == 3
    assert main(["export", "monthly", "--month", "2026-13", "--db", url]) == 2
    assert main(["export", "monthly", "--month", month, "--out", str(tmp_path / "no" / "x.xlsx"),
                 "--db", url]) == 2


def test_survey_and_complaint_sheets_agree_with_the_database(db, login, tmp_path):
    """Two completed calls this month, one card returned; two complaints, one closed."""
    from app.services import complaint_service as complaints
    from app.services import survey_dto
    from app.services import survey_service as surveys
    from tests.helpers.voice import completed_call, zhang

    clerk = login("clerk")
    completed_call(clerk)
    completed_call(clerk, technician="tech2")
    cards = sorted(surveys.issue_cards_for_day(clerk, clerk.today()), key=lambda c: c.id)
    surveys.enter_returned_card(clerk, cards[0].id, survey_dto.Ratings(4, 3, 2, 1), via="phone",
                                expected_version=cards[0].version)
    customer_id, aircon, _ = zhang(clerk)
    for kind in ("quality", "packaging"):
        complaints.open_complaint(clerk, complaints.ComplaintInput(
            customer_id, "空调又坏了", kind, item_id=aircon))
    report = monthly.monthly_report(login("boss"), clerk.today().replace(day=1))
    wb = openpyxl.load_workbook(write_monthly_workbook(report, tmp_path / "v.xlsx"))
    rows = {r[0]: r for r in wb["客户意见调查卡"].iter_rows(min_row=2, values_only=True)}
    with db.engine.connect() as conn:
        per_tech = dict(conn.execute(text(
            "SELECT u.display_name, count(*) FROM survey_cards s JOIN users u "
            "ON u.id = s.technician_id GROUP BY u.display_name")).all())
        returned = conn.execute(text("SELECT attitude, promise FROM survey_cards "
                                     "WHERE status = 'returned'")).one()
        received = conn.execute(text("SELECT count(*) FROM complaints")).scalar()
    for name, sent in per_tech.items():
        assert rows[name][1] == sent
    returned_row = next(r for r in rows.values() if r[2] == 1)
    assert returned_row[4] == returned[0] and returned_row[7] == returned[1]
    assert str(rows["合计"][3]).startswith("=IF(")
    figures = {r[0]: r[1] for r in wb["客户投诉"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert figures["受理投诉"] == received == 2
    assert figures["商品质量"] == 1 and figures["包装破损"] == 1


def _money_cents(value) -> int:
    """A money cell as read back, in cents; fails unless it is a whole number of fen."""
    cents = Decimal(repr(value)) * 100
    assert cents == cents.to_integral_value(), value
    return int(cents)


def test_money_cells_are_the_databases_cents_to_the_fen(db, login, month_of_work, tmp_path):
    # given the month's work with a payment and a part, and the workbook of that month
    report = monthly.monthly_report(login("boss"), month_of_work)
    path = write_monthly_workbook(report, tmp_path / "m.xlsx")
    # then every detail row's parts, bill and payments are the database's cents exactly
    with db.engine.connect() as conn:
        billed = dict(conn.execute(text(
            "SELECT j.number, b.total_cents FROM jobs j JOIN bills b ON b.call_id = j.call_id"
        )).all())
        paid = dict(conn.execute(text(
            "SELECT j.number, sum(p.amount_cents) FROM jobs j JOIN bills b ON b.call_id = "
            "j.call_id JOIN payments p ON p.bill_id = b.id GROUP BY j.number")).all())
        parts = dict(conn.execute(text(
            "SELECT r.number, sum(u.quantity * u.unit_price_cents) FROM item_receipts r "
            "JOIN repair_cards c ON c.receipt_id = r.id JOIN repair_part_uses u "
            "ON u.card_id = c.id GROUP BY r.number")).all())
    wb = openpyxl.load_workbook(path)
    details = list(wb["明细"].iter_rows(min_row=2, values_only=True))
    assert len(details) == 3
    for row in details:
        assert _money_cents(row[16]) == parts.get(row[0], 0)
        assert _money_cents(row[17]) == billed.get(row[0], 0)
        assert _money_cents(row[18]) == paid.get(row[0], 0)
    assert sum(_money_cents(r[18]) for r in details) == 11000
    assert sum(_money_cents(r[16]) for r in details) == 7100
    # and so is every money figure of the summary (the total is a formula), and each
    # technician's revenue
    shown = _summary(path)
    for figure in report.figures:
        if figure.kind == "money" and figure.key != "total_cost":
            assert _money_cents(shown[pt(figure.label)]) == figure.value, figure.key
    for row in wb["技术员"].iter_rows(min_row=2, max_row=1 + len(report.technicians),
                                     values_only=True):
        tech = next(t for t in report.technicians if t.technician == row[0])
        assert _money_cents(row[10]) == tech.revenue_cents


def test_formulas_store_their_results(login, month_of_work, tmp_path):
    """A reader that does not recalculate (LibreOffice by default, file previews) shows the
    stored results: they must be what the formulas compute."""
    report = monthly.monthly_report(login("boss"), month_of_work)
    path = write_monthly_workbook(report, tmp_path / "m.xlsx")
    stored = openpyxl.load_workbook(path, data_only=True)
    summary = {r[0]: r[1] for r in stored["汇总"].iter_rows(min_row=4, values_only=True) if r[0]}
    assert _money_cents(summary["售后服务总费用"]) == report.figure("total_cost")
    techs = list(stored["技术员"].iter_rows(min_row=2, values_only=True))
    total = next(r for r in techs if r[0] == "合计")
    people = techs[:len(report.technicians)]
    assert total[1] == sum(r[1] for r in people) == sum(t.jobs for t in report.technicians)
    assert total[6] == pytest.approx(sum(t.hours for t in report.technicians))
    assert total[7] == sum(r[7] for r in people) and total[8] == sum(r[8] for r in people)
    assert total[9] == (total[7] / total[8] if total[8] else None)  # "" reads as None
    for row, tech in zip(people, report.technicians, strict=True):
        assert row[6] == pytest.approx(tech.hours)
        assert row[9] == (tech.deadlines_met / tech.deadlines_due if tech.deadlines_due else None)
    daily = list(stored["每日工单"].iter_rows(min_row=2, values_only=True))
    assert all(r[5] == sum(r[1:5]) for r in daily[:-1])
    assert daily[-1][5] == sum(sum(per.values()) for per in report.jobs_per_day.values())
    models = list(stored["型号"].iter_rows(min_row=2, values_only=True))
    assert models[-1][3] == sum(m.calls for m in report.models)
    assert _money_cents(models[-1][6]) == sum(m.cost_cents for m in report.models)


def test_cancelled_export_leaves_no_file(login, month_of_work, tmp_path, monkeypatch):
    # given an export cancelled while it writes (after the summary sheet)
    import tempfile

    from app.export.monthly_workbook import ExportCancelled

    out, scratch = tmp_path / "out", tmp_path / "scratch"  # scratch: XlsxWriter's row files
    out.mkdir()
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    report = monthly.monthly_report(login("boss"), month_of_work)
    asked = iter(range(100))
    seen: list[str] = []
    # when the user cancels at the third check
    with pytest.raises(ExportCancelled):
        write_monthly_workbook(report, out / "m.xlsx",
                               progress=lambda _d, _t, message: seen.append(message),
                               is_cancelled=lambda: next(asked) >= 2)
    # then neither the workbook nor its partial file nor a temporary file is left
    assert seen == ["汇总", "技术员"]
    assert list(out.iterdir()) == [] and list(scratch.iterdir()) == []
    # and an export that runs to its end writes the file, and only it
    write_monthly_workbook(report, out / "m.xlsx")
    assert [p.name for p in out.iterdir()] == ["m.xlsx"] and list(scratch.iterdir()) == []


def test_details_sheet_shows_each_job_as_recorded(tmp_path):
    """The details sheet (written as XML directly, Sheet.rows_of) read back: Chinese, <&>,
    the longest customer name, a name beyond GBK, times in the store's zone, money to the
    fen, empty times for a walk-in, and LibreOffice shows the same."""
    from datetime import UTC, date, datetime

    from app.services.monthly_dto import JobDetail, MonthlyReport

    longest = "<&>" + "张" * 57  # a customer's name holds 60 characters
    received = datetime(2026, 7, 31, 16, 30, tzinfo=UTC)  # 1 August 00:30 in Shanghai
    jobs = (
        JobDetail("P2607-000001", "C2607-000001", received, longest, "138****5678",
                  "市区 & 郊区", "phone", "KFR-35GW<2>", "A", "repair", "王师傅",
                  datetime(2026, 7, 31, 17, tzinfo=UTC), datetime(2026, 8, 1, 1, 5, tzinfo=UTC),
                  True, "completed", 95, 12_345, 100_000, 99_999),
        JobDetail("R2607-000002", "C2607-000002", received, "𠀀𠀁 陈", "", "", "walk_in", "",
                  "C", "install", "", None, None, None, "taken_in", 0, 0, 0, -5),
    )
    report = MonthlyReport(date(2026, 7, 1), "测试店", (), (), (), jobs, {})
    path = write_monthly_workbook(report, tmp_path / "m.xlsx")
    sheet = openpyxl.load_workbook(path)["明细"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][:13] == ("P2607-000001", "C2607-000001", datetime(2026, 8, 1, 0, 30),
                            longest, "138****5678", "市区 & 郊区", "电话", "KFR-35GW<2>", "A",
                            "维修", "王师傅", datetime(2026, 8, 1, 1), datetime(2026, 8, 1, 9, 5))
    assert rows[0][13:15] == ("是", "现场完工") and rows[0][15] == 95
    assert [_money_cents(v) for v in rows[0][16:]] == [12_345, 100_000, 99_999]
    assert rows[1][3] == "𠀀𠀁 陈" and rows[1][11:13] == (None, None)
    assert rows[1][13] == "" and [_money_cents(v) for v in rows[1][16:]] == [0, 0, -5]
    assert sheet["C2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["Q2"].number_format == '"￥"#,##0.00' and sheet.auto_filter.ref == "A1:S3"
    # and LibreOffice shows the same (skipped, naming the package, where it is not installed)
    if reason := missing("soffice"):
        pytest.skip(reason)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,'
                    'true,true,false,false,7', "--outdir", str(tmp_path / "csv"),
                    str(path)], check=True, capture_output=True, timeout=180)
    (out,) = (tmp_path / "csv").iterdir()  # the 7th sheet, 明细, as shown
    shown = list(csv.reader(out.open(encoding="utf-8")))
    assert shown[1][:5] == ["P2607-000001", "C2607-000001", "2026-08-01 00:30", longest,
                            "138****5678"]
    assert shown[1][16:] == ["￥123.45", "￥1,000.00", "￥999.99"]
    assert shown[2][3] == "𠀀𠀁 陈" and shown[2][18] == "-￥0.05"
