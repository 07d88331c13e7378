"""Settings → 分公司 and the staff accounts' branch (issue 17): the service department's
administrator opens, renames and closes branches and places accounts in them; a branch's
administrator sees neither the branches tab nor another branch's accounts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.errors import AuthError
from app.models.enums import Role
from app.services import auth_service, branch_service
from app.ui.dialogs.login_dialog import LoginDialog
from app.ui.pages.settings_branches import BranchesTab
from app.ui.pages.settings_page import SettingsPage
from app.ui.pages.settings_staff import StaffTab
from app.ui.session import AppSession
from tests.helpers.seed import SEED_PASSWORD
from tests.helpers.ui import type_text
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese, settle

__all__ = ["chinese"]
pytestmark = [IGNORE_OFFSCREEN, pytest.mark.usefixtures("chinese")]
ENTER = Qt.Key.Key_Return


def _page(qtbot: QtBot, db, ctx) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = SettingsPage(AppSession(db, ctx))
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


def _retype(qtbot: QtBot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, text)


def _rows(tab) -> list[list[str]]:  # type: ignore[no-untyped-def]
    table = tab.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def _select(tab, first_cell: str) -> None:  # type: ignore[no-untyped-def]
    row = next(r for r, cells in enumerate(_rows(tab)) if cells[0] == first_cell)
    tab.table.selectRow(row)


def test_the_service_department_opens_renames_and_closes_a_branch(qtbot: QtBot, db, admin,
                                                                   monkeypatch) -> None:
    page = _page(qtbot, db, admin)
    tab = page.branches
    assert isinstance(tab, BranchesTab) and page.tabs.tabText(page.tabs.indexOf(tab)) == "分公司"
    assert [r[0] for r in _rows(tab)] == ["01"]
    # a new branch: a code of one digit is refused at the field, in Chinese
    tab.new_button.click()
    type_text(tab.code, "2")
    _retype(qtbot, tab.name, "杭州分公司")
    tab.save_button.click()
    assert "两位数字" in tab.feedback.label.text()
    assert [r[0] for r in _rows(tab)] == ["01"]
    _retype(qtbot, tab.code, "02")
    tab.name.setFocus()
    qtbot.keyClick(tab.name, ENTER)
    assert ["02", "杭州分公司", "分公司", "是"] in _rows(tab)
    # renamed
    _select(tab, "02")
    assert tab.code.isReadOnly()
    _retype(qtbot, tab.name, "杭州西湖分公司")
    qtbot.keyClick(tab.name, ENTER)
    assert ["02", "杭州西湖分公司", "分公司", "是"] in _rows(tab)
    # its clerk is made on the staff tab, in the branch
    staff = page.staff
    assert isinstance(staff, StaffTab)
    staff.refresh()
    staff.new_button.click()
    _retype(qtbot, staff.username, "clerk_hz")
    _retype(qtbot, staff.display_name, "杭州前台")
    staff.branch.setCurrentIndex(staff.branch.findText("02 杭州西湖分公司"))
    _retype(qtbot, staff.password, SEED_PASSWORD)
    staff.save_button.click()
    assert ["clerk_hz", "杭州前台", "业务员", "02 杭州西湖分公司", "是", ""] in _rows(staff)
    auth_service.log_in(db, "clerk_hz", SEED_PASSWORD)
    # closed (asked first): its people cannot log in, the branch stays listed
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *_a:
                        asked.append(text) or QMessageBox.StandardButton.Yes)
    _select(tab, "02")
    assert tab.close_button.text() == "停用分公司"
    tab.close_button.click()
    assert asked and "杭州西湖分公司" in asked[0]
    assert ["02", "杭州西湖分公司", "分公司", "已停用"] in _rows(tab)
    assert tab.close_button.text() == "恢复分公司"
    with pytest.raises(AuthError):
        auth_service.log_in(db, "clerk_hz", SEED_PASSWORD)
    # the clerk at the log-in is told why, in Chinese
    login_dialog = LoginDialog(db, username="clerk_hz")
    qtbot.addWidget(login_dialog)
    login_dialog.show()
    login_dialog.password_edit.setText(SEED_PASSWORD)
    login_dialog.log_in()
    assert login_dialog.actor is None
    assert login_dialog.message.text() == "您所在的分公司 杭州西湖分公司 已停用，请联系服务部。"


def test_a_branchs_administrator_sees_no_branches_tab_and_only_their_staff(
        qtbot: QtBot, db, admin, login) -> None:
    branch = branch_service.create_branch(admin, code="02", name="杭州分公司")
    auth_service.create_user(admin, username="boss_hz", display_name="杭州店长",
                             role=Role.ADMIN, password=SEED_PASSWORD, branch_id=branch.id)
    page = _page(qtbot, db, login("boss_hz"))
    assert page.branches is None
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "分公司" not in titles
    staff = page.staff
    assert staff is not None
    assert [r[0] for r in _rows(staff)] == ["boss_hz"]  # not the service department's admin
    # a new account goes into their branch, the branch not theirs to choose
    staff.new_button.click()
    assert not staff.branch.isEnabled() and staff.branch.currentText() == "02 杭州分公司"
    _retype(qtbot, staff.username, "tech_hz")
    _retype(qtbot, staff.display_name, "杭州师傅")
    staff.role.setCurrentIndex(staff.role.findData(Role.TECHNICIAN.value))
    _retype(qtbot, staff.password, SEED_PASSWORD)
    staff.save_button.click()
    settle()
    made = next(u for u in auth_service.list_users(admin) if u.username == "tech_hz")
    assert made.branch_id == branch.id
    assert "02 杭州分公司" in [r[3] for r in _rows(staff) if r[0] == "tech_hz"]


def test_an_account_is_saved_twice_in_a_row_without_a_false_conflict(qtbot: QtBot, db,
                                                                    admin) -> None:
    page = _page(qtbot, db, admin)
    staff = page.staff
    assert staff is not None
    _select(staff, "clerk")
    _retype(qtbot, staff.display_name, "王小丽（前台）")
    staff.save_button.click()
    # the same form, saved again: the record it holds is the one just saved
    _retype(qtbot, staff.display_name, "王小丽")
    staff.save_button.click()
    assert staff.feedback.label.text() == "已保存。"
    assert "王小丽" in [r[1] for r in _rows(staff) if r[0] == "clerk"]
