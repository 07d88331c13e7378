"""The UserError family, as the services have always imported it.

The family lives in app/errors.py: the database layer, printing and export raise it too, and
they import nothing from the services. New code imports app.errors.
"""

from app.errors import (
    AuthError,
    BusyError,
    ConflictError,
    DatabaseLostError,
    NotFound,
    PermissionDenied,
    ServerUnreachableError,
    UserError,
    ValidationError,
)

__all__ = ["AuthError", "BusyError", "ConflictError", "DatabaseLostError", "NotFound",
           "PermissionDenied", "ServerUnreachableError", "UserError", "ValidationError"]
