"""A throwaway PostgreSQL cluster with TLS (a self-signed certificate), for tests that stop
and start the server under the app; and a TCP proxy that can lose a reply on purpose.

The cluster listens on 127.0.0.1 only, TLS only (``hostssl`` lines, no ``host``), with a
certificate for 127.0.0.1 that is also the root the client checks (``sslmode=verify-full``).
The port: ``SC_TEST_PG_SPARE_PORT`` if set (machines where ports are handed out), else one
the system says is free.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest

PG_BINS = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                 key=lambda p: [int(x) for x in Path(p).parent.name.split(".") if x.isdigit()])


def skip_reason() -> str | None:
    if not PG_BINS:
        return "no PostgreSQL server binaries (/usr/lib/postgresql/*/bin): apt install postgresql"
    if shutil.which("openssl") is None:
        return "no openssl to make the test certificate"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root and no runuser to start PostgreSQL as 'postgres'"
    return None


def free_port() -> int:
    spare = os.environ.get("SC_TEST_PG_SPARE_PORT")
    if spare:
        return int(spare)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """initdb, TLS files, start/stop (``-m fast``), URLs for verify-full."""

    def __init__(self, root: Path) -> None:
        reason = skip_reason()
        if reason:
            pytest.skip(reason)
        self.bin = Path(PG_BINS[-1])
        self.root = root
        self.data = root / "data"
        self.port = free_port()
        self.root_cert = root / "root.crt"

    @classmethod
    def throwaway(cls) -> Cluster:
        """A new cluster in a folder of its own under /tmp (the server's user must reach it:
        pytest's own temporary folders are private to the test's user)."""
        reason = skip_reason()
        if reason:
            pytest.skip(reason)
        return cls(Path(tempfile.mkdtemp(prefix="sc-pglink-"))).init()

    def remove(self) -> None:
        self.stop_quietly()
        shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, *cmd: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *cmd], check=True, capture_output=True, timeout=120)

    def init(self) -> Cluster:
        self.root.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        key, crt = self.data / "server.key", self.data / "server.crt"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=127.0.0.1", "-addext",
                        "subjectAltName=IP:127.0.0.1,DNS:localhost",
                        "-keyout", str(key), "-out", str(crt)],
                       check=True, capture_output=True, timeout=120)
        key.chmod(0o600)
        if os.geteuid() == 0:
            shutil.chown(key, "postgres")
            shutil.chown(crt, "postgres")
        shutil.copy(crt, self.root_cert)
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                       f"unix_socket_directories = '{self.root}'\nssl = on\n"
                       "ssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n")
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\n"
            "hostssl all postgres 127.0.0.1/32 trust\n"
            "hostssl all all 127.0.0.1/32 scram-sha-256\n")
        return self

    def start(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-l",
                  str(self.root / "log"), "start")

    def running(self) -> bool:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run([*prefix, str(self.bin / "pg_ctl"), "-D", str(self.data),
                               "status"], capture_output=True, timeout=60, check=False)
        return done.returncode == 0

    def stop(self) -> None:
        """Fast shutdown: open sessions are ended, as when a server is switched off."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-m", "fast", "stop")

    def stop_quietly(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()

    def url(self, database: str = "postgres", user: str = "postgres", *,
            port: int | None = None) -> str:
        return (f"postgresql+psycopg://{user}@127.0.0.1:{port or self.port}/{database}"
                f"?sslmode=verify-full&sslrootcert={self.root_cert}")


class ReplyLosingProxy:
    """Forwards TCP between the app and the server. ``lose_next_reply()``: the next request
    goes through, its reply is thrown away and the link closed — a COMMIT the server kept
    while its answer was lost on the way (the app cannot know whether it was saved)."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self._armed = threading.Event()
        self.replies_lost = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def lose_next_reply(self) -> None:
        self._armed.set()

    def close(self) -> None:
        self.listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            pair = {"losing": False}
            threading.Thread(target=self._up, args=(client, server, pair), daemon=True).start()
            threading.Thread(target=self._down, args=(server, client, pair),
                             daemon=True).start()

    def _up(self, client: socket.socket, server: socket.socket, pair: dict[str, bool]) -> None:
        try:
            while data := client.recv(65536):
                if self._armed.is_set():
                    self._armed.clear()
                    pair["losing"] = True
                server.sendall(data)
        except OSError:
            pass
        _close(client, server)

    def _down(self, server: socket.socket, client: socket.socket,
              pair: dict[str, bool]) -> None:
        try:
            while data := server.recv(65536):
                if pair["losing"]:  # the server answered: it has done it; the app never hears
                    self.replies_lost += 1
                    break
                client.sendall(data)
        except OSError:
            pass
        _close(client, server)


def _close(*socks: socket.socket) -> None:
    for s in socks:
        with contextlib.suppress(OSError):
            s.shutdown(socket.SHUT_RDWR)
        s.close()
