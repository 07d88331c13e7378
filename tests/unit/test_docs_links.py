"""The README and docs/ send readers only to files that ship with the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
# Repository paths named in backticks: a known top folder, then a file name with an extension.
NAMED_PATH = re.compile(r"`((?:app|tests|docs|tools|benchmarks|resources|packaging|\.ci)/"
                        r"[\w./-]+\.\w+)`")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_link_and_named_file_is_inside_the_repository(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    missing = []
    for target in LINK.findall(text):
        if target.startswith(("http://", "https://", "mailto:", "#")):
            continue
        path = (doc.parent / target.split("#")[0]).resolve()
        if ROOT not in path.parents or not path.exists():
            missing.append(target)
    missing += [name for name in NAMED_PATH.findall(text) if not (ROOT / name).exists()]
    assert not missing, f"{doc.name} points outside the repository or at nothing: {missing}"
    assert "/work/" not in text and "../shared" not in text
