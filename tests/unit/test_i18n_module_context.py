"""Strings translated through a module variable reach the .qm under their named context:
``tr("Internal work logged.")`` with ``tr`` wrapping ``translate(_CTX, …)``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

SOURCE = '''
from PySide6.QtCore import QCoreApplication

_CTX = "DispatchPage"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


HEADERS = tuple(QT_TRANSLATE_NOOP("ListExport", text) for text in ("Billed on", "Date in"))


def say() -> str:
    return tr("Internal work logged.") + QCoreApplication.translate(_CTX, "Select a voucher first.")
'''


def test_module_variable_contexts_are_translated(tmp_path: Path):
    # given a module translating through a module variable, and the store's TSV files
    module = tmp_path / "actions.py"
    module.write_text(SOURCE, encoding="utf-8")
    # when the tool builds the translation
    report = i18n.build(tmp_path / "t.ts", tmp_path / "t.qm", files=[module])
    # then both strings are in the named context, translated
    assert not report.untranslated
    translator = QTranslator()
    assert translator.load(str(tmp_path / "t.qm"))
    assert translator.translate("DispatchPage", "Internal work logged.") == "内部工作已登记。"
    assert translator.translate("DispatchPage", "Select a voucher first.") != ""
    # and so are headers marked in a loop (the Excel exports' column titles)
    assert translator.translate("ListExport", "Billed on") != ""
    assert translator.translate("ListExport", "Date in") != ""
