"""The command line: ``python main.py`` starts the GUI; subcommands (demo, …) run without Qt.

Adding a subcommand: write a module that defines ``COMMAND = Command(name, help,
add_arguments, run)`` and append its dotted path to ``COMMAND_MODULES``. ``run(args)``
returns the exit code (``EXIT_OK``, ``EXIT_FAILED``, ``EXIT_USAGE``) or raises ``CliError``;
``args.db`` (global ``--db`` or the subcommand's own) and ``args.lang`` are always set. Keep
heavy imports (Qt above all) inside ``run``. Messages go through ``tr()`` (``N_`` marks them
for ``tools/i18n.py``; their Chinese lives in ``resources/i18n/zh_CN/*.tsv``).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from app import __version__
from app.i18n import N_

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2  # bad usage, or a database that cannot be used
LANGS = ("zh_CN", "en")
DEFAULT_LANG = "zh_CN"

# Modules defining COMMAND; append yours (print, export, backup, restore, check, migrate-data).
COMMAND_MODULES: list[str] = [
    "app.demo.command",
    "app.commands.print_cmd",
    "app.commands.backup_cmd",
    "app.commands.restore_cmd",
    "app.commands.check_cmd",
    "app.commands.migrate_data_cmd",
    "app.commands.export_cmd",
]


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


def commands() -> list[Command]:
    return [importlib.import_module(name).COMMAND for name in COMMAND_MODULES]


def db_option(parser: argparse.ArgumentParser, *, sub: bool) -> None:
    """``--db`` globally and on each subcommand; a subcommand's default never hides the global."""
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS if sub else None,
        help=tr(N_("database file or SQLAlchemy URL (default: SERVICE_COUNTER_DB, "
                   "else the file in the user data folder)")))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="service-counter",
        description=tr(N_("Service Counter (售后服务台): the after-sales service counter. "
                          "Without a command it starts the application.")))
    db_option(parser, sub=False)
    parser.add_argument("--lang", choices=LANGS, default=None,
                        help=tr(N_("language of the interface (zh_CN or en)")))
    parser.add_argument("--version", action="version", version=f"service-counter {__version__}")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in commands():
        sub = subs.add_parser(command.name, help=tr(command.help),
                              description=tr(command.help))
        db_option(sub, sub=True)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def _early_lang(argv: Sequence[str]) -> str:
    """Pick the language before the parser is built, so --help speaks it too."""
    for n, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            argv[n + 1] if arg == "--lang" and n + 1 < len(argv) else None)
        if value in LANGS:
            return value
    return DEFAULT_LANG


def run_gui(args: argparse.Namespace) -> int:
    """Start the application window (Qt is imported only here)."""
    from app.ui.app import run_gui as start

    return int(start(args.db, args.lang) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    global _lang
    argv = list(sys.argv[1:] if argv is None else argv)
    _lang = _early_lang(argv)
    args = build_parser().parse_args(argv)
    try:
        runner: Callable[[argparse.Namespace], int] = getattr(args, "run", run_gui)
        return runner(args)
    except CliError as err:
        print(str(err), file=sys.stderr, flush=True)
        return err.code
    except KeyboardInterrupt:
        complain(N_("Interrupted."))
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
