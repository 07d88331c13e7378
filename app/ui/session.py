"""The GUI's hold on the logged-in user and the database: one object every page receives."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.db.database import Database
from app.services.context import ServiceContext
from app.services.permissions import Perm, allowed


class AppSession(QObject):
    """Carries the current ServiceContext; announces user switches and data changes.

    Pages call services with ``session.ctx`` and emit ``data_changed(topic)`` after an
    operation ("calls", "customers", "reference", …) so other open lists refresh.
    """

    user_changed = Signal()
    data_changed = Signal(str)

    def __init__(self, db: Database, ctx: ServiceContext | None = None) -> None:
        super().__init__()
        self.db = db
        self._ctx = ctx
        if db.guard is not None:
            from app.ui.file_dialogs import protect_store

            protect_store(db.guard.path)

    @property
    def ctx(self) -> ServiceContext:
        assert self._ctx is not None, "nobody is logged in"
        return self._ctx

    def set_context(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self.user_changed.emit()

    def may(self, perm: Perm) -> bool:
        """For hiding what the user may not do; the services check again."""
        return self._ctx is not None and allowed(self._ctx.actor, perm)
