"""Pieces shared by the carry-in forms: the store header from a print pack, item lines."""

from __future__ import annotations

from app.printing.base import StoreHeader
from app.printing.text import N_P, pt
from app.services.carry_in_dto import CarryInDTO, StoreInfo

DEFAULT_TERMS = N_P(
    "1. Keep this receipt: the item is handed back only against it. "
    "2. A customer who lost the receipt must show an identity document and the phone on file. "
    "3. Items not collected within 90 days of the repair notice may be charged for storage. "
    "4. Data on the item is the customer's responsibility; the store does not back it up. "
    "5. The promised date is an estimate; the store will call if a part has to be ordered.")


def header_of(store: StoreInfo) -> StoreHeader:
    return StoreHeader(store.name, store.address, store.phone, store.timezone)


def terms_text(terms: str) -> str:
    return terms.strip() or pt(DEFAULT_TERMS)


def accessories_text(job: CarryInDTO) -> str:
    parts = [*job.accessories, *([job.accessories_note] if job.accessories_note else [])]
    return "、".join(parts) or pt("None")


def item_text(job: CarryInDTO) -> str:
    return f"{job.model_code} {job.model_name}"
