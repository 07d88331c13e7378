"""The book's read path: cached statements, the GUI thread's kept connection, odd search text."""

from __future__ import annotations

import threading

import pytest

from app.db.database import Database
from app.services import auth_service
from app.services import call_book_service as book
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services.context import ServiceContext
from tests.helpers.seed import SEED_PASSWORD


def _customer(ctx: ServiceContext, phone: str) -> int:
    return customers.find_customers(ctx, phone)[0].id


def _register(ctx: ServiceContext, customer_id: int, fault: str) -> int:
    return calls.register_call(ctx, calls.CallInput(fault=fault, customer_id=customer_id)).id


def _faults(ctx: ServiceContext, flt: book.CallFilter) -> list[str]:
    return [r.fault for r in book.list_calls(ctx, flt).rows]


def test_a_call_saved_at_another_counter_shows_on_the_next_read(clerk: ServiceContext,
                                                                 db: Database) -> None:
    # given the book read once on this counter (its connection stays open between reads)
    zhang = _customer(clerk, "5678")
    _register(clerk, zhang, "第一台不制冷")
    assert _faults(clerk, book.CallFilter()) == ["第一台不制冷"]
    # when another counter, with its own connection to the same database, registers a call
    other_db = Database(db.url)
    try:
        other = ServiceContext(other_db, auth_service.log_in(other_db, "clerk", SEED_PASSWORD))
        _register(other, zhang, "另一柜台登记的漏水")
    finally:
        other_db.dispose()
    # then this counter's next read shows it, first, and counts it
    assert _faults(clerk, book.CallFilter()) == ["另一柜台登记的漏水", "第一台不制冷"]
    assert book.count_calls(clerk, book.CallFilter()) == 2


def test_filters_of_the_same_shape_keep_their_own_values(clerk: ServiceContext) -> None:
    # given calls of two customers in different zones
    zhang, li = _customer(clerk, "5678"), _customer(clerk, "87654321")
    _register(clerk, zhang, "空调外机异响")
    _register(clerk, li, "冰箱冷藏室结冰")
    zone_of = {r.customer_name: r.zone_name for r in book.list_calls(
        clerk, book.CallFilter()).rows}
    assert zone_of == {"张伟": "市区", "李娜": "郊区"}
    # when the book is searched or filtered twice with the same kind of filter
    # then each search finds its own calls, not the previous one's
    assert _faults(clerk, book.CallFilter(search="12345678")) == ["空调外机异响"]
    assert _faults(clerk, book.CallFilter(search="87654321")) == ["冰箱冷藏室结冰"]
    assert _faults(clerk, book.CallFilter(search="异响")) == ["空调外机异响"]
    assert _faults(clerk, book.CallFilter(search="结冰")) == ["冰箱冷藏室结冰"]
    assert _faults(clerk, book.CallFilter(customer_id=zhang)) == ["空调外机异响"]
    assert _faults(clerk, book.CallFilter(customer_id=li)) == ["冰箱冷藏室结冰"]
    assert book.count_calls(clerk, book.CallFilter(customer_id=li)) == 1


def test_several_words_must_all_match_whatever_their_length(clerk: ServiceContext) -> None:
    zhang, li = _customer(clerk, "5678"), _customer(clerk, "87654321")
    _register(clerk, zhang, "室内机漏水")
    _register(clerk, zhang, "显示故障码E1")
    _register(clerk, li, "门封漏水")
    # a phone fragment (trigram index) and a two-character term (LIKE) together
    assert _faults(clerk, book.CallFilter(search="12345678 漏水")) == ["室内机漏水"]
    assert _faults(clerk, book.CallFilter(search="漏水 87654321")) == ["门封漏水"]
    assert sorted(_faults(clerk, book.CallFilter(search="漏水"))) == ["室内机漏水", "门封漏水"]
    assert _faults(clerk, book.CallFilter(search="故障码 e1")) == ["显示故障码E1"]
    assert book.count_calls(clerk, book.CallFilter(search="12345678 漏水")) == 1


@pytest.mark.parametrize("term", ['"', '50%', "_", "a/b", "漏水\"", "OR", "NEAR(", "*", "'"])
def test_search_text_is_taken_literally(clerk: ServiceContext, term: str) -> None:
    # given one call whose fault holds the characters search syntaxes treat specially
    zhang = _customer(clerk, "5678")
    _register(clerk, zhang, '屏幕 50%_off a/b 漏水" OR NEAR( * \'')
    _register(clerk, zhang, "普通故障")
    # when a clerk types them, then only that call is found, and no error is shown
    assert _faults(clerk, book.CallFilter(search=term)) == [
        '屏幕 50%_off a/b 漏水" OR NEAR( * \'']
    assert book.count_calls(clerk, book.CallFilter(search=term)) == 1


def test_a_failed_read_leaves_the_book_readable(clerk: ServiceContext, db: Database) -> None:
    zhang = _customer(clerk, "5678")
    _register(clerk, zhang, "热水器不加热")
    with pytest.raises(RuntimeError), db.query() as conn:
        conn.exec_driver_sql("SELECT 1")
        raise RuntimeError("a read that fails half way")
    assert _faults(clerk, book.CallFilter()) == ["热水器不加热"]


def test_the_book_reads_the_same_from_a_background_thread(clerk: ServiceContext) -> None:
    # an export runs list_calls off the GUI thread, on pooled connections of its own
    zhang = _customer(clerk, "5678")
    for n in range(3):
        _register(clerk, zhang, f"故障{n}")
    found: list[list[str]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            found.append(_faults(clerk, book.CallFilter(search="故障")))
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    assert not errors
    assert found == [_faults(clerk, book.CallFilter(search="故障"))] == [
        ["故障2", "故障1", "故障0"]]
