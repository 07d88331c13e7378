"""The store's default receipt terms (resources/terms), used until the store writes its own."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from app.printing import text

TERMS_DIR = Path(__file__).resolve().parents[2] / "resources" / "terms"


@cache
def _read(language: str) -> str:
    path = TERMS_DIR / f"receipt_terms.{language}.txt"
    if not path.exists():
        path = TERMS_DIR / f"receipt_terms.{text.DEFAULT_LANGUAGE}.txt"
    return path.read_text(encoding="utf-8").strip() if path.exists() else ""


def default_terms(language: str | None = None) -> str:
    """Default terms for the item receipt (客户商品领取收据), one numbered rule per line."""
    return _read(language or text.current_language())


def terms_or_default(store_terms: str) -> str:
    """The store's own terms (setting "store.terms"), else the default text."""
    return store_terms.strip() or default_terms()
