"""Today (今日): each role's home. One line per kind of work waiting, with its count; Enter
(or a double click) on a line opens the book that holds that work."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.services import setup_checklist, today_service
from app.services.permissions import Perm
from app.services.today_service import TodayLine
from app.ui.session import AppSession, Topic, touches
from app.ui.settings_store import SettingsStore
from app.ui.theme import SPACING, status_background, status_foreground
from app.ui.widgets.setup_checklist import SetupChecklistWidget

TEXTS = {
    "overdue_calls": QT_TRANSLATE_NOOP("TodayPage", "Calls past their deadline: {n}"),
    "leftovers": QT_TRANSLATE_NOOP("TodayPage", "Calls left over from earlier days: {n}"),
    "vouchers_to_close": QT_TRANSLATE_NOOP("TodayPage", "Vouchers done, not yet closed: {n}"),
    "late_repairs": QT_TRANSLATE_NOOP("TodayPage", "Repairs past their promised date: {n}"),
    "complaints_overdue": QT_TRANSLATE_NOOP("TodayPage", "Complaints past their deadline: {n}"),
    "contracts_to_renew": QT_TRANSLATE_NOOP("TodayPage", "Contracts to renew: {n}"),
    "low_stock": QT_TRANSLATE_NOOP("TodayPage", "Parts at or below reorder level: {n}"),
    "cash_held": QT_TRANSLATE_NOOP("TodayPage", "Technicians still holding cash: {n}"),
    "followups_due": QT_TRANSLATE_NOOP("TodayPage", "Follow-up calls due: {n}"),
}
URGENT = {"overdue_calls", "leftovers", "late_repairs", "complaints_overdue"}
# What each line is read from, as the pages announce changes: a change re-reads only the lines
# it concerns (a payment taken does not re-read the dispatch queue). Generous on purpose —
# a visit can use parts and take cash, a follow-up can open a complaint; zones, hours and
# settings (REFERENCE) and an import (ANY) concern every line.
LINE_TOPICS: dict[str, tuple[Topic, ...]] = {
    "overdue_calls": (Topic.CALLS, Topic.CUSTOMERS),
    "leftovers": (Topic.CALLS, Topic.CUSTOMERS),
    "vouchers_to_close": (Topic.CALLS, Topic.MONEY),
    "late_repairs": (Topic.CARRY_IN, Topic.CALLS),
    "complaints_overdue": (Topic.COMPLAINTS, Topic.FOLLOWUPS, Topic.SURVEYS),
    "contracts_to_renew": (Topic.CONTRACTS, Topic.CUSTOMERS),
    "low_stock": (Topic.PARTS, Topic.CALLS, Topic.CARRY_IN),
    "cash_held": (Topic.MONEY, Topic.CALLS),
    "followups_due": (Topic.FOLLOWUPS, Topic.CALLS, Topic.CARRY_IN),
}
PAGE_ROLE = Qt.ItemDataRole.UserRole


def line_text(line: TodayLine) -> str:
    count = f"{line.count}+" if line.more else str(line.count)
    text = QCoreApplication.translate("TodayPage", TEXTS[line.key]).format(n=count)
    if line.amount and line.count:
        text += f"  {line.amount}"
    if line.first:
        text += "  · " + QCoreApplication.translate("TodayPage", "first: {first}").format(
            first=line.first)
    return text


class TodayPage(QWidget):
    """今日: what needs the person logged in now."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lines: list[TodayLine] = []
        self.title = QLabel(self.tr("Today"))
        self.title.setObjectName("pageTitle")
        self.hint = QLabel(self.tr("Enter on a line opens its book."))
        self.hint.setObjectName("hint")
        self.list = QListWidget()
        self.list.setObjectName("todayLines")
        self.list.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING, SPACING * 2, SPACING * 2)
        self.setup = SetupChecklistWidget(session.ctx, SettingsStore(), parent=self)
        self.setup.continue_clicked.connect(self.continue_setup)
        self.setup.setVisible(False)
        layout.addWidget(self.title)
        layout.addWidget(self.setup)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        session.data_changed.connect(self._data_changed)
        session.user_changed.connect(self.refresh)

    def _refresh_setup(self) -> None:
        """What is left of the store's set-up, for those who set it up, until it is done
        (never on the demo store, which is made up)."""
        ctx = self.session.ctx
        shown = (self.session.may(Perm.REFERENCE_MANAGE) and not setup_checklist.is_demo(ctx)
                 and setup_checklist.shown(ctx))
        if shown:
            self.setup.set_context(ctx)
            shown = bool(self.setup.left)
        self.setup.setVisible(shown)

    def continue_setup(self) -> None:
        """Reopen the set-up at the first step left (the checklist's button)."""
        from app.ui.pages.setup_wizard import SetupWizard

        left = self.setup.left
        wizard = SetupWizard(self.session, self, start=left[0] if left else "profile")
        self.run_wizard(wizard)
        wizard.deleteLater()
        self.refresh()

    def run_wizard(self, wizard: QDialog) -> None:
        """Modal run (tests replace this)."""
        wizard.exec()

    def refresh(self, keys: Collection[str] | None = None) -> None:
        """Read every line, or with ``keys`` only those (the others are kept as shown)."""
        if keys is None:
            self._refresh_setup()
            self.lines = today_service.today(self.session.ctx)
        else:
            fresh = today_service.today(self.session.ctx, keys)
            gone = set(keys) | {line.key for line in fresh}
            self.lines = today_service.arrange(
                [*(line for line in self.lines if line.key not in gone), *fresh])
        keep = self.list.currentRow()
        self.list.clear()
        bold = QFont()
        bold.setBold(True)
        for line in self.lines:
            item = QListWidgetItem(line_text(line))
            item.setData(PAGE_ROLE, line.page)
            if line.count and line.key in URGENT:
                item.setBackground(status_background("overdue"))
                item.setForeground(status_foreground("overdue"))
                item.setFont(bold)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(min(max(keep, 0), self.list.count() - 1))

    def _data_changed(self, topic: str) -> None:
        if not self.isVisible():  # hidden, it is read again when shown (MainWindow._show)
            return
        if topic == Topic.REFERENCE:
            self.refresh()
            return
        keys = [key for key, topics in LINE_TOPICS.items() if touches(topic, topics)]
        if keys:
            self.refresh(keys)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.list.setFocus()

    def _open(self, item: QListWidgetItem) -> None:
        window = self.window()
        open_page = getattr(window, "open_page", None)
        if callable(open_page):
            open_page(str(item.data(PAGE_ROLE)))
