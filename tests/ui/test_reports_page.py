"""The Reports page (月度统计报表): the figures of a known month on screen, the chart, and the
export through a background Task to a real workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from sqlalchemy import select

from app.models.audit import AuditEntry
from app.services import monthly_report_service as monthly
from app.services.money import format_money
from app.ui.pages import reports_page
from app.ui.pages.reports_page import ReportsPage, recent_months
from app.ui.session import AppSession
from tests.helpers.monthly import month_of_work  # noqa: F401  (fixture)


def test_months_default_to_last_month():
    months = recent_months(date(2026, 1, 15), 3)
    assert months == [date(2026, 1, 1), date(2025, 12, 1), date(2025, 11, 1), date(2025, 10, 1)]


def test_page_shows_the_figures_of_a_known_month(qtbot, db, login, month_of_work):  # noqa: F811
    # given a month with two on-site jobs and a walk-in
    boss = login("boss")
    page = ReportsPage(AppSession(db, boss))
    qtbot.addWidget(page)
    # when the manager picks that month
    page.select_month(month_of_work)
    # then the figures on screen are the service's
    report = monthly.monthly_report(boss, month_of_work)
    assert page.value_labels["calls"].text() == f"{int(report.figure('calls')):,}"
    money = next(f for f in report.figures if f.kind == "money" and f.value)
    assert page.value_labels[money.key].text() == format_money(int(money.value))
    # and the chart's bars add up to the jobs per day
    assert sum(page.chart.totals()) == sum(
        sum(per.values()) for per in report.jobs_per_day.values())
    assert sum(page.chart.totals()) > 0


def test_export_runs_in_a_task_and_opens_the_folder(qtbot, db, login, month_of_work,  # noqa: F811
                                                    tmp_path, monkeypatch):
    opened: list[Path] = []
    asked: list[Path] = []
    monkeypatch.setattr(reports_page, "open_folder", opened.append)

    def ask(_parent, _title, default, _filter):
        asked.append(default)
        return tmp_path / "summary"

    monkeypatch.setattr(reports_page, "ask_save_path", ask)
    page = ReportsPage(AppSession(db, login("boss")))
    qtbot.addWidget(page)
    page.select_month(month_of_work)
    # when the manager exports
    page.export_button.click()
    # then the export runs in the background, the file exists and the folder opens
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=20000)
    assert page.last_export == tmp_path / "summary.xlsx"
    assert f"{month_of_work:%Y-%m}" in asked[0].name
    assert opened == [tmp_path]
    assert "汇总" in openpyxl.load_workbook(page.last_export).sheetnames
    qtbot.waitUntil(lambda: page.export_button.isEnabled())
    # and the export is on the audit trail
    with db.read() as session:
        keys = session.scalars(select(AuditEntry.row_key).where(
            AuditEntry.table_name == "export")).all()
    assert keys == ["monthly"]


def test_export_can_be_cancelled_and_leaves_no_file(qtbot, db, login, tmp_path, monkeypatch):
    # given an export that runs until the manager cancels it
    import threading

    from app.export import monthly_workbook

    started = threading.Event()

    def slow(report, path, *, progress=None, is_cancelled=None, tz=None):
        started.set()
        while not is_cancelled():
            progress(0, 5, "")
            threading.Event().wait(0.01)
        raise monthly_workbook.ExportCancelled()

    monkeypatch.setattr(monthly_workbook, "write_monthly_workbook", slow)
    opened: list[Path] = []
    monkeypatch.setattr(reports_page, "open_folder", opened.append)
    monkeypatch.setattr(reports_page, "ask_save_path", lambda *_a: tmp_path / "m.xlsx")
    page = ReportsPage(AppSession(db, login("boss")))
    qtbot.addWidget(page)
    page.export_button.click()
    qtbot.waitUntil(started.is_set)
    # when the manager presses Cancel on the progress panel (the window still answers)
    assert page.progress.isVisibleTo(page)
    page.progress.cancel_button.click()
    # then the export stops, no file is left and the folder does not open
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=10000)
    assert "cancel" in page.message.text().lower()
    assert not (tmp_path / "m.xlsx").exists() and opened == []


def test_the_reports_page_shows_what_is_due_until_the_summary_is_handed_in(qtbot, db, login):
    from datetime import date as _date

    from app.services.voice_stats import produce_complaint_statistics
    from app.ui.pages.reports_page import ReportsPage
    from app.ui.session import AppSession
    from tests.helpers.voice import at

    boss = at(login("boss"), _date(2026, 12, 2))
    produce_complaint_statistics(boss, 2026, 11)
    page = ReportsPage(AppSession(db, boss))
    qtbot.addWidget(page)
    assert not page.banner.isHidden() and "2026-11" in page.banner.text()
    page.select_month(_date(2026, 11, 1))
    page.submit_button.click()
    assert page.banner.isHidden()



def test_the_year_is_exported_as_a_workbook_and_an_archive_pdf(qtbot, db, login, tmp_path,
                                                               monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr(reports_page, "open_folder", opened.append)
    monkeypatch.setattr(reports_page, "ask_save_path",
                        lambda _p, _t, _d, _f: tmp_path / "year.xlsx")
    page = ReportsPage(AppSession(db, login("boss")))
    qtbot.addWidget(page)
    page.year_button.click()
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=30000)
    assert (tmp_path / "year.xlsx").exists()
    assert (tmp_path / "year.pdf").read_bytes().startswith(b"%PDF")
