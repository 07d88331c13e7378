"""The GUI's hold on the logged-in user and the database: one object every page receives."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from app.db.database import Database
from app.services.context import ServiceContext
from app.services.permissions import Perm, allowed


class Topic(StrEnum):
    """What changed, as pages announce it (AppSession.changed) and listen for it (touches)."""

    CALLS = "calls"
    CUSTOMERS = "customers"
    REFERENCE = "reference"  # zones, models, hours, store profile, settings
    MONEY = "money"
    CARRY_IN = "carry_in"
    PARTS = "parts"
    INTERNAL_WORK = "internal_work"
    COMPLAINTS = "complaints"
    CONTRACTS = "contracts"
    SURVEYS = "surveys"
    FOLLOWUPS = "followups"
    REGISTERS = "registers"  # feedback analyses and expenses (seed 003 §6 registers)
    ANY = "*"  # anything may have changed: an import, a record copied back from a backup


# A record table → the topic its change concerns (record recovery); others: Topic.ANY.
TABLE_TOPICS = {"calls": Topic.CALLS, "jobs": Topic.CALLS, "customers": Topic.CUSTOMERS,
                "customer_phones": Topic.CUSTOMERS, "items": Topic.CUSTOMERS,
                "zones": Topic.REFERENCE, "product_models": Topic.REFERENCE,
                "bills": Topic.MONEY, "payments": Topic.MONEY, "invoices": Topic.MONEY,
                "item_receipts": Topic.CARRY_IN, "repair_cards": Topic.CARRY_IN,
                "parts": Topic.PARTS, "complaints": Topic.COMPLAINTS,
                "maintenance_contracts": Topic.CONTRACTS, "survey_cards": Topic.SURVEYS,
                "followups": Topic.FOLLOWUPS, "internal_work": Topic.INTERNAL_WORK}


def touches(topic: str, mine: Iterable[Topic]) -> bool:
    """Whether a change announced as ``topic`` concerns a page showing ``mine``."""
    return topic == Topic.ANY or topic in tuple(mine)


class AppSession(QObject):
    """Carries the current ServiceContext; announces user switches and data changes.

    Pages call services with ``session.ctx`` and announce ``changed(Topic.X)`` after an
    operation so other open lists refresh (``data_changed`` carries the topic's value).
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

    def changed(self, topic: Topic) -> None:
        """Announce a change: every page showing ``topic`` (or any page, for Topic.ANY)
        re-reads when it is next visible."""
        self.data_changed.emit(Topic(topic).value)

    def may(self, perm: Perm) -> bool:
        """For hiding what the user may not do; the services check again."""
        return self._ctx is not None and allowed(self._ctx.actor, perm)
