"""The load benchmark's closing checks must see what they are there to catch.

benchmarks/bench_load.py ends by checking each branch's number series (no gap, no duplicate,
nothing beyond the counter) and its percentiles decide the verdict: a checker that never
fails would turn a broken run into "all targets met".
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import text

from app.db.database import Database
from app.services import calls_service
from app.services.context import ServiceContext
from tests.helpers.carry_in import zhang_item

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_load.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_load", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_load"] = module
    spec.loader.exec_module(module)
    return module


def _three_calls(clerk: ServiceContext) -> list[str]:
    customer_id, item_id = zhang_item(clerk)
    return [calls_service.register_call(clerk, calls_service.CallInput(
        fault="不制冷", customer_id=customer_id, item_id=item_id)).number for _ in range(3)]


def test_a_clean_series_passes_and_a_gap_or_a_number_beyond_the_counter_is_reported(
        bench: ModuleType, db: Database, clerk: ServiceContext) -> None:
    numbers = _three_calls(clerk)
    with db.engine.connect() as conn:
        assert bench.number_problems(conn, 1) == []
    with db.engine.begin() as conn:  # a number lost (a gap): the counter moved on without it
        conn.execute(text("UPDATE document_counters SET last_value = last_value + 1 "
                          "WHERE series = 'call'"))
    with db.engine.connect() as conn:
        problems = bench.number_problems(conn, 1)
    assert len(problems) == 1 and "gaps [4]" in problems[0], problems
    with db.engine.begin() as conn:  # the counter behind the numbers: the next one collides
        conn.execute(text("UPDATE document_counters SET last_value = 2 WHERE series = 'call'"))
    with db.engine.connect() as conn:
        problems = bench.number_problems(conn, 1)
    assert len(problems) == 1 and "beyond counter [3]" in problems[0], problems
    assert numbers[-1].endswith("-0003")


def test_percentiles_are_nearest_rank_so_one_slow_action_in_a_hundred_shows_in_p99(
        bench: ModuleType) -> None:
    values = [10.0] * 98 + [300.0, 900.0]
    assert bench.percentile(values, 50) == 10.0
    assert bench.percentile(values, 99) == 300.0
    assert bench.percentile(values, 100) == 900.0
    assert bench.percentile([5.0], 95) == 5.0
