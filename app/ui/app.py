"""Starting the GUI: application, font and look, language, database, first admin, log-in."""

from __future__ import annotations

import errno
import logging
import os
import sys
import threading
import traceback
from types import TracebackType
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app import __version__, config
from app.bootstrap import open_database, settle_heap
from app.db.backup_file import BackupFolderError
from app.db.database import Database
from app.db.known_databases import MissingDatabase
from app.db.migrate import SchemaError
from app.logging_setup import configure_logging
from app.services import auth_service
from app.services.context import Actor, ServiceContext
from app.ui.backup_scheduler import BackupScheduler, backup_failure_text
from app.ui.dialogs.error_dialog import report_exception
from app.ui.dialogs.first_admin_dialog import FirstAdminDialog
from app.ui.dialogs.login_dialog import LoginDialog
from app.ui.errors import user_message
from app.ui.fonts import install_app_font
from app.ui.language import install_translator, resolve_language
from app.ui.main_window import MainWindow
from app.ui.screen_fit import install_screen_fit
from app.ui.session import AppSession
from app.ui.settings_store import SettingsStore
from app.ui.smoke import install_smoke_quit
from app.ui.style import icon, install_stylesheet

if TYPE_CHECKING:
    from app.services.backup_service import BackupFile

log = logging.getLogger(__name__)
EXIT_CANNOT_OPEN = 2

