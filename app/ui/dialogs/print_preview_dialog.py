"""Print preview (打印预览): every document's one way to paper or to a PDF file.

Shows the PDF's pages (rendered by QtPdf) with zoom; "Print…" opens the operating system's
print dialog on the printer this PC remembers for the document's group (forms, receipts,
tags); "Save as PDF…" is always there. After a copy leaves, the preview switches to the
reprint version, so a second copy is marked "补打 REPRINT".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.printing.output import LoadedPdf, PrintError, print_pdf_bytes, save_pdf_bytes
from app.printing.registry import PrinterGroup, Rendered
from app.ui.file_dialogs import save_file_name
from app.ui.settings_store import SettingsStore
from app.ui.theme import SPACING

ZOOMS = (50, 75, 100, 125, 150, 200, 300)
SCREEN_DPI = 96.0
MM_PER_POINT = 25.4 / 72

# (action, reprint, detail): action is "print" or "save_pdf"; detail the printer or file
OutputCallback = Callable[[str, bool, str], None]


@dataclass(frozen=True)
class PrintJob:
    """What the preview shows and prints; ``render(reprint)`` makes the PDF."""

    title: str  # translated, for the window title
    group: PrinterGroup
    render: Callable[[bool], Rendered]
    reprint: bool = False
    on_output: OutputCallback | None = None
    rerender_after_output: bool = True  # next copy is a reprint: show it as such


class PrintPreviewDialog(QDialog):
    """Preview with zoom, Print… (OS dialog, remembered printer) and Save as PDF…."""

    def __init__(self, job: PrintJob, parent: QWidget | None = None, *,
                 settings: SettingsStore | None = None,
                 test_page: Callable[[], Rendered] | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._settings = settings or SettingsStore()
        self._test_page = test_page
        self._reprint = job.reprint
        self._rendered = job.render(job.reprint)
        self._zoom = 100
        self._pdf: LoadedPdf | None = None
        self.setWindowTitle(self.tr("Print preview: {title}").format(title=job.title))
        self.resize(860, 900)
        self._build()
        self._load(self._rendered)

    # ---- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self._pages = QWidget()
        self._pages.setObjectName("pages")
        self._pages.setStyleSheet("QWidget#pages { background: #8a8a8a; }")
        self._pages_layout = QVBoxLayout(self._pages)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._pages_layout.setSpacing(SPACING * 2)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setWidget(self._pages)
        self._info = QLabel()
        self._info.setObjectName("info")
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self._info)

    def _toolbar(self) -> QHBoxLayout:
        self._zoom_box = QComboBox()
        self._zoom_box.setObjectName("zoom")
        for zoom in ZOOMS:
            self._zoom_box.addItem(f"{zoom} %", zoom)
        self._zoom_box.setCurrentIndex(ZOOMS.index(100))
        self._zoom_box.currentIndexChanged.connect(
            lambda i: self.set_zoom(int(self._zoom_box.itemData(i))))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.test_button = QPushButton(self.tr("Print test page…"))
        self.test_button.setVisible(self._test_page is not None)
        close = QPushButton(self.tr("Close"))
        self.print_button.clicked.connect(self.ask_and_print)
        self.save_button.clicked.connect(self.ask_and_save)
        self.test_button.clicked.connect(self.print_test_page)
        close.clicked.connect(self.reject)
        self.print_button.setDefault(True)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, lambda: self._step_zoom(1)),
                           (QKeySequence.StandardKey.ZoomOut, lambda: self._step_zoom(-1)),
                           (QKeySequence.StandardKey.Print, self.ask_and_print),
                           (QKeySequence.StandardKey.Save, self.ask_and_save)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Zoom")))
        bar.addWidget(self._zoom_box)
        bar.addStretch(1)
        for button in (self.test_button, self.save_button, self.print_button, close):
            bar.addWidget(button)
        return bar

    # ---- typed state -----------------------------------------------------------------
    @property
    def pdf(self) -> bytes:
        return self._rendered.pdf

    @property
    def filename(self) -> str:
        """The file name suggested when saving the shown document."""
        return self._rendered.filename

    @property
    def reprint(self) -> bool:
        return self._reprint

    @property
    def zoom(self) -> int:
        return self._zoom

    @property
    def page_count(self) -> int:
        return self._pdf.page_count if self._pdf else 0

    def page_labels(self) -> list[QLabel]:
        return self._pages.findChildren(QLabel, "page")

    # ---- preview ---------------------------------------------------------------------
    def _load(self, rendered: Rendered) -> None:
        if self._pdf is not None:
            self._pdf.close()
        self._rendered = rendered
        self._pdf = LoadedPdf(rendered.pdf)
        self._show_pages()

    def set_zoom(self, percent: int) -> None:
        self._zoom = max(ZOOMS[0], min(ZOOMS[-1], percent))
        if self._zoom in ZOOMS and self._zoom_box.currentData() != self._zoom:
            self._zoom_box.setCurrentIndex(ZOOMS.index(self._zoom))
        self._show_pages()

    def _step_zoom(self, step: int) -> None:
        index = ZOOMS.index(self._zoom) if self._zoom in ZOOMS else ZOOMS.index(100)
        self.set_zoom(ZOOMS[max(0, min(len(ZOOMS) - 1, index + step))])

    def _show_pages(self) -> None:
        assert self._pdf is not None
        while (item := self._pages_layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        ratio = self.devicePixelRatioF() or 1.0
        dpi = SCREEN_DPI * self._zoom / 100 * ratio
        for index in range(self._pdf.page_count):
            pixmap = QPixmap.fromImage(self._pdf.render(index, dpi))
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setObjectName("page")
            label.setPixmap(pixmap)
            label.setStyleSheet("border: 1px solid #404040;")
            self._pages_layout.addWidget(label)
        self._info.setText(self._describe())

    def _describe(self) -> str:
        assert self._pdf is not None
        size = self._pdf.page_points(0)
        text = self.tr("{pages} page(s), {w} × {h} mm").format(
            pages=self._pdf.page_count, w=round(size.width() * MM_PER_POINT),
            h=round(size.height() * MM_PER_POINT))
        printer = self._settings.printer_for(self._job.group.value)
        if printer:
            text += "  ·  " + self.tr("Printer: {name}").format(name=printer)
        return text

    # ---- printing --------------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        """A printer set to the one remembered for this group (if this PC still has it)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        remembered = self._settings.printer_for(self._job.group.value)
        if remembered and remembered in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(remembered)
        printer.setDocName(self._rendered.filename.removesuffix(".pdf"))
        return printer

    def ask_printer(self, printer: QPrinter) -> bool:
        """The operating system's print dialog (tests replace this)."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self._job.title))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def ask_and_print(self) -> bool:
        printer = self.make_printer()
        if not self.ask_printer(printer):
            return False
        return self.print_now(printer)

    def print_now(self, printer: QPrinter) -> bool:
        """Send the shown document to ``printer``, remember it, record the copy."""
        ok = self._send(self._rendered.pdf, printer)
        if ok:
            name = printer.printerName() or printer.outputFileName()
            if printer.printerName():
                self._settings.set_printer_for(self._job.group.value, printer.printerName())
                self._settings.sync()
            self._after_output("print", name)
        return ok

    def print_test_page(self) -> bool:
        """The test page on this group's printer (not a document: nothing is recorded)."""
        if self._test_page is None:
            return False
        printer = self.make_printer()
        if not self.ask_printer(printer):
            return False
        ok = self._send(self._test_page().pdf, printer)
        if ok and printer.printerName():
            self._settings.set_printer_for(self._job.group.value, printer.printerName())
        return ok

    def _send(self, pdf: bytes, printer: QPrinter) -> bool:
        progress = QProgressDialog(self.tr("Printing…"), self.tr("Stop"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(800)  # only long documents show it

        def on_page(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            QCoreApplication.processEvents()
            return not progress.wasCanceled()

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            print_pdf_bytes(pdf, printer, on_page=on_page)
        except PrintError as err:
            failure: PrintError | None = err
        else:
            failure = None
        finally:
            progress.close()
            QGuiApplication.restoreOverrideCursor()
        if failure is not None:
            QMessageBox.warning(self, self.tr("Printing failed"),
                                self.tr("The document was not printed: {detail}")
                                .format(detail=failure))
        return failure is None

    # ---- saving ----------------------------------------------------------------------
    def ask_and_save(self) -> bool:
        path = save_file_name(self, self.tr("Save as PDF"), self._rendered.filename,
                              self.tr("PDF files (*.pdf)"))
        return bool(path) and self.save_to(path)

    def save_to(self, path: str) -> bool:
        try:
            target = save_pdf_bytes(self._rendered.pdf, path)
        except OSError as err:
            QMessageBox.warning(self, self.tr("Saving failed"),
                                self.tr("The PDF was not saved: {detail}").format(detail=err))
            return False
        self._after_output("save_pdf", str(target))
        return True

    def _after_output(self, action: str, detail: str) -> None:
        if self._job.on_output is not None:
            self._job.on_output(action, self._reprint, detail)
        if self._job.rerender_after_output and not self._reprint:
            self._reprint = True
            self._load(self._job.render(True))

    def done(self, result: int) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
        super().done(result)
