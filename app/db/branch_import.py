"""Bring a store's SQLite file into a company's database as a new branch (issue 17).

``migrate-data --as-branch CODE`` copies a single store into a company database that already
holds data, in one transaction on the target (a failure anywhere leaves it unchanged):

- a new branch (``code``, ``name``) is opened and every business record of the store gets it;
- ids are moved past the company's (``old id + the table's highest id``) and every reference
  follows: foreign keys, the audit trail's record keys and user ids, the action tokens'
  record ids, the feedback register's sources, the outbox's event keys;
- document numbers get the branch code (``C2612-0001`` → ``C02-2612-0001``): numbers are
  unique company-wide, and the branch's counters continue from the store's (period
  ``02:2612``). A clerk of the branch who types the number printed on the store's paper
  (``C2612-0001``) still finds it (``find_service`` tries the branch's code as well);
- invoice numbers (the tax office's) keep their value: one the company already has is
  refused, naming it;
- the store's people become the branch's staff; a username the company already uses gets
  the branch code as the demo's branch staff have it (``clerk`` → ``clerk02``, ``clerk2`` →
  ``clerk02_2``), listed in the report (a clash even then: refused, naming them);
- the catalogues merge: product models by code, message templates by kind, parts by part
  number (the store's stock on hand is added to the company's total and is the branch's
  stock); the store's zones come in as the branch's own;
- the store's own values (its profile and letterhead, terms, prices and other settings, its
  business hours and calendar days) become the branch's own values over the company's,
  which stay as they were; the store's monthly outputs are not copied (they stay in the
  store's file).

Verified before the commit: per table the branch's rows equal the source's in count and in
the sum of every money (``*_cents``) column, every document number is found.
On PostgreSQL the tables written are locked (EXCLUSIVE: reading goes on, writing waits) for
the transaction, so the id ranges taken cannot meet a counter's new record.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, func, select, text

from app.db.branch_scope import owned_model
from app.db.database import Database
from app.db.engine import BEGIN_MODE
from app.db.transfer import BATCH, TableCheck, TransferError, money_columns, reset_sequences
from app.i18n import N_
from app.models import Base
from app.models.base import utcnow
from app.models.branch import FIRST_BRANCH_ID
from app.models.enums import Role
from app.models.store import COMPANY_WIDE_SETTINGS

Progress = Callable[[str, int, int], None]

# reference rows with an id, matched in the company by a natural key
# (zones are each branch's own: the store's come in as the branch's)
MERGED = {"product_models": "code", "parts": "number", "message_templates": "kind"}
# the company's own: the store's rows are not copied as they are; its settings, hours and
# calendar days become the branch's own values (``_store_values_as_branchs``)
COMPANY_ONLY = frozenset({"branches", "business_hours", "store_days", "settings",
                          "complaint_month_figures", "monthly_submissions"})
# the store's own values of the company's tables → the branch's override tables
AS_BRANCHS = {"settings": ("branch_settings", "key"), "business_hours": ("branch_hours",
                                                                          "weekday"),
              "store_days": ("branch_days", "day")}
# number columns printed on paper: they get the branch code
NUMBERS = {"calls": "number", "jobs": "number", "item_receipts": "number",
           "repair_cards": "number", "payments": "number", "complaints": "number",
           "maintenance_contracts": "number", "survey_cards": "number",
           "complaint_liaisons": "number", "feedback": "source_number",
           "register_entries": "receipt_number"}
DOCUMENTS = frozenset(NUMBERS) - {"feedback", "register_entries"}
TOKEN_KINDS = {"call": "calls", "receipt": "item_receipts"}  # idempotency.note_saved kinds
FEEDBACK_SOURCES = {"card": "survey_cards", "complaint": "complaints",
                    "followup": "followups"}
EVENT_KINDS = {"call": "calls", "job": "jobs", "receipt": "item_receipts",
               "promise": "promise_changes", "contract": "maintenance_contracts",
               "complaint": "complaints"}
PRINTED = re.compile(r"([A-Z]?)(\d{4}-\d+)")
# settings key: the last month (YYMM) the store printed numbers without the branch code;
# a branch without it was never a store of its own (find_service tries the code only here)
PRINTED_BEFORE = "branch_import.{code}.printed_before"


def branch_number(number: str, code: str) -> str:
    """A store's printed number as the branch's (``C2612-0001`` → ``C02-2612-0001``)."""
    match = PRINTED.fullmatch(number)
    return f"{match[1]}{code}-{match[2]}" if match else number


@dataclass
class BranchImport:
    """What the import did: the branch, the checks, the renamed accounts, the merges."""

    branch_id: int
    code: str
    checks: list[TableCheck] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    merged: dict[str, tuple[int, int]] = field(default_factory=dict)  # matched, added
    not_copied: dict[str, int] = field(default_factory=dict)
    numbers: int = 0  # document numbers checked found


class BranchImportError(TransferError):
    """A refusal the command line shows translated: ``message`` (N_) with ``params``."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message.format(**params))
        self.message, self.params = message, params


