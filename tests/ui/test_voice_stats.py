"""Monthly figures on screen: ratings per technician with the chart, complaint statistics."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from app.services import complaint_service as complaints
from app.services import survey_dto
from app.services import survey_service as surveys
from app.ui.pages.complaints_page import ComplaintsPage
from app.ui.pages.surveys_page import SurveysPage
from app.ui.session import AppSession
from app.ui.voice_labels import vlabel
from tests.helpers.ui import show_page
from tests.helpers.voice import completed_call, zhang

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_supervisor_sees_ratings_per_technician_and_the_chart(qtbot, db, login):
    boss = login("super")
    completed_call(boss)
    completed_call(boss, technician="tech2")
    for card, ratings in zip(surveys.issue_cards_for_day(boss, boss.today()),
                             [(4, 4, 3, 4), (2, 1, 2, 2)], strict=True):
        surveys.enter_returned_card(boss, card.id, survey_dto.Ratings(*ratings), via="paper",
                                    expected_version=card.version)
    page = show_page(qtbot, SurveysPage(AppSession(db, boss)))
    assert page.tabs.isTabVisible(1)
    page.tabs.setCurrentIndex(1)
    page.show_stats()

    table = page.stats_table
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())}
    # work done, late arrivals, complaints; cards sent, returned; the four averages
    assert rows["李师傅"][1:10] == ["1", "0", "0", "1", "1", "4.00", "4.00", "3.00", "4.00"]
    assert rows["赵师傅"][-1] == "1"  # one "unsatisfied" rating
    assert [name for name, _ in page.chart.groups] == ["李师傅", "赵师傅"]


def test_the_supervisor_prints_the_monthly_appraisal(qtbot, db, login):
    boss = login("super")
    completed_call(boss)
    page = show_page(qtbot, SurveysPage(AppSession(db, boss)))
    shown = []
    page.show_print = shown.append
    page.tabs.setCurrentIndex(1)
    page.print_appraisal()
    assert len(shown) == 1
    rendered = shown[0].render(False)
    assert rendered.pdf.startswith(b"%PDF") and "technician-appraisal" in rendered.filename


def test_a_clerk_does_not_see_the_figures_tab(qtbot, db, clerk):
    page = show_page(qtbot, SurveysPage(AppSession(db, clerk)))
    assert not page.tabs.isTabVisible(1)


def test_the_manager_reads_the_months_complaint_statistics(qtbot, db, login):
    boss = login("boss")
    customer_id, aircon, _ = zhang(boss)
    for kind in ("quality", "packaging", "packaging"):
        complaints.open_complaint(boss, complaints.ComplaintInput(customer_id, "问题", kind,
                                                                  item_id=aircon))
    page = show_page(qtbot, ComplaintsPage(AppSession(db, boss)))
    today = boss.today()  # the store's month, not this machine's
    page.stats_year.setValue(today.year)
    page.stats_month.setValue(today.month)
    page.show_stats()
    cells = {page.stats_table.item(r, 0).text(): page.stats_table.item(r, 1).text()
             for r in range(page.stats_table.rowCount())}
    received = QCoreApplication.translate("ComplaintsPage", "Received in the month")
    assert cells[received] == "3"
    assert cells[vlabel("kind", "packaging")] == "2"
    assert cells[vlabel("department", "warehouse_delivery")] == "2"
