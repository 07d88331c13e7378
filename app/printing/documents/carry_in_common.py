"""Pieces shared by the carry-in forms: the store header from a print pack, item lines."""

from __future__ import annotations

from app.printing.base import StoreHeader
from app.printing.terms import terms_or_default
from app.printing.text import pt
from app.services.carry_in_dto import CarryInDTO, StoreInfo


def header_of(store: StoreInfo) -> StoreHeader:
    return StoreHeader(store.name, store.address, store.phone, store.timezone)


def terms_text(terms: str) -> str:
    """The store's terms (setting "store.terms"), else the default in resources/terms."""
    return terms_or_default(terms)


def accessories_text(job: CarryInDTO) -> str:
    parts = [*job.accessories, *([job.accessories_note] if job.accessories_note else [])]
    return "、".join(parts) or pt("None")


def item_text(job: CarryInDTO) -> str:
    return f"{job.model_code} {job.model_name}"
