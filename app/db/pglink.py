"""The link to a PostgreSQL server: TLS, the password file, a resilient pool, lost links.

- **TLS.** ``sslmode`` and ``sslrootcert`` ride in the URL's query (libpq's own names), so the
  URL the app keeps says how it connects. A server that is not on this PC gets at least
  ``sslmode=require`` when the URL says nothing; a root certificate given without a mode
  means ``verify-full`` (the README recommends it).
- **Passwords** are never in the URL: not on the command line, not in the environment, not
  in the log. They live in libpq's password file (``PGPASSFILE``, else ``~/.pgpass``;
  Windows ``%APPDATA%\\postgresql\\pgpass.conf``), mode 0600, which libpq reads itself;
  ``store_password`` writes a line there (``service-counter db-password``).
- **Pool.** ``pool_pre_ping`` (a dead pooled connection is replaced before use), a connect
  timeout, TCP keepalives and a TCP user timeout, so a server that went away is noticed in
  seconds rather than hanging the counter, and the first action after it is back works.
- ``is_link_lost`` tells a lost or refused link from any other database error.
"""

from __future__ import annotations

import ipaddress
import os
import re
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

# Seconds to wait for a server to answer a connection; keepalive probes on an idle link.
CONNECT_TIMEOUT_S = 5
LINK_ARGS: dict[str, Any] = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3, "keepalives_count": 3,
    "tcp_user_timeout": 15_000,  # ms: unacknowledged data (a COMMIT sent into a dead link)
}
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
REMOTE_DEFAULT_SSLMODE = "require"


class PasswordInUrl(ValueError):
    """A database URL with a password in it (the command line, the environment)."""


def is_postgres(url: str | URL) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def is_local_host(host: str | None) -> bool:
    """A Unix socket, ``localhost`` or a loopback address: the link never leaves this PC."""
    if not host or host.startswith("/") or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def refuse_password(url: str) -> None:
    """Raise ``PasswordInUrl`` if the URL carries a password (it would show in ``ps``)."""
    if "://" in url and make_url(url).password is not None:
        raise PasswordInUrl(redact(url))


def with_tls_defaults(url: str) -> str:
    """The URL with the TLS mode it will use written in (a remote server: at least require)."""
    parsed = make_url(url)
    if not is_postgres(parsed):
        return url
    query = dict(parsed.query)
    if "sslmode" not in query:
        if query.get("sslrootcert"):
            query["sslmode"] = "verify-full"
        elif not is_local_host(parsed.host):
            query["sslmode"] = REMOTE_DEFAULT_SSLMODE
        else:
            return url
    return parsed.set(query=query).render_as_string(hide_password=False)


def tls_of(url: str) -> tuple[str, str]:
    """(sslmode, sslrootcert) as the URL says; "" where it says nothing."""
    query = make_url(url).query
    return str(query.get("sslmode", "") or ""), str(query.get("sslrootcert", "") or "")


def engine_kwargs(url: str) -> dict[str, Any]:
    """create_engine arguments for a PostgreSQL URL (what the URL sets itself wins)."""
    query = make_url(url).query
    connect_args = {k: v for k, v in LINK_ARGS.items() if k not in query}
    return {"pool_pre_ping": True, "connect_args": connect_args}


# Passwords -------------------------------------------------------------------------------------

_URL_PASSWORD = re.compile(r"(\b[a-zA-Z][\w+.-]*://[^:/@\s]*):[^@\s]*@")
_CONNINFO_PASSWORD = re.compile(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)


def redact(text: object) -> str:
    """``text`` with any password in a URL or a libpq conninfo replaced by ``***``."""
    out = _URL_PASSWORD.sub(r"\1:***@", str(text))
    return _CONNINFO_PASSWORD.sub(r"\1***", out)


def passfile_path() -> Path:
    """The password file libpq reads: PGPASSFILE, else ~/.pgpass (%APPDATA% on Windows)."""
    override = os.environ.get("PGPASSFILE")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":  # pragma: no cover - Windows
        return Path(os.environ.get("APPDATA", "~")).expanduser() / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _fields(line: str) -> list[str]:
    """Split a pgpass line on unescaped colons (escapes kept: lines are compared as written)."""
    parts, current, escaped = [], "", False
    for ch in line:
        if escaped:
            current += "\\" + ch
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ":":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def password_key(url: str) -> tuple[str, str, str, str]:
    """host, port, database, user as a pgpass line names them (escaped)."""
    parsed = make_url(url)
    host = parsed.host or "localhost"
    return (_escape(host), str(parsed.port or 5432), _escape(parsed.database or "*"),
            _escape(parsed.username or os.environ.get("PGUSER", "") or "*"))


def store_password(url: str, password: str, *, path: Path | None = None) -> Path:
    """Write (or replace) the password for the URL's server, database and user in the
    password file, mode 0600 (libpq ignores a file others can read). Atomic."""
    if "\n" in password or "\r" in password:
        raise ValueError("a password cannot contain a line break")
    target = path or passfile_path()
    key = password_key(url)
    kept: list[str] = []
    if target.exists():
        for line in target.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#") and tuple(_fields(line)[:4]) == key:
                continue
            kept.append(line)
    kept.append(":".join((*key, _escape(password))))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join(kept) + "\n")
    os.chmod(partial, 0o600)
    os.replace(partial, target)
    return target


# Lost links ------------------------------------------------------------------------------------

# SQLSTATE class 08 (connection exception); 57P01-57P03: the server shut down or is starting.
_LOST_STATES = ("57P01", "57P02", "57P03")
_LOST_TEXT = (
    "server closed the connection", "connection refused", "could not connect",
    "timeout expired", "timed out", "connection is closed", "connection is lost",
    "terminating connection", "consuming input failed", "no route to host",
    "network is unreachable", "could not receive data", "could not send data",
    "connection reset", "ssl syscall error", "ssl connection has been closed",
    "the database system is shutting down", "the database system is starting up",
    "connection timed out", "broken pipe", "server conn crashed", "bad file descriptor",
    "connection not open", "connection already closed",
)


def is_link_lost(exc: BaseException) -> bool:
    """True for a refused, timed-out or broken link to the server (not for a bad password,
    a refused certificate or an SQL error: those are said as they are)."""
    if not isinstance(exc, DBAPIError):
        return False
    state = getattr(exc.orig, "sqlstate", None) or ""
    if state.startswith("08") or state in _LOST_STATES:
        return True
    text = str(exc.orig).lower() if exc.orig is not None else ""
    if "password" in text or "certificate" in text or "pg_hba" in text:
        return False
    return bool(exc.connection_invalidated) or any(part in text for part in _LOST_TEXT)


def server_url(*, host: str, port: int | None, database: str, user: str,
               sslmode: str = "", sslrootcert: str = "") -> str:
    """The URL the app keeps for a server (never with a password), TLS defaults applied."""
    query = {k: v for k, v in (("sslmode", sslmode), ("sslrootcert", sslrootcert)) if v}
    url = URL.create("postgresql+psycopg", username=user or None, host=host or None,
                     port=port or None, database=database or None, query=query)
    return with_tls_defaults(url.render_as_string(hide_password=False))