class StartupError(Exception):
    """The database cannot be used; ``message`` is already in the user's language.

    ``retry``: the database server cannot be reached; trying again may work.
    """

    def __init__(self, message: str, *, retry: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.retry = retry


# application ---------------------------------------------------------------------------------
def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with the names QSettings uses, the bundled font and the look."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setOrganizationName(config.APP_AUTHOR)
    app.setApplicationName(config.APP_NAME)
    app.setApplicationVersion(__version__)
    install_app_font(app)
    install_stylesheet(app)
    install_screen_fit(app)
    app.setWindowIcon(icon("calls"))
    return app


# unexpected errors -----------------------------------------------------------------------------
def handle_exception(exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> None:
    """sys.excepthook of the GUI: log, then apologise (never a raw traceback)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        parent = QApplication.activeWindow()
        report_exception(exc_type, exc, tb, parent)
    except Exception:  # the error dialog itself failed: at least keep the log
        log.exception("could not show the error dialog")


def _log_thread_exception(args: threading.ExceptHookArgs) -> None:
    """Worker threads cannot show dialogs; their errors go to the log (tasks report them)."""
    details = "".join(traceback.format_exception(args.exc_type, args.exc_value,
                                                 args.exc_traceback))
    log.error("unexpected error in thread %s\n%s", getattr(args.thread, "name", "?"), details)


def install_excepthook() -> None:
    sys.excepthook = handle_exception
    threading.excepthook = _log_thread_exception


# database -------------------------------------------------------------------------------------
def _schema_message(exc: SchemaError) -> str:
    if exc.code == "read_only":
        return _read_only_message()
    if exc.code == "too_new":
        return QCoreApplication.translate(
            "Startup", "This database was made by a newer version of Service Counter. "
            "Install the newer version; nothing was changed.")
    return QCoreApplication.translate(
        "Startup", "This file is not a Service Counter database. Nothing was changed.")


def _read_only_message() -> str:
    return QCoreApplication.translate(
        "Startup", "The database cannot be written (the file or its folder is read-only). "
        "Ask your administrator to fix the permissions; nothing was changed.")


def describe_open_error(exc: BaseException) -> str | None:
    """The translated reason a database cannot be opened, or None for a bug."""
    if isinstance(exc, SchemaError):
        return _schema_message(exc)
    if isinstance(exc, BackupFolderError):  # the copy taken before an upgrade
        return QCoreApplication.translate(
            "Startup", "{reason}\n\nThis version must upgrade the database and backs it up "
            "first; the backup failed, so nothing was changed.").format(
            reason=user_message(exc))
    server = _server_message(exc)
    if server is not None:
        return server
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if "readonly" in text or "read-only" in text or code in (errno.EROFS, errno.EACCES):
        return _read_only_message()
    if "disk is full" in text or code == errno.ENOSPC:
        return QCoreApplication.translate(
            "Startup", "The disk holding the database is full. Free some space and start "
            "again; nothing was changed.")
    if "unable to open database" in text:
        return QCoreApplication.translate(
            "Startup", "The database file cannot be opened. Check that its folder exists "
            "and that you may write to it.")
    return None


def _unreachable(exc: BaseException) -> bool:
    from app.db.pglink import is_link_lost
    from app.errors import ServerUnreachableError

    return isinstance(exc, ServerUnreachableError) or is_link_lost(exc)


def _server_message(exc: BaseException) -> str | None:
    """A PostgreSQL server that cannot be reached, or refuses the log-in or the TLS link."""
    from sqlalchemy.exc import DBAPIError

    from app.db.pglink import redact

    if _unreachable(exc):
        return QCoreApplication.translate(
            "Startup", "The database server cannot be reached. Check the network and that "
            "the server is running, then start again; nothing was changed.")
    if isinstance(exc, DBAPIError) and getattr(exc.orig, "__module__", "").startswith("psycopg"):
        text = str(exc.orig).lower()
        log.error("the database server refused the connection: %s", redact(exc.orig))
        if "password" in text:
            why = QCoreApplication.translate(
                "Startup", "the password is wrong or missing (service-counter db-password).")
        elif "certificate" in text or "ssl" in text:
            why = QCoreApplication.translate(
                "Startup", "the server's certificate was not accepted (sslrootcert, sslmode).")
        elif "pg_hba" in text:
            why = QCoreApplication.translate(
                "Startup", "the server does not let this user connect from this PC.")
        else:
            return None
        return QCoreApplication.translate(
            "Startup", "The database server refused the connection: {reason} Nothing was "
            "changed; see the README, \"PostgreSQL\".").format(reason=why)
    return None


def open_store_database(db_url: str | None, *, create: str | None = None) -> Database:
    """Open and migrate the database; known problems become a StartupError.

    A missing file raises ``MissingDatabase`` (nothing is created) unless it is the default
    file at a first start, or ``create="always"`` (the user chose a new, empty store).
    """
    url = config.database_url(db_url)
    if create is None:
        explicit = bool(db_url or os.environ.get(config.DB_ENV))
        create = "never" if explicit else "new"
    try:
        return open_database(url, create=create)  # refuses foreign/newer/read-only untouched
    except MissingDatabase:
        raise
    except Exception as exc:
        message = describe_open_error(exc)
        if message is None:
            raise
        log.error("cannot open database %s: %s", url, exc)
        raise StartupError(message, retry=_unreachable(exc)) from exc


def open_or_ask(db_url: str | None) -> Database | None:
    """Open the store; a missing file is asked about (restore, another file, a server, a new
    store). A server chosen there is remembered as this PC's database (``config.pc_server``).

    None: the user quit, or the database cannot be used (already said).
    """
    from app.services import backup_service
    from app.ui.dialogs.missing_database_dialog import (
        MissingDatabaseDialog,
        choose_database_file,
    )
    from app.ui.pages.backup_page import backup_folder

    url, create, restored = db_url, None, None
    while True:
        try:
            db = open_store_database(url, create=create)
        except MissingDatabase as missing:
            newest = backup_service.newest_backup_of(backup_folder(), missing.path)
            dialog = MissingDatabaseDialog(missing, newest)
            dialog.exec()
            choice = dialog.choice
            if choice == dialog.QUIT:
                return None
            if choice == dialog.RESTORE and newest is not None and _restore(missing, newest):
                url, create, restored = str(missing.path), None, newest.path
            elif choice == dialog.OPEN:
                chosen = choose_database_file(None, missing.path.parent)
                if chosen is not None:
                    url, create = str(chosen), None
            elif choice == dialog.CREATE:
                url, create = str(missing.path), "always"
            elif choice == dialog.SERVER and (server := _open_chosen_server()) is not None:
                return server  # a server chosen here is this PC's from now on
            continue
        except StartupError as err:
            if _try_again(err):
                continue  # the server may be back: the same URL again
            return None
        if restored is not None:
            backup_service.record_restore(db, None, restored,
                                          f"from {restored.name}, in place of a missing file")
        return db


def _restore(missing: MissingDatabase, newest: BackupFile) -> bool:
    """Put the newest backup in place of the missing file; False (said) if it failed."""
    from app.errors import UserError
    from app.services import backup_service

    try:
        backup_service.restore_missing(missing.path, newest.path)
    except UserError as err:
        show_startup_error(user_message(err))
        return False
    return True


def remember_pc_server(url: str, parent: QWidget | None = None) -> bool:
    """Keep ``url`` as this PC's database for the next starts; a failure is said."""
    try:
        config.set_pc_server(url)
    except (OSError, ValueError) as exc:
        log.error("cannot remember this PC's database server: %s", exc)
        QMessageBox.warning(parent, QCoreApplication.translate("Startup", "Service Counter"),
                            QCoreApplication.translate(
                                "Startup", "This PC could not note the server for the next "
                                "starts; connect to it again then."))
        return False
    return True


def new_pc(db_url: str | None) -> bool:
    """This PC's very first start: nothing named (--db, SERVICE_COUNTER_DB), no server
    remembered, and this PC's own file neither there nor ever used."""
    from app.db import known_databases

    if config.database_source(db_url) != "file":
        return False
    path = config.default_database_file()
    return not path.exists() and known_databases.last_used(path) is None


def open_on_a_new_pc() -> Database | int:
    """Ask where the store is (a new one on this PC, the default, or the company's server)
    and open it; a server that opens is remembered. An int: the exit code (0: the user
    closed the question)."""
    from app.ui.dialogs.store_choice_dialog import StoreChoiceDialog

    while True:
        dialog = StoreChoiceDialog()
        dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        if choice == StoreChoiceDialog.LOCAL:
            db = open_or_ask(None)
            return db if db is not None else EXIT_CANNOT_OPEN
        if choice != StoreChoiceDialog.SERVER:
            return 0
        server = _open_chosen_server()
        if server is not None:
            return server


def _open_chosen_server() -> Database | None:
    """Ask for the company's server and open it; once it opens, this PC keeps it for the
    next starts. None: cancelled, or it cannot be used (said already)."""
    url = _server_from_dialog()
    while url:
        try:
            db = open_store_database(url)
        except StartupError as err:
            if _try_again(err):
                continue
            return None
        remember_pc_server(url)
        return db
    return None


def _server_from_dialog() -> str | None:
    """Ask for a database server; its URL (no password), or None if cancelled."""
    from app.ui.dialogs.server_dialog import ServerDialog

    server = ServerDialog()
    return server.url if server.exec() and server.url else None


def _try_again(err: StartupError) -> bool:
    """A server that cannot be reached: ask whether to try again; anything else: say it."""
    if err.retry:
        return ask_retry(err.message)
    show_startup_error(err.message)
    return False


def ask_retry(message: str, parent: QWidget | None = None) -> bool:
    """The server cannot be reached at start: try again (True) or quit."""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("Startup", "Service Counter cannot start"),
                      message, QMessageBox.StandardButton.NoButton, parent)
    again = box.addButton(QCoreApplication.translate("Startup", "Try again"),
                          QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Startup", "Quit"),
                  QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(again)
    box.exec()
    return box.clickedButton() is again


def show_startup_error(message: str, parent: QWidget | None = None) -> None:
    title = QCoreApplication.translate("Startup", "Service Counter cannot start")
    QMessageBox.critical(parent, title, message)


# first start, log-in, main window -------------------------------------------------------------
def ensure_first_admin(db: Database, parent: QWidget | None = None) -> str | None:
    """First start: ask for the admin account.

    Returns the new admin's user name, "" when accounts already exist, None if the user quit.
    """
    if auth_service.has_users(db):
        return ""
    dialog = FirstAdminDialog(db, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.created is None:
        return None
    return dialog.created.username


def ask_log_in(db: Database, settings: SettingsStore, username: str = "") -> Actor | None:
    dialog = LoginDialog(db, username=username or settings.last_username())
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    settings.set_last_username(dialog.actor.username)
    return dialog.actor


def make_context(db: Database, actor: Actor) -> ServiceContext:
    """A context in the store's time zone (from the store profile)."""
    from app.services import reference_service

    ctx = ServiceContext(db, actor)
    try:
        ctx.tz = ZoneInfo(reference_service.get_store_profile(ctx).timezone)
    except Exception:  # a broken profile must not keep the counter closed
        log.exception("store time zone unavailable; using %s", ctx.tz)
    return ctx


def build_main_window(db: Database, actor: Actor, settings: SettingsStore,
                      language: str) -> MainWindow:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install_screen_fit(app)
    session = AppSession(db, make_context(db, actor))
    return MainWindow(session, settings, language=language)


def start_session(db: Database, settings: SettingsStore, language: str) -> MainWindow | None:
    """First start (admin account, the store's set-up, or the demo store), log-in, main
    window; None if the user quit."""
    admin_name = ""
    if not auth_service.has_users(db):
        dialog = FirstAdminDialog(db)
        code = dialog.exec()
        if code == FirstAdminDialog.DEMO:
            return open_demo_window(db, settings, language)
        if code != QDialog.DialogCode.Accepted or dialog.created is None:
            return None
        if dialog.actor is not None:
            run_setup(db, dialog.actor, settings)
        admin_name = dialog.created.username
    actor = ask_log_in(db, settings, admin_name)
    if actor is None:
        return None
    return build_main_window(db, actor, settings, language)


def run_setup(db: Database, actor: Actor, settings: SettingsStore) -> None:
    """The store's set-up after the first start (each step saved as it is left; closing
    it leaves the rest on the Today page's checklist)."""
    from app.services import setup_checklist
    from app.ui.pages.setup_wizard import SetupWizard

    ctx = make_context(db, actor)
    setup_checklist.begin(ctx)  # the checklist stays on the Today page until done
    wizard = SetupWizard(AppSession(db, ctx), settings=settings)
    wizard.exec()
    wizard.deleteLater()


def open_demo_window(real: Database, settings: SettingsStore,
                     language: str) -> MainWindow | None:
    """"Try the demo store": the demo file (built if new) as its administrator; the real
    store's file is not touched. The window says "demo store" and can leave for the real
    store's first start (``MainWindow.leave_demo``)."""
    from app.ui.demo_store import demo_actor, open_demo_store

    try:
        demo = open_demo_store(real.engine.url.render_as_string(hide_password=False))
    except Exception as exc:
        message = describe_open_error(exc)
        if message is None:
            raise
        show_startup_error(message)
        return None
    if demo is None:  # the build was cancelled: back to the first start
        return start_session(real, settings, language)
    return build_main_window(demo, demo_actor(demo), settings, language)


def take_daily_backup(db: Database, parent: QWidget | None = None) -> bool:
    """The first start of each day backs the store up; a failure is said loudly, and the
    counter still opens (the schedule tries again while the app runs)."""
    from datetime import datetime

    from app.services import backup_service
    from app.ui.pages.backup_page import backup_folder

    if not db.is_sqlite:
        return True
    try:
        backup_service.daily_backup_if_due(db, backup_folder(), datetime.now())
    except Exception as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("Backup", "Backup failed"),
                            backup_failure_text(exc))
        return False
    return True


def start_backup_schedule(db: Database, window: QWidget, *, warned: bool) -> BackupScheduler:
    """Back up daily while the app runs (a failure already shown at start is not repeated)."""
    from datetime import date

    from app.ui.pages.backup_page import backup_folder

    scheduler = BackupScheduler(db, backup_folder, parent=window,
                                warned_on=date.today() if warned else None)
    scheduler.start()
    return scheduler


def run_gui(db_url: str | None, lang: str | None) -> int:
    """Start the GUI; returns the process exit code (2: the database cannot be used)."""
    configure_logging()
    app = create_application()
    install_smoke_quit(app)  # SERVICE_COUNTER_SMOKE_QUIT_MS: packaging and CI start checks
    settings = SettingsStore()
    language = install_translator(app, resolve_language(lang, settings))
    install_excepthook()
    opened = open_on_a_new_pc() if new_pc(db_url) else open_or_ask(db_url)
    if isinstance(opened, int):
        return opened
    if opened is None:
        return EXIT_CANNOT_OPEN
    db = opened
    backed_up = take_daily_backup(db)
    while True:
        window = start_session(db, settings, language)
        if window is None:
            db.dispose()
            return 0
        scheduler = start_backup_schedule(db, window, warned=not backed_up)
        window.show()
        settle_heap()
        code = app.exec()
        scheduler.stop()
        if not window.leave_demo:
            break
        window.session.db.dispose()  # the demo store; its window asked for the real one
        window.deleteLater()
    db.dispose()
    return code
