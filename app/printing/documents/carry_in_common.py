"""Pieces shared by the carry-in forms: the store header from a print pack, item lines, and
the receipt's (or card's) own count of the copies printed."""

from __future__ import annotations

from app.printing.terms import terms_or_default
from app.printing.text import pt
from app.services.carry_in_dto import CarryInDTO
from app.services.dto import VoidInfo


def terms_text(terms: str) -> str:
    """The store's terms (setting "store.terms"), else the default in resources/terms."""
    return terms_or_default(terms)


def accessories_text(job: CarryInDTO) -> str:
    parts = [*job.accessories, *([job.accessories_note] if job.accessories_note else [])]
    return "、".join(parts) or pt("None")


def item_text(job: CarryInDTO) -> str:
    return f"{job.model_code} {job.model_name}"


def receipt_void(job: CarryInDTO) -> VoidInfo | None:
    """The receipt (and its card) no longer hold once the item went back: when and why."""
    if job.in_store:
        return None
    at = job.returned.returned_at if job.returned is not None else job.taken_in_at
    reason = (pt("Item returned on an identity check; the receipt was lost")
              if job.receipt_lost
              else pt("Item returned; the receipt was taken back"))
    return VoidInfo(at, reason)
