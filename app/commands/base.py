"""What every command shares: exit codes, Command, CliError, and tr/say/complain in its language."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2  # bad usage, or a database that cannot be used
LANGS = ("zh_CN", "en")
DEFAULT_LANG = "zh_CN"


@dataclass(frozen=True)
class Command:
    name: str
    help: str  # English source, marked with N_()
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A message for the user (already translated) and the exit code to leave with."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


_lang = DEFAULT_LANG


@cache
def _translations() -> dict[str, str]:
    from app.i18n.catalogue import messages

    return messages("zh_CN")


def tr(text: str, **params: Any) -> str:
    """The message in the chosen language, with ``{placeholders}`` filled."""
    if _lang == "zh_CN":
        text = _translations().get(text, text)
    return text.format(**params) if params else text


def say(text: str, **params: Any) -> None:
    print(tr(text, **params), flush=True)


def complain(text: str, **params: Any) -> None:
    print(tr(text, **params), file=sys.stderr, flush=True)


def set_language(lang: str) -> None:
    """The language of every message from here on (picked before the parser is built)."""
    global _lang
    _lang = lang
