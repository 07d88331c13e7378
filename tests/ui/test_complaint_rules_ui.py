"""The complaint register on screen: who is not yet visited, closing refused before the visit,
the liaison note for a late closure, the month's statistics produced and frozen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from app.services import complaint_service as complaints
from app.ui.pages.complaints_page import VIEWS, ComplaintsPage
from app.ui.session import AppSession
from tests.helpers.ui import type_text
from tests.helpers.ui_voice import answer_previews
from tests.helpers.ui_voice import dialog_driver as _driver
from tests.helpers.ui_voice import show_page as _show
from tests.helpers.voice import at, zhang

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComplaintsPage", text)


def _open(ctx, kind="quality"):
    customer_id, aircon, _ = zhang(ctx)
    return complaints.open_complaint(ctx, complaints.ComplaintInput(
        customer_id, "空调不制冷", kind, item_id=aircon))


def _resolve(ctx, c):
    return complaints.resolve_complaint(ctx, c.id, resolution="已处理", responsible="服务部",
                                        told_via="phone", expected_version=c.version)


def test_the_register_shows_who_is_not_yet_visited_and_refuses_to_close_them(qtbot, db,
                                                                            clerk):
    waiting = _resolve(clerk, _open(clerk))
    visited = _open(clerk)
    complaints.record_visit(clerk, visited.id, visit_on=clerk.today(), visit_by="陈主任",
                            notes="", expected_version=visited.version)
    page = _show(qtbot, ComplaintsPage(AppSession(db, clerk)))
    page.view_combo.setCurrentIndex(VIEWS.index("unvisited"))
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [waiting.id]
    assert page.model.index(0, 9).data() == _tr("Not yet visited")

    page.table.selectRow(0)
    seen = {}

    def close(dialog):
        type_text(dialog.field("outcome"), "客户满意")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        seen["message"] = dialog.message.text()
        dialog.discard()  # Cancel, and "discard" to the question
        return False
    page.run_dialog = lambda dialog: (qtbot.addWidget(dialog), dialog.show(), close(dialog))[-1]
    qtbot.mouseClick(page.buttons["close"], Qt.MouseButton.LeftButton)
    assert seen["message"]
    assert complaints.get_complaint(clerk, waiting.id).status == "resolved"


def test_a_late_closure_gets_its_liaison_note_printed_and_listed(qtbot, db, login):
    clerk = login("clerk")
    c = _open(at(clerk, date(2026, 11, 2)), "packaging")
    late = at(clerk, date(2026, 11, 19))
    c = complaints.record_visit(late, c.id, visit_on=late.today(), visit_by="陈主任",
                                notes="", expected_version=c.version)
    c = complaints.close_complaint(late, c.id, outcome="换货", told_via="phone",
                                   expected_version=_resolve(late, c).version)
    page = _show(qtbot, ComplaintsPage(AppSession(db, late)))
    shown = answer_previews(qtbot, page)
    page.view_combo.setCurrentIndex(VIEWS.index("closed"))
    page.table.selectRow(page.model.row_of(c.id))

    page.run_dialog = _driver(qtbot, lambda dialog: None)
    qtbot.mouseClick(page.buttons["liaison"], Qt.MouseButton.LeftButton)

    assert [p.filename for p in shown] == ["complaint-liaison-Q2611-001.pdf"]
    page.tabs.setCurrentIndex(2)
    assert page.liaison_table.rowCount() == 1
    assert page.liaison_table.item(0, 1).text() == c.number
    assert "0" in page.late_label.text()


def test_the_manager_produces_last_months_statistics_and_they_stay(qtbot, db, login):
    boss = at(login("boss"), date(2026, 12, 5))
    _open(at(login("clerk"), date(2026, 11, 3)))
    page = _show(qtbot, ComplaintsPage(AppSession(db, boss)))
    page.stats_year.setValue(2026)
    page.stats_month.setValue(11)
    page.show_stats()
    assert page.frozen_label.text() == _tr("Live figures: not produced yet.")

    qtbot.mouseClick(page.findChild(type(page.buttons["new"]), "produce"),
                     Qt.MouseButton.LeftButton)

    assert page.frozen_label.text() != _tr("Live figures: not produced yet.")
    _open(at(login("clerk"), date(2026, 12, 5)))
    complaints.open_complaint(login("clerk"), complaints.ComplaintInput(
        zhang(boss)[0], "补登", "other", accepted_on=date(2026, 11, 20)))
    page.show_stats()
    cells = {page.stats_table.item(r, 0).text(): page.stats_table.item(r, 1).text()
             for r in range(page.stats_table.rowCount())}
    assert cells[_tr("Received in the month")] == "1"  # the late-filed one does not count
