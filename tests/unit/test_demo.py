"""The demo store: a believable, consistent shop that every role can log in to."""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.bootstrap import open_database
from app.db.database import Database
from app.demo import calls as demo_calls
from app.demo import customers as demo_customers
from app.demo import generate
from app.demo.data import STAFF
from app.models.enums import Role
from app.services import auth_service, call_book_service, calls_service
from app.services.context import ServiceContext
from tests.helpers.demo import NOW, demo_store_fixtures, sql

STORE_TZ = ZoneInfo("Asia/Shanghai")
CJK = re.compile(r"[\u4e00-\u9fff]")


demo_file, demo_db = demo_store_fixtures(calls=300, seed=7)


def test_demo_holds_a_store_of_the_asked_size(demo_file: Path) -> None:
    # given a demo of 300 calls; then the book, the file and the catalogue are filled
    # (the contracts' maintenance visits of the last weeks come on top, as B calls)
    assert sql(demo_file, "SELECT count(*) FROM calls WHERE id NOT IN "
                           "(SELECT call_id FROM contract_visits)") == [(300,)]
    assert sql(demo_file, "SELECT count(*) FROM customers") == [(120,)]
    assert sql(demo_file, "SELECT count(*) FROM product_models")[0][0] >= 40
    items = sql(demo_file, "SELECT count(*) FROM items")[0][0]
    assert items >= 120
    assert sql(demo_file, "SELECT count(*) FROM customers WHERE id NOT IN "
                           "(SELECT customer_id FROM customer_phones)") == [(0,)]


def test_call_numbers_are_unique_and_gap_free_per_month(demo_file: Path) -> None:
    serials: dict[str, list[int]] = defaultdict(list)
    for (number,) in sql(demo_file, "SELECT number FROM calls ORDER BY received_at, id"):
        period, serial = re.fullmatch(r"C(\d{4})-(\d{4})", number).groups()  # type: ignore[union-attr]
        serials[period].append(int(serial))
    counters = dict(sql(demo_file, "SELECT period, last_value FROM document_counters "
                                    "WHERE series = 'call'"))
    for period, numbers in serials.items():
        assert numbers == list(range(1, len(numbers) + 1)), period  # in received order
        assert counters[period] == len(numbers)


def test_calls_spread_over_twelve_months_and_both_zone_kinds(demo_file: Path) -> None:
    periods = sql(demo_file, "SELECT count(DISTINCT substr(number, 2, 4)) FROM calls")[0][0]
    assert periods >= 12
    kinds = {k for (k,) in sql(demo_file, "SELECT DISTINCT z.kind FROM calls c "
                                           "JOIN zones z ON z.id = c.zone_id")}
    assert kinds == {"city", "suburb"}
    latest = sql(demo_file, "SELECT max(received_at) FROM calls")[0][0]
    assert latest <= NOW.strftime("%Y-%m-%d %H:%M:%S.%f")


def test_names_addresses_and_faults_are_chinese(demo_file: Path) -> None:
    names = [n for (n,) in sql(demo_file, "SELECT name FROM customers")]
    assert sum(bool(CJK.search(n)) for n in names) == len(names)
    assert any(n.endswith("公司") for n in names)
    assert all(a.startswith("杭州市") for (a,) in sql(demo_file, "SELECT address FROM customers"))
    phones = sql(demo_file, "SELECT count(*), count(DISTINCT digits) FROM customer_phones")
    assert phones[0][0] == phones[0][1]


def test_every_role_logs_in_with_its_documented_password(demo_db: Database) -> None:
    roles = set()
    for username, _name, role, password in STAFF:
        actor = auth_service.log_in(demo_db, username, password)
        roles.add(actor.role)
        assert actor.role == Role(role)
    assert roles == set(Role)


def test_search_text_and_category_match_the_call_service(demo_db: Database) -> None:
    # given demo calls; when the service recomputes their derived columns; then they agree
    from sqlalchemy import select

    from app.models.calls import Call
    from app.models.customers import Item

    with demo_db.read() as session:
        for call in session.scalars(select(Call).order_by(Call.id).limit(60)):
            expected = call_book_service.search_text_for(session, call.customer_id, call.item_id,
                                                     call.fault)
            assert call.search_text == expected
            item = session.get(Item, call.item_id) if call.item_id else None
            day = call.received_at.astimezone(STORE_TZ).date()
            proposed = calls_service.propose_category(session, item, day)[0]
            assert proposed == call.proposed_category


