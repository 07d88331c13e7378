"""Translation helpers usable without Qt.

Services mark user-visible messages with ``N_()``; ``tools/i18n.py`` extracts them with
Qt's lupdate (as an alias of QT_TR_NOOP, context "") and the UI translates them at display.
"""

from __future__ import annotations


def N_(text: str) -> str:
    """Mark ``text`` for translation; returns it unchanged."""
    return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; returns it unchanged (typed as str)."""
    del context
    return text
