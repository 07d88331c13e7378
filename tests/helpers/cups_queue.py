"""A real CUPS print queue for end-to-end tests (Debian cups + printer-driver-cups-pdf).

Starts ``cupsd -f`` when no scheduler runs (and we may: root, as in CI), adds a CUPS-PDF queue
with ``lpadmin`` and tells where CUPS-PDF writes what it prints (``Out`` in cups-pdf.conf).
Every wait is a bounded poll.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

QUEUE = f"SC_TEST_PDF_{os.getpid()}"  # one per test session: parallel runs never share
PPD_CANDIDATES = ("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd",
                  "/usr/share/cups/model/CUPS-PDF_opt.ppd")
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
START_TIMEOUT = 20.0
PRINT_TIMEOUT = 90.0


def wait_for(predicate: Callable[[], bool], timeout: float, interval: float = 0.2) -> bool:
    """Poll ``predicate`` until it holds or ``timeout`` seconds pass (bounded, no bare sleep)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def _run(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)


def scheduler_running() -> bool:
    return _run("lpstat", "-r").stdout.strip() == "scheduler is running"


def output_dir() -> Path:
    """CUPS-PDF's ``Out`` folder for jobs of the current user (default ``${HOME}/PDF``)."""
    out = "${HOME}/PDF"
    if CUPS_PDF_CONF.exists():
        for line in CUPS_PDF_CONF.read_text(errors="replace").splitlines():
            parts = line.split(None, 1)
            if len(parts) == 2 and parts[0] == "Out":
                out = parts[1].strip()
    user = pwd.getpwuid(os.getuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


@dataclass
class CupsQueue:
    name: str
    out_dir: Path
    started: subprocess.Popen[bytes] | None = None
    log: Path | None = None
    seen: set[Path] = field(default_factory=set)

    def printed_file(self, title: str, timeout: float = PRINT_TIMEOUT) -> Path | None:
        """The finished PDF CUPS-PDF wrote for the job titled ``title`` (None on timeout)."""
        found: list[Path] = []

        def done() -> bool:
            for path in self.out_dir.glob(f"*{title}*.pdf"):
                if path in self.seen:  # taken by an earlier copy of the same title
                    continue
                if path.stat().st_size > 0 and self.job_queue_empty():
                    found.append(path)
                    self.seen.add(path)
                    return True
            return False

        return found[0] if wait_for(done, timeout, 0.25) else None

    def job_queue_empty(self) -> bool:
        return _run("lpstat", "-o", self.name).stdout.strip() == ""

    def stop(self) -> None:
        for path in self.seen:
            path.unlink(missing_ok=True)
        _run("lpadmin", "-x", self.name)
        if self.started is not None:
            self.started.terminate()
            try:
                self.started.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.started.kill()


def start_cups_queue(folder: Path) -> tuple[CupsQueue | None, str]:
    """The queue, or None and why not (the reason a test is skipped)."""
    missing = [t for t in ("cupsd", "lpadmin", "lpstat") if shutil.which(t) is None]
    if missing:
        return None, (f"CUPS not installed ({', '.join(missing)} missing): apt-get install "
                      "cups printer-driver-cups-pdf")
    ppd = next((p for p in PPD_CANDIDATES if Path(p).exists()), None)
    if ppd is None or not BACKEND.exists():
        return None, "CUPS-PDF not installed: apt-get install printer-driver-cups-pdf"
    started = None
    log = folder / "cupsd.log"
    if not scheduler_running():
        if os.geteuid() != 0:
            return None, ("cupsd is not running and only root may start it: "
                         "systemctl start cups, or run the tests as root (CI does)")
        with log.open("wb") as sink:
            started = subprocess.Popen([shutil.which("cupsd") or "cupsd", "-f"],
                                       stdout=sink, stderr=subprocess.STDOUT)
        if not wait_for(scheduler_running, START_TIMEOUT):
            started.terminate()
            return None, f"cupsd did not start within {START_TIMEOUT:.0f} s (see {log})"
    added = _run("lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", ppd)
    if added.returncode != 0:
        if started is not None:
            started.terminate()
        return None, f"lpadmin could not add the CUPS-PDF queue: {added.stderr.strip()}"
    queue = CupsQueue(QUEUE, output_dir(), started, log)
    queue.out_dir.mkdir(parents=True, exist_ok=True)
    return queue, ""