def test_the_book_finds_demo_calls_by_phone_and_short_fault(demo_db: Database) -> None:
    clerk = ServiceContext(demo_db, auth_service.log_in(demo_db, "clerk", "clerk123"))
    digits = sql(Path(demo_db.engine.url.database or ""),
                  "SELECT p.digits FROM calls c JOIN customer_phones p "
                  "ON p.customer_id = c.customer_id LIMIT 1")[0][0]
    page = call_book_service.list_calls(clerk, call_book_service.CallFilter(search=digits[-6:]))
    assert page.rows
    leaks = call_book_service.list_calls(clerk, call_book_service.CallFilter(search="漏水"))
    assert leaks.rows and all("漏水" in r.fault for r in leaks.rows)


def test_same_seed_gives_the_same_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        demo_file: Path) -> None:
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    db = open_database(str(tmp_path / "again.sqlite"))
    generate(db, calls=300, seed=7, now=NOW)
    db.dispose()
    query = "SELECT number, fault, customer_id FROM calls ORDER BY id"
    assert sql(tmp_path / "again.sqlite", query) == sql(demo_file, query)


def test_cancelled_demo_leaves_a_consistent_database(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # given small batches and a user who cancels once the first calls are written
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    monkeypatch.setattr(demo_calls, "BATCH", 100)
    monkeypatch.setattr(demo_customers, "BATCH", 50)
    seen: list[str] = []
    db = open_database(str(tmp_path / "cut.sqlite"))
    summary = generate(db, calls=300, seed=3, now=NOW,
                       progress=lambda _d, _t, message: seen.append(message),
                       cancel=lambda: any(m.startswith("calls: 100/") for m in seen))
    db.dispose()
    # then the run says so and holds whole batches only, every index intact
    path = tmp_path / "cut.sqlite"
    assert summary.cancelled
    assert sql(path, "SELECT count(*) FROM calls") == [(100,)]
    assert sql(path, "PRAGMA integrity_check") == [("ok",)]
    assert sql(path, "PRAGMA foreign_key_check") == []
    assert sql(path, "SELECT count(*) FROM calls WHERE number = ''") == [(0,)]
    counted = sql(path, "SELECT sum(last_value) FROM document_counters WHERE series='call'")
    assert counted == [(100,)]
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO calls_fts(calls_fts) VALUES ('integrity-check')")


def test_both_search_plans_give_the_same_page(demo_db: Database,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # given a common fault term; when the book is searched with either query plan
    clerk = ServiceContext(demo_db, auth_service.log_in(demo_db, "clerk", "clerk123"))
    flt = call_book_service.CallFilter(search="故障码")
    monkeypatch.setattr(call_book_service, "COMMON_TERM_HITS", 10**9)
    by_rowid = call_book_service.list_calls(clerk, flt, limit=5)
    monkeypatch.setattr(call_book_service, "COMMON_TERM_HITS", 0)
    newest_first = call_book_service.list_calls(clerk, flt, limit=5)
    # then the same calls come back, newest first
    assert [r.id for r in by_rowid.rows] == [r.id for r in newest_first.rows]
    assert by_rowid.next_cursor == newest_first.next_cursor
    assert len(by_rowid.rows) == 5


def test_a_capped_count_stops_at_the_cap(demo_db: Database) -> None:
    clerk = ServiceContext(demo_db, auth_service.log_in(demo_db, "clerk", "clerk123"))
    flt = call_book_service.CallFilter()
    total = sql(Path(str(demo_db.engine.url.database)), "SELECT count(*) FROM calls")[0][0]
    assert call_book_service.count_calls(clerk, flt) == total >= 300
    assert call_book_service.count_calls(clerk, flt, cap=50) == 51
    assert call_book_service.count_calls(clerk, call_book_service.CallFilter(search="漏水"),
                                     cap=1000) == call_book_service.count_calls(
        clerk, call_book_service.CallFilter(search="漏水"))
