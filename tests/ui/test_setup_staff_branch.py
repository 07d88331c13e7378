"""A new store's set-up (issue 17): the first administrator stays in the service department
(服务部, sees every branch), the counter staff the set-up makes work in the store's branch 1 —
so that when the store later opens branches, its clerks see their own store, not all."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.bootstrap import open_database
from app.models.branch import FIRST_BRANCH_ID
from app.services import auth_service
from app.services.context import ServiceContext
from app.ui.pages.setup_wizard import SetupWizard
from app.ui.session import AppSession
from tests.helpers.ui import type_text
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese

__all__ = ["chinese"]
pytestmark = [IGNORE_OFFSCREEN, pytest.mark.usefixtures("chinese")]


def test_the_set_ups_staff_work_in_branch_1_and_the_admin_in_the_office(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    db = open_database(str(tmp_path / "new.sqlite"))
    auth_service.create_first_admin(db, username="admin", display_name="刘店长",
                                    password="counter-2026")
    actor = auth_service.log_in(db, "admin", "counter-2026")
    wizard = SetupWizard(AppSession(db, ServiceContext(db, actor)), start="staff")
    qtbot.addWidget(wizard)
    wizard.show()
    # the owner types a clerk and a technician on the staff step and goes on
    for role, name in (("clerk", "王小丽"), ("technician", "李强")):
        _, _, name_edit, password = wizard.staff.rows[role]
        type_text(name_edit, name)
        password.setText("secret-88")
    wizard.next_button.click()
    assert wizard.step != "staff"
    try:
        # then each logs in: the clerk and the technician into branch 1, the admin to all
        made = {u.display_name: u.username
                for u in auth_service.list_users(ServiceContext(db, actor))}
        for name in ("王小丽", "李强"):
            staff = auth_service.log_in(db, made[name], "secret-88")
            assert staff.branch_id == FIRST_BRANCH_ID
        assert auth_service.log_in(db, "admin", "counter-2026").branch_id is None
    finally:
        db.dispose()
