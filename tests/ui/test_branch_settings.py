"""Issue 17 on the Settings page: the service department edits the company's values or, with
the branch picker, one branch's own; a branch's people edit their own and see no picker; a
single store sees no picker at all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.models.enums import Role
from app.services import branch_service
from app.services import reference_service as ref
from app.services.auth_service import create_user
from app.ui.pages.settings_page import SettingsPage
from app.ui.session import AppSession
from tests.helpers.seed import SEED_PASSWORD
from tests.helpers.ui import type_text

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _page(qtbot, db, ctx) -> SettingsPage:
    widget = SettingsPage(AppSession(db, ctx))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def _rename(qtbot, page: SettingsPage, name: str) -> None:
    page.profile.name.setFocus()
    qtbot.keyClick(page.profile.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(page.profile.name, name)
    qtbot.keyClick(page.profile.name, Qt.Key.Key_Return)


def test_the_service_department_names_branch_02_without_touching_the_company(qtbot, db,
                                                                              login):
    office = login("admin")
    company_name = ref.get_store_profile(office).name
    single = _page(qtbot, db, office)
    assert single.branch_picker.isHidden()  # one store: the page as before
    second = branch_service.create_branch(office, code="02", name="杭州分公司")
    page = _page(qtbot, db, office)
    assert not page.branch_picker.isHidden()
    combo = page.branch_picker.combo
    combo.setCurrentIndex(combo.findData(second.id))
    _rename(qtbot, page, "杭州分公司维修部")
    assert ref.get_store_profile(office, second.id).name == "杭州分公司维修部"
    assert ref.get_store_profile(office).name == company_name
    combo.setCurrentIndex(combo.findData(None))  # back to the company's: its own name shown
    assert page.profile.name.text() == company_name


def test_a_branch_admin_edits_the_branchs_own_values_and_sees_no_picker(qtbot, db, login):
    office = login("admin")
    company_name = ref.get_store_profile(office).name
    second = branch_service.create_branch(office, code="02", name="杭州分公司")
    create_user(office, username="boss_b2", display_name="二号店长", role=Role.ADMIN,
                password=SEED_PASSWORD, branch_id=second.id)
    boss = login("boss_b2")
    page = _page(qtbot, db, boss)
    assert page.branch_picker.isHidden()
    assert page.profile.name.text() == company_name  # the company's until it has its own
    _rename(qtbot, page, "二号店")
    assert ref.get_store_profile(boss).name == "二号店"
    assert ref.get_store_profile(office).name == company_name
