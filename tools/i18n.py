"""Extract, fill and compile the Chinese translation.

    python tools/i18n.py            # lupdate → fill from resources/i18n/zh_CN/*.tsv → lrelease
    python tools/i18n.py --check    # the same, then exit 1 listing untranslated sources

Sources: every app/**/*.py. ``N_("...")`` (services) is extracted as an alias of QT_TR_NOOP
and lands in context "". The TSV files hold ``English source<TAB>中文`` per line, matched by
source text in any context, unless a third column lists the contexts the line is for
(``Completed<TAB>已完工<TAB>Labels``: the status word, not a "Completed" column).
``\\n`` and ``\\t`` in a TSV line stand for newline and tab; ``#`` starts a comment line.
Two different translations of one source (without contexts) are reported as a warning.
Locations are left out of the .ts so that parallel edits of the Python files do not churn it.
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from app.i18n.catalogue import Translations, load_tsv

ROOT = Path(__file__).resolve().parents[1]
APP_DIR = ROOT / "app"
I18N_DIR = ROOT / "resources" / "i18n"
TSV_DIR = I18N_DIR / "zh_CN"
TS_FILE = I18N_DIR / "service_counter_zh_CN.ts"
QM_FILE = I18N_DIR / "service_counter_zh_CN.qm"


@dataclass
class Report:
    messages: int = 0
    translated: int = 0
    untranslated: list[tuple[str, str]] = field(default_factory=list)  # (context, source)
    bad_tsv_lines: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # same source, two translations


def _tool(name: str) -> str:
    """Qt's ``lupdate``/``lrelease`` as shipped inside the running Python's PySide6.

    Found beside the interpreter that runs this script, never on PATH: a virtual environment
    that is not activated, or another Python's PySide6 earlier on PATH, must not matter.
    """
    import PySide6

    tool = name.removeprefix("pyside6-")
    package_dir = Path(PySide6.__file__).resolve().parent
    for candidate in (package_dir / tool, package_dir / f"{tool}.exe",
                      Path(sys.executable).parent / name):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise SystemExit(f"{tool} not found in {package_dir}: reinstall PySide6 (it ships {tool})")


def source_files(app_dir: Path = APP_DIR) -> list[Path]:
    return sorted(p for p in app_dir.rglob("*.py") if "migrations" not in p.parts)


def run_lupdate(ts_file: Path, files: list[Path]) -> None:
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    command = [_tool("pyside6-lupdate"), *map(str, files),
               "-tr-function-alias", "QT_TR_NOOP+=N_", "-locations", "none", "-no-obsolete",
               "-source-language", "en", "-target-language", "zh_CN", "-ts", str(ts_file)]
    subprocess.run(command, check=True, capture_output=True, text=True)


def _context_wrappers(tree: ast.Module) -> tuple[dict[str, str], dict[str, str]]:
    """A module's ``_CTX = "Name"`` constants, and its functions ``tr(text)`` whose body is
    ``QCoreApplication.translate(_CTX, text)`` (function name → context)."""
    constants = {target.id: node.value.value for node in tree.body
                 if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                 and isinstance(node.value.value, str)
                 for target in node.targets if isinstance(target, ast.Name)}
    wrappers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for call in ast.walk(node):
            context = _translate_context(call, constants)
            if context is not None:
                wrappers[node.name] = context
    return constants, wrappers


def _translate_context(node: ast.AST, constants: dict[str, str]) -> str | None:
    """The context of ``QCoreApplication.translate(NAME, …)`` when NAME is a module constant."""
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "translate" and node.args
            and isinstance(node.args[0], ast.Name) and node.args[0].id in constants):
        return constants[node.args[0].id]
    return None


def module_context_messages(files: list[Path]) -> set[tuple[str, str]]:
    """(context, source) of strings translated through a module variable, which lupdate files
    under the unnamed context: ``translate(_CTX, "text")`` and ``tr("text")`` where ``tr``
    wraps ``translate(_CTX, …)``."""
    found: set[tuple[str, str]] = set()
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants, wrappers = _context_wrappers(tree)
        for node in ast.walk(tree):
            found |= _comprehension_messages(node)
            if not isinstance(node, ast.Call) or not node.args:
                continue
            text = node.args[1] if len(node.args) > 1 else None
            context = _translate_context(node, constants)
            if context is None and isinstance(node.func, ast.Name) and \
                    node.func.id in wrappers:
                context, text = wrappers[node.func.id], node.args[0]
            if context and isinstance(text, ast.Constant) and isinstance(text.value, str):
                found.add((context, text.value))
    return found


def _comprehension_messages(node: ast.AST) -> set[tuple[str, str]]:
    """``QT_TRANSLATE_NOOP("Ctx", t) for t in ("A", "B")``: lupdate sees no literal there."""
    if not isinstance(node, (ast.GeneratorExp, ast.ListComp)) or len(node.generators) != 1:
        return set()
    call, loop = node.elt, node.generators[0]
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
            and call.func.id == "QT_TRANSLATE_NOOP" and len(call.args) == 2
            and isinstance(call.args[0], ast.Constant) and isinstance(call.args[1], ast.Name)
            and isinstance(loop.target, ast.Name) and loop.target.id == call.args[1].id
            and isinstance(loop.iter, (ast.Tuple, ast.List))):
        return set()
    return {(str(call.args[0].value), item.value) for item in loop.iter.elts
            if isinstance(item, ast.Constant) and isinstance(item.value, str)}


def add_messages(ts_file: Path, messages: set[tuple[str, str]]) -> None:
    """Put each (context, source) into the .ts unless it is there already."""
    tree = ET.parse(ts_file)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    for context, source in sorted(messages):
        element = contexts.get(context)
        if element is None:
            element = ET.SubElement(root, "context")
            ET.SubElement(element, "name").text = context
            contexts[context] = element
        if any(m.findtext("source") == source for m in element.iter("message")):
            continue
        message = ET.SubElement(element, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").set("type", "unfinished")
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)


def fill(ts_file: Path, table: Translations) -> Report:
    """Write every known translation into the .ts, marking it finished."""
    tree = ET.parse(ts_file)
    report = Report()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            report.messages += 1
            target = table.lookup(name, source)
            translation.attrib.pop("type", None)
            if target:
                translation.text = target
                report.translated += 1
            else:
                translation.text = None
                translation.set("type", "unfinished")
                report.untranslated.append((name, source))
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                       encoding="utf-8")
    return report


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
                   check=True, capture_output=True, text=True)


def build(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE, *, app_dir: Path = APP_DIR,
          tsv_dir: Path = TSV_DIR, files: list[Path] | None = None) -> Report:
    """lupdate, fill from the TSV files, lrelease; the report says what is missing."""
    files = files if files is not None else source_files(app_dir)
    run_lupdate(ts_file, files)
    add_messages(ts_file, module_context_messages(files))
    table = load_tsv(tsv_dir)
    report = fill(ts_file, table)
    report.bad_tsv_lines = table.bad
    report.conflicts = table.conflicts
    run_lrelease(ts_file, qm_file)
    return report


def describe(report: Report) -> str:
    lines = [f"{report.translated} of {report.messages} messages translated"]
    lines += [f"bad TSV line: {line}" for line in report.bad_tsv_lines]
    lines += [f"warning: two translations for {line}" for line in report.conflicts]
    lines += [f"untranslated [{ctx or '(N_)'}]: {source}" for ctx, source in report.untranslated]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if any message has no translation")
    args = parser.parse_args(argv)
    report = build()
    print(describe(report))
    if args.check and (report.untranslated or report.bad_tsv_lines):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
