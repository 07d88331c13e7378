"""Noticing that the live SQLite file was deleted, replaced or unlocked under the app.

If the process loses SQLite's POSIX locks (any ``close()`` of any descriptor of the file does
that, DATA-SAFETY.md), the next process to open and close the database deletes the live WAL,
and whatever the app writes afterwards goes into a deleted file. The guard runs before a
write transaction begins, before it commits and after it committed; it checks:

- the database path still names the file the app first connected to (same device and inode);
- on Linux, that SQLite's descriptors of the database, ``-wal`` and ``-shm`` still name the
  files at those paths (not deleted, moved or replaced: ``/proc/self/fd``);
- on Linux, that ``/proc/locks`` still shows this process's locks on the database (SQLite's
  SHARED lock, held for as long as a WAL connection is open) and on the ``-shm`` (its
  "DMS" read lock, same lifetime). That probe is first checked against a fresh connection,
  whose locks SQLite has just taken; where its output cannot be matched (another kernel,
  an odd file system) it stays off and the inode checks remain.

Elsewhere only the first check applies. Once a problem is seen the guard stays tripped:
locks cannot be taken back without closing every connection, so the app must restart.

Why three checks. Before BEGIN IMMEDIATE: refuse before anything is written. Before COMMIT:
the transaction's statements take milliseconds, and a worker thread's write can overlap the
GUI thread doing something that drops the locks; a loss seen here is still "nothing saved".
After COMMIT (``Database.write``): the check that makes "acknowledged" mean "in the live
file". If our SHARED lock on the database and the -shm lock are still ours after the commit,
they were ours during it (SQLite never takes them again), so no other process could have
checkpointed and deleted the WAL under the commit; a loss seen only here is reported as "may
not have been saved", never acknowledged. What no check can cover: someone deleting the -wal
by hand after the app acknowledged (SQLite's "how to corrupt" §1.3), or the lock table
changing between our read of /proc/locks and the commit (microseconds).
Cost: about 20 µs per check on Linux (benchmarks/bench_file_guard.py).
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

MISSING = "missing"  # the database path is gone (deleted or moved)
REPLACED = "replaced"  # another file now sits at the database path
JOURNAL = "journal"  # the -wal / -shm SQLite writes to was deleted or replaced
LOCKS = "locks"  # this process no longer holds SQLite's locks

_PROC = Path("/proc")
_LINUX = sys.platform.startswith("linux") and (_PROC / "self" / "fd").is_dir()
_probe_works: dict[int, bool] = {}  # per device: does /proc/locks show our SQLite locks?


class DatabaseFileLost(Exception):
    """The live database can no longer be written safely; ``reason`` is one of the codes."""

    def __init__(self, reason: str, path: Path) -> None:
        super().__init__(f"{reason}: {path}")
        self.reason = reason
        self.path = path


@dataclass
class _Descriptor:
    """SQLite's descriptor of one file, found in /proc/self/fd, and what it was opened on."""

    fd: int
    dev: int
    ino: int


