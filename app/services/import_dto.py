"""What an import shows and returns: the preview of a file and the result of running it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.services.import_columns import ImportKind
from app.services.import_parse import ImportIssue, ImportRow


@dataclass(frozen=True)
class ImportPreview:
    kind: ImportKind
    file_name: str
    headers: tuple[str, ...]
    total_rows: int
    good: tuple[tuple[int, ImportRow], ...]
    issues: tuple[ImportIssue, ...]
    bad_rows: tuple[tuple[int, tuple[Any, ...]], ...] = ()

    @property
    def has_errors(self) -> bool:
        return bool(self.issues)

    @property
    def bad_count(self) -> int:
        return len({i.row for i in self.issues})


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int
    items: int = 0
