"""Store settings kept as JSON in the ``settings`` table, versioned like any record."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from app.db.locking import lock_name
from app.errors import ConflictError
from app.models.store import Setting
from app.services.validation import check_version


def load_setting(session: Session, key: str) -> tuple[Any, int]:
    """(value, version); (None, 0) when the setting was never saved."""
    row = session.get(Setting, key)
    if row is None:
        return None, 0
    return json.loads(row.value), row.version


def save_setting(session: Session, key: str, value: Any, expected_version: int) -> int:
    """Save against the version the form opened (0 for a first save); returns the new one."""
    lock_name(session, f"setting:{key}")  # two first saves at once: the second is a conflict
    row = session.get(Setting, key)
    text = json.dumps(value, ensure_ascii=False)
    if row is None:
        if expected_version != 0:
            raise ConflictError()
        row = Setting(key=key, value=text)
        session.add(row)
    else:
        check_version(session, row, expected_version)
        row.value = text
    session.flush()
    return row.version
