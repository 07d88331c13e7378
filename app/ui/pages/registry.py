"""The books of the main window: one entry per page, in sidebar order.

Each page is a QWidget built as ``factory(session, parent)`` and may define ``refresh()``.
A page is shown only to users whose role carries its permission (None: everybody).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from app.i18n import QT_TRANSLATE_NOOP
from app.services.permissions import Perm
from app.ui.session import AppSession

PageFactory = Callable[[AppSession, QWidget | None], QWidget]


@dataclass(frozen=True)
class PageEntry:
    key: str
    title: str  # English source, translated in context "Pages"
    icon: str  # file name in resources/icons
    factory_path: str  # "module:Class", imported when first opened
    permission: Perm | tuple[Perm, ...] | None = None  # a tuple: any one of them


PAGES: list[PageEntry] = [
    PageEntry("today", QT_TRANSLATE_NOOP("Pages", "Today"), "reports.svg",
              "app.ui.pages.today_page:TodayPage"),
    PageEntry("calls", QT_TRANSLATE_NOOP("Pages", "Call-log book"), "calls.svg",
              "app.ui.pages.call_log_page:CallLogPage"),
    PageEntry("carry_in", QT_TRANSLATE_NOOP("Pages", "Carry-in repairs"), "repairs.svg",
              "app.ui.pages.carry_in_page:CarryInPage", Perm.TAKE_IN),
    PageEntry("dispatch", QT_TRANSLATE_NOOP("Pages", "Dispatch board"), "dispatch.svg",
              "app.ui.pages.dispatch_page:DispatchPage", Perm.DISPATCH),
    PageEntry("my_jobs", QT_TRANSLATE_NOOP("Pages", "My jobs"), "repairs.svg",
              "app.ui.pages.my_jobs_page:MyJobsPage", Perm.VISIT_RECORD),
    PageEntry("to_file", QT_TRANSLATE_NOOP("Pages", "Vouchers to close"), "calls.svg",
              "app.ui.pages.my_jobs_page:VouchersToFilePage", Perm.CALL_CLOSE),
    PageEntry("daily_reports", QT_TRANSLATE_NOOP("Pages", "Daily reports"), "reports.svg",
              "app.ui.pages.daily_reports_page:DailyReportsPage",
              (Perm.REPORTS_VIEW, Perm.REPORT_SUBMIT)),
    PageEntry("goods_register", QT_TRANSLATE_NOOP("Pages", "Goods in/out register"),
              "register.svg", "app.ui.pages.register_page:RegisterPage", Perm.TAKE_IN),
    PageEntry("parts", QT_TRANSLATE_NOOP("Pages", "Parts stock"), "repairs.svg",
              "app.ui.pages.parts_page:PartsPage"),
    PageEntry("settings", QT_TRANSLATE_NOOP("Pages", "Settings"), "settings.svg",
              "app.ui.pages.settings_page:SettingsPage", Perm.REFERENCE_MANAGE),
    PageEntry("surveys", QT_TRANSLATE_NOOP("Pages", "Survey cards"), "reports.svg",
              "app.ui.pages.surveys_page:SurveysPage", Perm.SURVEY_ENTER),
    PageEntry("complaints", QT_TRANSLATE_NOOP("Pages", "Complaints"), "complaints.svg",
              "app.ui.pages.complaints_page:ComplaintsPage", Perm.COMPLAINT_MANAGE),
    PageEntry("followups", QT_TRANSLATE_NOOP("Pages", "Follow-up calls"), "customers.svg",
              "app.ui.pages.followups_page:FollowUpsPage", Perm.SURVEY_ENTER),
    PageEntry("voice_registers", QT_TRANSLATE_NOOP("Pages", "Customer registers"),
              "register.svg", "app.ui.pages.voice_registers_page:VoiceRegistersPage",
              Perm.SURVEY_ENTER),
    PageEntry("contracts", QT_TRANSLATE_NOOP("Pages", "Maintenance contracts"), "register.svg",
              "app.ui.pages.contracts_page:ContractsPage", Perm.CONTRACT_MANAGE),
    PageEntry("backup", QT_TRANSLATE_NOOP("Pages", "Backups"), "backup.svg",
              "app.ui.pages.backup_page:BackupPage", Perm.BACKUP),
    PageEntry("money", QT_TRANSLATE_NOOP("Pages", "Money"), "money.svg",
              "app.ui.pages.money_page:MoneyPage", Perm.BILL),
    PageEntry("reports", QT_TRANSLATE_NOOP("Pages", "Monthly summary"), "reports.svg",
              "app.ui.pages.reports_page:ReportsPage", Perm.REPORTS_VIEW),
]


def visible_to(entry: PageEntry, may: Callable[[Perm], bool]) -> bool:
    """Whether a user with these rights sees the page in the sidebar."""
    needed = entry.permission
    if needed is None:
        return True
    return any(may(p) for p in (needed if isinstance(needed, tuple) else (needed,)))
