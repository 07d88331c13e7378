"""Real faults for tests: a full disk (a tiny tmpfs) and a read-only folder (a bind mount).

Both need root (the tests run as root here); elsewhere they fall back or skip, as each test
says. Every mount is undone when the test ends.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path


def _mount(*args: str) -> bool:
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


@contextlib.contextmanager
def full_disk(folder: Path) -> Iterator[bool]:
    """``folder`` on a 2 MiB tmpfs filled to the last byte (room for a test store's backup once
    ``free_space`` removes the filler); yields False if not possible."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)):
        yield False
        return
    try:
        with open(folder / "filler", "wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
        yield True
    finally:
        _umount(folder)


def free_space(folder: Path) -> None:
    (folder / "filler").unlink()


@contextlib.contextmanager
def read_only_view(source: Path, view: Path) -> Iterator[bool]:
    """``view`` shows the folder ``source`` read-only (EROFS even for root); False if not
    possible (not root: then chmod is enough and the caller uses it)."""
    view.mkdir(parents=True, exist_ok=True)
    if not _mount("--bind", str(source), str(view)):
        yield False
        return
    try:
        if not _mount("-o", "remount,ro,bind", str(view)):
            yield False
            return
        yield True
    finally:
        _umount(view)