@dataclass
class FileGuard:
    """One per live SQLite database (``Database`` makes it); see the module docstring."""

    path: Path
    _identity: tuple[int, int] | None = None
    _tripped: str | None = None
    _fds: dict[str, _Descriptor] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._names = {s: f"{self.path}{s}" for s in ("", "-wal", "-shm")}

    @property
    def tripped(self) -> str | None:
        return self._tripped

    @property
    def known(self) -> bool:
        """The app has connected to the file once (it existed then)."""
        return self._identity is not None

    def connected(self) -> None:
        """A new SQLite connection is open (its first read done): note or compare the file."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._trip(MISSING)
            return
        if self._identity is None:
            self._identity = (st.st_dev, st.st_ino)
            if _LINUX and st.st_dev not in _probe_works:
                _probe_works[st.st_dev] = self._locks_held(st) is True
                if not _probe_works[st.st_dev]:
                    log.warning("/proc/locks does not show SQLite's locks on %s; the lock "
                                "check is off, the file checks remain", self.path)
        elif self._identity != (st.st_dev, st.st_ino):
            self._trip(REPLACED)

    def check(self) -> None:
        """Raise DatabaseFileLost if the file was lost, replaced or unlocked under us."""
        if self._tripped is None:
            problem = self._problem()
            if problem is not None:
                self._trip(problem)
        if self._tripped is not None:
            raise DatabaseFileLost(self._tripped, self.path)

    def _trip(self, reason: str) -> None:
        if self._tripped is None:
            log.error("the live database %s can no longer be written safely: %s",
                      self.path, reason)
            self._tripped = reason

    def _problem(self) -> str | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return MISSING
        if self._identity is not None and self._identity != (st.st_dev, st.st_ino):
            return REPLACED
        if not _LINUX:
            return None
        if self._descriptors_moved():
            return JOURNAL
        if _probe_works.get(st.st_dev) and self._locks_held(st) is False:
            return LOCKS
        return None

    # ---- Linux: SQLite's own descriptors -------------------------------------------------
    def _descriptors_moved(self) -> bool:
        """True if a file SQLite has open is no longer the one at its path."""
        for suffix, name in self._names.items():
            desc = self._descriptor(suffix, name)
            if desc is None:
                continue
            try:
                now = os.stat(name)
            except FileNotFoundError:
                return True
            if (now.st_dev, now.st_ino) != (desc.dev, desc.ino):
                return True
        return False

    def _descriptor(self, suffix: str, name: str) -> _Descriptor | None:
        """Our descriptor of ``name``, from the cache while its fd still shows that file."""
        cached = self._fds.get(suffix)
        if cached is not None and self._still_ours(cached):
            return cached
        self._fds.pop(suffix, None)
        found = _scan_fds(name)
        if found is not None:
            self._fds[suffix] = found
        return found

    @staticmethod
    def _still_ours(desc: _Descriptor) -> bool:
        """The fd still holds the file it was found on (wherever its name went since)."""
        try:
            st = os.fstat(desc.fd)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) == (desc.dev, desc.ino)

    # ---- Linux: /proc/locks --------------------------------------------------------------
    def _locks_held(self, db_stat: os.stat_result) -> bool | None:
        """True if /proc/locks lists our locks on the database and its -shm; None if unknown."""
        try:
            shm = os.stat(self._names["-shm"])
            table = _proc_locks()
        except OSError:
            return None
        keys = [_lock_key(os.getpid(), st) for st in (db_stat, shm)]
        if all(key in table for key in keys):
            return True
        # The kernel hands /proc/locks out a page at a time; other processes taking or
        # dropping locks between two pages can shift a line out of the copy. Only a second
        # full read without our locks means they are gone.
        try:
            table = _proc_locks()
        except OSError:
            return None
        return all(key in table for key in keys)


def _lock_key(pid: int, st: os.stat_result) -> bytes:
    # /proc/locks: "1: POSIX  ADVISORY  READ 4242 fe:00:2154596 1073741826 1073742335"
    return f" {pid} {os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino} ".encode()


_locks_fd: int | None = None


def _proc_locks() -> bytes:
    """The kernel's lock table. One descriptor kept open and read with pread(): 3 µs, where
    open/read/close costs 9 (26 through Python's open()). A read returns at most about a
    page however large the buffer, so it is read until the end (an empty read): on a busy
    machine the table is many pages long."""
    global _locks_fd
    if _locks_fd is None:
        _locks_fd = os.open(_PROC / "locks", os.O_RDONLY | os.O_CLOEXEC)
    chunks: list[bytes] = []
    offset = 0
    while chunk := os.pread(_locks_fd, 1 << 16, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _scan_fds(name: str) -> _Descriptor | None:
    """Find the descriptor this process holds on ``name`` (deleted or not)."""
    fd_dir = _PROC / "self" / "fd"
    deleted = f"{name} (deleted)"
    try:
        entries = os.listdir(fd_dir)
    except OSError:
        return None
    for entry in entries:
        try:
            target = os.readlink(fd_dir / entry)
            if target != name and target != deleted:
                continue
            st = os.fstat(int(entry))
        except OSError:
            continue
        return _Descriptor(int(entry), st.st_dev, st.st_ino)
    return None
