"""The main window: a sidebar of books, a search/scan field, the user and database in view."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from app import __version__, config
from app.db.database import Database
from app.services import find_service, setup_checklist
from app.services.context import Actor, ServiceContext
from app.ui.dialogs.preferences_dialog import PreferencesDialog
from app.ui.dialogs.switch_user_dialog import SwitchUserDialog
from app.ui.find_number import kind_text, open_found
from app.ui.labels import label
from app.ui.language import install_translator
from app.ui.pages import registry
from app.ui.pages.registry import PageEntry, PageKey
from app.ui.ring_controller import RingController
from app.ui.screen_fit import available_geometry, clamp_to_screen
from app.ui.session import AppSession
from app.ui.settings_store import DEFAULT_LANGUAGE, SettingsStore
from app.ui.style import icon
from app.ui.widgets.setup_checklist import checklist_due

log = logging.getLogger(__name__)
WINDOW_KEY = "main_window"
SEARCH_PAGE = PageKey.CALLS  # until a job finder exists, a scan or search opens the call-log book
REFRESH_SECONDS = 30  # how often the visible list is re-read (other counters write too)
# The main books, one F-key each (F1 help, F2 switch user, F3 search, F5 refresh are taken).
BOOK_KEYS = {PageKey.CALLS: Qt.Key.Key_F4, PageKey.CARRY_IN: Qt.Key.Key_F6,
             PageKey.DISPATCH: Qt.Key.Key_F7, PageKey.MY_JOBS: Qt.Key.Key_F8,
             PageKey.MONEY: Qt.Key.Key_F9}


def page_title(entry: PageEntry) -> str:
    return QCoreApplication.translate("Pages", entry.title)


def load_page_factory(entry: PageEntry) -> Callable[..., QWidget] | None:
    """Import the page class named by ``factory_path``; None if it is not there (yet)."""
    module_name, _, attr = entry.factory_path.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            log.warning("page module %s is not available", module_name)
            return None
        raise
    factory = getattr(module, attr, None)
    if factory is None:
        log.warning("page %s has no %s", module_name, attr)
    return factory


def short_db_name(db: Database) -> str:
    """A SQLite database by its file path; any other by its URL without the password."""
    name = db.display_name
    return name.split(":///", 1)[1] if name.startswith("sqlite:///") else name


class PlaceholderPage(QLabel):
    """Stands in for a book whose page is not installed yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(self.tr("This book is not available yet."))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setObjectName("hint")


