"""Survey cards (客户意见调查卡): issue and print a day's cards, enter returned ones, ratings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.models.voice import SurveyCardStatus
from app.printing.documents.survey_card import survey_cards_pdf
from app.printing.documents.technician_appraisal import appraisal_cells
from app.printing.registry import PrintKind
from app.services import survey_service as svc
from app.services.permissions import Perm
from app.services.survey_dto import Ratings, SurveyCardDoc, SurveyCardDTO
from app.services.survey_service import ITEMS
from app.services.voice_stats import technician_appraisals
from app.ui.dialogs.voice_form_dialog import VoiceFormDialog
from app.ui.pages.voice_page_base import VoicePageBase
from app.ui.printing_ui import batch_job, document_job
from app.ui.session import AppSession, Topic
from app.ui.table_models.voice_table_model import Column, VoiceTableModel
from app.ui.voice_labels import vchoices, vlabel
from app.ui.widgets.date_field import DateField
from app.ui.widgets.rating_chart import RatingChart


def _ratings(c: SurveyCardDTO) -> str:
    return " ".join(str(v) for v in c.ratings.values()) if c.ratings else ""


COLUMNS: list[Column[SurveyCardDTO]] = [
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Card No."), lambda c: c.number),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Issued on"), lambda c: c.issued_on.isoformat()),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Call No."), lambda c: c.call_number),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Customer"), lambda c: c.customer_name),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Technician"), lambda c: c.technician_name),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Status"), lambda c: vlabel("card_status", c.status)),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Ratings given"), _ratings),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Complaint No."), lambda c: c.complaint_number),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Customer's comments"), lambda c: c.comments),
]


class SurveysPage(VoicePageBase):
    TOPIC = Topic.SURVEYS

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Waiting to come back"), SurveyCardStatus.SENT.value)
        self.status_combo.addItem(self.tr("Returned"), SurveyCardStatus.RETURNED.value)
        self.status_combo.addItem(self.tr("All of them"), None)
        self.model: VoiceTableModel[SurveyCardDTO] = VoiceTableModel(
            COLUMNS, self._fetch, lambda c: c.id, self)
        self.table = self.make_table(self.model, "cards")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._cards_tab(), self.tr("Cards"))
        self.tabs.addTab(self._stats_tab(), self.tr("Monthly appraisal per technician"))
        QVBoxLayout(self).addWidget(self.tabs)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        session.user_changed.connect(
            lambda: self.tabs.setTabVisible(1, session.may(Perm.REPORTS_VIEW)))
        self.tabs.setTabVisible(1, session.may(Perm.REPORTS_VIEW))

    def _cards_tab(self) -> QWidget:
        tab = QWidget()
        today = self.session.ctx.today()
        self.day_edit = DateField(QDate(today.year, today.month, today.day))
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        issue = QPushButton(self.tr("Issue the day's cards"))
        issue.setObjectName("issue")
        issue.clicked.connect(self.issue_cards)
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("find")
        self.find_edit.setPlaceholderText(self.tr("Card or call No., or scan the QR code"))
        self.find_edit.returnPressed.connect(self.enter_by_number)
        enter = QPushButton(self.tr("Enter returned card…"))
        enter.setObjectName("enter")
        enter.clicked.connect(lambda: self.enter_card(self.selected(self.table, self.model)))
        reprint = QPushButton(self.tr("Print card"))
        reprint.clicked.connect(self.print_selected)
        bar = QHBoxLayout()
        day = QLabel(self.tr("Cards for the day"))
        for widget in (day, self.day_edit, issue, self.status_combo, self.find_edit, enter,
                       reprint):
            bar.addWidget(widget)
        lay = QVBoxLayout(tab)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        return tab

    def _fetch(self, after: int | None, limit: int) -> list[SurveyCardDTO]:
        return svc.list_cards(self.session.ctx, status=self.status_combo.currentData(),
                              after_id=after, limit=limit)

    def refresh(self) -> None:
        self.model.refresh()

    # ---- actions ---------------------------------------------------------------------
    def issue_cards(self) -> None:
        d = self.day_edit.date()
        day = date(d.year(), d.month(), d.day())
        cards = self.try_action(lambda: svc.issue_cards_for_day(self.session.ctx, day))
        if cards is None:
            return
        self.changed()
        if not cards:
            QMessageBox.information(self, self.tr("Survey cards"),
                                    self.tr("Every call served by that day already has its "
                                            "card."))
            return
        docs = self.try_action(lambda: svc.card_documents(self.session.ctx,
                                                          [c.id for c in cards]))
        if docs:
            self._print(docs, self.tr("Survey cards"), f"survey-cards-{day.isoformat()}.pdf")

    def print_selected(self) -> None:
        card = self.selected(self.table, self.model)
        if card is None:
            return
        docs = self.try_action(lambda: svc.card_documents(self.session.ctx, [card.id]))
        if docs:
            self._print(docs, self.tr("Survey card"), f"survey-card-{card.number}.pdf")

    def _print(self, docs: list[SurveyCardDoc], title: str, filename: str) -> None:
        """The cards in one PDF: each copy printed or saved is on every card's trail."""
        numbers = [d.card.number for d in docs]
        self.show_print(batch_job(self.session.ctx, PrintKind.SURVEY_CARD, numbers,
                                  lambda reprinted: survey_cards_pdf(docs, reprinted),
                                  title=title, filename=filename))

    def enter_by_number(self) -> None:
        text = self.find_edit.text().strip()
        if not text:
            return
        card = self.try_action(lambda: svc.find_card(self.session.ctx, text))
        if card is not None:
            self.find_edit.clear()
            self.enter_card(card)

    def enter_card(self, card: SurveyCardDTO | None) -> None:
        """The returned card: four ratings, how it came back, comments, maybe a complaint."""
        if card is None:
            return
        form = VoiceFormDialog(self.tr("Returned survey card {number}").format(
            number=card.number), self, intro=f"{card.call_number}  {card.customer_name}  "
                                             f"{card.technician_name}")
        current = card.ratings.values() if card.ratings else (4, 4, 4, 4)
        for item, value in zip(ITEMS, current, strict=True):
            form.add_combo(item, vlabel("item", item), vchoices("level"), str(value))
        form.add_combo("via", self.tr("Came back"), vchoices("return_way"), "paper")
        form.add_text("comments", self.tr("Suggestions or complaints"), card.comments)
        form.add_check("complaint", self.tr("The card carries a complaint: open it now"))
        form.add_combo("kind", self.tr("Kind of complaint"), vchoices("kind"), "service")
        form.set_action(lambda d: self._save_card(card, d))
        if self.run_dialog(form):
            self.changed()
            self.session.changed(Topic.COMPLAINTS)

    def _save_card(self, card: SurveyCardDTO, d: VoiceFormDialog) -> object:
        ratings = Ratings(*(int(d.choice(item)) for item in ITEMS))
        saved = svc.enter_returned_card(self.session.ctx, card.id, ratings, via=d.choice("via"),
                                        expected_version=card.version,
                                        comments=d.text("comments"))
        if d.checked("complaint"):
            return svc.complaint_from_card(self.session.ctx, saved.id, kind=d.choice("kind"),
                                           expected_version=saved.version)
        return saved

    # ---- monthly appraisal per technician (§二十三) -------------------------------------
    def _stats_tab(self) -> QWidget:
        tab = QWidget()
        headers = [self.tr("Technician"), self.tr("Jobs done"), self.tr("Late arrivals"),
                   self.tr("Complaints naming them"), self.tr("Cards sent"), self.tr("Returned"),
                   *[vlabel("item", i) for i in ITEMS], self.tr("Unsatisfied ratings")]
        self.stats_table = QTableWidget(0, len(headers))
        self.stats_table.setObjectName("appraisal")
        self.stats_table.setHorizontalHeaderLabels(headers)
        self.chart = RatingChart()
        bar = self.month_bar(self.show_stats)
        print_button = QPushButton(self.tr("Print appraisal"))
        print_button.setObjectName("print_appraisal")
        print_button.clicked.connect(self.print_appraisal)
        bar.addWidget(print_button)
        lay = QVBoxLayout(tab)
        lay.addLayout(bar)
        lay.addWidget(self.stats_table)
        lay.addWidget(self.chart)
        return tab

    def show_stats(self) -> None:
        month = self.try_action(lambda: technician_appraisals(
            self.session.ctx, self.stats_year.value(), self.stats_month.value()))
        if month is None:
            return
        self.stats_table.setRowCount(len(month.rows))
        for r, row in enumerate(month.rows):
            for c, value in enumerate(appraisal_cells(row)):
                self.stats_table.setItem(r, c, QTableWidgetItem(value))
        rated = [row for row in month.rows if row.ratings is not None]
        self.chart.set_data([(row.technician_name, row.ratings.averages)
                             for row in rated if row.ratings is not None],
                            tuple(vlabel("item", i) for i in ITEMS))

    def print_appraisal(self) -> None:
        number = f"{self.stats_year.value()}-{self.stats_month.value():02d}"
        job = self.try_action(lambda: document_job(self.session.ctx, PrintKind.TECHNICIAN_APPRAISAL,
                                                   number))
        if job is not None:
            self.show_print(job)
