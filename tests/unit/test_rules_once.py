"""Each rule is stated once (issue 13): the 6/7-hour dispatch deadline, the item label
"code name #serial", and the statuses of receipts, repair cards, contracts and survey cards."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from app.models.carry_in import CardStatus, ReceiptStatus
from app.models.contracts import ContractStatus
from app.models.enums import ZoneKind
from app.models.voice import SurveyCardStatus
from app.services import calendar_service as cal_svc
from app.services.dto import item_label

APP = Path(__file__).resolve().parents[2] / "app"


def _sources() -> dict[str, str]:
    return {str(p.relative_to(APP)): p.read_text(encoding="utf-8") for p in APP.rglob("*.py")
            if "migrations" not in p.parts}


def _places(pattern: str) -> list[str]:
    regex = re.compile(pattern)
    return sorted(f"{name}:{n}" for name, text in _sources().items()
                  for n, line in enumerate(text.splitlines(), 1) if regex.search(line))


def test_the_item_label_is_built_in_one_place():
    assert _places(r'f" #\{') == ["services/dto.py:" + str(_line_of("services/dto.py", 'f" #{'))]
    assert item_label("XQB80", "洗衣机", "SN1") == "XQB80 洗衣机 #SN1"
    assert item_label("XQB80", "洗衣机", "") == "XQB80 洗衣机"


def _line_of(name: str, text: str) -> int:
    lines = _sources()[name].splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_the_dispatch_deadline_hours_are_stated_in_one_place():
    assert _places(r"DEFAULT_DISPATCH_HOURS|dispatch_hours=[67]\b|setValue\(.*\b6\)") == []
    assert (ZoneKind.CITY.dispatch_hours, ZoneKind.SUBURB.dispatch_hours) == (6, 7)


def test_a_call_without_a_zone_is_held_to_the_citys_hours(db, clerk):
    cal = cal_svc.calendar_for(clerk)
    monday_nine = datetime(2026, 11, 16, 9, 0, tzinfo=clerk.tz)
    assert cal_svc.dispatch_deadline(cal, monday_nine, None) \
        == cal_svc.dispatch_deadline(cal, monday_nine, ZoneKind.CITY.dispatch_hours)
    assert cal_svc.dispatch_deadline(cal, monday_nine, None).hour == 15


def test_statuses_are_enums_not_string_literals():
    values = "|".join(s.value for enum in (CardStatus, ReceiptStatus, ContractStatus,
                                           SurveyCardStatus) for s in enum)
    literal = rf'status\s*(==|!=|=)\s*"({values})"|"status":\s*"({values})"'
    assert _places(literal) == []
    assert [s.value for s in CardStatus if s.is_open] == ["in_repair", "failed"]
    assert [s.value for s in ContractStatus if s.covers] == ["active", "renewed", "lapsed"]
