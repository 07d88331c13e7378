"""The command line: ``python main.py`` starts the GUI; subcommands (demo, …) run without Qt.

Adding a subcommand: write ``app/commands/NAME_cmd.py`` defining ``COMMAND = Command(name,
help, add_arguments, run)`` (``app.commands.base``) and add it to ``COMMANDS``. ``run(args)``
returns the exit code (``EXIT_OK``, ``EXIT_FAILED``, ``EXIT_USAGE``) or raises ``CliError``;
``args.db`` (global ``--db`` or the subcommand's own) and ``args.lang`` are always set. Keep
heavy imports (Qt above all) inside ``run``. Messages go through ``tr()`` (``N_`` marks them
for ``tools/i18n.py``; their Chinese lives in ``resources/i18n/zh_CN/*.tsv``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from app import __version__
from app.commands import (
    backup_cmd,
    check_cmd,
    db_password_cmd,
    export_cmd,
    migrate_data_cmd,
    print_cmd,
    restore_cmd,
)
from app.commands.base import (
    DEFAULT_LANG,
    EXIT_FAILED,
    EXIT_USAGE,
    LANGS,
    CliError,
    Command,
    complain,
    set_language,
    tr,
)
from app.demo import command as demo_cmd
from app.i18n import N_

# Every subcommand, in the order --help lists them (a test holds it to app/commands/*_cmd.py).
COMMANDS: tuple[Command, ...] = (
    demo_cmd.COMMAND,
    print_cmd.COMMAND,
    backup_cmd.COMMAND,
    restore_cmd.COMMAND,
    check_cmd.COMMAND,
    migrate_data_cmd.COMMAND,
    export_cmd.COMMAND,
    db_password_cmd.COMMAND,
)


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
    for command in COMMANDS:
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


def _password_in_url(args: argparse.Namespace) -> str | None:
    """The (redacted) URL given with a password in it, if any."""
    import os

    for value in (getattr(args, "db", None), os.environ.get("SERVICE_COUNTER_DB"),
                  getattr(args, "target", None)):
        if value and "://" in str(value):
            from app.db.pglink import PasswordInUrl, refuse_password

            try:
                refuse_password(str(value))
            except PasswordInUrl as err:
                return str(err)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_early_lang(argv))
    args = build_parser().parse_args(argv)
    refused = _password_in_url(args)
    if refused is not None:
        complain(N_("The database URL {url} holds a password. Passwords are never given on "
                    "the command line or in SERVICE_COUNTER_DB: keep it with "
                    "\"service-counter db-password --db URL\" (the password file, only you "
                    "can read it) and give the URL without it."), url=refused)
        return EXIT_USAGE
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
