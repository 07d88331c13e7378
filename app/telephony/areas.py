"""Where a Chinese telephone number belongs, from a small table shipped as data
(data/cn_numbers.tsv): the city of a landline's area code, the carrier of a mobile."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class NumberPlace:
    kind: str  # "mobile" / "landline" / "local" (no area code) / "unknown"
    place: str  # city for a landline, carrier for a mobile; "" when not in the table


@cache
def _table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {"area": {}, "mobile": {}}
    text = resources.files("app.telephony").joinpath("data/cn_numbers.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, prefix, place = line.split("\t")[:3]
        table.setdefault(kind, {})[prefix] = place
    return table


def place_of(digits: str) -> NumberPlace:
    """``digits`` as stored (no +86): 1xxxxxxxxxx mobile, 0… landline with area code."""
    if len(digits) == 11 and digits.startswith("1"):
        return NumberPlace("mobile", _table()["mobile"].get(digits[:3], ""))
    if digits.startswith("0") and len(digits) >= 10:
        areas = _table()["area"]
        for size in (4, 3):
            if digits[:size] in areas:
                return NumberPlace("landline", areas[digits[:size]])
        return NumberPlace("landline", "")
    if 7 <= len(digits) <= 8:
        return NumberPlace("local", "")
    return NumberPlace("unknown", "")
