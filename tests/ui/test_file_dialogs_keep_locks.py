"""Every file dialog of the app, shown on the live store's folder, leaves SQLite's locks alone.

Issue 12, item 1: Qt's stock dialog read the .sqlite, -wal and -shm files it listed; the
close() dropped SQLite's locks; the next process to open and close the store deleted the live
WAL and the app's next writes were lost. Each case opens one real dialog of the app, makes it
list the store's folder (its directory set, the folder typed into the file-name box, or the
current directory), waits until the folder is listed with icons and types, closes it; then
another process opens and closes the store, and the app registers a call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QLineEdit,
    QPushButton,
)
from shiboken6 import isValid

from app.services import calls_service as calls
from app.services import customers_service as customers
from app.ui.session import AppSession
from tests.helpers.locks import StoreWatch, other_process_opens_and_closes

pytestmark = [pytest.mark.usefixtures("sqlite_only"),
              pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise",
                                        "does not support grabbing")]

STORE_FILES = {"store.sqlite", "store.sqlite-wal", "store.sqlite-shm"}


@dataclass
class DialogDriver:
    """Drives the next modal file dialog: list ``folder`` (how: set/type/cwd), then cancel."""

    folder: Path
    how: str
    listed: set[str] = field(default_factory=set)
    problem: str = ""
    tries: int = 0
    loaded: bool = False  # the dialog's model reported the folder fully read

    def arm(self) -> None:
        QTimer.singleShot(0, self._find)

    def _find(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            self.tries += 1
            if self.tries < 500:
                QTimer.singleShot(10, self._find)
            else:
                self.problem = "no file dialog opened"
            return
        model = dialog.findChild(QFileSystemModel)
        assert model is not None, "a native dialog: it would read the files in our process"
        # Show filtered-out names too (greyed), so the test can see the store's files listed.
        model.setNameFilterDisables(True)
        model.setFilter(model.filter() | QDir.Filter.Files)
        model.directoryLoaded.connect(self._directory_loaded)
        QTimer.singleShot(20000, lambda: self._give_up(dialog))
        if self.how == "set":
            dialog.setDirectory(str(self.folder))
        elif self.how == "type":
            edit = dialog.findChild(QLineEdit, "fileNameEdit")
            edit.clear()
            QTest.keyClicks(edit, f"{self.folder}/")
        elif Path(dialog.directory().absolutePath()) != self.folder:
            self.problem = "the dialog did not open in the current directory"
            dialog.reject()
            return
        self._poll(dialog, model)

    def _directory_loaded(self, path: str) -> None:
        self.loaded = self.loaded or Path(path) == self.folder

    def _poll(self, dialog: QFileDialog, model: QFileSystemModel) -> None:
        """Until the folder is listed (the model fills it from a thread), then cancel."""
        if not isValid(dialog) or not dialog.isVisible():
            return
        self._list(model)
        if self.done:
            QTimer.singleShot(0, lambda: isValid(dialog) and dialog.reject())
        else:
            QTimer.singleShot(20, lambda: self._poll(dialog, model))

    @property
    def done(self) -> bool:
        return self.loaded or self.listed >= STORE_FILES

    def _list(self, model: QFileSystemModel) -> None:
        parent = model.index(str(self.folder))
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            self.listed.add(model.fileName(index))
            _as_a_view_would(model, index)

    def _give_up(self, dialog: QFileDialog) -> None:
        if isValid(dialog) and dialog.isVisible():
            self.problem = f"the folder was not listed ({sorted(self.listed)})"
            dialog.reject()


def _as_a_view_would(model: QFileSystemModel, index: QModelIndex) -> None:
    """Ask what a painted view asks: icon and type (where the stock provider sniffs)."""
    model.data(index, Qt.ItemDataRole.DecorationRole)
    model.type(index)
    model.fileIcon(index)


# ---- the dialogs: each opens one, through the app's own widgets -----------------------------
def _press(module: str, widget: str, button: str) -> Callable[..., None]:
    """Build ``module.widget(session)`` and press ``button``: a dotted attribute path, or
    ``#name`` for the push button of that object name."""
    def open_(qtbot, session: AppSession, _tmp: Path) -> None:
        import importlib

        shown = getattr(importlib.import_module(module), widget)(session)
        qtbot.addWidget(shown)
        target = shown.findChild(QPushButton, button[1:]) if button.startswith("#") else shown
        for name in button.split(".") if target is shown else ():
            target = getattr(target, name)
        target.trigger() if hasattr(target, "trigger") else target.click()
    return open_


def _money(tab: str) -> Callable[..., None]:
    def open_(qtbot, session: AppSession, _tmp: Path) -> None:
        from app.ui.pages.money_page import MoneyPage

        page = MoneyPage(session)
        qtbot.addWidget(page)
        wanted = page.receivable_list if tab == "receivables" else page.invoice_list
        for i in range(page.tabs.count()):
            if page.tabs.widget(i) is wanted or page.tabs.widget(i).isAncestorOf(wanted):
                page.tabs.setCurrentIndex(i)
        page.export_button.click()
    return open_


def _monthly_report(qtbot, session: AppSession, _tmp: Path) -> None:
    from app.ui.pages.reports_page import ReportsPage

    page = ReportsPage(session)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=20000)
    page.export_button.click()


