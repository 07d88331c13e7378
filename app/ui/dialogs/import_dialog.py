"""Import the catalogue or a customer list from Excel: check, see the errors, import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.export.import_errors import write_error_report
from app.i18n import N_, QT_TRANSLATE_NOOP
from app.services import import_service as imp
from app.ui.file_dialogs import open_file_name, save_file_name
from app.ui.labels import translate_message
from app.ui.session import AppSession, Topic
from app.ui.settings_forms import FormFeedback, fill_combo
from app.ui.tasks import ProgressPanel, Task, TaskControl

KINDS = {
    imp.ImportKind.CATALOGUE: QT_TRANSLATE_NOOP("ImportPanel", "Product catalogue"),
    imp.ImportKind.CUSTOMERS: QT_TRANSLATE_NOOP("ImportPanel", "Customer list"),
}


class ImportPanel(QWidget):
    """Choose a file, check it (off the GUI thread), read the errors, import the good rows."""

    imported = Signal(object)  # ImportResult

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.preview: imp.ImportPreview | None = None
        self.result: imp.ImportResult | None = None
        self._task: Task | None = None
        self._build()
        self._connect()
        self._forget_preview()

    def _build(self) -> None:
        self.kind = QComboBox(self)
        fill_combo(self.kind, [(k.value, self.tr(t)) for k, t in KINDS.items()])
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("An .xlsx file with a header row"))
        self.browse_button = QPushButton(self.tr("Choose file…"), self)
        self.check_button = QPushButton(self.tr("Check file"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.issues = QTableWidget(0, 3, self)
        self.issues.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"),
                                               self.tr("Problem")])
        self.issues.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issues.verticalHeader().setVisible(False)
        header = self.issues.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.skip_bad = QCheckBox(self.tr("Import only the good rows (skip rows with errors)"),
                                  self)
        self.report_button = QPushButton(self.tr("Save error report…"), self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.progress = ProgressPanel(self)
        self.feedback = FormFeedback({"file": self.path}, self)
        for button in (self.browse_button, self.check_button, self.report_button,
                       self.import_button, self.progress.cancel_button):
            button.setAutoDefault(False)  # Enter in the path field checks the file
        self._layout()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Import"), self))
        top.addWidget(self.kind)
        top.addWidget(self.path, 1)
        top.addWidget(self.browse_button)
        top.addWidget(self.check_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip_bad)
        bottom.addStretch(1)
        bottom.addWidget(self.report_button)
        bottom.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.issues, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.progress)
        layout.addWidget(self.feedback.label)

    def _connect(self) -> None:
        self.browse_button.clicked.connect(self.choose_file)
        self.check_button.clicked.connect(self.check_file)
        self.path.returnPressed.connect(self.check_file)
        self.import_button.clicked.connect(self.start_import)
        self.report_button.clicked.connect(self.save_report)
        self.skip_bad.toggled.connect(self._update_buttons)
        self.kind.currentIndexChanged.connect(self._forget_preview)
        self.path.textEdited.connect(self._forget_preview)

    @property
    def busy(self) -> bool:
        return self._task is not None and self._task.running

    def choose_file(self) -> None:
        path = open_file_name(self, self.tr("Choose a workbook"), "",
                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.set_file(path)
            self.check_file()

    def set_file(self, path: str | Path, kind: imp.ImportKind | None = None) -> None:
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.path.setText(str(path))
        self._forget_preview()

    def _forget_preview(self) -> None:
        self.preview, self.result = None, None
        self.summary.setText(self._columns_hint())
        self.issues.setRowCount(0)
        self._update_buttons()

    def _columns_hint(self) -> str:
        kind = imp.ImportKind(self.kind.currentData())
        names = "、".join(f"{aliases[0]}/{aliases[1]}" for aliases in imp.COLUMNS[kind].values())
        return self.tr("The first row names the columns: {names}.").format(names=names)

    def _update_buttons(self) -> None:
        p, idle = self.preview, not self.busy
        self.check_button.setEnabled(idle)
        self.report_button.setEnabled(idle and p is not None and p.has_errors)
        self.import_button.setEnabled(idle and p is not None and bool(p.good)
                                      and (not p.has_errors or self.skip_bad.isChecked()))

    # ---- background work ------------------------------------------------------------
    def _run(self, work: Any, on_done: Any) -> None:
        self._task = Task(work, self)
        self._task.finished.connect(on_done)
        self._task.failed.connect(self._failed)
        self._task.cancelled.connect(lambda: self.feedback.ok(self.tr(
            "The import was cancelled: nothing was imported.")))
        self._task.ended.connect(self._update_buttons)
        self.progress.follow(self._task)
        self._task.start()
        self._update_buttons()

    def check_file(self) -> None:
        if self.busy:
            return
        ctx, path = self.session.ctx, self.path.text().strip()
        kind = imp.ImportKind(self.kind.currentData())
        self._forget_preview()
        self._run(lambda control: imp.preview_import(ctx, path, kind), self._show_preview)

    def start_import(self) -> None:
        preview = self.preview
        if preview is None or self.busy:
            return
        ctx, skip = self.session.ctx, self.skip_bad.isChecked()

        def work(control: TaskControl) -> imp.ImportResult:
            return imp.run_import(ctx, preview, skip_bad_rows=skip, progress=control.report,
                                  is_cancelled=control.is_cancelled)

        self._run(work, self._imported)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.feedback.error(exc)
        else:
            self.feedback.error(UserError(N_("The work stopped on an error: {error}"),
                                          error=str(exc) or type(exc).__name__))

    def _show_preview(self, preview: imp.ImportPreview) -> None:
        self.preview = preview
        self.feedback.ok("")
        self.summary.setText(self.tr(
            "{total} rows read: {good} good, {bad} with errors.").format(
            total=preview.total_rows, good=len(preview.good), bad=preview.bad_count))
        self.issues.setRowCount(len(preview.issues))
        for r, issue in enumerate(preview.issues):
            cells = (str(issue.row), issue.column, issue.text(translate_message))
            for c, text in enumerate(cells):
                self.issues.setItem(r, c, QTableWidgetItem(text))
        self._update_buttons()

    def _imported(self, result: imp.ImportResult) -> None:
        self.result = result
        self.feedback.ok(self.tr("{n} rows imported, {skipped} skipped.").format(
            n=result.imported, skipped=result.skipped))
        topic = Topic.REFERENCE if self.preview and \
            self.preview.kind is imp.ImportKind.CATALOGUE else Topic.CUSTOMERS
        self.preview = None
        self._update_buttons()
        self.session.changed(topic)
        self.imported.emit(result)

    def save_report(self, path: str | None = None) -> None:
        if self.preview is None:
            return
        if not path:
            path = save_file_name(self, self.tr("Save error report"), "errors.xlsx",
                                  self.tr("Excel (*.xlsx)"))
        if path:
            write_error_report(self.preview, path, translate=translate_message,
                               headers=(self.tr("Row"), self.tr("Errors")))
            self.feedback.ok(self.tr("Error report saved."))

    def message(self) -> str:
        return self.feedback.label.text()


class ImportDialog(QDialog):
    """The import panel in a window of its own (e.g. from a menu)."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from Excel"))
        self.panel = ImportPanel(session, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def reject(self) -> None:
        if self.panel.busy:
            return  # cancel first: the import is one transaction and must end cleanly
        super().reject()

