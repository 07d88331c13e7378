"""The Chinese translation: every string extracted has its Chinese, and the .qm works."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.ui.labels import label, translate_message

ROOT = Path(__file__).resolve().parents[2]
# Files whose strings the shell engineer translated (core.tsv, shell.tsv).
CORE_FILES = [
    "app/ui/labels.py", "app/ui/errors.py", "app/ui/app.py",
    "app/ui/main_window.py", "app/ui/dialogs/login_dialog.py",
    "app/ui/dialogs/first_admin_dialog.py", "app/ui/dialogs/switch_user_dialog.py",
    "app/ui/dialogs/error_dialog.py", "app/ui/dialogs/preferences_dialog.py",
    "app/errors.py", "app/services/auth_service.py", "app/services/calls_service.py",
    "app/services/call_book_service.py", "app/services/call_flow.py",
    "app/services/customers_service.py", "app/services/validation.py",
    "app/services/reference_service.py", "app/services/calendar_service.py",
]


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


def _missing(report: object) -> str:
    pairs: list[tuple[str, str]] = report.untranslated  # type: ignore[attr-defined]
    lines = [f"  [{ctx or 'N_'}] {src!r}" for ctx, src in pairs]
    return ("No Chinese for these sources; add `English<TAB>中文` lines to your "
            "resources/i18n/zh_CN/<feature>.tsv:\n" + "\n".join(lines))


def test_every_string_in_the_app_has_its_chinese(tmp_path: Path) -> None:
    report = tool.build(tmp_path / "all.ts", tmp_path / "all.qm")
    assert report.messages > 100
    assert not report.bad_tsv_lines, "\n".join(report.bad_tsv_lines)
    if report.untranslated:
        pytest.fail(_missing(report), pytrace=False)


def test_qt_tools_are_found_beside_the_running_python_not_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An unactivated virtual environment: its bin folder is not on PATH.
    monkeypatch.setenv("PATH", str(tmp_path))
    files = [ROOT / "app" / "ui" / "labels.py"]
    report = tool.build(tmp_path / "one.ts", tmp_path / "one.qm", files=files)
    assert report.messages > 0
    assert (tmp_path / "one.qm").stat().st_size > 0


def test_core_and_shell_strings_have_their_chinese(tmp_path: Path) -> None:
    files = [ROOT / name for name in CORE_FILES if (ROOT / name).exists()]
    report = tool.build(tmp_path / "core.ts", tmp_path / "core.qm", files=files)
    assert report.translated > 100
    if report.untranslated:
        pytest.fail(_missing(report), pytrace=False)


def test_tsv_lines_keep_their_placeholders(tmp_path: Path) -> None:
    (tmp_path / "x.tsv").write_text(
        "# comment\nAt most {n} characters.\t最多 {n} 个字符。\n"
        "Row {row} is bad.\t这一行有错。\nNo tab here\nTwo lines\\nhere\t两行\\n这里\n",
        encoding="utf-8")
    found = tool.load_tsv(tmp_path)
    assert found.generic == {"At most {n} characters.": "最多 {n} 个字符。",
                             "Two lines\nhere": "两行\n这里"}
    assert [line.split(":")[0:2] for line in found.bad] == [["x.tsv", "3"], ["x.tsv", "4"]]


def test_a_context_column_keeps_a_word_apart(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_text("Completed\t已完工\tLabels\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("Completed\t完工时间\nOpen\t未结\n", encoding="utf-8")
    (tmp_path / "c.tsv").write_text("Open\t未完\n", encoding="utf-8")
    found = tool.load_tsv(tmp_path)
    assert found.lookup("Labels", "Completed") == "已完工"
    assert found.lookup("DispatchBoard", "Completed") == "完工时间"
    assert found.lookup("Any", "Open") == "未完"
    assert len(found.conflicts) == 1 and "'Open'" in found.conflicts[0]


@pytest.fixture
def chinese_qm(qapp: QCoreApplication) -> object:
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "i18n" / "service_counter_zh_CN.qm"))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_the_compiled_qm_translates_ui_and_service_messages(chinese_qm: object) -> None:
    assert QCoreApplication.translate("Pages", "Call-log book") == "叫修登记簿"
    assert label("status", "registered") == "已登记"
    assert label("role", "technician") == "技术员"
    # services' N_() messages live in context "" and reach the user through translate_message
    assert translate_message("This field is required.") == "此项必填。"
    assert translate_message("A password needs at least {n} characters.").format(n=6) == (
        "密码至少需要 6 个字符。")
