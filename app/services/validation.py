"""Input checks shared by every service: text fields, phones, numbers, dates, versions.

One rule per kind of input, so that what a form accepts the database can store:
text is refused (never cut) beyond its column's length and when it holds characters no
database keeps (NUL, lone surrogates) or no user means (control characters); whole numbers
are refused outside their range before they reach a 32-bit column; dates outside the
store's plausible range are refused; phones are compared by their ASCII digits.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.audit import row_key_of
from app.db.locking import lock
from app.errors import ConflictError, ValidationError
from app.i18n import N_
from app.models.audit import AuditEntry
from app.models.base import Base
from app.models.staff import User

_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
_LANDLINE = re.compile(r"^0[0-9]{2,3}[0-9]{7,8}$")
_LOCAL = re.compile(r"^[2-9][0-9]{6,7}$")
_SERVICE = re.compile(r"^[48]00[0-9]{7}$")
_NOT_DIGIT = re.compile(r"\D")

EARLIEST_DATE = date(2000, 1, 1)
"""No record of this store (a call, a visit, a sale) is older: a date before it is a typing
slip (1925 for 2025), refused rather than filed under a century nobody will search."""
FUTURE_TOLERANCE = timedelta(minutes=5)  # clocks of two PCs at the counter differ a little
STORE_TZ = "Asia/Shanghai"  # the store's clock (ServiceContext.tz defaults to it)
MAX_INT = 2**31 - 1  # INTEGER columns on PostgreSQL


def column_limit(attribute: Any) -> int:
    """The length of a ``String(n)`` model column, so that a service's limit is the column's."""
    length = attribute.property.columns[0].type.length
    assert isinstance(length, int), attribute
    return length


def audit_label(text: str, limit: int = 200) -> str:
    """A long text (kept whole on its record) named on the audit trail by its beginning."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def searchable(text: str) -> str:
    """A search term as the database can compare it: stripped, without the characters no
    stored text holds (NUL, lone surrogates, control characters), which could match nothing
    and which PostgreSQL and SQLite refuse to be sent."""
    return "".join(c for c in text if not (0xD800 <= ord(c) <= 0xDFFF
                                           or unicodedata.category(c) == "Cc")).strip()


def check_characters(text: str, *, field: str, multiline: bool = False) -> str:
    """Refuse NUL, lone surrogates and control characters (newline and tab are allowed where
    the field has several lines); they cannot be stored (PostgreSQL refuses NUL and broken
    UTF-16) or print as nothing, so the user is told where they are."""
    for position, char in enumerate(text, start=1):
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            raise ValidationError(N_("Character {pos} is broken (half of a character): type "
                                     "it again."), field=field, pos=position)
        if multiline and char in "\n\t":
            continue
        if unicodedata.category(char) == "Cc":
            raise ValidationError(N_("Character {pos} is an invisible control character: "
                                     "remove it."), field=field, pos=position)
    return text


def clean_text(value: str | None, *, field: str, max_len: int, required: bool = False,
               multiline: bool = False) -> str:
    """Strip; refuse empty (if required), too long (never cut) and characters that cannot be
    stored (:func:`check_characters`); any other Unicode, emoji and 𠮷 included, is fine."""
    text = (value or "").strip()
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_characters(text, field=field, multiline=multiline)
    if required and not text:
        raise ValidationError(N_("This field is required."), field=field)
    if len(text) > max_len:
        raise ValidationError(N_("At most {n} characters (now {m})."), field=field,
                              n=max_len, m=len(text))
    return text


def check_int(value: int, *, field: str, low: int = 0, high: int = MAX_INT) -> int:
    """A whole number typed by a user (a quantity, minutes, a year): refused outside
    [low, high] before it reaches the database, whose INTEGER holds 32 bits."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(N_("Enter a whole number."), field=field)
    if not low <= value <= high:
        raise ValidationError(N_("Enter a whole number from {low} to {high}."), field=field,
                              low=low, high=high)
    return value


def plausible_date(value: date, *, field: str, today: date | None = None,
                   future_days: int | None = 0) -> date:
    """Refuse a date before :data:`EARLIEST_DATE` and, when ``today`` is given, more than
    ``future_days`` after it (``None``: any future date is fine, e.g. a contract's end)."""
    day = value.date() if isinstance(value, datetime) else value
    if day < EARLIEST_DATE:
        raise ValidationError(N_("{date} is too long ago: dates start in {year}."),
                              field=field, date=day.isoformat(), year=EARLIEST_DATE.year)
    if today is not None and future_days is not None and (day - today).days > future_days:
        raise ValidationError(N_("This date is in the future."), field=field)
    if day.year > 2200:
        raise ValidationError(N_("This date is too far ahead."), field=field)
    return value


def plausible_moment(value: datetime, now: datetime, *, field: str) -> datetime:
    """A moment that has happened (a call received, a visit's arrival): not before
    :data:`EARLIEST_DATE`, not later than now plus :data:`FUTURE_TOLERANCE`."""
    plausible_date(value, field=field)
    if value > now + FUTURE_TOLERANCE:
        raise ValidationError(N_("This date is in the future."), field=field)
    return value


def phone_digits(phone: str) -> str:
    """Only the ASCII digits (full-width ones folded by NFKC), without a +86 / 0086 prefix."""
    digits = re.sub(r"[^0-9]", "", unicodedata.normalize("NFKC", phone))
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) in (11, 10, 12):
            digits = digits[len(prefix):]
            break
    return digits


def normalise_phone(phone: str, *, field: str = "phone") -> tuple[str, str]:
    """Return (display form, digits) or raise: mainland mobile, landline, local or 400/800."""
    raw = unicodedata.normalize("NFKC", phone).strip()  # full-width digits, （）, ＋, －
    if not raw:
        raise ValidationError(N_("Enter a phone number."), field=field)
    ext = ""
    match = re.match(r"^(.*?)(?: *(?:转|ext\.?|x|#) *([0-9]{1,6}))$", raw, re.IGNORECASE)
    if match:
        raw, ext = match.group(1), match.group(2)
    if re.search(r"[^0-9 \-+()]", raw):
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
    digits = phone if phone.isdecimal() else _NOT_DIGIT.sub("", phone)  # stored: digits
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}{'*' * (len(digits) - 7)}{digits[-4:]}"


def not_in_future(value: date | None, today: date, *, field: str) -> None:
    """A past date (a purchase, a sale): not in the future, not before :data:`EARLIEST_DATE`."""
    if value is not None:
        plausible_date(value, field=field, today=today)


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
                         changed_at=f"{last.at.astimezone(ZoneInfo(STORE_TZ)):%Y-%m-%d %H:%M}")


def _person(session: Session, entry: AuditEntry) -> str:
    """The name staff know a colleague by (张三), not the log-in name."""
    user = session.get(User, entry.user_id) if entry.user_id is not None else None
    return user.display_name if user is not None and user.display_name else entry.username
