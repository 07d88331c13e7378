"""The import's error report: the bad rows as they were, with their errors, as a workbook."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.export.list_export import export_rows
from app.services.import_dto import ImportPreview


def write_error_report(preview: ImportPreview, path: str | Path, *,
                       translate: Callable[[str], str] = lambda s: s,
                       headers: tuple[str, str] = ("Row", "Errors")) -> None:
    """The bad rows as they were in the file, with their row number and errors beside them
    (written like every export: app.export.list_export)."""
    by_row: dict[int, list[str]] = {}
    for issue in preview.issues:
        column = f"{issue.column}: " if issue.column else ""
        by_row.setdefault(issue.row, []).append(column + issue.text(translate))
    rows = []
    for number, values in preview.bad_rows:
        cells = [v if v is None or isinstance(v, int | float | str | date) else str(v)
                 for v in values]
        cells += [None] * (len(preview.headers) - len(cells))
        rows.append([number, *cells, "；".join(by_row.get(number, []))])
    export_rows(Path(path), title=headers[1], headers=[headers[0], *preview.headers, headers[1]],
                rows=rows)
