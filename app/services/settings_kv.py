"""Store settings kept as JSON, versioned like any record: the company's in ``settings``
(every branch's default), a branch's own in ``branch_settings`` (issue 17).

``branch`` names whose value: ``SESSION`` (the default) the session's branch (None for the
service department: the company's), an id that branch's, None the company's. A branch reads
its own value where it saved one, else the company's; the version returned is that of the
row a save at that level would change (0 when the branch has none yet, so its first save
makes its own). A branch's people save only their branch's values.

``COMPANY_WIDE`` keys are of the database itself, not of a branch (the demo store's mark, the
first start's checklist): one value, whoever reads or writes it.
"""

from __future__ import annotations

import json
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.branch_scope import branch_of
from app.db.locking import lock_name
from app.errors import ConflictError, PermissionDenied
from app.i18n import N_
from app.models.store import COMPANY_WIDE_SETTINGS, BranchSetting, Setting
from app.services.validation import check_version


class _SessionBranch:
    def __repr__(self) -> str:
        return "SESSION"


SESSION: Final = _SessionBranch()
BranchArg = int | None | _SessionBranch
COMPANY_WIDE = COMPANY_WIDE_SETTINGS


def resolve_branch(session: Session, branch: BranchArg) -> int | None:
    """The branch ``branch`` names (see the module's note)."""
    return branch_of(session) if isinstance(branch, _SessionBranch) else branch


def may_edit(session: Session, branch: int | None) -> None:
    """A branch's people change only their branch's values; the service department any."""
    own = branch_of(session)
    if own is not None and branch != own:
        raise PermissionDenied(N_("the settings of another branch or of the company"))


def _own(session: Session, key: str, branch: int) -> BranchSetting | None:
    return session.scalar(select(BranchSetting).where(BranchSetting.branch_id == branch,
                                                      BranchSetting.key == key))


def load_setting(session: Session, key: str, *,
                 branch: BranchArg = SESSION) -> tuple[Any, int]:
    """(value, version); (None, 0) when the setting was never saved."""
    at = None if key in COMPANY_WIDE else resolve_branch(session, branch)
    if at is not None:
        own = _own(session, key, at)
        if own is not None:
            return json.loads(own.value), own.version
        company = session.get(Setting, key)
        return (None if company is None else json.loads(company.value)), 0
    row = session.get(Setting, key)
    if row is None:
        return None, 0
    return json.loads(row.value), row.version


def save_setting(session: Session, key: str, value: Any, expected_version: int, *,
                 branch: BranchArg = SESSION) -> int:
    """Save against the version the form opened (0 for a first save); returns the new one."""
    at = None if key in COMPANY_WIDE else resolve_branch(session, branch)
    if key not in COMPANY_WIDE:
        may_edit(session, at)
    text = json.dumps(value, ensure_ascii=False)
    if at is not None:
        lock_name(session, f"setting:{at}:{key}")
        own = _own(session, key, at)
        if own is None:
            if expected_version != 0:
                raise ConflictError()
            own = BranchSetting(key=key, value=text, branch_id=at)
            session.add(own)
        else:
            check_version(session, own, expected_version)
            own.value = text
        session.flush()
        return own.version
    lock_name(session, f"setting:{key}")  # two first saves at once: the second is a conflict
    row = session.get(Setting, key)
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