class _Ids:
    """Old id → new id, per table: an offset, or a dict for merged reference rows."""

    def __init__(self, branch_id: int) -> None:
        self.branch_id = branch_id
        self.offset: dict[str, int] = {}
        self.merged: dict[str, dict[int, int]] = {}
        self.known_users: set[int] = set()

    def new(self, table: str, old: int) -> int:
        if table == "branches":
            return self.branch_id
        if table in self.merged:
            return self.merged[table][old]
        return old + self.offset[table]


def _id_table(table: Table) -> bool:
    cols = list(table.primary_key.columns)
    return len(cols) == 1 and cols[0].name == "id"


def _count(conn: Connection, table: Table, *where: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table).where(*where))
               .scalar_one())


def _money(conn: Connection, table: Table, *where: Any) -> int:
    total = 0
    for name in money_columns(table):
        total += int(conn.execute(select(func.coalesce(func.sum(table.c[name]), 0))
                                  .where(*where)).scalar_one())
    return total


def _rows(src: Connection, table: Table) -> Iterable[list[dict[str, Any]]]:
    order = list(table.primary_key.columns)
    result = src.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
    for chunk in result.partitions(BATCH):
        yield [dict(row._mapping) for row in chunk]


def _refuse_company(src: Connection) -> None:
    branches = Base.metadata.tables["branches"]
    if _count(src, branches) > 1:
        raise BranchImportError(N_("The file holds several branches: a company's database, "
                                   "not a store's."))


def _lock(dst: Connection, tables: list[Table]) -> None:
    if dst.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        dst.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))


def _open_branch(dst: Connection, code: str, name: str) -> int:
    branches = Base.metadata.tables["branches"]
    if dst.execute(select(branches.c.id).where(branches.c.code == code)).first():
        raise BranchImportError(N_("The branch code {code} is taken: this store may be in "
                                   "the company already."), code=code)
    row = dst.execute(branches.insert().values(code=code, name=name, kind="branch",
                                               active=True).returning(branches.c.id))
    return int(row.scalar_one())


def _refuse_clashes(src: Connection, dst: Connection, code: str) -> None:
    """Numbers that keep their value and are unique company-wide: the tax office's invoice
    numbers (not ours to change) and any document number of no known shape."""
    kept: list[str] = []
    for name in ("invoices", *sorted(DOCUMENTS)):
        table = Base.metadata.tables[name]
        column = table.c["invoice_no" if name == "invoices" else NUMBERS[name]]
        values = [v for v in src.scalars(select(column))
                  if name == "invoices" or branch_number(v, code) == v]
        for i in range(0, len(values), 500):
            kept += dst.scalars(select(column).where(column.in_(values[i:i + 500]))).all()
    if kept:
        raise BranchImportError(N_("The company already has these numbers (invoices keep "
                                   "theirs): {numbers}. Nothing was copied."),
                                numbers=", ".join(sorted(kept)[:10]))


