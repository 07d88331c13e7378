"""The UserError family: bad input, forbidden action, conflict, not found, busy.

Anything else raised by a service is a bug: rolled back, logged, shown as an apology.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.i18n import N_


class UserError(Exception):
    """A message for the user (an English source text, translated by the UI) and its field."""

    def __init__(self, message: str, *, field: str | None = None, **params: Any) -> None:
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.field = field
        self.params = params

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        """The message in the user's language, with its parameters filled in."""
        translated = translate(self.message)
        return translated.format(**self.params) if self.params else translated


class ValidationError(UserError):
    """Input that breaks a rule; ``field`` names the input at fault."""


class PermissionDenied(UserError):
    def __init__(self, action: str = "") -> None:
        super().__init__(N_("You are not allowed to do this ({action})."), action=action)


class NotFound(UserError):
    """A record that does not exist (or no longer does)."""


class ConflictError(UserError):
    """The record changed since the form was opened; nothing was saved."""

    def __init__(self, *, changed_by: str = "", changed_at: str = "") -> None:
        super().__init__(
            N_(
                "Someone else changed this record ({changed_by}, {changed_at}) after you "
                "opened it. Nothing was saved: reopen it and apply your change again."
            ),
            changed_by=changed_by or "?",
            changed_at=changed_at or "?",
        )


class BusyError(UserError):
    def __init__(self) -> None:
        super().__init__(
            N_("The database is busy with another counter. Nothing was saved: try again.")
        )


class AuthError(UserError):
    """Log-in refused; the message never says whether the user name exists."""


class DatabaseLostError(UserError):
    """The store's file was deleted, moved, replaced or unlocked under the running app.

    Raised by ``Database.write`` (app/db/file_guard.py finds it); nothing more is written
    until the app restarts. The message says what happened, whether the action was saved,
    and what to do.
    """

    WHAT = {
        "missing": N_("The database file {path} was deleted or moved while Service Counter "
                      "was running."),
        "replaced": N_("The database file {path} was replaced by another file while Service "
                       "Counter was running."),
        "journal": N_("The database's journal files ({path}-wal, -shm) were deleted or "
                      "replaced while Service Counter was running."),
        "locks": N_("Service Counter lost its locks on the database file {path} (a program "
                    "opened and closed the file), so another counter could overwrite it."),
    }
    NOTHING_SAVED = N_("Nothing was saved.")
    MAYBE_LOST = N_("Your last action may not have been saved.")
    ADVICE = N_("To protect the store's records nothing more can be saved: close Service "
                "Counter and start it again, then check your last action.")

    def __init__(self, reason: str, path: str, *, committed: bool = False) -> None:
        self.reason = reason
        self.parts = (self.WHAT.get(reason, self.WHAT["missing"]),
                      self.MAYBE_LOST if committed else self.NOTHING_SAVED, self.ADVICE)
        super().__init__(" ".join(self.parts), path=path)

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return " ".join(translate(part).format(**self.params) for part in self.parts)


class ServerUnreachableError(UserError):
    """The PostgreSQL server cannot be reached, or the link broke during the action.

    Raised by ``Database.write`` and the reads (app/db/pglink.py tells a lost link from other
    errors). The transaction was rolled back, unless the link broke while the commit was on
    its way (``maybe_saved``): then the server may have kept it. An action that carries a
    form's token (``retry_safe``, idempotency.py) finds what it saved when the form is saved
    again; any other asks the user to look before saving again.
    """

    LOST = N_("The connection to the database server was lost (the server or the network "
              "is down).")
    NOTHING_SAVED = N_("Nothing was saved; what you typed is still in the window: save again "
                       "when the server is back.")
    MAYBE_SAVED = N_("The link broke while saving, so the server may have kept it. What you "
                     "typed is still in the window: save again when the server is back, it "
                     "will not be recorded twice.")
    MAYBE_SAVED_CHECK = N_("The link broke while saving, so the server may have kept it. What "
                           "you typed is still in the window: when the server is back, look "
                           "whether it was saved (reopen the book) before saving it again.")
    READING = N_("Try again when the server is back.")

    def __init__(self, *, maybe_saved: bool = False, reading: bool = False,
                 retry_safe: bool = False) -> None:
        self.maybe_saved = maybe_saved
        if reading:
            outcome = self.READING
        elif maybe_saved:
            outcome = self.MAYBE_SAVED if retry_safe else self.MAYBE_SAVED_CHECK
        else:
            outcome = self.NOTHING_SAVED
        self.parts = (self.LOST, outcome)
        super().__init__(" ".join(self.parts))

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return " ".join(translate(part) for part in self.parts)
