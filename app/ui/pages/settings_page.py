"""The Settings page (设置): store profile, hours, zones, staff, branches (the service
department's administrator), catalogue, Excel import, and this computer's printers and
database."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services.permissions import Perm
from app.ui.dialogs.import_dialog import ImportPanel
from app.ui.pages.settings_branches import BranchesTab, may_manage_branches
from app.ui.pages.settings_catalogue import CatalogueTab
from app.ui.pages.settings_database import DatabaseTab
from app.ui.pages.settings_printing import PrintingTab
from app.ui.pages.settings_profile import BusinessHoursTab, StoreProfileTab
from app.ui.pages.settings_staff import StaffTab
from app.ui.pages.settings_zones import ZonesTab
from app.ui.session import AppSession
from app.ui.settings_forms import FORM_STYLE, BranchPicker


class SettingsPage(QWidget):
    """One tab per kind of reference data; staff accounts only for administrators."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setStyleSheet(FORM_STYLE)
        self.profile = StoreProfileTab(session, self)
        self.hours = BusinessHoursTab(session, self)
        self.zones = ZonesTab(session, self)
        self.catalogue = CatalogueTab(session, self)
        # the service department: the company's defaults, or a branch's own values
        self.branch_picker = BranchPicker(session, self._branch_picked, self)
        self.tabs.addTab(self.profile, self.tr("Store"))
        self.tabs.addTab(self.hours, self.tr("Business hours"))
        self.tabs.addTab(self.zones, self.tr("Zones"))
        self.staff: StaffTab | None = None
        if session.may(Perm.USERS_MANAGE):
            self.staff = StaffTab(session, self)
            self.tabs.addTab(self.staff, self.tr("Staff accounts"))
        self.branches: BranchesTab | None = None
        if may_manage_branches(session):
            self.branches = BranchesTab(session, self)
            self.tabs.addTab(self.branches, self.tr("Branches"))
        self.tabs.addTab(self.catalogue, self.tr("Product models"))
        self.printing = PrintingTab(session, self)
        self.tabs.addTab(self.printing, self.tr("Printing (this computer)"))
        self.database = DatabaseTab(session, self)
        self.tabs.addTab(self.database, self.tr("Database (this computer)"))
        self.importer: ImportPanel | None = None
        if session.may(Perm.DATA_IMPORT):
            self.importer = ImportPanel(session, self)
            self.tabs.addTab(self.importer, self.tr("Import from Excel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.branch_picker)
        layout.addWidget(self.tabs)

    def _branch_picked(self) -> None:
        branch = self.branch_picker.branch
        self.profile.branch = self.hours.branch = self.zones.branch = branch
        self.catalogue.branch = branch
        self.refresh()

    def refresh(self) -> None:
        for tab in (self.profile, self.hours, self.zones, self.catalogue, self.staff,
                    self.branches, self.database):
            if tab is not None:
                tab.refresh()
