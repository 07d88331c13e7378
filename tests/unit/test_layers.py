"""Layers depend one way: services know nothing of printing, the screens or Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[2] / "app" / "services"
FORBIDDEN = ("app.printing", "app.ui", "PySide6")


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", sorted(SERVICES.glob("*.py")), ids=lambda p: p.name)
def test_a_service_imports_no_printing_screen_or_qt(path: Path):
    wrong = sorted(name for name in imports(path)
                   if any(name == f or name.startswith(f + ".") for f in FORBIDDEN))
    assert wrong == []
