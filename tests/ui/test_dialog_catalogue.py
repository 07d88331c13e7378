"""Every dialog is in the catalogue the screen-fit and Chinese tests walk; and every data-entry
dialog asks before typed work is lost — on Esc, on Cancel and on the window's X (Alt+F4) —
while an untouched form closes without a question."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services.context import ServiceContext
from app.ui.dialogs.form_dialog import FormDialog
from tests.helpers.dialog_catalogue import (
    BASES,
    FORMS,
    VIEWS,
    Stage,
    dialog_classes,
    is_form,
    longest_form,
)
from tests.helpers.ui import names, tab_round, type_text
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, settle

pytestmark = [IGNORE_OFFSCREEN]


def test_every_dialog_is_in_the_catalogue():
    # given every QDialog subclass in app/ui
    missing = {cls.__qualname__ for cls in dialog_classes()} - {
        cls.__qualname__ for cls in (*FORMS, *VIEWS, *BASES)}
    # then each is opened by the screen-fit and all-Chinese tests (or is only a base)
    assert missing == set()


def test_data_entry_dialogs_are_forms_and_views_are_not():
    assert [c.__name__ for c in FORMS if not is_form(c)] == []
    assert [c.__name__ for c in VIEWS if is_form(c)] == []


@pytest.fixture
def stage(db: Database, login: Callable[[str], ServiceContext], tmp_path) -> Stage:
    return Stage(db, login, tmp_path)


def _field(dialog: QDialog) -> QWidget:
    """The first field of the form a clerk can type into (or, failing that, choose in)."""
    roots = dialog.form_roots() if isinstance(dialog, FormDialog) else [dialog]
    widgets = [w for root in roots for w in [root, *root.findChildren(QWidget)]
               if w.isVisible() and w.isEnabled()]
    for kind in (QLineEdit, QPlainTextEdit, QComboBox, QCheckBox):
        for widget in widgets:
            if isinstance(widget, kind) and not (
                    isinstance(widget, (QLineEdit, QPlainTextEdit)) and widget.isReadOnly()) \
                    and not isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
                if isinstance(widget, QComboBox) and widget.count() < 2:
                    continue
                return widget
    raise AssertionError(f"{type(dialog).__name__}: no field to type into")


def _type(qtbot: QtBot, field: QWidget) -> Callable[[], object]:
    """Type (or choose) something in ``field``; returns what the field then shows."""
    field.setFocus()
    if isinstance(field, QLineEdit):
        field.end(False)
        type_text(field, "测试")
        return field.text
    if isinstance(field, QPlainTextEdit):
        type_text(field, "测试")
        return field.toPlainText
    if isinstance(field, QComboBox):
        field.setCurrentIndex((field.currentIndex() + 1) % field.count())
        return field.currentIndex
    assert isinstance(field, QCheckBox)
    qtbot.keyClick(field, Qt.Key.Key_Space)
    return field.isChecked


def _close_ways(dialog: QDialog, qtbot: QtBot) -> Iterator[tuple[str, Callable[[], None]]]:
    def escape() -> None:
        target = QApplication.focusWidget()
        qtbot.keyClick(target if target is not None and dialog.isAncestorOf(target)
                       else dialog, Qt.Key.Key_Escape)

    def window_x() -> None:  # what the window manager sends for the X and for Alt+F4
        QApplication.sendEvent(dialog.windowHandle(), QCloseEvent())
        settle()

    yield "Esc", escape
    yield "X", window_x
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole:
                assert isinstance(button, QAbstractButton)
                yield f"button {button.text()!r}", button.click


def _open(qtbot: QtBot, stage: Stage, cls: type[QDialog]) -> QDialog:
    dialog = FORMS[cls](stage)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    return dialog


@pytest.mark.parametrize("cls", list(FORMS), ids=lambda c: c.__name__)
def test_a_filled_form_asks_before_closing(qtbot: QtBot, stage: Stage, cls: type[QDialog]):
    # given the form with something typed into a field
    dialog = _open(qtbot, stage, cls)
    field = _type(qtbot, _field(dialog))
    shown = field()
    asked: list[str] = []
    dialog.confirm_discard = lambda: asked.append("asked") or False  # "no, keep it"
    # when it is closed each way the clerk can (Esc, the window's X, Cancel/Close)
    for way, close in _close_ways(dialog, qtbot):
        asked.clear()
        close()
        # then she is asked, and after "no" the form stays with what she typed
        assert (way, asked, dialog.isVisible(), field()) == (way, ["asked"], True, shown)
    # and after "yes, discard" the X closes it
    dialog.confirm_discard = lambda: True
    QApplication.sendEvent(dialog.windowHandle(), QCloseEvent())
    assert not dialog.isVisible()


@pytest.mark.parametrize("way", ["Esc", "X", "button"])
@pytest.mark.parametrize("cls", list(FORMS), ids=lambda c: c.__name__)
def test_an_untouched_form_closes_without_a_question(qtbot: QtBot, stage: Stage,
                                                     cls: type[QDialog], way: str):
    # given the form as it opened
    dialog = _open(qtbot, stage, cls)
    dialog.confirm_discard = lambda: pytest.fail("nothing typed: no question")
    ways = [close for name, close in _close_ways(dialog, qtbot) if name.startswith(way)]
    if not ways:
        pytest.skip("no Cancel/Close button: Esc and the X close it")
    # when it is closed, then it closes at once
    ways[0]()
    assert not dialog.isVisible()


@pytest.mark.parametrize("cls", [*FORMS, *VIEWS], ids=lambda c: c.__name__)
def test_tab_visits_every_control_of_every_dialog(qtbot: QtBot, stage: Stage,
                                                  cls: type[QDialog]):
    # given the dialog, its longest form showing
    factory = FORMS.get(cls) or VIEWS[cls]
    dialog = factory(stage)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    longest_form(dialog)
    dialog.activateWindow()
    settle()
    # when Tab is pressed round the dialog
    missed, fault = tab_round(qtbot, dialog, inside=True)
    # then the focus moves on at every press, stays in the dialog, and every control has had it
    assert fault is None
    assert names(missed) == []
