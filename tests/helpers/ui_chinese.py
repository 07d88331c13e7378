"""Finding English left on a Chinese screen: every visible text of a window, and the Latin
words in it that are not product codes, key names, formats or program names."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from app.models import enums
from app.ui.main_window import MainWindow

# What may stay in Latin letters: product codes and serials of the seeded store, key names,
# file formats, the names of programs and the seeded workstation (test-pc).
ALLOWED = {"KFR", "XQB", "BCD", "XTE", "GR", "HE", "FP", "Excel", "PDF", "xlsx", "pdf", "Ctrl",
           "Shift", "Alt", "Esc", "Enter", "Tab", "Del", "SQLite", "PostgreSQL", "sqlite",
           "Qt", "Service", "Counter", "CSV", "csv", "YYYY", "English", "test", "PgUp", "PgDn",
           "Home", "End", "Space",
           # the telephony settings: protocol names, and the literal values the fields take
           "USB", "HTTP", "GSM", "JSON", "POST", "Authorization", "Bearer", "auto"}
RAW_KEYS = {str(m.value) for name in dir(enums) if isinstance(e := getattr(enums, name), type)
            and issubclass(e, enum.Enum) and e is not enum.Enum for m in e} - {"A", "B", "C", "D"}
WORD = re.compile(r"[A-Za-z_]{3,}")


def english_in(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)  # rich text tags
    text = re.sub(r"https?://\S+", " ", text)  # web addresses
    text = re.sub(r"\bAT[A-Z]*[+#]?[A-Z]*\d*(=\d+)?", " ", text)  # modem commands (ATZ, AT+VCID=1)
    while (braced := re.sub(r"\{[^{}]*\}", " ", text)) != text:  # {placeholders}, JSON samples
        text = braced
    text = re.sub(r"(/|[A-Za-z]:\\)[^\s]*", " ", text)  # paths
    text = re.sub(r"[\w.-]+\.(sqlite|xlsx|pdf|json)\b", " ", text)  # file names
    words = [w for w in WORD.findall(text) if w not in ALLOWED]
    return words + [k for k in RAW_KEYS if re.search(rf"(?<![A-Za-z_]){k}(?![A-Za-z_])", text)
                    and k not in words]


def _view_texts(where: str, view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model, root = view.model(), view.rootIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model (the sidebar)
        columns = 1
    for column in range(columns):
        yield where + " header", str(model.headerData(
            column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        for row in range(min(model.rowCount(root), 30)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                yield where + f" cell {row},{column}", str(
                    model.index(row, column, root).data(role) or "")


def _widget_texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield widget.text()
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QComboBox):  # the PC's printers keep the names they were given
        printers = set(QPrinterInfo.availablePrinterNames())
        yield from (text for i in range(widget.count())
                    if (text := widget.itemText(i)) not in printers)
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))


def texts_of(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every visible text of ``window``."""
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.objectName() == "statusDatabase":
            continue
        where = f"{type(widget).__name__}#{widget.objectName()}"
        yield where + " tooltip", widget.toolTip()
        yield from ((where, text) for text in _widget_texts(widget))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _view_texts(where, widget)
    yield "window title", window.windowTitle()
    if isinstance(window, MainWindow):
        yield "status bar", window.statusBar().currentMessage()


def english_of(window: QWidget) -> list[str]:
    return [f"{where}: {text[:60]!r} {words}" for where, text in texts_of(window)
            if (words := english_in(text))]
