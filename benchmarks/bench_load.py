"""Load benchmark: many branches x counters acting at once on one real PostgreSQL server.

    python benchmarks/bench_load.py                       # 50 branches x 3 counters, 10 min,
                                                          # a private cluster on port 55509
    python benchmarks/bench_load.py --url postgresql+psycopg://postgres@127.0.0.1:55509/postgres
    python benchmarks/bench_load.py --branches 4 --counters 3 --minutes 1 --think 0.5   # CI

Each counter is its own OS process (the GIL would otherwise be what is measured): a counter
PC with its own data folder and its own ``Database`` (opened as ``app.bootstrap.open_database``
opens a PostgreSQL URL), logged in as a clerk and as the supervisor, acting through the real
services with exponential think times and a weighted mix: register a call, search the book,
dispatch from the queue, take in a walk-in item, bill and take the money, the supervisor's
daily report and the Today page. Per action the latency (monotonic clock) is recorded;
a ``ConflictError`` (or losing a dispatch race: "already dispatched") is a *conflict*, counted
apart; any other exception, or any other refusal, is an *error*.

Branches (issue 17): one company database on the server (``company_url``) holding every
branch. A demo store (the app's demo generator, ``--history`` calls) is moved in as the first
branch (``migrate-data``) and brought in again as each other branch (``migrate-data
--as-branch``: the branch's own staff clerk02/clerk02_2/super02, customers, calls and numbers
C02-2612-0001, verified). Each counter logs in as its branch's clerk and supervisor, so every
action goes through the branch wall (app/db/branch_scope.py).

Afterwards each branch's books are checked (services, as its supervisor, and SQL): the
branch's number series have no gap or duplicate and hold only its records, its book of today
shows its calls and no other branch's, no bill its counters paid twice, every call a
counter registered is in the book once (and the book's count moved
by exactly that), a voucher per dispatch and per dispatched call, a receipt and a repair card
per take-in, the day-end money equals the money taken, no bill paid beyond its total.

Targets: per action p95 <= 200 ms, p99 <= 500 ms; 0 errors; 0 duplicate numbers; books agree.
Exit 1 when one is missed.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, make_url, text  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from app.db.engine import normalise_url  # noqa: E402

P95_MS, P99_MS = 200.0, 500.0
COMPANY_DB = "sc_load_company"
WEIGHTS = {"register": 25, "search": 25, "dispatch": 15, "take_in": 10, "pay": 12,
           "report": 8, "today": 5}
FAULTS = ("不制冷", "不脱水", "漏水", "有异响", "不加热", "显示E1故障", "遥控失灵", "开机跳闸")
SEARCH_WORDS = ("漏水", "不制冷", "异响", "张", "王", "李", "空调", "洗衣机", "冰箱", "E1")
SERIES_TABLES = {"call": "calls", "voucher": "jobs", "receipt": "item_receipts",
                 "repair": "repair_cards", "payment": "payments", "complaint": "complaints",
                 "contract": "maintenance_contracts", "survey": "survey_cards",
                 "liaison": "complaint_liaisons"}

# a numbered table without a branch of its own: the branch of the record it belongs to
BRANCH_OF = {"complaint_liaisons":
             "(SELECT c.branch_id FROM complaints c WHERE c.id = t.complaint_id)"}


# ---- the company: one database, the branches in it -----------------------------------------

def company_url(server_url: str) -> str:
    """The company's database on the server: every branch's counters open it."""
    return make_url(server_url).set(database=COMPANY_DB).render_as_string(hide_password=False)


def branch_code(branch: int) -> str:
    return f"{branch:02d}"


def username(base: str, branch: int) -> str:
    """A branch's account: the first branch's as the demo made them (clerk, clerk2, super);
    another branch's as ``migrate-data --as-branch`` renamed them (clerk02, clerk02_2)."""
    if branch == 1:
        return base
    stem = base.rstrip("0123456789")
    digits = base[len(stem):]
    code = branch_code(branch)
    return f"{stem}{code}_{digits}" if digits else f"{stem}{code}"


