"""Reading an import workbook and checking its rows with the services' own rules."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError, ValidationError
from app.i18n import N_
from app.models.customers import CustomerPhone
from app.models.enums import CustomerKind
from app.models.store import ProductModel, Zone
from app.services.context import ServiceContext
from app.services.customers_service import CustomerInput, ItemInput
from app.services.import_columns import ImportKind
from app.services.money import from_cents, to_cents
from app.services.reference_service import (
    ProductModelInput,
    check_product_model,
)
from app.services.validation import clean_text, normalise_phone, not_in_future


@dataclass(frozen=True)
class ImportIssue:
    """One error: spreadsheet row number, the column's header as in the file, the message."""

    row: int
    column: str
    message: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.message).format(**dict(self.params))


@dataclass(frozen=True)
class CustomerRow:
    row: int
    customer: CustomerInput
    items: tuple[ItemInput, ...] = ()


ImportRow = ProductModelInput | CustomerRow


# ---------------------------------------------------------------- reading the file


def read_rows(path: Path) -> Iterator[tuple[int, tuple[Any, ...]]]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError):
        raise ValidationError(N_("This file cannot be read as an Excel workbook (.xlsx)."),
                              field="file") from None
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if any(v is not None and str(v).strip() for v in values):
                yield number, tuple(values)
    finally:
        book.close()