def _plan_ids(src: Connection, dst: Connection, ids: _Ids, report: BranchImport) -> None:
    for table in Base.metadata.sorted_tables:
        if table.name in COMPANY_ONLY or not _id_table(table):
            continue
        top = int(dst.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
        ids.offset[table.name] = top
        if table.name in MERGED:
            key = table.c[MERGED[table.name]]
            theirs = {k: v for k, v in dst.execute(select(key, table.c.id))}
            mapping: dict[int, int] = {}
            matched = 0
            for old, value in src.execute(select(table.c.id, key)):
                if value in theirs:
                    mapping[old] = theirs[value]
                    matched += 1
                else:
                    mapping[old] = old + top
            ids.merged[table.name] = mapping
            report.merged[table.name] = (matched, len(mapping) - matched)
    users = Base.metadata.tables["users"]
    ids.known_users = set(src.scalars(select(users.c.id)).all())


def _rename_users(src: Connection, dst: Connection, code: str,
                  report: BranchImport) -> None:
    users = Base.metadata.tables["users"]
    theirs = set(dst.scalars(select(users.c.username)).all())
    ours = list(src.scalars(select(users.c.username)).all())
    taken = set(theirs) | set(ours)
    clashes = []
    for name in ours:
        if name in theirs:  # as the demo names a branch's staff: clerk02, clerk02_2
            base = name.rstrip("0123456789")
            digits = name[len(base):]
            new = f"{base}{code}_{digits}" if digits else f"{base}{code}"
            if new in taken or len(new) > getattr(users.c.username.type, "length", 40):
                clashes.append(name)
            else:
                report.renamed[name] = new
                taken.add(new)
    if clashes:
        raise BranchImportError(N_("The company already uses these usernames, also with the "
                                   "branch code added: {names}. Rename them in the store "
                                   "first."), names=", ".join(sorted(clashes)))


def _convert(table: Table, row: dict[str, Any], ids: _Ids, code: str,
             report: BranchImport) -> dict[str, Any]:
    name = table.name
    for column in table.columns:
        value = row[column.name]
        if value is None:
            continue
        if column.name == "branch_id" and (name == "users" or owned_model(name)):
            row[column.name] = ids.branch_id
        elif column.foreign_keys:
            parent = next(iter(column.foreign_keys)).column.table.name
            row[column.name] = ids.new(parent, value)
    if _id_table(table) and name in ids.offset:
        row["id"] = ids.new(name, row["id"])
    if name in NUMBERS and row[NUMBERS[name]]:
        row[NUMBERS[name]] = branch_number(row[NUMBERS[name]], code)
    _special(name, row, ids, code, report)
    return row


def _special(name: str, row: dict[str, Any], ids: _Ids, code: str,
             report: BranchImport) -> None:
    """The references that are not foreign keys."""
    if name == "users":
        row["username"] = report.renamed.get(row["username"], row["username"])
        row["branch_id"] = ids.branch_id
    elif name == "audit_log":
        _convert_audit(row, ids)
    elif name == "action_tokens" and row["kind"] in TOKEN_KINDS:
        row["record_id"] = ids.new(TOKEN_KINDS[row["kind"]], row["record_id"])
    elif name == "feedback" and row["source"] in FEEDBACK_SOURCES and row["source_id"]:
        row["source_id"] = ids.new(FEEDBACK_SOURCES[row["source"]], row["source_id"])
    elif name == "outbox_messages":
        row["event_key"] = _event_key(row["event_key"], ids, code)
    elif name == "document_counters" and ":" not in row["period"]:
        row["period"] = f"{code}:{row['period']}"


def _convert_audit(row: dict[str, Any], ids: _Ids) -> None:
    if row["user_id"] is not None:
        row["user_id"] = (ids.new("users", row["user_id"])
                          if row["user_id"] in ids.known_users else None)
    table, key = row["table_name"], row["row_key"]
    if key.isdigit() and (table in ids.offset or table == "branches"):
        with suppress(KeyError):  # a merged reference row no longer in the store
            row["row_key"] = str(ids.new(table, int(key)))


def _event_key(key: str, ids: _Ids, code: str) -> str:
    kind, _, rest = key.partition(":")
    old, _, tail = rest.partition(":")
    if kind in EVENT_KINDS and old.isdigit():
        new = ids.new(EVENT_KINDS[kind], int(old))
        return f"{kind}:{new}:{tail}" if tail else f"{kind}:{new}"
    return f"{key}@{code}"[:120]


def _copy(src: Connection, dst: Connection, table: Table, ids: _Ids, code: str,
          report: BranchImport, progress: Progress | None) -> None:
    name = table.name
    if name in COMPANY_ONLY:
        report.not_copied[name] = _count(src, table)
        return
    total, done = _count(src, table), 0
    for chunk in _rows(src, table):
        rows = []
        for raw in chunk:
            if name in MERGED:
                old = raw["id"]
                new = ids.merged[name][old]
                if new != old + ids.offset[name]:  # the company has it
                    if name == "parts" and raw["stock_on_hand"]:
                        dst.execute(table.update().where(table.c.id == new).values(
                            stock_on_hand=table.c.stock_on_hand + raw["stock_on_hand"]))
                    continue
            rows.append(_convert(table, raw, ids, code, report))
        if rows:
            dst.execute(table.insert(), rows)
        done += len(chunk)
        if progress:
            progress(name, done, total)


def _where(src: Connection, table: Table, ids: _Ids,
           code: str) -> tuple[list[Any], list[Any]]:
    """The rows of the store in the source, the branch's copies of them in the target."""
    name = table.name
    if name in ids.offset:
        lo = ids.offset[name]
        top = int(src.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
        return [], [table.c.id > lo, table.c.id <= lo + top]
    if name == "message_consents":
        return [], [table.c.customer_id > ids.offset["customers"]]
    if name == "document_counters":
        return [table.c.period.not_like("%:%")], [table.c.period.like(f"{code}:%")]
    raise TransferError(f"no check known for table {name}")


def _numbers_found(src: Connection, dst: Connection, table: Table, src_where: list[Any],
                   dst_where: list[Any], code: str, report: BranchImport) -> list[str]:
    """The counters moved whole; every document number of the store is in the branch."""
    name = table.name
    if name == "document_counters":
        last = func.coalesce(func.sum(table.c.last_value), 0)
        src_last = src.execute(select(last).where(*src_where)).scalar_one()
        dst_last = dst.execute(select(last).where(*dst_where)).scalar_one()
        return [] if src_last == dst_last else [f"{name}: counters {src_last}/{dst_last}"]
    if name not in DOCUMENTS:
        return []
    column = table.c[NUMBERS[name]]
    wanted = {branch_number(n, code) for n in src.scalars(select(column))}
    have = set(dst.scalars(select(column).where(*dst_where)))
    report.numbers += len(wanted)
    return [] if wanted == have else [f"{name}: {len(wanted - have)} numbers not found"]


def _verify(src: Connection, dst: Connection, ids: _Ids, code: str,
            report: BranchImport) -> None:
    bad: list[str] = []
    for table in Base.metadata.sorted_tables:
        name = table.name
        if name in COMPANY_ONLY or name in MERGED:
            continue
        if name == "action_tokens":
            tokens = list(src.scalars(select(table.c.token)).all())
            found = sum(_count(dst, table, table.c.token.in_(tokens[i:i + 500]))
                        for i in range(0, len(tokens), 500))
            report.checks.append(TableCheck(name, len(tokens), found, 0, 0))
            continue
        src_where, dst_where = _where(src, table, ids, code)
        if owned_model(name) is not None or name == "users":
            dst_where.append(table.c.branch_id == ids.branch_id)
        src_rows, dst_rows = _count(src, table, *src_where), _count(dst, table, *dst_where)
        check = TableCheck(name, src_rows, dst_rows, _money(src, table, *src_where),
                           _money(dst, table, *dst_where))
        report.checks.append(check)
        bad += _numbers_found(src, dst, table, src_where, dst_where, code, report)
    bad += [f"{c.table} {c.source_rows}/{c.target_rows} rows, {c.source_money}/"
            f"{c.target_money} fen" for c in report.checks if not c.ok]
    if bad:
        raise BranchImportError(N_("The copy did not verify, nothing was changed: {problems}"),
                                problems=", ".join(bad))


def _note_printed_before(src: Connection, dst: Connection, code: str) -> None:
    counters, settings = (Base.metadata.tables[n] for n in ("document_counters", "settings"))
    last = src.scalar(select(func.max(counters.c.period)).where(
        counters.c.period.not_like("%:%")))
    if last:
        dst.execute(settings.insert().values(key=PRINTED_BEFORE.format(code=code),
                                             value=str(last)))


def _note_in_trail(dst: Connection, report: BranchImport, name: str) -> None:
    """The audit trail says when the branch came in, and how (after the copied entries)."""
    trail = Base.metadata.tables["audit_log"]
    dst.execute(trail.insert(), [
        {"at": utcnow(), "user_id": None, "username": "migrate-data", "role": "",
         "workstation": socket.gethostname()[:60], "table_name": "branches",
         "row_key": str(report.branch_id), "action": "insert", "field": field,
         "old_value": None, "new_value": value,
         "reason": "migrate-data --as-branch: a store's file brought in"}
        for field, value in (("code", report.code), ("name", name))])


def place_first_branch(conn: Connection, name: str) -> int:
    """A store moved to the server (``migrate-data``, inside its transaction) as the
    company's first branch: the branch gets its name and the store's people (all but the
    administrators, who stay in the service department and see every branch) work in it, as
    the upgrade that brought branches made an older store's. Returns how many were placed."""
    branches, users = (Base.metadata.tables[n] for n in ("branches", "users"))
    conn.execute(branches.update().where(branches.c.id == FIRST_BRANCH_ID).values(name=name))
    placed = conn.execute(users.update().where(users.c.branch_id.is_(None),
                                               users.c.role != Role.ADMIN.value)
                          .values(branch_id=FIRST_BRANCH_ID))
    return int(placed.rowcount or 0)


def import_branch(source: Database, target: Database, *, code: str, name: str,
                  progress: Progress | None = None) -> BranchImport:
    """Copy the store ``source`` into the company ``target`` as the new branch ``code``;
    all or nothing. Both databases must be at the same schema revision."""
    tables = list(Base.metadata.sorted_tables)
    begin = target.engine
    if begin.dialect.name == "sqlite":
        begin = begin.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
    with source.engine.connect() as src, begin.begin() as dst:
        _refuse_company(src)
        if dst.dialect.name == "sqlite":
            dst.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        _lock(dst, [t for t in tables if t.name not in COMPANY_ONLY or t.name == "branches"])
        branch_id = _open_branch(dst, code, name)
        report = BranchImport(branch_id, code)
        ids = _Ids(branch_id)
        _rename_users(src, dst, code, report)
        _refuse_clashes(src, dst, code)
        _plan_ids(src, dst, ids, report)
        for table in tables:
            _copy(src, dst, table, ids, code, report, progress)
        _note_printed_before(src, dst, code)
        if dst.dialect.name == "postgresql":
            reset_sequences(dst)
        _note_in_trail(dst, report, name)
        _verify(src, dst, ids, code, report)
        _store_values_as_branchs(src, dst, ids, report)
    return report


def _of_the_database(key: str) -> bool:
    """A setting of the store's database itself (the demo mark, the set-up's progress, an
    earlier import's note), not a value of the store."""
    return key in COMPANY_WIDE_SETTINGS or key.startswith("branch_import.")


def _store_values_as_branchs(src: Connection, dst: Connection, ids: _Ids,
                             report: BranchImport) -> None:
    """The store's profile, letterhead, prices, hours and calendar days were its own: they
    become the branch's own values over the company's (where the store's first branch had
    an own value already, that one came in with the branch's rows and stays)."""
    for name, (target_name, key) in AS_BRANCHS.items():
        table, target = Base.metadata.tables[name], Base.metadata.tables[target_name]
        have = set(dst.scalars(select(target.c[key]).where(
            target.c.branch_id == ids.branch_id)).all())
        rows = []
        for raw in src.execute(select(table)).mappings():
            if raw[key] in have or (name == "settings" and _of_the_database(raw[key])):
                continue
            row = {c.name: raw[c.name] for c in table.columns if c.name in target.c}
            rows.append({**row, "branch_id": ids.branch_id, "version": 1})
        if rows:
            dst.execute(target.insert(), rows)
        report.merged[target_name] = (len(have), len(rows))


__all__ = ["BranchImport", "branch_number", "import_branch", "place_first_branch"]
