"""The Chinese catalogue in resources/i18n/<lang>/*.tsv, read the same way everywhere.

One line per message: ``English source<TAB>中文[<TAB>Context,…]``; ``\\n`` stands for a
newline. The Qt tool (tools/i18n.py) builds the .ts/.qm from it; the command line and the
printed forms read it directly, so they need no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
_PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*\}")


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


@dataclass
class Translations:
    """What the TSV files say: by source text, and by (context, source) where a line names
    contexts in an optional third column (for words that differ by context)."""

    generic: dict[str, str] = field(default_factory=dict)
    scoped: dict[tuple[str, str], str] = field(default_factory=dict)
    bad: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    _where: dict[str, str] = field(default_factory=dict)

    def add(self, source: str, target: str, contexts: str, where: str) -> None:
        if contexts:
            for context in contexts.split(","):
                self.scoped[(context.strip(), source)] = target
            return
        old = self.generic.get(source)
        if old is not None and old != target:
            self.conflicts.append(f"{source!r}: {self._where[source]} {old} ≠ {where} {target}")
        self.generic[source], self._where[source] = target, where

    def lookup(self, context: str, source: str) -> str | None:
        return self.scoped.get((context, source)) or self.generic.get(source)


def _check_line(source: str, sep: str, target: str) -> str | None:
    if not sep or not target:
        return "no translation after a TAB"
    if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(target)):
        return f"placeholders differ: {source!r}"
    return None


def load_tsv(tsv_dir: Path = I18N_DIR / "zh_CN") -> Translations:
    """All TSV lines (``source<TAB>中文[<TAB>Context,…]``); later files win a conflict."""
    found = Translations()
    for path in sorted(tsv_dir.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            source, sep, rest = line.partition("\t")
            target, _, contexts = rest.partition("\t")
            source, target = _unescape(source), _unescape(target.strip())
            where = f"{path.name}:{number}"
            problem = _check_line(source, sep, target)
            if problem:
                found.bad.append(f"{where}: {problem}")
            else:
                found.add(source, target, contexts.strip(), where)
    return found


def messages(language: str = "zh_CN") -> dict[str, str]:
    """Source → translation, ignoring contexts (for the CLI and printed forms)."""
    folder = I18N_DIR / language
    return load_tsv(folder).generic if folder.is_dir() else {}
