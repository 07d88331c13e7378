"""Import of the product catalogue and an existing customer list from Excel (.xlsx).

Two steps: ``preview_import`` reads and validates every row with the services' own rules
and returns the good rows plus a row-by-row error report; ``run_import`` writes the good
rows in ONE transaction (all or nothing), refusing a file with errors unless told to skip.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError, ValidationError
from app.i18n import N_
from app.models.customers import Customer, CustomerPhone, Item
from app.services.context import ServiceContext
from app.services.import_columns import COLUMNS, REQUIRED, ImportKind, match_headers
from app.services.import_dto import ImportPreview, ImportResult
from app.services.import_parse import (
    CustomerRow,
    ImportIssue,
    ImportRow,
    ParseState,
    cell_text,
    freeze,
    parse_row,
    read_rows,
)
from app.services.permissions import Perm, require
from app.services.reference_service import ProductModelInput, insert_product_model
from app.services.validation import normalise_phone

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

__all__ = ["COLUMNS", "CustomerRow", "ImportCancelled", "ImportIssue", "ImportKind",
           "ImportPreview", "ImportResult", "preview_import", "run_import"]


class ImportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__(N_("The import was cancelled: nothing was imported."))


class ImportRowError(UserError):
    """A row that passed the preview but failed on import (the data changed meanwhile)."""

    def __init__(self, row: int, cause: UserError) -> None:
        super().__init__(N_("Row {row}: {detail} Nothing was imported."), field="file",
                         row=row, detail=cause.text())
        self.row, self.cause = row, cause

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.message).format(row=self.row, detail=self.cause.text(translate))


# ---------------------------------------------------------------- preview


def preview_import(ctx: ServiceContext, path: str | Path, kind: ImportKind) -> ImportPreview:
    """Read and validate the whole file; nothing is written."""
    _require(ctx, kind)
    rows = read_rows(Path(path))
    header_row = next(rows, None)
    if header_row is None:
        raise ValidationError(N_("The file is empty."), field="file")
    header_values = tuple(cell_text(v) for v in header_row[1])
    columns = match_headers(kind, header_values)
    missing = [key for key in REQUIRED[kind] if key not in columns]
    if missing:
        raise ValidationError(N_("The header row has no column {column}."), field="file",
                              column=" / ".join(COLUMNS[kind][missing[0]][:2]))
    headers = {key: header_values[index] for key, index in columns.items()}
    total = 0
    with ctx.read() as session:
        state = ParseState(ctx, session, kind, columns, headers)
        state.load_lookups()
        for number, values in rows:
            total += 1
            parse_row(state, number, values)
    good = tuple((n, freeze(r)) for n, r in state.good)
    return ImportPreview(kind, Path(path).name, header_values, total, good,
                         tuple(state.issues), tuple(state.bad))


# ---------------------------------------------------------------- import


def _require(ctx: ServiceContext, kind: ImportKind) -> None:
    require(ctx.actor, Perm.DATA_IMPORT)
    if kind is ImportKind.CATALOGUE:
        require(ctx.actor, Perm.REFERENCE_MANAGE)


BATCH_ROWS = 200  # rows written per flush: one statement per table, not per row


def run_import(ctx: ServiceContext, preview: ImportPreview, *, skip_bad_rows: bool = False,
               progress: Progress | None = None,
               is_cancelled: Cancelled | None = None) -> ImportResult:
    """Write the good rows of ``preview`` in one transaction; cancel rolls everything back."""
    _require(ctx, preview.kind)
    if preview.has_errors and not skip_bad_rows:
        raise ValidationError(N_("{n} rows have errors: nothing was imported. Correct the "
                                 "file, or choose to import only the good rows."),
                              field="file", n=preview.bad_count)
    total, items = len(preview.good), 0

    def stop_if_cancelled() -> None:
        if is_cancelled is not None and is_cancelled():
            raise ImportCancelled()

    with ctx.write(action="import", reason=f"import {preview.file_name}") as session:
        for start in range(0, total, BATCH_ROWS):
            stop_if_cancelled()
            chunk = preview.good[start:start + BATCH_ROWS]
            if preview.kind is ImportKind.CATALOGUE:
                _write_models(session, chunk)
            else:
                items += _write_customers(session, chunk)
            if progress is not None:
                progress(start + len(chunk), total)
        stop_if_cancelled()
    return ImportResult(total, preview.bad_count, items)


def _write_models(session: Session, chunk: tuple[tuple[int, ImportRow], ...]) -> None:
    for number, row in chunk:
        assert isinstance(row, ProductModelInput)
        try:
            insert_product_model(session, row)
        except UserError as err:
            raise ImportRowError(number, err) from err


def _write_customers(session: Session, chunk: tuple[tuple[int, ImportRow], ...]) -> int:
    """Rows were checked by the preview with the services' rules; phones are checked again
    (another counter may have filed one since), then the chunk is flushed at once."""
    rows = [(n, r) for n, r in chunk if isinstance(r, CustomerRow)]
    phones = {n: [normalise_phone(p, field="phones") for p in r.customer.phones]
              for n, r in rows}
    wanted = [g for found in phones.values() for _, g in found]
    taken = set(session.scalars(select(CustomerPhone.digits).where(
        CustomerPhone.digits.in_(wanted))))
    items = 0
    for number, row in rows:
        clash = [d for d, g in phones[number] if g in taken]
        if clash:
            raise ImportRowError(number, ValidationError(
                N_("The phone {phone} is already on file."), field="phones", phone=clash[0]))
        data = row.customer
        customer = Customer(name=data.name, kind=data.kind.value, address=data.address,
                            zone_id=data.zone_id, notes=data.notes)
        customer.phones = [CustomerPhone(phone=d, digits=g) for d, g in phones[number]]
        customer.items = [Item(product_model_id=i.product_model_id, serial=i.serial,
                               purchase_date=i.purchase_date, invoice_no=i.invoice_no)
                          for i in row.items]
        items += len(row.items)
        session.add(customer)
    session.flush()
    return items
