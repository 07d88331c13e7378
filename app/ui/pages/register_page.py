"""The customer goods in/out register (客户商品进出登记簿) as the paper book: by month, in/out,
overdue; what is in the store now; a month printed as A4 pages; corrections with a reason."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.printing.registry import PrintKind
from app.services import register_service
from app.services.permissions import Perm
from app.services.register_service import RegisterFilter
from app.ui.dialogs.print_preview_dialog import PrintJob, PrintPreviewDialog
from app.ui.dialogs.register_correction_dialog import RegisterCorrectionDialog
from app.ui.printing_ui import document_job
from app.ui.session import AppSession, Topic, touches
from app.ui.table_models.carry_in_table_models import RegisterTableModel
from app.ui.widgets.date_field import DateField
from app.ui.widgets.take_in_fields import date_of, qdate_of

STATES = (("all", QT_TRANSLATE_NOOP("RegisterPage", "All lines")),
          ("in", QT_TRANSLATE_NOOP("RegisterPage", "In the store")),
          ("out", QT_TRANSLATE_NOOP("RegisterPage", "Returned")),
          ("overdue", QT_TRANSLATE_NOOP("RegisterPage", "Overdue")))


class RegisterPage(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.month_check = QCheckBox(self.tr("&Month"))
        self.month_check.setObjectName("by_month")
        self.month_check.setChecked(True)
        self.month_edit = DateField(qdate_of(session.ctx.today()))
        self.month_edit.setObjectName("month")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.state_combo = QComboBox()
        self.state_combo.setObjectName("state")
        for value, text in STATES:
            self.state_combo.addItem(self.tr(text), value)
        self.in_store_label = QLabel()
        self.in_store_label.setObjectName("in_store")
        self.model = RegisterTableModel(session, self, flt=self.current_filter())
        self.table = QTableView()
        self.table.setObjectName("register")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.print_button = QPushButton(self.tr("&Print month…"))
        self.print_button.setObjectName("print_month")
        self.print_button.clicked.connect(self.print_month)
        self.correct_button = QPushButton(self.tr("&Correct line…"))
        self.correct_button.setObjectName("correct")
        self.correct_button.clicked.connect(self.correct_line)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export_excel)
        self.export_message = QLabel()
        self._lay_out()
        for signal in (self.month_check.toggled, self.month_edit.dateChanged,
                       self.state_combo.currentIndexChanged):
            signal.connect(self.apply_filter)
        session.data_changed.connect(self._data_changed)
        session.user_changed.connect(self.refresh)
        self.refresh()

    def _data_changed(self, topic: str) -> None:
        if touches(topic, (Topic.CARRY_IN,)):
            self.refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for widget in (self.month_check, self.month_edit, self.state_combo):
            top.addWidget(widget)
        top.addWidget(self.in_store_label, 1)
        top.addWidget(self.correct_button)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.export_message)

    def export_excel(self) -> None:
        """Every line of the current filter (month, state — "Overdue" = late repairs)."""
        from app.ui.list_export_ui import export_register

        self.export_task = export_register(self, self.session, self.current_filter(),
                                           self.export_message)

    def current_filter(self) -> RegisterFilter:
        month = date_of(self.month_edit.date()) if self.month_check.isChecked() else None
        return RegisterFilter(month=month, state=str(self.state_combo.currentData()))

    def set_month(self, year: int, month: int) -> None:
        self.month_edit.setDate(QDate(year, month, 1))

    def apply_filter(self) -> None:
        self.month_edit.setEnabled(self.month_check.isChecked())
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        self.model.refresh()
        self.table.resizeColumnsToContents()
        now = register_service.count_register(self.session.ctx, RegisterFilter(state="in"))
        late = register_service.count_register(self.session.ctx,
                                               RegisterFilter(state="overdue"))
        self.in_store_label.setText(self.tr("In the store now: {n} items ({late} overdue)")
                                    .format(n=now, late=late))
        self.correct_button.setEnabled(self.session.may(Perm.REGISTER_CORRECT))

    def print_month(self) -> None:
        month = self.month_edit.date().toString("yyyy-MM")
        self.open_preview(document_job(self.session.ctx, PrintKind.REGISTER_MONTH, month))

    def open_preview(self, job: PrintJob) -> None:
        """The print preview (tests replace this to keep the PDF)."""
        dialog = PrintPreviewDialog(job, self)
        dialog.exec()
        dialog.deleteLater()

    def run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def correct_line(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is None:
            return
        dialog = RegisterCorrectionDialog(self.session, row, self)
        if self.run_dialog(dialog):
            self.refresh()
        dialog.deleteLater()
