"""Settings tab 打印 (this PC): a printer per group with test pages, and per document its
printer, its paper and whether it prints in one keystroke (no dialog) or through the preview.

Stored per workstation in QSettings (``SettingsStore``), never in the shared database: the
counter PC has the thermal printer, the back office the A4 one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.printing import papers
from app.printing.registry import PrintKind
from app.printing.text import pt
from app.ui.printing_ui import printer_test_pages
from app.ui.session import AppSession
from app.ui.settings_store import SettingsStore
from app.ui.widgets.printer_setup import PrinterSetupWidget


@dataclass(frozen=True)
class DocumentChoice:
    printer: str  # "" = the printer of its group
    paper: str  # "" = its first paper
    silent: bool  # one keystroke, no dialog


class PrintingTab(QWidget):
    """Printers of this PC and, per document, printer, paper and one-keystroke printing."""

    def __init__(self, session: AppSession, parent: QWidget | None = None, *,
                 settings: SettingsStore | None = None,
                 printers: Sequence[str] | None = None) -> None:
        super().__init__(parent)
        self._settings = settings or SettingsStore()
        names = list(printers if printers is not None else QPrinterInfo.availablePrinterNames())
        self.groups = PrinterSetupWidget(self._settings, printers=names,
                                         test_page=printer_test_pages(session.ctx))
        self._rows: dict[str, tuple[QComboBox, QComboBox | None, QCheckBox]] = {}
        group_box = QGroupBox(self.tr("Printers of this computer"))
        QVBoxLayout(group_box).addWidget(self.groups)
        documents = QGroupBox(self.tr("Each document"))
        grid = QGridLayout(documents)
        for column, text in enumerate((self.tr("Document"), self.tr("Printer"),
                                       self.tr("Paper"), self.tr("Print in one keystroke"))):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        for row, kind in enumerate(papers.documents(), start=1):
            grid.addWidget(QLabel(pt(kind.title)), row, 0)
            printer = self._printer_combo(kind.name, names)
            grid.addWidget(printer, row, 1)
            paper = self._paper_combo(kind.name)
            if paper is not None:
                grid.addWidget(paper, row, 2)
            silent = QCheckBox(self.tr("No dialog"))
            silent.setObjectName(f"silent-{kind.name}")
            chosen = self._settings.silent(kind.name)
            silent.setChecked(papers.silent_by_default(kind.name) if chosen is None else chosen)
            grid.addWidget(silent, row, 3)
            self._rows[kind.name] = (printer, paper, silent)
        grid.setColumnStretch(1, 1)
        take_in_box = QGroupBox(self.tr("On saving a take-in"))
        self.take_in_prints = QComboBox()
        self.take_in_prints.setObjectName("take-in-prints")
        for value, text in (("both", self.tr("Print the receipt and the repair card")),
                            ("receipt", self.tr("Print the receipt only")),
                            ("tag", self.tr("Print the repair card only")),
                            ("none", self.tr("Print nothing (print from the item later)"))):
            self.take_in_prints.addItem(text, value)
        self.take_in_prints.setCurrentIndex(
            max(0, self.take_in_prints.findData(self._settings.take_in_prints())))
        take_in_row = QHBoxLayout(take_in_box)
        take_in_row.addWidget(self.take_in_prints)
        take_in_row.addWidget(QLabel(self.tr("each on the printer chosen for it below")), 1)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.save_button = QPushButton(self.tr("Save printing settings"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        # the documents scroll (a 1366 × 768 screen shows some ten rows); Save stays in view
        body = QWidget()
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addWidget(group_box)
        rows.addWidget(take_in_box)
        rows.addWidget(documents)
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def _printer_combo(self, document: str, names: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"printer-{document}")
        combo.addItem(self.tr("The printer of its group"), "")
        for name in names:
            combo.addItem(name, name)
        chosen = self._settings.document_printer(document)
        if chosen and chosen not in names:  # keep it: the printer may be offline
            combo.addItem(self.tr("{name} (not found)").format(name=chosen), chosen)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        return combo

    def _paper_combo(self, document: PrintKind) -> QComboBox | None:
        choices = papers.papers(document)
        if not choices:
            return None
        combo = QComboBox()
        combo.setObjectName(f"paper-{document}")
        for paper in choices:
            combo.addItem(pt(papers.PAPER_TITLES[paper.name]), paper.name)
        combo.setCurrentIndex(max(0, combo.findData(self._settings.document_paper(document))))
        return combo

    # ---- typed state -----------------------------------------------------------------
    def choice(self, document: str) -> DocumentChoice:
        printer, paper, silent = self._rows[document]
        return DocumentChoice(str(printer.currentData() or ""),
                              str(paper.currentData() or "") if paper is not None else "",
                              silent.isChecked())

    def set_choice(self, document: str, choice: DocumentChoice) -> None:
        printer, paper, silent = self._rows[document]
        printer.setCurrentIndex(max(0, printer.findData(choice.printer)))
        if paper is not None:
            paper.setCurrentIndex(max(0, paper.findData(choice.paper)))
        silent.setChecked(choice.silent)

    def save(self) -> None:
        self.groups.save()
        for document in self._rows:
            choice = self.choice(document)
            self._settings.set_document_printer(document, choice.printer)
            self._settings.set_document_paper(document, choice.paper)
            default = papers.silent_by_default(document)
            self._settings.set_silent(document, None if choice.silent == default
                                      else choice.silent)
        self._settings.set_take_in_prints(str(self.take_in_prints.currentData()))
        self._settings.sync()
        self.message.setText(QCoreApplication.translate("PrintingTab", "Saved."))

    def refresh(self) -> None:
        """Nothing from the database: the settings of this PC are read when built."""
