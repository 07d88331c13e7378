"""Input checks shared by every service: text fields, phones, dates, versions."""

from __future__ import annotations

import re
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.audit import row_key_of
from app.db.locking import lock
from app.i18n import N_
from app.models.audit import AuditEntry
from app.models.base import Base
from app.models.staff import User
from app.services.context import DEFAULT_TZ
from app.services.errors import ConflictError, ValidationError

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$")
_LOCAL = re.compile(r"^[2-9]\d{6,7}$")
_SERVICE = re.compile(r"^[48]00\d{7}$")


def clean_text(value: str | None, *, field: str, max_len: int, required: bool = False) -> str:
    """Strip; refuse empty (if required) and too long; any Unicode, emoji included, is fine."""
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(N_("This field is required."), field=field)
    if len(text) > max_len:
        raise ValidationError(N_("At most {n} characters (now {m})."), field=field,
                              n=max_len, m=len(text))
    return text


def phone_digits(phone: str) -> str:
    """Only the digits, without a +86 / 0086 country prefix."""
    digits = re.sub(r"\D", "", phone)
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) in (11, 10, 12):
            digits = digits[len(prefix):]
            break
    return digits


def normalise_phone(phone: str, *, field: str = "phone") -> tuple[str, str]:
    """Return (display form, digits) or raise: mainland mobile, landline, local or 400/800."""
    raw = phone.strip()
    if not raw:
        raise ValidationError(N_("Enter a phone number."), field=field)
    ext = ""
    match = re.match(r"^(.*?)(?:\s*(?:转|ext\.?|x|#)\s*(\d{1,6}))$", raw, re.IGNORECASE)
    if match:
        raw, ext = match.group(1), match.group(2)
    if re.search(r"[^\d\s\-+()（）]", raw):
        raise ValidationError(N_("{phone} is not a phone number."), field=field, phone=phone)
    digits = phone_digits(raw)
    if _MOBILE.match(digits):
        display = digits
    elif _LANDLINE.match(digits) or _SERVICE.match(digits):
        display = _format_landline(digits)
    elif _LOCAL.match(digits):
        display = digits
    else:
        raise ValidationError(N_("{phone} is not a phone number."), field=field, phone=phone)
    if ext:
        display += f" 转{ext}"
    return display, digits


def _format_landline(digits: str) -> str:
    if digits.startswith(("400", "800")):
        return digits
    area_len = 3 if digits[1] in "12" else 4
    return f"{digits[:area_len]}-{digits[area_len:]}"


def mask_phone(phone: str) -> str:
    """138****5678: keep the first three and last four digits."""
    digits = phone if phone.isdecimal() else re.sub(r"\D", "", phone)  # stored phones: digits
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}{'*' * (len(digits) - 7)}{digits[-4:]}"


def not_in_future(value: date | None, today: date, *, field: str) -> None:
    if value is not None and value > today:
        raise ValidationError(N_("This date is in the future."), field=field)


def check_version(session: Session, obj: Base, expected: int) -> None:
    """Optimistic lock: refuse when the record changed since the form was opened.

    The row is locked first (PostgreSQL), so a save racing this one either finished before
    (and is named here) or waits until this unit of work ends.
    """
    lock(session, obj)
    current = getattr(obj, "version", None)
    if current == expected:
        return
    raise conflict(session, obj.__tablename__, row_key_of(obj))


def conflict(session: Session, table: str, key: str) -> ConflictError:
    """The refusal for a record someone else saved first: who and when, from its trail."""
    last = session.scalar(
        select(AuditEntry)
        .where(AuditEntry.table_name == table, AuditEntry.row_key == key)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    if last is None:
        return ConflictError()
    return ConflictError(changed_by=_person(session, last),
                         changed_at=f"{last.at.astimezone(ZoneInfo(DEFAULT_TZ)):%Y-%m-%d %H:%M}")


def _person(session: Session, entry: AuditEntry) -> str:
    """The name staff know a colleague by (张三), not the log-in name."""
    user = session.get(User, entry.user_id) if entry.user_id is not None else None
    return user.display_name if user is not None and user.display_name else entry.username
