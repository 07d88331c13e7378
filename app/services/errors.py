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
