"""Not one English word or raw key in the Chinese interface: every page of a store with calls,
dispatched and closed, walked for its labels, buttons, tooltips, table headers and cells."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import (
    QApplication,
)
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import calls_service, customers_service
from app.services.calls_service import CallInput
from app.services.context import ServiceContext
from app.ui.session import AppSession
from tests.helpers.dialog_catalogue import DIALOGS, Stage, longest_form
from tests.helpers.ui_chinese import english_of
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese, open_window, settle

pytestmark = [IGNORE_OFFSCREEN, pytest.mark.usefixtures("chinese")]
__all__ = ["chinese"]  # the fixture

@pytest.fixture
def busy_store(db: Database, admin: ServiceContext) -> Database:
    """Calls in several states, so the books show status words, channels and deadlines."""
    zhang = customers_service.find_customers(admin, "张伟")[0]
    for fault in ("不制冷", "漏水", "不通电"):
        calls_service.register_call(admin, CallInput(fault, customer_id=zhang.id))
    return db


def test_qt_s_own_dialogs_speak_chinese(qapp: QApplication):
    # given Qt's translations for the Chinese interface (as install_translator loads them)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert QTranslator().load("qtbase_zh_CN", folder)
    # then the widget file dialog's own words are Chinese
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    assert QCoreApplication.translate("QFileDialog", "Files of type:") != "Files of type:"


def test_every_page_is_in_chinese(qtbot: QtBot, busy_store: Database):
    # given the administrator, who sees every book, in a store with calls
    window = open_window(qtbot, busy_store, "admin")
    # when each book is opened
    found: dict[str, list[str]] = {}
    for key in window.visible_page_keys():
        window.open_page(key)
        settle()
        if english := english_of(window):
            found[key] = english
    # then no English word and no raw key shows anywhere
    assert found == {}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_is_in_chinese(name: str, qtbot: QtBot, busy_store: Database,
                                    login: Callable[[str], ServiceContext], tmp_path):
    # given the dialog open, its longest form showing
    dialog = DIALOGS[name](Stage(busy_store, login, tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    longest_form(dialog)
    settle()
    # then no English word and no raw key shows in it
    assert english_of(dialog) == []


def test_money_page_names_methods_and_states(qtbot: QtBot, db: Database,
                                             login: Callable[[str], ServiceContext]):
    # given a walk-in repaired and inspected (to bill), and a cash payment today
    from decimal import Decimal

    from app.services import billing_service, carry_in_service, payments_service, repair_service
    from app.ui.pages.money_page import MoneyPage
    from tests.helpers.carry_in import walk_in

    clerk, tech, supervisor = login("clerk"), login("tech"), login("super")
    for phone in ("13900001111", "13900002222"):
        carry = walk_in(clerk, name=f"客户{phone[-4:]}", phone=phone)
        repair_service.add_work(tech, carry.card_id, repair_service.WorkInput(minutes=60),
                                expected_version=carry.card_version)
        card = carry_in_service.get_carry_in(clerk, carry.receipt_id)
        repair_service.inspect(supervisor, carry.card_id, passed=True,
                               expected_version=card.card_version)
    bill = billing_service.make_bill(clerk, carry.call_id)
    payments_service.collect(clerk, bill.id, amount=Decimal("60"), method="cash",
                             place="counter")
    # when the accountant's money page shows
    page = MoneyPage(AppSession(db, login("admin")))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle()
    # then methods and states are words, not keys
    assert english_of(page) == []
