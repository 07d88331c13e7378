"""The print trail by kind name: which document a kind prints, then ``print_log_service``.

The service records copies of documents and knows nothing of forms; the print path (the
preview's Print and Save, the keystroke, ``main.py print``) and the tests speak of kinds
("payment-receipt-a5", "voucher"), which the registry turns into the document they print::

    reprint = trail.was_printed(ctx, "payment-receipt-a5", "P2611-0001")
    trail.record_print(ctx, "payment-receipt-a5", "P2611-0001", reprint=reprint)
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from app.printing.registry import printed_document
from app.services import print_log_service
from app.services.print_log_service import SAVE_ACTION, PrintEvent

if TYPE_CHECKING:
    from app.services.context import ServiceContext

__all__ = ["SAVE_ACTION", "PrintEvent", "print_history", "printed_before", "record_print",
           "record_prints", "was_printed"]


def record_print(ctx: ServiceContext, kind: str, number: str, *, reprint: bool,
                 action: str = "print", detail: str = "") -> None:
    """One copy of document ``number`` printed as ``kind`` left the app (see the service)."""
    print_log_service.record_print(ctx, printed_document(kind), number, reprint=reprint,
                                   action=action, detail=detail)


def record_prints(ctx: ServiceContext, kind: str, numbers: Sequence[str], *,
                  reprinted: Collection[str] = (), action: str = "print",
                  detail: str = "") -> None:
    print_log_service.record_prints(ctx, printed_document(kind), numbers, reprinted=reprinted,
                                    action=action, detail=detail)


def was_printed(ctx: ServiceContext, kind: str, number: str) -> bool:
    return print_log_service.was_printed(ctx, printed_document(kind), number)


def printed_before(ctx: ServiceContext, kind: str, numbers: Sequence[str]) -> frozenset[str]:
    return print_log_service.printed_before(ctx, printed_document(kind), numbers)


def print_history(ctx: ServiceContext, kind: str, number: str) -> list[PrintEvent]:
    return print_log_service.print_history(ctx, printed_document(kind), number)
