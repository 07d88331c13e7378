"""The carry-in kinds: print pack and copy count by number, through the services."""

from __future__ import annotations

from functools import partial

from app.printing.registry import CopyCounter, OutputRecorder
from app.printing.terms import terms_or_default
from app.services import carry_in_service
from app.services.carry_in_dto import PrintPack
from app.services.context import ServiceContext
from app.services.reference_service import get_receipt_terms


def pack_by_number(ctx: ServiceContext, number: str, document: str) -> PrintPack:
    """What the receipt or tag of receipt (or card) ``number`` prints as its next copy."""
    job = carry_in_service.find_by_number(ctx, number)
    return carry_in_service.print_pack(ctx, job.receipt_id, document=document)


def copy_recorder(document: str) -> OutputRecorder:
    """The kind's ``record_output``: a copy that left is counted on the receipt or card."""
    return partial(carry_in_service.count_copy, document=document)


def copy_counter(document: str) -> CopyCounter:
    """The kind's ``copies``: the receipt's or card's print count (kept by every version)."""
    return partial(carry_in_service.copies_printed, document=document)


def receipt_terms(ctx: ServiceContext) -> str:
    """The terms printed on receipts: the store's setting "store.terms", else the default."""
    return terms_or_default(get_receipt_terms(ctx).text)
