"""Printers of this PC (打印机设置): one per document group, each with a test page.

For the preferences dialog::

    setup = PrinterSetupWidget(SettingsStore(), test_page=printer_test_pages(session.ctx))
    form.addRow(setup)
    … on OK: setup.save()
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QPushButton, QWidget

from app.i18n import QT_TRANSLATE_NOOP
from app.printing.output import PrintError, print_pdf_bytes
from app.printing.registry import PrinterGroup
from app.ui.settings_store import SettingsStore

GROUP_LABELS = {
    PrinterGroup.FORMS: QT_TRANSLATE_NOOP("PrinterSetup", "Forms (A4/A5 laser)"),
    PrinterGroup.RECEIPTS: QT_TRANSLATE_NOOP("PrinterSetup", "Receipts (80 mm thermal)"),
    PrinterGroup.TAGS: QT_TRANSLATE_NOOP("PrinterSetup", "Repair tags (label printer)"),
}
TestPage = Callable[[PrinterGroup], bytes]


class PrinterSetupWidget(QWidget):
    """A printer per group (or "choose when printing"), remembered per PC in QSettings."""

    def __init__(self, settings: SettingsStore, *, test_page: TestPage | None = None,
                 printers: Sequence[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._test_page = test_page
        names = list(printers if printers is not None else QPrinterInfo.availablePrinterNames())
        self._combos: dict[PrinterGroup, QComboBox] = {}
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, group in enumerate(PrinterGroup):
            combo = self._combo(group, names)
            button = QPushButton(self.tr("Test page"))
            button.setObjectName(f"test-{group.value}")
            button.setEnabled(test_page is not None)
            button.clicked.connect(lambda _=False, g=group: self.print_test_page(g))
            label = QLabel(QCoreApplication.translate("PrinterSetup", GROUP_LABELS[group]))
            label.setBuddy(combo)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(button, row, 2)
        grid.addWidget(self.message, len(PrinterGroup), 0, 1, 3)
        grid.setColumnStretch(1, 1)

    def _combo(self, group: PrinterGroup, names: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"printer-{group.value}")
        combo.addItem(self.tr("Choose when printing"), "")
        remembered = self._settings.printer_for(group.value)
        for name in names:
            combo.addItem(name, name)
        if remembered and remembered not in names:  # keep it: the printer may be offline
            combo.addItem(self.tr("{name} (not found)").format(name=remembered), remembered)
        combo.setCurrentIndex(max(0, combo.findData(remembered or "")))
        self._combos[group] = combo
        return combo

    def choice(self, group: PrinterGroup) -> str:
        """The printer chosen for ``group`` ("" = ask when printing)."""
        return str(self._combos[group].currentData() or "")

    def set_choice(self, group: PrinterGroup, name: str) -> None:
        combo = self._combos[group]
        combo.setCurrentIndex(max(0, combo.findData(name)))

    def save(self) -> None:
        for group in PrinterGroup:
            self._settings.set_printer_for(group.value, self.choice(group))
        self._settings.sync()

    def print_test_page(self, group: PrinterGroup, printer: QPrinter | None = None) -> bool:
        """Send the test page straight to the chosen printer (no dialog: that is the test)."""
        if self._test_page is None:
            return False
        name = self.choice(group)
        if printer is None:
            if not name:
                self.message.setText(self.tr("Choose a printer first."))
                return False
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPrinterName(name)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            print_pdf_bytes(self._test_page(group), printer)
        except PrintError as err:
            self.message.setText(self.tr("The test page was not printed: {detail}")
                                 .format(detail=err))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.message.setText(self.tr("Test page sent to {name}.")
                             .format(name=name or printer.outputFileName()))
        return True
