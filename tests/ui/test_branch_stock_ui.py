"""调拨 on the parts page (issue 17): the service department moves parts from one branch's
shelf to another's; each branch then holds what it was given, and a branch's people have no
such button."""

from __future__ import annotations

import pytest

from app.services import parts_service
from app.ui.pages.parts_page import PartsPage
from app.ui.session import AppSession
from tests.helpers.carry_in import stocked_part
from tests.helpers.service_dept import Company, make_company
from tests.helpers.ui import show_page

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def company(db, login) -> Company:
    return make_company(login)


def _page(qtbot, db, ctx, part_id: int) -> PartsPage:
    page = show_page(qtbot, PartsPage(AppSession(db, ctx)), 720)
    page.table.selectRow(next(r for r in range(page.model.rowCount())
                              if page.model.row_at(r).id == part_id))
    return page


def test_the_service_department_moves_parts_between_branches(qtbot, db, company):
    one, two = company.branch_ids
    part = stocked_part(company.people[one]["boss"], stock=6, number="P-0101")
    page = _page(qtbot, db, company.office, part.id)
    assert page.buttons["branches"].isVisible()
    said: list[str] = []

    def run(dialog) -> bool:
        dialog.from_combo.setCurrentIndex(dialog.from_combo.findData(one))
        said.append(dialog.from_combo.currentText())
        dialog.to_combo.setCurrentIndex(dialog.to_combo.findData(two))
        dialog.quantity_spin.setValue(7)  # more than branch 01 holds
        dialog.accept()
        said.append(dialog.message.text())
        dialog.quantity_spin.setValue(4)
        dialog.accept()
        assert not dialog.message.isVisible(), dialog.message.text()
        return True

    page.run_dialog = run
    page.buttons["branches"].click()
    assert "6" in said[0]  # what branch 01's shelf holds is shown where it is chosen
    assert "6" in said[1] and "7" in said[1]  # refused: only 6 there
    held = [parts_service.get_part(company.people[b]["boss"], part.id).stock_on_hand
            for b in (one, two)]
    assert held == [2, 4]
    assert parts_service.get_part(company.office, part.id).stock_on_hand == 6
    assert parts_service.verify_stock(company.office) == []


def test_a_branchs_people_have_no_move_between_branches(qtbot, db, company):
    one, _two = company.branch_ids
    boss = company.people[one]["boss"]
    part = stocked_part(boss, stock=2, number="P-0102")
    page = _page(qtbot, db, boss, part.id)
    assert not page.buttons["branches"].isVisible()
    assert page.buttons["transfer"].isVisible()
