"""The call-log book's list (叫修登记簿): filters, search words, keyset pages and counts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    bindparam,
    func,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import Session

from app.db.branch_scope import branch_of
from app.errors import PermissionDenied, ValidationError
from app.i18n import N_
from app.models.calls import Call
from app.models.customers import Customer, CustomerPhone, Item
from app.models.enums import CallStatus, Channel
from app.models.messaging import CallChase
from app.models.store import ProductModel, Zone
from app.services.context import ServiceContext
from app.services.dto import CallRow
from app.services.dto import item_label as label_of
from app.services.find_service import call_number
from app.services.permissions import Perm, allowed
from app.services.validation import mask_phone, searchable

COMMON_TERM_HITS = 1000  # search terms with more hits use the newest-first plan

OPEN_STATUSES = (CallStatus.REGISTERED, CallStatus.DISPATCHED, CallStatus.ON_SITE,
                 CallStatus.TAKEN_IN)


@dataclass(frozen=True)
class CallFilter:
    statuses: tuple[CallStatus, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    zone_id: int | None = None
    channel: Channel | None = None
    search: str = ""
    customer_id: int | None = None
    # one branch's book, for the service department (who sees every branch); a branch's
    # people have only their own, and asking for another's is refused
    branch_id: int | None = None


@dataclass(frozen=True)
class CallPage:
    rows: list[CallRow]
    next_cursor: tuple[datetime, int] | None = None
    extra: dict[str, int] = field(default_factory=dict)


def search_text_of(*parts: str) -> str:
    """The search column from its parts (name, phone digits, model, serial, fault); pure."""
    return " | ".join(p for p in parts if p).lower()


def search_text_for(session: Session, customer_id: int, item_id: int | None, fault: str) -> str:
    customer = session.get(Customer, customer_id)
    assert customer is not None
    parts = [customer.name, *(p.digits for p in customer.phones)]
    if item_id is not None:
        item = session.get(Item, item_id)
        model = session.get(ProductModel, item.product_model_id) if item else None
        if item is not None and model is not None:
            parts += [model.code, model.name, item.serial]
    parts.append(fault)
    return search_text_of(*parts)

# ---- the book as a lazy, keyset-paged list -------------------------------------------------

def _day_start(ctx: ServiceContext, day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ctx.tz)


# The book's statements are built once per shape of filter (which filters are set, how the
# search words are matched, first page or next) and cached: building a select with its joins
# costs as much as running it. The values go in as parameters at each execution.

@dataclass(frozen=True)
class _Shape:
    statuses: bool = False
    date_from: bool = False
    date_to: bool = False
    zone: bool = False
    channel: bool = False
    customer: bool = False
    words: tuple[str, ...] = ()  # per word: number, like, fts, ids or fts_common (_match)
    after: bool = False
    branch: bool = False  # a branch's people: their branch's calls (a Core read, no ORM event)


_FTS_ROWIDS = text("SELECT rowid FROM calls_fts WHERE calls_fts MATCH :q LIMIT :cap")


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _like_pattern(word: str) -> str:
    return "%" + word.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def _match(conn: Connection, word: str, *, newest_first: bool) -> tuple[str, str]:
    """How one search word is matched, and its parameter.

    ``like``: terms of 1–2 characters never match trigrams (DATA-SAFETY.md), and other
    databases have no trigram index. ``fts``: the calls whose rowid the trigram index
    returns (a count visits every hit anyway). For a page, newest first: a rare term (a
    phone, a serial) is fastest as its list of rowids, fetched here once (``ids``); a common
    one (不制冷: thousands of hits) would fetch and sort every hit, so ``fts_common`` hides
    the rowid from the planner (``calls.id + 0``), which then walks ix_calls_received newest
    first and stops after one page (EXPLAIN QUERY PLAN: 190 ms → 2 ms on 200,000 calls).
    """
    if (number := call_number(word)) is not None:  # C2612-0090, c2612-0090, 2612-0090
        return "number", number
    if conn.dialect.name != "sqlite" or len(word) < 3:
        return "like", _like_pattern(word)
    phrase = _fts_phrase(word)
    if not newest_first:
        return "fts", phrase
    limit = COMMON_TERM_HITS
    rowids = conn.execute(_FTS_ROWIDS, {"q": phrase, "cap": limit + 1}).scalars().all()
    if len(rowids) > limit:
        return "fts_common", phrase
    return "ids", json.dumps(rowids)


MAX_SEARCH_WORDS = 8


def search_words(search: str) -> list[str]:
    """The distinct words of a search (every one must match); more than a few is a paste,
    refused at the search box rather than sent as a query no database plans."""
    words = list(dict.fromkeys(searchable(search).lower().split()))
    if len(words) > MAX_SEARCH_WORDS:
        raise ValidationError(N_("At most {n} search words."), field="search",
                              n=MAX_SEARCH_WORDS)
    return words


def _shape_and_params(ctx: ServiceContext, conn: Connection, flt: CallFilter, *,
                      newest_first: bool,
                      after: tuple[datetime, int] | None = None) -> tuple[_Shape, dict[str, Any]]:
    params: dict[str, Any] = {}
    if flt.statuses:
        params["statuses"] = [CallStatus(s).value for s in flt.statuses]
    if flt.date_from:
        params["date_from"] = _day_start(ctx, flt.date_from)
    if flt.date_to:
        params["date_to"] = _day_start(ctx, flt.date_to + timedelta(days=1))
    if flt.zone_id is not None:
        params["zone"] = flt.zone_id
    if flt.channel is not None:
        params["channel"] = Channel(flt.channel).value
    if flt.customer_id is not None:
        params["customer"] = flt.customer_id
    kinds = []
    for n, word in enumerate(search_words(flt.search)):
        kind, params[f"w{n}"] = _match(conn, word, newest_first=newest_first)
        kinds.append(kind)
    if after is not None:
        params["after_at"], params["after_id"] = after
    branch = branch_of(conn)
    if flt.branch_id is not None:
        if branch is not None and branch != flt.branch_id:
            raise PermissionDenied(N_("a record of another branch"))
        branch = flt.branch_id
    if branch is not None:
        params["branch"] = branch
    shape = _Shape(flt.statuses != (), flt.date_from is not None, flt.date_to is not None,
                   flt.zone_id is not None, flt.channel is not None,
                   flt.customer_id is not None, tuple(kinds), after is not None,
                   branch is not None)
    return shape, params


def _ids(shape: _Shape) -> Select[int]:
    """The ids of the calls a filter of this shape matches (parameters bound later)."""
    query = select(Call.id)
    if shape.branch:
        # A rare word (a number, a phone, a serial) or one customer picks a few calls by
        # their own index; the branch is then checked on those rows, not used as the index
        # (SQLite would walk the branch's whole book newest first to spare the sort: at
        # 1,000,000 calls a phone search went from 2.6 to 76 ms).
        selective = shape.customer or any(k in ("number", "ids", "fts") for k in shape.words)
        branch = Call.branch_id + 0 if selective else Call.branch_id
        query = query.where(branch == bindparam("branch"))
    if shape.statuses:
        query = query.where(Call.status.in_(bindparam("statuses", expanding=True)))
    if shape.date_from:
        query = query.where(Call.received_at >= bindparam("date_from"))
    if shape.date_to:
        query = query.where(Call.received_at < bindparam("date_to"))
    if shape.zone:
        query = query.where(Call.zone_id == bindparam("zone"))
    if shape.channel:
        query = query.where(Call.channel == bindparam("channel"))
    if shape.customer:
        query = query.where(Call.customer_id == bindparam("customer"))
    query = query.where(*(_word_condition(n, kind) for n, kind in enumerate(shape.words)))
    if shape.after:
        query = query.where(tuple_(Call.received_at, Call.id) < tuple_(
            bindparam("after_at", type_=Call.received_at.type),
            bindparam("after_id", type_=Integer)))
    return query


def _word_condition(n: int, kind: str) -> ColumnElement[bool]:
    """The condition of search word ``n`` matched as ``kind`` (see ``_match``)."""
    if kind == "number":
        return Call.number == bindparam(f"w{n}")
    if kind == "like":
        return Call.search_text.like(bindparam(f"w{n}"), escape="/")
    if kind == "ids":  # a JSON list of rowids (SQLite's json_each)
        ids = text(f"SELECT value FROM json_each(:w{n})").columns(value=Integer)
        return Call.id.in_(ids)
    fts = text(f"SELECT rowid FROM calls_fts WHERE calls_fts MATCH :w{n}").columns(
        rowid=Integer)
    return (Call.id + 0 if kind == "fts_common" else Call.id).in_(fts)


@lru_cache(maxsize=128)
def _page_statement(shape: _Shape) -> Select[Any]:
    """One page of the book: ids chosen on (received_at, id) alone, then joined to the
    customer, first phone, item and zone (sorting whole rows of every match was the cost)."""
    page = (_ids(shape).order_by(Call.received_at.desc(), Call.id.desc())
            .limit(bindparam("limit", type_=Integer)).subquery())
    first_phone = (select(CustomerPhone.phone)
                   .where(CustomerPhone.customer_id == Call.customer_id)
                   .order_by(CustomerPhone.id).limit(1).correlate(Call).scalar_subquery())
    chases = (select(func.count()).select_from(CallChase).where(CallChase.call_id == Call.id)
              .correlate(Call).scalar_subquery())
    return (
        select(Call.id, Call.number, Call.received_at, Customer.name, first_phone,
               ProductModel.code, ProductModel.name, Item.serial, Call.fault, Call.category,
               Call.status, Call.channel, Zone.name, Call.urgency, chases)
        .select_from(page)
        .join(Call, Call.id == page.c.id)
        .join(Customer, Customer.id == Call.customer_id)
        .outerjoin(Item, Item.id == Call.item_id)
        .outerjoin(ProductModel, ProductModel.id == Item.product_model_id)
        .outerjoin(Zone, Zone.id == Call.zone_id)
        .order_by(Call.received_at.desc(), Call.id.desc())
    )


@lru_cache(maxsize=128)
def _count_statement(shape: _Shape, capped: bool) -> Select[int]:
    ids = _ids(shape)
    if capped:
        ids = ids.limit(bindparam("cap", type_=Integer))  # any order: only the number counts
    return select(func.count()).select_from(ids.subquery())


def list_calls(ctx: ServiceContext, flt: CallFilter, *,
               after: tuple[datetime, int] | None = None, limit: int = 100) -> CallPage:
    """One page of the book, newest first, continuing after ``after`` (keyset paging)."""
    full = allowed(ctx.actor, Perm.CUSTOMER_FULL_PHONE) or allowed(ctx.actor, Perm.CALL_REGISTER)
    with ctx.query() as conn:
        shape, params = _shape_and_params(ctx, conn, flt, newest_first=True, after=after)
        params["limit"] = limit + 1
        found = conn.execute(_page_statement(shape), params).all()
    more = len(found) > limit
    rows = [_row(r, full) for r in found[:limit]]
    cursor = (rows[-1].received_at, rows[-1].id) if more and rows else None
    return CallPage(rows, cursor)


def count_calls(ctx: ServiceContext, flt: CallFilter, *, cap: int | None = None) -> int:
    """How many calls match; with ``cap``, counting stops at ``cap + 1`` ("1000+ calls").

    Uncapped, a two-character search term (漏水) reads every call (~150 ms on 200,000);
    capped, the scan stops at the cap.
    """
    with ctx.query() as conn:
        shape, params = _shape_and_params(ctx, conn, flt, newest_first=False)
        if cap is not None:
            params["cap"] = cap + 1
        return int(conn.scalar(_count_statement(shape, cap is not None), params) or 0)


def _row(r: Any, full: bool) -> CallRow:
    (call_id, number, received, name, phone, code, model_name, serial, fault, category,
     status, channel, zone, urgency, chases) = r
    label = label_of(code, model_name, serial) if code else ""
    return CallRow(call_id, number, received, name or "", _phone(phone or "", full), label,
                   fault, category, status, channel, zone or "", urgency, int(chases or 0))


def _phone(phone: str, full: bool) -> str:
    return phone if full else mask_phone(phone)
