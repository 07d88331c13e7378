"""No module of the app may open a file dialog (or anything that lists files and reads them)
except app/ui/file_dialogs.py, whose dialogs never open the files they list (issue 12)."""

from __future__ import annotations

import re
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
ALLOWED = APP / "ui" / "file_dialogs.py"
# Qt classes that read the files they show: dialogs, file-system models (a completer over
# one), icon/type providers, MIME sniffing.
FORBIDDEN = re.compile(r"\b(QFileDialog|QFileSystemModel|QFileIconProvider|"
                       r"QAbstractFileIconProvider|QMimeDatabase|QDirModel)\b")


def test_only_file_dialogs_module_touches_qt_file_dialogs():
    offenders = [f"{path.relative_to(APP.parent)}:{number}: {line.strip()}"
                 for path in sorted(APP.rglob("*.py")) if path != ALLOWED
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if FORBIDDEN.search(line)]
    assert offenders == [], "open file dialogs through app/ui/file_dialogs.py:\n" + "\n".join(
        offenders)


def test_the_rule_sees_a_direct_call():
    assert FORBIDDEN.search("path, _ = QFileDialog.getSaveFileName(self, title)")
    assert FORBIDDEN.search("from PySide6.QtWidgets import QFileSystemModel, QCompleter")
