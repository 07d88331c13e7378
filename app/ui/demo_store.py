""""Try the demo store" (试用演示门店): the demo builder's store in a file of its own, beside
the real store and never in it, opened as its administrator.

The file is ``demo_store.sqlite`` in the data folder; it is built once (a few seconds, with
a progress dialog) and opened again the next time. Every window on it says "demo store"
(``setup_checklist.is_demo``) and offers the way back to the real store's set-up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from app import config
from app.bootstrap import open_database, sqlite_file_of
from app.db.database import Database
from app.services import auth_service
from app.services.context import Actor

DEMO_FILE = "demo_store.sqlite"
DEMO_CALLS = 300
DEMO_USER, DEMO_PASSWORD = "admin", "admin123"  # app/demo/data.py STAFF


def demo_path() -> Path:
    return config.data_dir() / DEMO_FILE


def is_real_store(path: Path, real_url: str) -> bool:
    real = sqlite_file_of(real_url)
    return real is not None and real.resolve() == path.resolve()


def open_demo_store(real_url: str, parent: QWidget | None = None, *,
                    calls: int | None = None, path: Path | None = None) -> Database | None:
    """The demo store, built if new; None if the user cancelled the build (the half-built
    file is removed, so the next try starts afresh)."""
    from app.demo import generate, holds_data

    path = path or demo_path()
    if is_real_store(path, real_url):  # never the real store's file
        raise ValueError(f"the demo store cannot be built in the store's file {path}")
    db = open_database(str(path), create="always")
    if holds_data(db):
        return db
    progress = QProgressDialog(
        QCoreApplication.translate("DemoStore", "Building the demo store…"),
        QCoreApplication.translate("DemoStore", "Cancel"), 0, 1000, parent)
    progress.setWindowTitle(QCoreApplication.translate("DemoStore", "Demo store"))
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)

    def report(done: int, total: int, _message: str) -> None:
        progress.setValue(done * 1000 // max(total, 1))
        QApplication.processEvents()

    summary = generate(db, calls=DEMO_CALLS if calls is None else calls, progress=report,
                       cancel=progress.wasCanceled)
    progress.close()
    progress.deleteLater()
    if summary.cancelled:
        db.dispose()
        for leftover in (path, path.with_name(path.name + "-wal"),
                         path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        return None
    return db


def demo_actor(db: Database) -> Actor:
    """The demo store's administrator, logged in."""
    return auth_service.log_in(db, DEMO_USER, DEMO_PASSWORD, workstation=config.workstation())