def _save_pdf(qtbot, session: AppSession, tmp: Path) -> None:
    from app.printing.registry import PrinterGroup
    from app.ui.printing_ui import preview_test_page
    from app.ui.settings_store import SettingsStore

    dialog = preview_test_page(session, None, PrinterGroup.FORMS,
                               settings=SettingsStore(QSettings(str(tmp / "settings.ini"),
                                                                QSettings.Format.IniFormat)))
    qtbot.addWidget(dialog)
    dialog.save_button.click()


def _import_error_report(qtbot, session: AppSession, tmp: Path) -> None:
    from openpyxl import Workbook

    from app.services.import_service import ImportKind
    from app.ui.dialogs.import_dialog import ImportDialog

    book = Workbook()
    for row in (["型号", "名称", "价格"], ["N-1", "", "1"]):
        book.active.append(row)
    bad = tmp / "in" / "bad.xlsx"
    bad.parent.mkdir()
    book.save(bad)
    dialog = ImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.panel.set_file(bad, ImportKind.CATALOGUE)
    dialog.panel.check_file()
    qtbot.waitUntil(lambda: dialog.panel.preview is not None and not dialog.panel.busy)
    dialog.panel.report_button.click()


@dataclass(frozen=True)
class Case:
    name: str
    open: Callable[..., None]
    how: str  # set: the dialog's folder set; type: typed into the name box; cwd: starts there


CASES = [
    Case("call log → Export to Excel",
         _press("app.ui.pages.call_log_page", "CallLogPage", "action_export"), "type"),
    Case("receivables → Export to Excel", _money("receivables"), "set"),
    Case("invoices → Export to Excel", _money("invoices"), "type"),
    Case("goods register → Export to Excel",
         _press("app.ui.pages.register_page", "RegisterPage", "export_button"), "set"),
    Case("carry-in repairs → Export to Excel",
         _press("app.ui.pages.carry_in_page", "CarryInPage", "#export"), "type"),
    Case("monthly report → Export to Excel", _monthly_report, "set"),
    Case("print preview → Save as PDF", _save_pdf, "cwd"),
    Case("backups → Change folder",
         _press("app.ui.pages.backup_page", "BackupPage", "folder_button"), "set"),
    Case("import → Choose file",
         _press("app.ui.dialogs.import_dialog", "ImportDialog", "panel.browse_button"), "type"),
    Case("import → Save error report", _import_error_report, "cwd"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_file_dialog_on_the_store_folder_loses_nothing(case, qtbot, db, login, tmp_path,
                                                         monkeypatch):
    # given the app on a store whose folder holds the .sqlite, -wal and -shm
    session = AppSession(db, login("admin"))
    watch = StoreWatch.of(db)
    assert {p.name for p in watch.path.parent.iterdir()} >= STORE_FILES
    monkeypatch.chdir(watch.path.parent)  # `--db store.sqlite` started in its own folder
    monkeypatch.setattr("app.ui.list_export_ui.documents_folder", lambda: tmp_path / "docs")
    monkeypatch.setattr("app.ui.pages.reports_page.documents_folder", lambda: tmp_path / "docs")
    # when the user opens the dialog, shows the store's folder in it, and closes it
    driver = DialogDriver(watch.path.parent, case.how)
    driver.arm()
    case.open(qtbot, session, tmp_path)
    qtbot.waitUntil(lambda: bool(driver.problem) or driver.done, timeout=30000)
    assert not driver.problem, driver.problem
    qtbot.waitUntil(lambda: not isinstance(QApplication.activeModalWidget(), QFileDialog))
    # and another process opens and closes the store, then the clerk registers a call
    other_process_opens_and_closes(watch.path)
    number = calls.register_call(session.ctx, calls.CallInput(
        fault="不制冷", new_customer=customers.CustomerInput("对话框后", ("13600001111",)))).number
    # then the other process sees the call and the live -wal is the same file
    watch.assert_intact_after_write(number)


def _when_modal(kind: type, act: Callable[[object], None], tries: int = 1000) -> None:
    """Run ``act`` on the next modal widget of ``kind`` as soon as it shows."""
    widget = QApplication.activeModalWidget()
    if isinstance(widget, kind) and widget.isVisible():
        act(widget)
    elif tries:
        QTimer.singleShot(10, lambda: _when_modal(kind, act, tries - 1))


def test_the_store_itself_cannot_be_chosen_as_a_workbook(qtbot, db, login):
    # given the import panel (it would read the chosen file with its own open()/close())
    from PySide6.QtWidgets import QMessageBox

    from app.ui.dialogs.import_dialog import ImportDialog

    session = AppSession(db, login("admin"))
    watch = StoreWatch.of(db)
    dialog = ImportDialog(session)
    qtbot.addWidget(dialog)
    warned: list[str] = []

    def choose_the_store(file_dialog: object) -> None:
        assert isinstance(file_dialog, QFileDialog)
        file_dialog.findChild(QLineEdit, "fileNameEdit").setText(str(watch.path))
        file_dialog.accept()
        _when_modal(QMessageBox, lambda box: (warned.append(box.text()), box.accept()))

    # when the user picks store.sqlite in "Choose file…"
    QTimer.singleShot(0, lambda: _when_modal(QFileDialog, choose_the_store))
    dialog.panel.browse_button.click()
    qtbot.waitUntil(lambda: bool(warned))
    # then it is refused with a message, nothing reads it, and the store is intact
    assert "store's own database" in warned[0]
    assert dialog.panel.path.text() == "" and dialog.panel.preview is None
    other_process_opens_and_closes(watch.path)
    watch.assert_intact_after_write(calls.register_call(session.ctx, calls.CallInput(
        fault="不制冷", new_customer=customers.CustomerInput("选库", ("13600002222",)))).number)
