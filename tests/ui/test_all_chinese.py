"""Not one English word or raw key in the Chinese interface: every page of a store with calls,
dispatched and closed, walked for its labels, buttons, tooltips, table headers and cells."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.models import enums
from app.services import calls_service, customers_service
from app.services.calls_service import CallInput
from app.services.context import ServiceContext
from app.ui.main_window import MainWindow
from app.ui.session import AppSession
from tests.ui.dialog_catalogue import DIALOGS, Stage, longest_form
from tests.ui.shell_helpers import IGNORE_OFFSCREEN, chinese, open_window, settle

pytestmark = [IGNORE_OFFSCREEN, pytest.mark.usefixtures("chinese")]
__all__ = ["chinese"]  # the fixture

# What may stay in Latin letters: product codes and serials of the seeded store, key names,
# file formats, the names of programs and the seeded workstation (test-pc).
ALLOWED = {"KFR", "XQB", "BCD", "XTE", "GR", "HE", "FP", "Excel", "PDF", "xlsx", "pdf", "Ctrl",
           "Shift", "Alt", "Esc", "Enter", "Tab", "Del", "SQLite", "PostgreSQL", "sqlite",
           "Qt", "Service", "Counter", "CSV", "csv", "YYYY", "English", "test", "PgUp", "PgDn",
           "Home", "End", "Space",
           # the telephony settings: protocol names, and the literal values the fields take
           "USB", "HTTP", "GSM", "JSON", "POST", "Authorization", "Bearer", "auto"}
RAW_KEYS = {str(m.value) for name in dir(enums) if isinstance(e := getattr(enums, name), type)
            and issubclass(e, enum.Enum) and e is not enum.Enum for m in e} - {"A", "B", "C", "D"}
WORD = re.compile(r"[A-Za-z_]{3,}")


def english_in(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)  # rich text tags
    text = re.sub(r"https?://\S+", " ", text)  # web addresses
    text = re.sub(r"\bAT[A-Z]*[+#]?[A-Z]*\d*(=\d+)?", " ", text)  # modem commands (ATZ, AT+VCID=1)
    while (braced := re.sub(r"\{[^{}]*\}", " ", text)) != text:  # {placeholders}, JSON samples
        text = braced
    text = re.sub(r"(/|[A-Za-z]:\\)[^\s]*", " ", text)  # paths
    text = re.sub(r"[\w.-]+\.(sqlite|xlsx|pdf|json)\b", " ", text)  # file names
    words = [w for w in WORD.findall(text) if w not in ALLOWED]
    return words + [k for k in RAW_KEYS if re.search(rf"(?<![A-Za-z_]){k}(?![A-Za-z_])", text)
                    and k not in words]


def _view_texts(where: str, view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model, root = view.model(), view.rootIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model (the sidebar)
        columns = 1
    for column in range(columns):
        yield where + " header", str(model.headerData(
            column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        for row in range(min(model.rowCount(root), 30)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                yield where + f" cell {row},{column}", str(
                    model.index(row, column, root).data(role) or "")


def _widget_texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield widget.text()
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))


def texts_of(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every visible text of ``window``."""
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.objectName() == "statusDatabase":
            continue
        where = f"{type(widget).__name__}#{widget.objectName()}"
        yield where + " tooltip", widget.toolTip()
        yield from ((where, text) for text in _widget_texts(widget))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _view_texts(where, widget)
    yield "window title", window.windowTitle()
    if isinstance(window, MainWindow):
        yield "status bar", window.statusBar().currentMessage()


def english_of(window: QWidget) -> list[str]:
    return [f"{where}: {text[:60]!r} {words}" for where, text in texts_of(window)
            if (words := english_in(text))]


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
    from tests.unit.carry_in_fixtures import walk_in

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
