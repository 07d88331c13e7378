"""What the customer-voice pages share: a table, dialogs, print preview, errors, refresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from app.errors import UserError
from app.ui.dialogs.print_preview_dialog import PrintJob, PrintPreviewDialog
from app.ui.errors import show_user_error
from app.ui.session import AppSession, Topic, touches
from app.ui.table_models.voice_table_model import VoiceTableModel

T = TypeVar("T")


class VoicePageBase(QWidget):
    """Pages call ``run_dialog`` and ``show_print`` so tests can stand in for the user."""

    TOPIC: Topic = Topic.ANY  # pages set theirs
    SHOWS: tuple[Topic, ...] = ()  # what else the page lists (it refreshes on those too)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.data_changed.connect(self._data_changed)

    def _data_changed(self, topic: str) -> None:
        if touches(topic, (self.TOPIC, Topic.CALLS, *self.SHOWS)):
            self.refresh()

    def refresh(self) -> None:
        """Reload the lists (pages override)."""

    def changed(self) -> None:
        self.refresh()
        self.session.changed(self.TOPIC)

    @staticmethod
    def make_table(model: VoiceTableModel[Any], name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    @staticmethod
    def selected(view: QTableView, model: VoiceTableModel[T]) -> T | None:
        index = view.currentIndex()
        return model.row_at(index.row()) if index.isValid() else None

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog modally; True when the user confirmed (tests replace this)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def month_bar(self, show_stats: Callable[[], None]) -> QHBoxLayout:
        """Year and month pickers (this store-local month) and "Show figures" for a stats tab;
        sets ``self.stats_year`` and ``self.stats_month``."""
        today = self.session.ctx.today()
        self.stats_year, self.stats_month = QSpinBox(), QSpinBox()
        self.stats_year.setRange(2000, 2100)
        self.stats_year.setValue(today.year)
        self.stats_month.setRange(1, 12)
        self.stats_month.setValue(today.month)
        show = QPushButton(QCoreApplication.translate("VoicePageBase", "Show figures"))
        show.clicked.connect(show_stats)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(QCoreApplication.translate("VoicePageBase", "Month of figures")))
        for widget in (self.stats_year, self.stats_month, show):
            bar.addWidget(widget)
        bar.addStretch(1)
        return bar

    def try_action(self, action: Callable[[], Any]) -> Any:
        """Run a service action; a UserError is shown, None returned."""
        try:
            return action()
        except UserError as err:
            show_user_error(err, {}, parent=self)
            return None

    def show_print(self, job: PrintJob) -> None:
        """Open the print preview of a job, modal (tests replace this to read the PDF)."""
        dialog = PrintPreviewDialog(job, self)
        dialog.exec()
        dialog.deleteLater()