class MainWindow(QMainWindow):
    """主窗口. Pages are built once per user on first open; ``refresh()`` runs when shown."""

    global_search = Signal(str)
    language_changed = Signal(str)

    def __init__(self, session: AppSession, settings: SettingsStore | None = None,
                 parent: QWidget | None = None, *, language: str = DEFAULT_LANGUAGE) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings or SettingsStore()
        self.language = language
        self._pages: dict[str, QWidget] = {}
        self._entries: list[PageEntry] = []
        self.switch_dialog: SwitchUserDialog | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        self.setObjectName("mainWindow")
        self.demo = setup_checklist.is_demo(session.ctx)  # the demo store: said everywhere
        self.leave_demo = False  # run_gui then opens the real store's first start
        self._build_widgets()
        self._build_actions()
        self.retranslate()
        self.session.user_changed.connect(self._user_changed)
        self.global_search.connect(self.search_in_books)
        self.sidebar.currentRowChanged.connect(self._row_chosen)
        self._restore_layout()
        self._rebuild_sidebar(self._first_page())
        self._watch_other_counters()
        self.rings = RingController(self, self.session, self.settings)  # caller ID (来电)
        self.rings.start()

    # other counters ------------------------------------------------------------------------
    def _watch_other_counters(self) -> None:
        """Other counters write to the same store: the visible list is re-read every
        REFRESH_SECONDS and whenever the window becomes active again, so a clerk never works
        from a stale list."""
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_SECONDS * 1000)
        self.refresh_timer.timeout.connect(self.refresh_visible_page)
        self.refresh_timer.start()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._application_state)

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.refresh_visible_page()

    def refresh_visible_page(self) -> None:
        """Re-read the page on screen, unless a dialog is open over it.

        The one refresh policy: a page is re-read when it is opened, when data it shows
        changes (session.data_changed), and — if its ``auto_refresh`` is not False — every
        REFRESH_SECONDS and when the window comes back to the front. A page whose reading is
        expensive (the monthly summary: a month's query) sets ``auto_refresh = False``.
        """
        if QApplication.activeModalWidget() is not None or not self.isVisible():
            return
        page = self.stack.currentWidget()
        if getattr(page, "auto_refresh", True) is False:
            return
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    # building ---------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(24, 24))
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([210, 990])
        # The window never outgrows the screen: a page's wide content (a long message, a
        # table's columns) is laid out inside the window, it does not widen it.
        self.stack.setMinimumSize(480, 320)
        self.setCentralWidget(self.splitter)
        self._build_toolbar()
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.database_label = QLabel()
        self.database_label.setObjectName("statusDatabase")
        self.station_label = QLabel()
        self.station_label.setObjectName("statusWorkstation")
        for widget in (self.user_label, self.database_label, self.station_label):
            self.statusBar().addPermanentWidget(widget)
        self.database_label.setMaximumWidth(360)  # a long path is cut; the tooltip has it
        self.resize(1200, 760)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(20, 20))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("globalSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.returnPressed.connect(self._search_entered)
        self.toolbar.addWidget(self.search_edit)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.demo_button = QToolButton()
        self.demo_button.setObjectName("leaveDemo")
        self.demo_button.setStyleSheet("QToolButton { background: #FFF3CD; color: #7A4F00; "
                                       "font-weight: bold; padding: 4px 10px; }")
        self.demo_button.clicked.connect(self.leave_demo_store)
        self.demo_button.setVisible(self.demo)
        if self.demo:
            self.toolbar.addWidget(self.demo_button)
        self.user_button = QToolButton()
        self.user_button.setObjectName("userButton")
        self.user_button.setIcon(icon("user"))
        self.user_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.user_button.clicked.connect(self.switch_user)
        self.toolbar.addWidget(self.user_button)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _build_actions(self) -> None:
        self.switch_action = QAction(icon("user"), "", self)
        self.switch_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.switch_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.switch_action.triggered.connect(self.switch_user)
        self.preferences_action = QAction(icon("settings"), "", self)
        self.preferences_action.triggered.connect(self.open_preferences)
        self.caller_id_action = QAction(icon("settings"), "", self)
        self.caller_id_action.triggered.connect(lambda: self.rings.open_settings())
        self.messages_action = QAction("", self)
        self.messages_action.triggered.connect(lambda: self.rings.open_templates())
        self.quit_action = QAction("", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction("", self)
        self.about_action.triggered.connect(self.show_about)
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence(Qt.Key.Key_F3))
        self.search_action.triggered.connect(self.focus_search)
        self.addAction(self.search_action)
        self.shortcuts_action = QAction("", self)
        self.shortcuts_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.book_actions: dict[str, QAction] = {}
        for key, f_key in BOOK_KEYS.items():
            action = QAction(self)
            action.setShortcut(QKeySequence(f_key))
            action.triggered.connect(lambda _checked=False, page=key: self.open_page(page))
            self.addAction(action)
            self.book_actions[key] = action

    def retranslate(self) -> None:
        """Set every text of the shell in the current language."""
        self.setWindowTitle(self.tr("Service Counter — DEMO STORE (made-up data, not your "
                                    "store)") if self.demo else self.tr("Service Counter"))
        self.demo_button.setText(self.tr("Demo store — leave it and set up my store"))
        self.menuBar().clear()
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.switch_action.setText(self.tr("&Switch user…"))
        self.preferences_action.setText(self.tr("&Preferences…"))
        self.quit_action.setText(self.tr("&Quit"))
        file_menu.addAction(self.switch_action)
        file_menu.addAction(self.preferences_action)
        self.caller_id_action.setText(self.tr("&Caller ID…"))
        file_menu.addAction(self.caller_id_action)
        self.messages_action.setText(self.tr("&Messages to customers…"))
        file_menu.addAction(self.messages_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Service Counter"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts") + "\tF1")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)
        self.search_edit.setPlaceholderText(
            self.tr("Scan a receipt or search calls, customers, phones…  (F3)"))
        self.user_button.setToolTip(self.tr("Switch user (F2)"))
        self._update_status()

    # pages -------------------------------------------------------------------------------
    def visible_entries(self) -> list[PageEntry]:
        """The books the logged-in user may open, in sidebar order."""
        branch = self.session.ctx.actor.branch_id
        return [e for e in registry.PAGES
                if registry.visible_to(e, self.session.may, branch_id=branch)]

    def visible_page_keys(self) -> list[str]:
        return [entry.key for entry in self._entries]

    def _rebuild_sidebar(self, wanted: str | None = None) -> None:
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        self._entries = self.visible_entries()
        for entry in self._entries:
            item = QListWidgetItem(icon(entry.icon), page_title(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setSizeHint(QSize(0, 44))
            self.sidebar.addItem(item)
        self.sidebar.blockSignals(False)
        self._fit_sidebar()
        keys = self.visible_page_keys()
        if keys:
            self.open_page(wanted if wanted in keys else keys[0])

    def _fit_sidebar(self) -> None:
        """Wide enough for the longest title in the current language (never cut off)."""
        metrics = self.sidebar.fontMetrics()
        titles = [self.sidebar.item(i).text() for i in range(self.sidebar.count())]
        longest = max((metrics.horizontalAdvance(t) for t in titles), default=100)
        # icon, icon gap, item padding and margins (style.py), frame and a little air
        self.sidebar.setMinimumWidth(longest + 24 + 8 + 2 * 12 + 2 * 8 + 2 + 24)

    def _drop_pages(self) -> None:
        for page in self._pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()

    def page(self, key: str) -> QWidget | None:
        """The page built for ``key`` (None if not opened yet for this user)."""
        return self._pages.get(key)

    def current_page_key(self) -> str | None:
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def open_page(self, key: str) -> QWidget | None:
        """Show the book ``key`` (building it on first open); None if the user may not."""
        keys = self.visible_page_keys()
        if key not in keys:
            return None
        row = keys.index(key)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # comes back through _row_chosen
        else:
            self._show(self._entries[row])
        return self._pages.get(key)

    def _row_chosen(self, row: int) -> None:
        if 0 <= row < len(self._entries):
            self._show(self._entries[row])

    def _show(self, entry: PageEntry) -> None:
        page = self._pages.get(entry.key)
        if page is None:
            page = self._build_page(entry)
            self._pages[entry.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.settings.set_value("main/page", entry.key)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    def _build_page(self, entry: PageEntry) -> QWidget:
        factory = load_page_factory(entry)
        if factory is None:
            return PlaceholderPage(self.stack)
        page = factory(self.session, self.stack)
        page.setObjectName(f"page_{entry.key}")
        return page

    # search ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _search_entered(self) -> None:
        text = self.search_edit.text().strip()
        if text:
            self.global_search.emit(text)

    def search_in_books(self, text: str) -> None:
        """A search or scan: a document number (call, voucher, receipt, repair card, payment,
        invoice, complaint, contract, survey card; with or without its letter) opens that
        record; anything else is searched in the call-log book."""
        found = find_service.find_by_number(self.session.ctx, text)
        if found:
            open_found(self, found[0])
            others = ", ".join(f"{kind_text(f.kind)} {f.number}" for f in found[1:])
            if others:
                self.statusBar().showMessage(
                    self.tr("Also with this number: {others}").format(others=others), 10000)
            return
        if find_service.looks_like_number(text):
            self.statusBar().showMessage(
                self.tr("Nothing has the number {number}.").format(number=text.strip()), 10000)
            self.search_edit.selectAll()
            return
        page = self.open_page(SEARCH_PAGE)
        search = getattr(page, "search", None)
        if callable(search):
            search(text)
        else:
            self.statusBar().showMessage(self.tr("Nothing here can search for that yet."), 5000)

    # users ---------------------------------------------------------------------------------
    def switch_user(self) -> None:
        """F2: pick a user by digit, type the password, Enter."""
        if self.switch_dialog is not None and self.switch_dialog.isVisible():
            return
        dialog = SwitchUserDialog(self.session, self)
        dialog.accepted.connect(lambda: self._switched(dialog.actor))
        dialog.finished.connect(dialog.deleteLater)
        self.switch_dialog = dialog
        dialog.open()

    def _switched(self, actor: Actor | None) -> None:
        self.switch_dialog = None
        if actor is not None:
            old = self.session.ctx
            self.session.set_context(ServiceContext(old.db, actor, tz=old.tz, clock=old.clock))

    def _user_changed(self) -> None:
        wanted = self.current_page_key()
        self._drop_pages()
        self._rebuild_sidebar(wanted)
        self._update_status()

    def _update_status(self) -> None:
        db = self.session.db
        self.database_label.setText(self.tr("Database: {name}").format(name=short_db_name(db)))
        self.database_label.setToolTip(db.display_name)
        self.station_label.setText(
            self.tr("Workstation: {name}").format(name=config.workstation()))
        actor = self.session.ctx.actor
        text = f"{actor.display_name} · {label('role', actor.role.value)}"
        self.user_label.setText(self.tr("User: {name}").format(name=text))
        self.user_button.setText(text)

    # preferences, about ------------------------------------------------------------------
    def open_preferences(self) -> None:
        dialog = PreferencesDialog(self.language, self)
        dialog.accepted.connect(lambda: self.apply_language(dialog.language, save=True))
        dialog.finished.connect(dialog.deleteLater)
        self.preferences_dialog = dialog
        dialog.open()

    def apply_language(self, language: str, *, save: bool = False) -> None:
        """Switch the interface language: new translator, shell retranslated, pages rebuilt."""
        if save:
            self.settings.set_language(language)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.language = install_translator(app, language)
        self.retranslate()
        self._user_changed()
        self.language_changed.emit(self.language)

    def shortcuts_text(self) -> str:
        """The Help → Keyboard shortcuts sheet (HTML)."""
        rows = [("F1", self.tr("This list of shortcuts")),
                ("F2", self.tr("Switch user")),
                ("F3", self.tr("Find: a number (call, voucher, receipt, card, payment, invoice, "
                               "complaint, contract) opens it; other text searches the book")),
                ("F4", self.tr("Call-log book")), ("F5", self.tr("Refresh the list")),
                ("F6", self.tr("Carry-in items")), ("F7", self.tr("Dispatch board")),
                ("F8", self.tr("My jobs")), ("F9", self.tr("Money")),
                ("Ctrl+N", self.tr("New call (in the book)")),
                ("Ctrl+E", self.tr("Edit the selected call")),
                ("Ctrl+H", self.tr("History of the selected record")),
                ("Ctrl+U", self.tr("Customer file")),
                ("Ctrl+Shift+D", self.tr("Cancel the selected call")),
                ("Enter", self.tr("Save the form (on a button: press it)")),
                ("Esc", self.tr("Close the form (asks first if you typed something)")),
                ("Tab / Shift+Tab", self.tr("Next / previous field")),
                ("Alt+" + self.tr("underlined letter"), self.tr("Go to that field or button")),
                (QKeySequence(QKeySequence.StandardKey.Quit).toString(), self.tr("Quit"))]
        body = "".join(f"<tr><td><b>{keys}</b></td><td>{what}</td></tr>" for keys, what in rows)
        return f"<table cellspacing='6'>{body}</table>"

    def show_shortcuts(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"),
                          self.shortcuts_text(), QMessageBox.StandardButton.Close, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.finished.connect(box.deleteLater)
        box.open()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Service Counter"), self.tr(
            "<h3>Service Counter {version}</h3>"
            "<p>The after-sales service counter of a store: call-log book, dispatch, "
            "repairs, money and reports.</p>").format(version=__version__))

    # layout memory -----------------------------------------------------------------------
    def _first_page(self) -> str:
        """The book left open last time on this PC; on a PC without one, the Today page
        while the store's set-up has steps left (its checklist is there), else the book."""
        remembered = self.settings.value("main/page")
        if remembered:
            return remembered
        return PageKey.TODAY if checklist_due(self.session, self.settings) else SEARCH_PAGE

    def _restore_layout(self) -> None:
        if not self.settings.restore_window_state(WINDOW_KEY, self):
            # the first start on this PC: the whole counter screen (1200 px cut the books),
            # as large as the screen even where nothing maximizes windows
            self.setGeometry(available_geometry(self))
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        self.settings.restore_splitter(WINDOW_KEY, self.splitter)
        clamp_to_screen(self)  # remembered on a larger monitor

    def save_layout(self) -> None:
        self.settings.save_window_state(WINDOW_KEY, self)
        self.settings.save_splitter(WINDOW_KEY, self.splitter)
        self.settings.sync()

    def leave_demo_store(self) -> None:
        """Close the demo store; the start goes on with the real store's first start."""
        self.leave_demo = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.rings.stop()
        self.save_layout()
        super().closeEvent(event)

