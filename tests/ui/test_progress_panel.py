"""The progress panel follows one background task: the last signals of the one before do not
move its bar or hide it (they may still be queued when the clerk starts the next task)."""

from __future__ import annotations

from app.ui.tasks import ProgressPanel, Task


def test_a_finished_tasks_late_signals_leave_the_next_task_on_screen(qtbot) -> None:
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    panel.show()
    checked = Task(lambda control: None, panel)  # e.g. checking the workbook
    importing = Task(lambda control: None, panel)  # then the import, started at once
    panel.follow(checked)
    panel.follow(importing)
    importing.progress.emit(2, 5, "")
    checked.progress.emit(5, 5, "")  # late, from the check
    checked.ended.emit()
    assert panel.isVisible() and panel.bar.value() == 2
    importing.ended.emit()
    assert not panel.isVisible()
