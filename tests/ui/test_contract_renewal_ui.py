"""The renewal list on screen: send someone, record the visit's outcome; schedule the visits
contracts promise as calls."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.services import contract_service as contracts
from app.ui.pages.contracts_page import ContractsPage
from app.ui.session import AppSession
from tests.helpers.ui_voice import dialog_driver as _driver
from tests.helpers.ui_voice import show_page as _show
from tests.helpers.voice import user_id, zhang

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_supervisor_sends_someone_and_records_the_renewal(qtbot, db, login, monkeypatch):
    boss = login("super")
    customer_id, _, washer = zhang(boss)
    c = contracts.create_contract(boss, contracts.ContractInput(
        customer_id, (washer,), boss.today() - timedelta(days=340),
        boss.today() + timedelta(days=20), Decimal("500"), True, False, 2, ""))
    page = _show(qtbot, ContractsPage(AppSession(db, boss)))
    page.renewal_table.selectRow(page.renewals.row_of(c.id))

    def choose(dialog):
        combo = dialog.field("user")
        combo.setCurrentIndex(combo.findData(str(user_id(boss, "clerk"))))
    page.run_dialog = _driver(qtbot, choose)
    qtbot.mouseClick(page.findChild(QPushButton, "assign"),
                     Qt.MouseButton.LeftButton)
    assert contracts.get_contract(boss, c.id).renewal_by == "王小丽"

    page.renewal_table.selectRow(page.renewals.row_of(c.id))
    page.run_dialog = _driver(qtbot, lambda dialog: None)  # renewed, today
    qtbot.mouseClick(page.findChild(QPushButton, "renewal_visit"),
                     Qt.MouseButton.LeftButton)
    old = contracts.get_contract(boss, c.id)
    assert (old.status, old.renewal_outcome) == ("renewed", "renewed")

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    page.schedule_visits()
    assert len(shown) == 1


def test_the_renewal_list_marks_who_is_not_yet_sent(qtbot, db, login):
    boss = login("super")
    customer_id, _, washer = zhang(boss)
    c = contracts.create_contract(boss, contracts.ContractInput(
        customer_id, (washer,), date(2026, 1, 1), boss.today() + timedelta(days=10),
        Decimal("500"), True, False, 0, ""))
    page = _show(qtbot, ContractsPage(AppSession(db, boss)))
    sent_column = 10  # "Sent to renew"
    assert page.renewals.index(page.renewals.row_of(c.id), sent_column).data() == ""
    contracts.assign_renewal(boss, c.id, user_id=user_id(boss, "clerk"),
                             expected_version=c.version)
    page.refresh()
    assert page.renewals.index(page.renewals.row_of(c.id), sent_column).data() == "王小丽"
