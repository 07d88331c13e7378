"""The house rules hold: import-linter's contracts (pyproject.toml) and the DTO rule.

ui → services → models/db one way; printing and export take DTOs; services import no Qt,
printing or screens; the database layer imports no services; no cycles among the services.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's command line on the ``app`` package found under ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    script = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"
    return subprocess.run([sys.executable, "-c", script, "--no-cache"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


def test_the_layer_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " broken" in result.stdout and "0 broken" in result.stdout


def test_an_upward_import_breaks_the_contracts(tmp_path: Path):
    # given a copy of the app where a service imports the screens
    shutil.copytree(ROOT / "app", tmp_path / "app",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "data", "*.tsv"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    service = tmp_path / "app" / "services" / "calls_service.py"
    service.write_text(service.read_text(encoding="utf-8") + "\nimport app.ui  # upward\n",
                       encoding="utf-8")
    # when the contracts are checked there
    result = lint_imports(tmp_path)
    # then the check fails and names the import
    assert result.returncode != 0
    assert "app.services.calls_service -> app.ui" in result.stdout


# ---- where DTOs live ----------------------------------------------------------------------
# The rule (docs/architecture.md): a type that printing or export reads lives in a DTO
# module of the services (``dto.py`` or ``*_dto.py``), with the plain dataclasses and enums
# that describe it; printing and export import nothing else from the services (but money.py,
# plain value helpers). A result type only the screens read may stay in its service.
#
# What still breaks the rule, as (importer, service module); the list only shrinks (a pair
# that is gone must leave it, so it cannot hide a new one); see docs/architecture.md.
KNOWN_EXCEPTIONS = {
    ("app.printing.registry", "app.services.context"),
}


def is_dto_module(name: str) -> bool:
    """A DTO module, or money.py: the value helpers for money (cents, Decimal, 大写 numerals)."""
    last = name.rsplit(".", 1)[-1]
    return last in ("dto", "money") or last.endswith("_dto")


def service_imports_of_printing_and_export(graph: grimp.ImportGraph) -> set[tuple[str, str]]:
    return {(importer, imported)
            for importer in graph.modules if importer.startswith(("app.printing", "app.export"))
            for imported in graph.find_modules_directly_imported_by(importer)
            if imported.startswith("app.services.") and not is_dto_module(imported)}


def test_printing_and_export_take_from_the_services_only_dto_modules():
    sys.path.insert(0, str(ROOT))
    try:
        graph = grimp.build_graph("app", cache_dir=None)
    finally:
        sys.path.remove(str(ROOT))
    found = service_imports_of_printing_and_export(graph)
    assert sorted(found - KNOWN_EXCEPTIONS) == [], "put the type in a *_dto module"
    assert sorted(KNOWN_EXCEPTIONS - found) == [], "fixed: strike it from KNOWN_EXCEPTIONS"


def test_the_dto_rule_catches_a_service_import():
    # given printing importing a DTO module and a service module
    graph = grimp.ImportGraph()
    graph.add_import(importer="app.printing.documents.voucher",
                     imported="app.services.carry_in_dto")
    graph.add_import(importer="app.printing.documents.voucher",
                     imported="app.services.calls_service")
    # then only the service module is reported
    new = service_imports_of_printing_and_export(graph) - KNOWN_EXCEPTIONS
    assert new == {("app.printing.documents.voucher", "app.services.calls_service")}
