"""The test house rules: test files share code only through tests/helpers, and no assert is
decided before the test runs."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"), str(path)))
            for path in sorted(TESTS.rglob("*.py"))]


def test_no_test_file_imports_from_another_test_file() -> None:
    found = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                    "tests.") and node.module.rsplit(".", 1)[-1].startswith("test_"):
                found.append(f"{path.relative_to(TESTS)}:{node.lineno} from {node.module}")
    assert found == [], "share it through tests/helpers instead:\n" + "\n".join(found)


def test_no_assert_is_decided_by_constants_alone() -> None:
    """``assert 0.1 + 0.2 != 0.3`` or ``assert True`` pass whatever the app does."""
    live = (ast.Name, ast.Call, ast.Attribute, ast.Subscript, ast.NamedExpr, ast.Await)
    found = [f"{path.relative_to(TESTS)}:{node.lineno} assert {ast.unparse(node.test)}"
             for path, tree in _modules() for node in ast.walk(tree)
             if isinstance(node, ast.Assert)
             and not any(isinstance(part, live) for part in ast.walk(node.test))]
    assert found == [], "\n".join(found)
