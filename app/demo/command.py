"""``service-counter demo``: fill a database with the demo store, with progress and a summary."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands import open_for_cli
from app.commands.base import EXIT_OK, EXIT_USAGE, CliError, Command, complain, say, tr
from app.i18n import N_

if TYPE_CHECKING:
    from app.db.database import Database


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--calls", type=_count, required=True, metavar="N",
                        help=tr(N_("number of calls in the call-log book (with --branches, "
                                   "the total, shared out over the branches)")))
    parser.add_argument("--branches", type=_branches, default=1, metavar="B",
                        help=tr(N_("build a company of B branches (01 as the single store, "
                                   "then 02, 03…, each with its own staff, customers and "
                                   "calls); default 1")))
    parser.add_argument("--seed", type=int, default=2611, metavar="S",
                        help=tr(N_("random seed: the same seed gives the same store")))
    parser.add_argument("--force", action="store_true",
                        help=tr(N_("build it even if the database holds data (the old file "
                                   "is kept aside as NAME.before-demo-DATE.sqlite)")))


def _branches(text: str) -> int:
    from app.demo import MAX_BRANCHES

    value = int(text)
    if not 1 <= value <= MAX_BRANCHES:
        raise argparse.ArgumentTypeError(tr(N_("a number from 1 to {most}"), most=MAX_BRANCHES))
    return value


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(tr(N_("a number of 0 or more")))
    return value


class _Progress:
    """Prints the overall percentage when it moves by a step (a line per step off a tty)."""

    def __init__(self) -> None:
        self.shown = -1
        self.tty = sys.stdout.isatty()

    def __call__(self, done: int, total: int, message: str) -> None:
        percent = done * 100 // total if total else 100
        if percent < self.shown + (1 if self.tty else 10) and percent != 100:
            return
        self.shown = percent
        line = f"{percent:3d}%  {message}"
        print(f"\r{line:<60}" if self.tty else line, end="" if self.tty else "\n", flush=True)


def move_aside(db: Database) -> Path:
    """Keep a database that holds data as ``NAME.before-demo-STAMP.sqlite`` (SQLite only).

    The WAL is checkpointed and the file switched out of WAL first, so the moved file is
    complete on its own; a database still open elsewhere refuses the switch (exit 2).
    """
    if not db.is_sqlite or not db.engine.url.database:
        raise CliError(tr(N_("--force replaces only a SQLite file; give an empty database.")),
                       EXIT_USAGE)
    path = Path(db.engine.url.database)
    db.dispose()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-demo-{stamp}{path.suffix}")
    try:
        conn = sqlite3.connect(path, timeout=2)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
        os.replace(path, target)
    except (sqlite3.Error, OSError) as err:
        raise CliError(tr(N_("Cannot move the database aside (is it open elsewhere?): "
                             "{detail}"), detail=err), EXIT_USAGE) from err
    return target


def run(args: argparse.Namespace) -> int:
    from app.demo import generate, holds_data

    db = open_for_cli(args.db, create=True)
    if holds_data(db):
        if not args.force:
            db.dispose()
            raise CliError(tr(N_("The database {db} already holds data; use --force to keep "
                                 "it aside and build the demo store in its place."),
                              db=db.display_name), EXIT_USAGE)
        say(N_("The existing database was moved to {path}."), path=move_aside(db))
        db = open_for_cli(args.db, create=True)
    try:
        say(N_("Building the demo store in {db} ({calls} calls)…"), db=db.display_name,
            calls=args.calls)
        started = time.perf_counter()
        summary = generate(db, calls=args.calls, seed=args.seed, progress=_Progress(),
                           branches=args.branches)
        print()
        if summary.cancelled:
            complain(N_("Cancelled: the database keeps what was written so far."))
            return EXIT_USAGE
        _print_summary(summary.counts, time.perf_counter() - started, args.branches)
        return EXIT_OK
    finally:
        db.dispose()


def _print_summary(counts: dict[str, int], seconds: float, branches: int = 1) -> None:
    from app.demo.staff import branch_staff

    say(N_("Done in {seconds} s."), seconds=f"{seconds:.1f}")
    for key, value in counts.items():
        print(f"  {key:<20} {value:>9,}")
    say(N_("Demo accounts (user name / password):"))
    for index in range(branches):
        for username, name, role, password in branch_staff(f"{index + 1:02d}"):
            print(f"  {username:<8} {password:<10} {name} ({role})")


COMMAND = Command("demo", N_("fill a database with a believable demo store"),
                  add_arguments, run)
