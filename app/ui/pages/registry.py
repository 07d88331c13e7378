"""The books of the main window: one entry per page, in sidebar order.

Each page is a QWidget built as ``factory(session, parent)`` and may define ``refresh()``.
A page is shown only to users whose role carries its permission (None: everybody).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtWidgets import QWidget

from app.i18n import QT_TRANSLATE_NOOP
from app.services.permissions import Perm
from app.ui.session import AppSession


class PageKey(StrEnum):
    """The books of the main window (also the saved "main/page" setting)."""

    TODAY = "today"
    CALLS = "calls"
    CARRY_IN = "carry_in"
    DISPATCH = "dispatch"
    MY_JOBS = "my_jobs"
    TO_FILE = "to_file"
    DAILY_REPORTS = "daily_reports"
    GOODS_REGISTER = "goods_register"
    PARTS = "parts"
    SETTINGS = "settings"
    SURVEYS = "surveys"
    COMPLAINTS = "complaints"
    FOLLOWUPS = "followups"
    VOICE_REGISTERS = "voice_registers"
    CONTRACTS = "contracts"
    BACKUP = "backup"
    MONEY = "money"
    REPORTS = "reports"
    SERVICE_DEPT = "service_dept"


PageFactory = Callable[[AppSession, QWidget | None], QWidget]


@dataclass(frozen=True)
class PageEntry:
    key: PageKey
    title: str  # English source, translated in context "Pages"
    icon: str  # file name in resources/icons
    factory_path: str  # "module:Class", imported when first opened (a test imports them all)
    permission: Perm | tuple[Perm, ...] | None = None  # a tuple: any one of them
    service_dept: bool = False  # only for the service department (users of no branch)


PAGES: list[PageEntry] = [
    PageEntry(PageKey.TODAY, QT_TRANSLATE_NOOP("Pages", "Today"), "reports.svg",
              "app.ui.pages.today_page:TodayPage"),
    PageEntry(PageKey.CALLS, QT_TRANSLATE_NOOP("Pages", "Call-log book"), "calls.svg",
              "app.ui.pages.call_log_page:CallLogPage"),
    PageEntry(PageKey.CARRY_IN, QT_TRANSLATE_NOOP("Pages", "Carry-in repairs"), "repairs.svg",
              "app.ui.pages.carry_in_page:CarryInPage", Perm.TAKE_IN),
    PageEntry(PageKey.DISPATCH, QT_TRANSLATE_NOOP("Pages", "Dispatch board"), "dispatch.svg",
              "app.ui.pages.dispatch_page:DispatchPage", Perm.DISPATCH),
    PageEntry(PageKey.MY_JOBS, QT_TRANSLATE_NOOP("Pages", "My jobs"), "repairs.svg",
              "app.ui.pages.my_jobs_page:MyJobsPage", Perm.VISIT_RECORD),
    PageEntry(PageKey.TO_FILE, QT_TRANSLATE_NOOP("Pages", "Vouchers to close"), "calls.svg",
              "app.ui.pages.my_jobs_page:VouchersToFilePage", Perm.CALL_CLOSE),
    PageEntry(PageKey.DAILY_REPORTS, QT_TRANSLATE_NOOP("Pages", "Daily reports"), "reports.svg",
              "app.ui.pages.daily_reports_page:DailyReportsPage",
              (Perm.REPORTS_VIEW, Perm.REPORT_SUBMIT)),
    PageEntry(PageKey.GOODS_REGISTER, QT_TRANSLATE_NOOP("Pages", "Goods in/out register"),
              "register.svg", "app.ui.pages.register_page:RegisterPage", Perm.TAKE_IN),
    PageEntry(PageKey.PARTS, QT_TRANSLATE_NOOP("Pages", "Parts stock"), "repairs.svg",
              "app.ui.pages.parts_page:PartsPage"),
    PageEntry(PageKey.SETTINGS, QT_TRANSLATE_NOOP("Pages", "Settings"), "settings.svg",
              "app.ui.pages.settings_page:SettingsPage", Perm.REFERENCE_MANAGE),
    PageEntry(PageKey.SURVEYS, QT_TRANSLATE_NOOP("Pages", "Survey cards"), "reports.svg",
              "app.ui.pages.surveys_page:SurveysPage", Perm.SURVEY_ENTER),
    PageEntry(PageKey.COMPLAINTS, QT_TRANSLATE_NOOP("Pages", "Complaints"), "complaints.svg",
              "app.ui.pages.complaints_page:ComplaintsPage", Perm.COMPLAINT_MANAGE),
    PageEntry(PageKey.FOLLOWUPS, QT_TRANSLATE_NOOP("Pages", "Follow-up calls"), "customers.svg",
              "app.ui.pages.followups_page:FollowUpsPage", Perm.SURVEY_ENTER),
    PageEntry(PageKey.VOICE_REGISTERS, QT_TRANSLATE_NOOP("Pages", "Customer registers"),
              "register.svg", "app.ui.pages.voice_registers_page:VoiceRegistersPage",
              Perm.SURVEY_ENTER),
    PageEntry(PageKey.CONTRACTS, QT_TRANSLATE_NOOP("Pages", "Maintenance contracts"),
              "register.svg", "app.ui.pages.contracts_page:ContractsPage", Perm.CONTRACT_MANAGE),
    PageEntry(PageKey.BACKUP, QT_TRANSLATE_NOOP("Pages", "Backups"), "backup.svg",
              "app.ui.pages.backup_page:BackupPage", Perm.BACKUP),
    PageEntry(PageKey.MONEY, QT_TRANSLATE_NOOP("Pages", "Money"), "money.svg",
              "app.ui.pages.money_page:MoneyPage", Perm.BILL),
    PageEntry(PageKey.REPORTS, QT_TRANSLATE_NOOP("Pages", "Monthly summary"), "reports.svg",
              "app.ui.pages.reports_page:ReportsPage", Perm.REPORTS_VIEW),
    PageEntry(PageKey.SERVICE_DEPT, QT_TRANSLATE_NOOP("Pages", "Service department"),
              "reports.svg", "app.ui.pages.service_dept_page:ServiceDeptPage",
              Perm.REPORTS_VIEW, service_dept=True),
]


def visible_to(entry: PageEntry, may: Callable[[Perm], bool], *,
               branch_id: int | None = None) -> bool:
    """Whether a user with these rights, of this branch (None: the service department),
    sees the page in the sidebar."""
    if entry.service_dept and branch_id is not None:
        return False  # a branch's people never see the service department's page
    needed = entry.permission
    if needed is None:
        return True
    return any(may(p) for p in (needed if isinstance(needed, tuple) else (needed,)))
