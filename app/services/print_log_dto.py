"""A document as the print trail records its copies, and the hooks its service gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services.context import ServiceContext

# (session, ctx, number): a copy of document ``number`` left the app; the service that owns
# its record notes it (a receipt's copy count, a notice's sending date) in the same transaction
OutputRecorder = Callable[["Session", ServiceContext, str], None]
# (ctx, number): the copies of document ``number`` its own record counted (before the trail)
CopyCounter = Callable[[ServiceContext, str], int]


@dataclass(frozen=True)
class PrintedDocument:
    """A kind of document as the trail records its copies, whatever paper they are on."""

    name: str  # its one history ("payment-receipt", also for the A5 copy)
    papers: frozenset[str] = frozenset()  # the kinds that print it (older trails keyed by them)
    record_output: OutputRecorder | None = None
    copies: CopyCounter | None = None