def create_company(server_url: str, branches: int, history: int, work: Path) -> None:
    """One company database with ``branches`` branches: a demo store (``history`` calls) made
    in a SQLite file, moved to the server as the first branch (``migrate-data
    --branch-name``: its staff work in branch 01), then
    brought in again as each other branch (``migrate-data --as-branch``: its own staff,
    customers, calls and numbers, verified)."""
    from app import demo
    from app.bootstrap import open_database
    from app.db.branch_import import import_branch, place_first_branch
    from app.db.transfer import transfer

    with admin_engine(server_url) as admin:
        drop_company(admin)
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{COMPANY_DB}"'))
    started = time.perf_counter()
    store = open_database(str(work / "store.sqlite"))
    summary = demo.generate(store, calls=history)
    print(f"demo store: {history} calls, {summary.counts.get('customers', 0)} customers in "
          f"{time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    company = open_database(company_url(server_url), defaults=False)
    transfer(store, company, finish=lambda conn: place_first_branch(conn, "第1分公司"))
    store.dispose()
    for b in range(2, branches + 1):
        # the demo's invoice numbers (the tax office's, kept as they are by the import) are
        # the same in every copy of the store; a real store's are its own
        copy = work / f"store{b:02d}.sqlite"
        shutil.copyfile(work / "store.sqlite", copy)
        with sqlite3.connect(copy) as lite:
            lite.execute("UPDATE invoices SET invoice_no = invoice_no || ?", (f"-{b:02d}",))
        lite.close()
        branch_store = open_database(str(copy), migrate=False)
        import_branch(branch_store, company, code=branch_code(b), name=f"第{b}分公司")
        branch_store.dispose()
        copy.unlink()
    with company.engine.connect() as conn:
        rows = conn.scalar(text("SELECT count(*) FROM calls"))
    print(f"company database: {branches} branches ({rows} calls) moved in and verified in "
          f"{time.perf_counter() - started:.1f} s")
    company.dispose()


def drop_company(admin: Engine) -> None:
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{COMPANY_DB}" WITH (FORCE)'))


@contextmanager
def admin_engine(server_url: str) -> Iterator[Engine]:
    engine = create_engine(normalise_url(server_url), isolation_level="AUTOCOMMIT")
    try:
        yield engine
    finally:
        engine.dispose()


# ---- a private cluster when no --url is given ------------------------------------------------

@dataclass
class Cluster:
    port: int
    max_connections: int
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="sc-load-pg-")))

    def _as_postgres(self, *cmd: str) -> None:
        if os.geteuid() == 0:  # initdb refuses root
            shutil.chown(self.folder, "postgres")
            line = " ".join(f"'{c}'" for c in cmd)
            subprocess.run(["su", "postgres", "-c", line], check=True, capture_output=True)
        else:
            subprocess.run(cmd, check=True, capture_output=True)

    def start(self) -> str:
        pg_bin = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                        key=lambda p: int(p.parent.name))[-1]
        data = self.folder / "data"
        self._as_postgres(str(pg_bin / "initdb"), "-D", str(data), "-U", "postgres",
                          "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   f"-c max_connections={self.max_connections} "
                   "-c shared_preload_libraries=pg_stat_statements")
        self._as_postgres(str(pg_bin / "pg_ctl"), "-D", str(data), "-w", "-l",
                          str(self.folder / "log"), "-o", options, "start")
        self.stop_command = [str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self._as_postgres(*self.stop_command)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


SETTINGS = ("server_version", "max_connections", "shared_buffers", "work_mem",
            "effective_cache_size", "fsync", "synchronous_commit", "wal_level",
            "max_wal_size", "ssl", "shared_preload_libraries")


def server_settings(server_url: str) -> dict[str, str]:
    with admin_engine(server_url) as admin, admin.connect() as conn:
        return {name: str(conn.scalar(text(f"SHOW {name}"))) for name in SETTINGS}


def statements_available(server_url: str) -> bool:
    with admin_engine(server_url) as admin, admin.connect() as conn:
        if "pg_stat_statements" not in str(conn.scalar(text("SHOW shared_preload_libraries"))):
            return False
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
        return True


def reset_statements(server_url: str) -> None:
    """Count from the moment the counters start acting (not their log-ins)."""
    with admin_engine(server_url) as admin, admin.connect() as conn:
        conn.execute(text("SELECT pg_stat_statements_reset()"))


def slowest_statements(server_url: str, top: int = 8) -> list[str]:
    with admin_engine(server_url) as admin, admin.connect() as conn:
        rows = conn.execute(text(  # one line per statement, summed over the branches
            "SELECT sum(calls), round((sum(total_exec_time) / sum(calls))::numeric, 2),"
            " round(max(max_exec_time)::numeric, 1), round(sum(total_exec_time)::numeric),"
            " left(regexp_replace(query, '\\s+', ' ', 'g'), 100) FROM pg_stat_statements"
            " GROUP BY query ORDER BY sum(total_exec_time) DESC LIMIT :n"), {"n": top})
        return [f"{c:>7} calls  mean {m:>7} ms  max {mx:>7} ms  total {t:>7} ms  {q}"
                for c, m, mx, t, q in rows]


# ---- one counter PC ----------------------------------------------------------------------------

@dataclass
class ClientResult:
    branch: int
    counter: int
    samples: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    cold: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    timeline: list[tuple[float, float]] = field(default_factory=list)  # (second of run, ms)
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    conflicts: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    calls: list[str] = field(default_factory=list)  # registered + walk-in take-ins
    vouchers: list[tuple[str, int]] = field(default_factory=list)  # (number, call id)
    receipts: list[str] = field(default_factory=list)
    payments: list[tuple[str, int]] = field(default_factory=list)  # (number, cents)
    cpu_seconds: float = 0.0
    fatal: str = ""


class CounterPC:
    """One counter: a clerk and the supervisor logged in on the branch's database."""

    def __init__(self, url: str, branch: int, counter: int, seed: int) -> None:
        from sqlalchemy import select

        from app.bootstrap import open_database
        from app.models.customers import Customer, Item
        from app.models.enums import Role
        from app.models.staff import User
        from app.models.store import ProductModel
        from app.services import auth_service
        from app.services.context import ServiceContext

        self.rng = random.Random(seed)
        self.branch, self.counter = branch, counter
        self.db = open_database(url, migrate=False)
        where = f"branch{branch:03d}-counter{counter}"
        clerk = username("clerk" if counter % 2 else "clerk2", branch)
        self.clerk = ServiceContext(self.db, auth_service.log_in(
            self.db, clerk, "clerk123", workstation=where))
        self.boss = ServiceContext(self.db, auth_service.log_in(
            self.db, username("super", branch), "super123", workstation=where))
        with self.clerk.read() as session:  # the branch's customers, items, technicians
            self.customers: list[tuple[int, list[int]]] = []
            items: dict[int, list[int]] = defaultdict(list)
            for item_id, customer_id in session.execute(select(Item.id, Item.customer_id)):
                items[customer_id].append(item_id)
            self.customers = [(c, items.get(c, [])) for c in
                              session.scalars(select(Customer.id).order_by(Customer.id))]
            self.models = list(session.scalars(select(ProductModel.id)))
            self.techs = list(session.scalars(select(User.id).where(
                User.role == Role.TECHNICIAN.value, User.active.is_(True),
                User.branch_id == self.clerk.actor.branch_id)))
        self.unbilled: list[int] = []
        self.walk_ins = 0

    # each action returns {step name: elapsed ms}; refusals propagate

    def register(self, res: ClientResult) -> dict[str, float]:
        from app.services import calls_service

        customer, items = self.rng.choice(self.customers)
        data = calls_service.CallInput(fault=self.rng.choice(FAULTS), customer_id=customer,
                                       item_id=self.rng.choice(items) if items else None)
        t = time.perf_counter()
        call = calls_service.register_call(self.clerk, data)
        ms = (time.perf_counter() - t) * 1000
        res.calls.append(call.number)
        self.unbilled.append(call.id)
        return {"register": ms}

    def search(self, res: ClientResult) -> dict[str, float]:
        from app.services import call_book_service

        flt = call_book_service.CallFilter(search=self.rng.choice(SEARCH_WORDS))
        t = time.perf_counter()
        call_book_service.list_calls(self.clerk, flt, limit=100)
        call_book_service.count_calls(self.clerk, flt, cap=1000)
        return {"search": (time.perf_counter() - t) * 1000}

    def dispatch(self, res: ClientResult) -> dict[str, float]:
        from app.services import dispatch_service

        t = time.perf_counter()
        queue = dispatch_service.dispatch_queue(self.boss)
        took = {"dispatch queue": (time.perf_counter() - t) * 1000}
        if not queue:
            res.skipped["dispatch: empty queue"] += 1
            return took
        row = self.rng.choice(queue[:5])
        t = time.perf_counter()
        job = dispatch_service.dispatch_call(self.boss, row.call_id, self.rng.choice(self.techs),
                                             expected_version=row.version)
        took["dispatch"] = (time.perf_counter() - t) * 1000
        res.vouchers.append((job.number, row.call_id))
        return took

    def take_in(self, res: ClientResult) -> dict[str, float]:
        from app.services import carry_in_service
        from app.services.calls_service import CallInput
        from app.services.customers_service import CustomerInput, ItemInput

        self.walk_ins += 1
        n = self.walk_ins
        # the demo's phones do not start with 199; one number per branch, counter and walk-in
        # (the same number in two branches would make their take-ins wait for each other:
        # the duplicate-phone check locks the number, app/db/locking.lock_name)
        phone = f"199{self.branch:03d}{self.counter}{n:04d}"
        walk_in = CallInput(fault=self.rng.choice(FAULTS),
                            new_customer=CustomerInput(f"顾客{self.counter}-{n}", (phone,),
                                                       "市区解放路 8 号"),
                            new_item=ItemInput(self.rng.choice(self.models), f"LD{phone}"))
        data = carry_in_service.TakeInInput(
            technician_id=self.rng.choice(self.techs),
            promised_date=self.clerk.today() + timedelta(days=5),
            accessories=("电源线",), condition="外壳完好", walk_in=walk_in)
        t = time.perf_counter()
        card = carry_in_service.take_in(self.clerk, data)
        ms = (time.perf_counter() - t) * 1000
        res.receipts.append(card.receipt_number)
        res.calls.append(card.call_number)
        return {"take_in": ms}

    def pay(self, res: ClientResult) -> dict[str, float]:
        from app.services import billing_service, payments_service
        from app.services.money_dto import LineInput

        if not self.unbilled:
            res.skipped["pay: nothing to bill yet"] += 1
            return {}
        call_id = self.unbilled.pop(0)
        t = time.perf_counter()
        bill = billing_service.make_bill(self.clerk, call_id, extra=[
            LineInput("other", "检测费", Decimal(1), Decimal(self.rng.choice((30, 50, 80))))])
        took = {"bill": (time.perf_counter() - t) * 1000}
        owed = bill.total_cents - bill.paid_cents
        if owed <= 0 or bill.id is None:
            res.skipped["pay: bill covered (0 to pay)"] += 1
            return took
        t = time.perf_counter()
        payment = payments_service.collect(self.clerk, bill.id,
                                           amount=Decimal(owed) / 100,
                                           method=self.rng.choice(("cash", "wechat", "alipay")),
                                           place="counter")
        took["pay"] = (time.perf_counter() - t) * 1000
        res.payments.append((payment.number, payment.amount_cents))
        return took

    def report(self, res: ClientResult) -> dict[str, float]:
        from app.services import daily_report_service

        t = time.perf_counter()
        daily_report_service.supervisor_report(self.boss, self.boss.today())
        return {"report": (time.perf_counter() - t) * 1000}

    def today(self, res: ClientResult) -> dict[str, float]:
        from app.services import today_service

        t = time.perf_counter()
        today_service.today(self.boss)
        return {"today": (time.perf_counter() - t) * 1000}


def lost_race(action: str, err: Exception) -> bool:
    """A refusal a user sees only because another counter acted first."""
    from app.errors import ConflictError, ValidationError

    if isinstance(err, ConflictError):
        return True
    return action == "dispatch" and isinstance(err, ValidationError) and err.field == "status"


def act(pc: CounterPC, action: str, res: ClientResult, into: dict[str, list[float]],
        started: float | None) -> None:
    """One user action; its steps' latencies into ``into``, a refusal or error into ``res``."""
    from app.errors import UserError

    try:
        for step, ms in getattr(pc, action)(res).items():
            into[step].append(ms)
            if started is not None:
                res.timeline.append((time.monotonic() - started, ms))
    except UserError as err:
        if lost_race(action, err):
            res.conflicts[action] += 1
        else:
            res.errors.append((action, type(err).__name__, err.text()))
    except Exception as err:  # what a user would see as the generic apology
        res.errors.append((action, type(err).__name__, traceback.format_exc(limit=3)))


def client_main(url: str, branch: int, counter: int, cfg: dict[str, Any], barrier: Any,
                out: Any) -> None:
    """A counter process: log in, warm up, meet the others, act until the end, report."""
    os.environ["SERVICE_COUNTER_DATA"] = str(Path(cfg["data"]) / f"b{branch:03d}c{counter}")
    res = ClientResult(branch, counter)
    pc = None
    try:
        pc = CounterPC(url, branch, counter, seed=cfg["seed"] * 1000 + branch * 10 + counter)
        if cfg["warmup"]:  # a PC that has been open a while: each action done once, apart
            for action in WEIGHTS:
                act(pc, action, res, res.cold, None)
    except Exception:  # reported: the run fails
        res.fatal = traceback.format_exc(limit=4)
    barrier.wait()
    if pc is None:
        out.put(res)
        return
    cpu = time.process_time()
    started = time.monotonic()
    deadline = started + cfg["seconds"]
    actions = list(WEIGHTS)
    weights = [WEIGHTS[a] for a in actions]
    rng = pc.rng
    time.sleep(rng.uniform(0, cfg["think"]))  # the counters do not all start at once
    while time.monotonic() < deadline:
        act(pc, rng.choices(actions, weights)[0], res, res.samples, started)
        pause = rng.expovariate(1 / cfg["think"]) if cfg["think"] > 0 else 0
        time.sleep(max(0.0, min(pause, deadline - time.monotonic())))
    res.cpu_seconds = time.process_time() - cpu
    res.samples, res.cold = dict(res.samples), dict(res.cold)
    pc.db.dispose()
    out.put(res)


# ---- the books afterwards ------------------------------------------------------------------

@dataclass(frozen=True)
class Baseline:
    """The branch's book and day-end money of ``day`` (the store's today when the run
    started: a run may cross midnight in the store's time zone, so the checks afterwards
    count from this day to the day they run)."""
    day: date
    book_today: int
    money_today: int


def supervisor_ctx(url: str, branch: int) -> Any:
    from app.bootstrap import open_database
    from app.services import auth_service
    from app.services.context import ServiceContext

    db = open_database(url, migrate=False)
    return ServiceContext(db, auth_service.log_in(db, username("super", branch), "super123",
                                                  workstation="bench"))


def baseline(url: str, branch: int) -> Baseline:
    from app.services import call_book_service, payments_service

    ctx = supervisor_ctx(url, branch)
    day = ctx.today()
    book = call_book_service.count_calls(
        ctx, call_book_service.CallFilter(date_from=day, date_to=day))
    money = payments_service.day_end(ctx, day).total_cents
    ctx.db.dispose()
    return Baseline(day, book, money)


def number_problems(conn: Any, branch: int) -> list[str]:
    """Every series and month of the branch: the numbers in use are exactly 1..last_value,
    once each, all of them the branch's records."""
    from app.db.numbering import SERIES

    code = branch_code(branch)
    mine = "period NOT LIKE '%:%'" if branch == 1 else "period LIKE :c"
    problems = []
    for series, period, last in conn.execute(text(
            f"SELECT series, period, last_value FROM document_counters WHERE {mine}"),
            {"c": f"{code}:%"}):
        table = SERIES_TABLES.get(series)
        if table is None:
            problems.append(f"series {series}: no table known to check")
            continue
        prefix, _width = SERIES[series]
        head = f"{prefix}{period.replace(':', '-')}-"  # C2612- or C02-2612-
        owner = BRANCH_OF.get(table, "t.branch_id")
        rows = conn.execute(text(f"SELECT t.number, {owner} FROM {table} t WHERE t.number "
                                 "LIKE :p"), {"p": head + "%"}).all()
        serials = Counter(int(n[len(head):]) for n, _ in rows)
        dups = sorted(s for s, k in serials.items() if k > 1)
        gaps = sorted(set(range(1, last + 1)) - set(serials))
        beyond = sorted(s for s in serials if s > last)
        strays = sorted(n for n, b in rows if b != branch)
        if dups or gaps or beyond or strays:
            problems.append(f"{series} {period}: duplicates {dups[:5]} gaps {gaps[:5]} "
                            f"beyond counter {beyond[:5]} in another branch {strays[:5]}")
    return problems


def own_number(number: str, branch: int) -> bool:
    """A call number of this branch's series (C2612-0001 the first's, C02-2612-0001)."""
    body = number[1:]
    return body.count("-") == 1 if branch == 1 else body.startswith(f"{branch_code(branch)}-")


def check_branch(url: str, branch: int, before: Baseline,
                 results: list[ClientResult]) -> list[str]:
    """What does not add up in one branch's books (empty: consistent)."""
    from app.services import call_book_service, payments_service

    ctx = supervisor_ctx(url, branch)
    first, last = before.day, ctx.today()  # the run may have crossed midnight
    days = [first + timedelta(days=k) for k in range((last - first).days + 1)]
    problems: list[str] = []
    calls = [n for r in results for n in r.calls]
    vouchers = [v for r in results for v in r.vouchers]
    receipts = [n for r in results for n in r.receipts]
    payments = [p for r in results for p in r.payments]
    today = call_book_service.CallFilter(date_from=first, date_to=last)
    book = call_book_service.count_calls(ctx, today)
    if book - before.book_today != len(calls):
        problems.append(f"the book's count of the run's days moved by {book - before.book_today}, "
                        f"the counters registered {len(calls)} calls")
    seen = call_book_service.list_calls(ctx, today, limit=book + 10).rows
    others = [r.number for r in seen if not own_number(r.number, branch)]
    if others or not set(calls) <= {r.number for r in seen}:
        problems.append(f"the branch's book of the run's days shows other branches' calls "
                        f"{others[:3]} or misses its own")
    money = sum(payments_service.day_end(ctx, day).total_cents for day in days)
    taken = sum(c for _, c in payments)
    if money - before.money_today != taken:
        problems.append(f"day-end money moved by {money - before.money_today} cents, "
                        f"the counters took {taken}")
    with ctx.db.engine.connect() as conn:
        problems += number_problems(conn, branch) + sql_problems(
            conn, branch, calls, vouchers, receipts, payments)
    ctx.db.dispose()
    return problems


def sql_problems(conn: Any, branch: int, calls: list[str], vouchers: list[tuple[str, int]],
                 receipts: list[str], payments: list[tuple[str, int]]) -> list[str]:
    """Each document a counter made is in the branch once; vouchers, cards, bills agree."""
    problems: list[str] = []
    b = {"b": branch}

    def count_in(table: str, numbers: list[str]) -> int:
        if not numbers:
            return 0
        return int(conn.scalar(text(f"SELECT count(*) FROM {table} WHERE number = ANY(:n) "
                                    "AND branch_id = :b"), {"n": numbers, **b}) or 0)

    for what, table, numbers in (("calls", "calls", calls),
                                 ("vouchers", "jobs", [n for n, _ in vouchers]),
                                 ("receipts", "item_receipts", receipts),
                                 ("payments", "payments", [n for n, _ in payments])):
        if len(set(numbers)) != len(numbers):
            problems.append(f"{what}: a number handed out twice to the counters")
        found = count_in(table, numbers)
        if found != len(numbers):
            problems.append(f"{what}: {len(numbers)} made by the counters, {found} in the "
                            "branch's records")
    voucher_calls = Counter(c for _, c in vouchers)
    if any(k > 1 for k in voucher_calls.values()):
        problems.append("a call dispatched twice")
    bad = conn.scalar(text(
        "SELECT count(*) FROM calls c WHERE c.branch_id = :b AND c.status = 'dispatched' AND "
        "(SELECT count(*) FROM jobs j WHERE j.call_id = c.id AND j.voided_at IS NULL) <> 1"), b)
    if bad:
        problems.append(f"{bad} dispatched calls without exactly one voucher")
    if receipts:
        cardless = conn.scalar(text(
            "SELECT count(*) FROM item_receipts r WHERE r.number = ANY(:n) AND NOT EXISTS "
            "(SELECT 1 FROM repair_cards k WHERE k.receipt_id = r.id)"), {"n": receipts})
        if cardless:
            problems.append(f"{cardless} take-ins without a repair card")
    over = conn.scalar(text(
        "SELECT count(*) FROM bills b WHERE b.branch_id = :b AND b.total_cents < (SELECT "
        "coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.bill_id = b.id AND NOT "
        "p.voided)"), b)
    if over:
        problems.append(f"{over} bills paid beyond their total")
    return problems + paid_twice(conn, payments)


def paid_twice(conn: Any, payments: list[tuple[str, int]]) -> list[str]:
    if not payments:
        return []
    twice = conn.scalar(text(
        "SELECT count(*) FROM (SELECT bill_id FROM payments WHERE number = ANY(:n) AND NOT "
        "voided GROUP BY bill_id HAVING count(*) > 1) t"), {"n": [n for n, _ in payments]})
    return [f"{twice} bills the counters paid more than once"] if twice else []


def company_problems(conn: Any) -> list[str]:
    """Across the company: no number twice in any series (the unique columns, checked)."""
    problems = []
    for series, table in SERIES_TABLES.items():
        dups = conn.scalar(text(f"SELECT count(*) FROM (SELECT number FROM {table} GROUP BY "
                                "number HAVING count(*) > 1) t"))
        if dups:
            problems.append(f"{series}: {dups} numbers used twice in the company")
    return problems


# ---- running it ----------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))  # nearest rank
    return ordered[k]


def server_cpu_seconds(server_url: str) -> float | None:
    """CPU used so far by a server on this machine: the postmaster, its live backends and
    the backends it has reaped (None when the server is elsewhere or unreadable)."""
    try:
        with admin_engine(server_url) as admin, admin.connect() as conn:
            folder = Path(str(conn.scalar(text("SHOW data_directory"))))
        pid = int((folder / "postmaster.pid").read_text().split()[0])
        tick = os.sysconf("SC_CLK_TCK")

        def fields(p: int | str) -> list[str]:
            raw = Path(f"/proc/{p}/stat").read_text()
            return raw[raw.rindex(")") + 2:].split()  # from the state field on

        own = fields(pid)
        total = sum(int(x) for x in own[11:15])  # utime stime cutime cstime
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    f = fields(entry.name)
                except OSError:
                    continue
                if int(f[1]) == pid:
                    total += int(f[11]) + int(f[12])
        return total / tick
    except (OSError, ValueError, IndexError):
        return None


class CpuMeter:
    """The whole machine's CPU use (all cores) between two readings of /proc/stat."""

    def __init__(self) -> None:
        self.first = self._read()

    @staticmethod
    def _read() -> tuple[int, int]:
        try:
            fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        except OSError:
            return (0, 0)
        idle = fields[3] + fields[4]
        return (sum(fields) - idle, sum(fields))

    def busy_percent(self) -> float:
        busy1, all1 = self._read()
        busy0, all0 = self.first
        return 100.0 * (busy1 - busy0) / max(1, all1 - all0)


def run_clients(server_url: str, args: argparse.Namespace, data: Path,
                on_start: Callable[[], None]) -> list[ClientResult]:
    ctx = mp.get_context("fork")  # the parent holds no connection here: all engines disposed
    n = args.branches * args.counters
    barrier = ctx.Barrier(n + 1)
    out = ctx.Queue()
    cfg = {"seconds": args.minutes * 60, "think": args.think, "seed": args.seed,
           "data": str(data), "warmup": args.warmup}
    url = company_url(server_url)
    procs = [ctx.Process(target=client_main, args=(url, b, c, cfg, barrier, out),
                         daemon=True)
             for b in range(1, args.branches + 1) for c in range(1, args.counters + 1)]
    started = time.perf_counter()
    for p in procs:
        p.start()
    barrier.wait(timeout=600)
    on_start()
    print(f"{n} counters logged in ({time.perf_counter() - started:.1f} s); "
          f"running {args.minutes:g} min, think time mean {args.think:g} s ...", flush=True)
    meter, load0 = CpuMeter(), os.getloadavg()[0]
    server0 = server_cpu_seconds(server_url)
    results: list[ClientResult] = []
    limit = time.monotonic() + args.minutes * 60 + 300
    while len(results) < n:
        results.append(out.get(timeout=max(1.0, limit - time.monotonic())))
    server1 = server_cpu_seconds(server_url)
    for p in procs:
        p.join(timeout=30)
    if server0 is not None and server1 is not None:
        print(f"server CPU during the run: {server1 - server0:.0f} s "
              f"({(server1 - server0) / (args.minutes * 60):.2f} cores)")
    print(f"machine CPU busy during the run: {meter.busy_percent():.0f}% of "
          f"{os.cpu_count()} cores; load average 1 min: {load0:.1f} at the start, "
          f"{os.getloadavg()[0]:.1f} at the end")
    return results


def print_cold_and_timeline(results: list[ClientResult], minutes: float) -> None:
    cold: dict[str, list[float]] = defaultdict(list)
    for r in results:
        for step, values in r.cold.items():
            cold[step] += values
    if cold:
        print("warm-up, the first of each action in a fresh counter process (not held to the "
              "targets): " + ", ".join(f"{k} p50 {statistics.median(v):.0f}/p95 "
                                       f"{percentile(v, 95):.0f} ms" for k, v in sorted(
                                           cold.items())))
    minute: dict[int, list[float]] = defaultdict(list)
    for r in results:
        for at, ms in r.timeline:
            minute[int(at // 60)].append(ms)
    print("all steps by minute of the run, p95/p99 ms: " + ", ".join(
        f"{m + 1}: {percentile(v, 95):.0f}/{percentile(v, 99):.0f}"
        for m, v in sorted(minute.items()) if m < max(1, math.ceil(minutes))))


def summarise(results: list[ClientResult], minutes: float) -> bool:
    samples: dict[str, list[float]] = defaultdict(list)
    conflicts: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    errors: list[tuple[str, str, str]] = []
    for r in results:
        for step, values in r.samples.items():
            samples[step] += values
        conflicts.update(r.conflicts)
        skipped.update(r.skipped)
        errors += r.errors
    err_by: Counter[str] = Counter(a for a, _, _ in errors)
    ok = True
    total = sum(len(v) for v in samples.values())
    print(f"\n{'action':<16}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}"
          f"{'errors':>8}{'confl.':>8}  verdict")
    for step in sorted(samples):
        v = samples[step]
        p95, p99 = percentile(v, 95), percentile(v, 99)
        base = step.split(" ")[0]
        good = p95 <= P95_MS and p99 <= P99_MS
        ok &= good
        print(f"{step:<16}{len(v):>7}{statistics.median(v):>9.1f}{p95:>9.1f}{p99:>9.1f}"
              f"{max(v):>9.1f}{err_by.get(base, 0) if step == base else 0:>8}"
              f"{conflicts.get(base, 0) if step == base else 0:>8}  "
              f"{'ok' if good else 'MISSED'}")
    print_cold_and_timeline(results, minutes)
    print(f"{total} timed steps in {minutes:g} min ({total / (minutes * 60):.1f}/s); "
          f"client CPU {sum(r.cpu_seconds for r in results):.0f} s in all")
    if skipped:
        print("skipped (nothing to do at that moment): "
              + ", ".join(f"{k} {v}" for k, v in skipped.items()))
    print(f"conflicts (a user told someone else acted first): {sum(conflicts.values())} "
          + str(dict(conflicts)))
    print(f"errors: {len(errors)}")
    for action, kind, detail in errors[:5]:
        print(f"  {action}: {kind}: {detail.strip().splitlines()[-1][:200]}")
    fatal = [r for r in results if r.fatal]
    for r in fatal[:3]:
        print(f"  counter {r.branch}/{r.counter} did not start: {r.fatal.strip()[-300:]}")
    return ok and not errors and not fatal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--branches", type=int, default=50)
    parser.add_argument("--counters", type=int, default=3, help="counter PCs per branch")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--think", type=float, default=3.0,
                        help="mean think time between actions, seconds (exponential)")
    parser.add_argument("--history", type=int, default=200, help="demo calls per branch")
    parser.add_argument("--url", help="a PostgreSQL server URL (the company database is "
                        "created there); without it a private cluster is started on --port")
    parser.add_argument("--port", type=int, default=55509)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--warmup", action=argparse.BooleanOptionalAction, default=True,
                        help="each counter does each action once before the clock starts "
                        "(its figures are printed apart, not held to the targets)")
    parser.add_argument("--keep", action="store_true", help="keep the company database")
    args = parser.parse_args(argv)

    cluster = None
    if args.url:
        server_url = args.url
    else:
        cluster = Cluster(args.port, max_connections=max(100, 2 * args.branches * args.counters
                                                         + 20))
        server_url = cluster.start()
        print(f"private cluster on port {args.port} (defaults, max_connections "
              f"{cluster.max_connections}, pg_stat_statements loaded)")
    data = Path(tempfile.mkdtemp(prefix="sc-load-data-"))
    os.environ["SERVICE_COUNTER_DATA"] = str(data / "bench")
    try:
        settings = server_settings(server_url)
        print("server: " + ", ".join(f"{k}={v}" for k, v in settings.items()))
        need = args.branches * args.counters * 2 + 10
        if int(settings["max_connections"]) < need:
            print(f"max_connections {settings['max_connections']} < {need} needed "
                  "(two per counter)")
            return 1
        create_company(server_url, args.branches, args.history, data)
        url = company_url(server_url)
        branches = range(1, args.branches + 1)
        before = {b: baseline(url, b) for b in branches}
        statements = statements_available(server_url)
        results = run_clients(server_url, args, data, on_start=(
            (lambda: reset_statements(server_url)) if statements else (lambda: None)))
        ok = summarise(results, args.minutes)
        if statements:
            print("\nserver statements by total time (pg_stat_statements):")
            print("\n".join(slowest_statements(server_url)))
        by_branch: dict[int, list[ClientResult]] = defaultdict(list)
        for r in results:
            by_branch[r.branch].append(r)
        books_bad = 0
        for b in branches:
            problems = check_branch(url, b, before[b], by_branch[b])
            if problems:
                books_bad += 1
                print(f"branch {b}: " + "; ".join(problems[:4]))
        with admin_engine(url) as engine, engine.connect() as conn:
            company = company_problems(conn)
        for problem in company:
            print(f"company: {problem}")
        made = {k: sum(len(getattr(r, k)) for r in results)
                for k in ("calls", "vouchers", "receipts", "payments")}
        print(f"\nbooks: {args.branches - books_bad}/{args.branches} branches consistent "
              f"(calls {made['calls']}, vouchers {made['vouchers']}, receipts "
              f"{made['receipts']}, payments {made['payments']}; number series gap- and "
              "duplicate-free checked per branch)")
        ok = ok and books_bad == 0 and not company
        print(f"VERDICT: {'all targets met' if ok else 'TARGET MISSED'} "
              f"(p95 <= {P95_MS:g} ms, p99 <= {P99_MS:g} ms per action, 0 errors, "
              "0 duplicate numbers, books consistent)")
        if not args.keep:
            with admin_engine(server_url) as admin:
                drop_company(admin)
        return 0 if ok else 1
    finally:
        shutil.rmtree(data, ignore_errors=True)
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
