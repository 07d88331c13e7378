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


# Where a test may reach into a private name, and why nothing public serves: (file, the
# expression as ast.unparse writes it) -> the reason.
PRIVATE_ALLOWED: dict[tuple[str, str], str] = {
    ("export/test_monthly_workbook.py", "summary._charts"):
        "openpyxl (third party) lists a loaded sheet's charts only in Worksheet._charts",
    ("export/test_monthly_workbook.py", "techs._charts"):
        "openpyxl (third party) lists a loaded sheet's charts only in Worksheet._charts",
    ("unit/test_pglink.py", "db.engine.pool._pre_ping"):
        "SQLAlchemy (third party) keeps pool_pre_ping only on the pool's _pre_ping",
}


def _private_reaches(tree: ast.Module) -> list[tuple[int, str]]:
    """``obj._name`` (not self/cls), and getattr/setattr/monkeypatch.setattr on "_name"."""
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))):
            found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Call) and (
                (isinstance(node.func, ast.Name) and node.func.id in ("getattr", "setattr"))
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "setattr")):
            for arg in node.args[:2]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and any(
                        part.startswith("_") and not part.startswith("__")
                        for part in arg.value.split(".")):
                    found.append((node.lineno, ast.unparse(node)))
    return found


def test_no_test_reaches_into_private_names() -> None:
    """Tests act as a user would (clicks, keys) or through public API and documented seams
    (a public method a test may replace, a property); a page's private method or signal, a
    service's private function, a device's private thread are the code's own business."""
    found = [f"{path.relative_to(TESTS)}:{line} {text}"
             for path, tree in _modules() if path.name != "test_test_house.py"
             for line, text in _private_reaches(tree)
             if (str(path.relative_to(TESTS)), text) not in PRIVATE_ALLOWED]
    assert found == [], "use the public API, or allow it here with a reason:\n" + "\n".join(found)
