"""Words on paper: printed forms speak the store's document language (Simplified Chinese).

Source text is English, as everywhere in the app; the translation comes from the same
``resources/i18n/<lang>/*.tsv`` files the i18n tool merges into the Qt catalogue, read here
directly so a PDF made by the command line or a test is the same as one made in the GUI.
"""

from __future__ import annotations

import threading
from pathlib import Path

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
DEFAULT_LANGUAGE = "zh_CN"

_lock = threading.Lock()
_language = DEFAULT_LANGUAGE
_catalogue: dict[str, str] | None = None


def pt(source: str, **params: object) -> str:
    """The printed form of ``source`` (English) with ``{name}`` placeholders filled in."""
    text = _load().get(source, source)
    return text.format(**params) if params else text


def N_P(source: str) -> str:
    """Mark a constant for :func:`pt` without translating it yet (for tables of labels)."""
    return source


def use_language(language: str) -> None:
    """Switch the printed language ("zh_CN"; "en" prints the English source)."""
    global _language, _catalogue
    with _lock:
        _language = language
        _catalogue = None


def current_language() -> str:
    return _language


def _load() -> dict[str, str]:
    global _catalogue
    if _catalogue is None:
        with _lock:
            if _catalogue is None:
                _catalogue = _read_folder(I18N_DIR / _language)
    return _catalogue


def _read_folder(folder: Path) -> dict[str, str]:
    from app.i18n.catalogue import load_tsv

    return load_tsv(folder).generic if folder.is_dir() else {}