def cell_text(value: Any) -> str:
    """A cell as text: whole-number floats lose their '.0' (phones typed as numbers)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


class _RowErrors:
    """Collects the errors of one row, naming each by the column header of the file."""

    def __init__(self, row: int, headers: dict[str, str]) -> None:
        self.row, self.headers, self.issues = row, headers, list[ImportIssue]()

    def add(self, err: UserError, column_key: str | None = None) -> None:
        key = column_key or err.field or ""
        key = {"phones": "phones", "product_model_id": "model"}.get(key, key)
        self.issues.append(ImportIssue(self.row, self.headers.get(key, key), err.message,
                                       tuple(err.params.items())))

    def check(self, column_key: str, func: Callable[[], Any]) -> Any:
        try:
            return func()
        except ValidationError as err:
            self.add(err, column_key)
            return None


@dataclass
class ParseState:
    ctx: ServiceContext
    session: Session
    kind: ImportKind
    columns: dict[str, int]
    headers: dict[str, str]
    seen: dict[str, tuple[int, str]] = field(default_factory=dict)
    good: list[tuple[int, Any]] = field(default_factory=list)
    issues: list[ImportIssue] = field(default_factory=list)
    bad: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    # Looked up once per file, not once per row.
    zones: dict[str, int] = field(default_factory=dict)
    models: dict[str, int] = field(default_factory=dict)
    phones_on_file: set[str] = field(default_factory=set)

    def load_lookups(self) -> None:
        self.zones = dict(self.session.execute(
            select(Zone.name, Zone.id).where(Zone.active.is_(True))).all())
        self.models = {code.upper(): id_ for code, id_ in self.session.execute(
            select(ProductModel.code, ProductModel.id)).all()}
        if self.kind is ImportKind.CUSTOMERS:
            self.phones_on_file = set(self.session.scalars(select(CustomerPhone.digits)))


def parse_row(state: ParseState, number: int, values: tuple[Any, ...]) -> None:
    raw = {key: values[i] if i < len(values) else None for key, i in state.columns.items()}
    errors = _RowErrors(number, state.headers)
    if state.kind is ImportKind.CATALOGUE:
        parsed: Any = _catalogue_row(state, raw, errors)
    else:
        parsed = _customer_row(state, number, raw, errors)
    if errors.issues:
        state.issues.extend(errors.issues)
        state.bad.append((number, values))
    elif parsed is not None:
        state.good.append((number, parsed))


def freeze(parsed: Any) -> ImportRow:
    if isinstance(parsed, dict):
        return CustomerRow(parsed["row"], parsed["customer"], tuple(parsed["items"]))
    assert isinstance(parsed, ProductModelInput)
    return parsed


def _whole_number(value: Any, default: int) -> int:
    text = cell_text(value)
    if not text:
        return default
    if not re.fullmatch(r"\d{1,3}", text):
        raise ValidationError(N_("Between {low} and {high}."), low=0, high=240)
    return int(text)


def _money(value: Any) -> Decimal:
    if isinstance(value, float):
        value = repr(value)  # the shortest text that reads back as the cell's number
    return Decimal(0) if not cell_text(value) else _decimal(cell_text(value))


def _decimal(text: str) -> Decimal:
    return from_cents(to_cents(text, field="price"))


def _catalogue_row(state: ParseState, raw: dict[str, Any],
                   errors: _RowErrors) -> ProductModelInput | None:
    months = errors.check("warranty_months", lambda: _whole_number(raw.get("warranty_months"), 12))
    price = errors.check("price", lambda: _money(raw.get("price")))
    if months is None or price is None:
        return None
    data = ProductModelInput(cell_text(raw.get("code")), cell_text(raw.get("name")),
                             cell_text(raw.get("category")), cell_text(raw.get("brand")),
                             months, price)
    clean = errors.check("", lambda: check_product_model(data)[0])
    if clean is None:
        return None
    earlier = state.seen.get(clean.code)
    if earlier is not None:
        errors.add(ValidationError(N_("The model {code} is also on row {row}."), code=clean.code,
                                   row=earlier[0]), "code")
    elif clean.code.upper() in state.models:
        errors.add(ValidationError(N_("The model {code} is already in the catalogue."),
                                   code=clean.code), "code")
    state.seen[clean.code] = (errors.row, clean.name)
    return clean  # type: ignore[no-any-return]


# ---------------------------------------------------------------- customer rows

_KINDS = {"": CustomerKind.PERSON, "个人": CustomerKind.PERSON, "person": CustomerKind.PERSON,
          "公司": CustomerKind.COMPANY, "单位": CustomerKind.COMPANY,
          "企业": CustomerKind.COMPANY, "company": CustomerKind.COMPANY}
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日")


def split_phones(value: Any) -> list[tuple[str, str]]:
    """Several phones in one cell, separated by ；,/、 or a new line (or spaces)."""
    found: list[tuple[str, str]] = []
    for part in re.split(r"[；;,，/、\n]+", cell_text(value)):
        if not part.strip():
            continue
        try:
            found.append(normalise_phone(part, field="phones"))
        except ValidationError:
            if not re.search(r"\s", part.strip()):
                raise
            found.extend(normalise_phone(p, field="phones") for p in part.split())
    if not found:
        raise ValidationError(N_("Enter at least one phone number."), field="phones")
    return found


def parse_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        return None
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValidationError(N_("{value} is not a date (write it as 2024-03-05)."),
                          field="purchase_date", value=text)


def _customer_row(state: ParseState, number: int, raw: dict[str, Any],
                  errors: _RowErrors) -> dict[str, Any] | None:
    name = errors.check("name", lambda: clean_text(cell_text(raw.get("name")), field="name",
                                                   max_len=60, required=True))
    phones = errors.check("phones", lambda: split_phones(raw.get("phones")))
    address = errors.check("address", lambda: clean_text(cell_text(raw.get("address")),
                                                         field="address", max_len=200))
    notes = errors.check("notes", lambda: clean_text(cell_text(raw.get("notes")),
                                                     field="notes", max_len=2000,
                                                     multiline=True))
    zone_id = errors.check("zone", lambda: _zone_id(state.zones, raw.get("zone")))
    kind = errors.check("kind", lambda: _kind(raw.get("kind")))
    item = errors.check("model", lambda: _item(state, raw, errors))
    if errors.issues:
        return None
    customer = CustomerInput(name, tuple(d for d, _ in phones), address, zone_id, kind, notes)
    return _place_customer(state, number, customer, phones, item, errors)


def _place_customer(state: ParseState, number: int, customer: CustomerInput,
                    phones: list[tuple[str, str]], item: ItemInput | None,
                    errors: _RowErrors) -> dict[str, Any] | None:
    """Refuse phones already on file or on another row; the same customer on two rows
    (same name, same phones) is one customer with several items."""
    digits = [g for _, g in phones]
    earlier = {state.seen[g] for g in digits if g in state.seen}
    if len(earlier) == 1 and item is not None:
        row, name = earlier.pop()
        first = next(p for n, p in state.good if n == row)
        if name == customer.name and sorted(first["digits"]) == sorted(digits):
            first["items"].append(item)
            return None
    for display, g in phones:
        if g in state.seen:
            errors.add(ValidationError(N_("The phone {phone} is also on row {row}."),
                                       phone=display, row=state.seen[g][0]), "phones")
        elif g in state.phones_on_file:
            errors.add(ValidationError(N_("The phone {phone} is already on file."),
                                       phone=display), "phones")
    if errors.issues:
        return None
    state.seen.update({g: (number, customer.name) for g in digits})
    return {"row": number, "customer": customer, "digits": digits,
            "items": [item] if item is not None else []}


def _zone_id(zones: dict[str, int], value: Any) -> int | None:
    name = cell_text(value)
    if not name:
        return None
    zone = zones.get(name)
    if zone is None:
        raise ValidationError(N_("There is no zone {name}."), field="zone", name=name)
    return zone


def _kind(value: Any) -> CustomerKind:
    text = cell_text(value).lower()
    if text not in _KINDS:
        raise ValidationError(N_("{value} is neither a person nor a company."), field="kind",
                              value=text)
    return _KINDS[text]


def _item(state: ParseState, raw: dict[str, Any], errors: _RowErrors) -> ItemInput | None:
    code = cell_text(raw.get("model")).upper()
    serial = errors.check("serial", lambda: clean_text(cell_text(raw.get("serial")),
                                                       field="serial", max_len=60))
    invoice = errors.check("invoice_no", lambda: clean_text(cell_text(raw.get("invoice_no")),
                                                            field="invoice_no", max_len=40))
    bought = errors.check("purchase_date", lambda: _purchase_date(state, raw))
    if not code:
        if serial or invoice or bought:
            raise ValidationError(N_("Choose a product model."), field="model")
        return None
    model_id = state.models.get(code)
    if model_id is None:
        raise ValidationError(N_("The model {code} is not in the catalogue."), field="model",
                              code=code)
    return ItemInput(model_id, serial or "", bought, invoice or "")


def _purchase_date(state: ParseState, raw: dict[str, Any]) -> date | None:
    bought = parse_date(raw.get("purchase_date"))
    not_in_future(bought, state.ctx.today(), field="purchase_date")
    return bought
