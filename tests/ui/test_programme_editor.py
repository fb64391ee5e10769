"""The programme editor: keyboard only, inline checks in plain words, undo, reset asks first,
import and export through the same files as the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from programme_samples import CATALOG, EXAMPLE
from upright.app import build_context
from upright.core.clock import FakeClock
from upright.core.paths import resolve_data_dir
from upright.core.programme import load_programme
from upright.core.programme_file import read_programme_file
from upright.core.value import replace
from upright.ui import programme_editor
from upright.ui.dialogs import confirm
from upright.ui.main_window import MainWindow
from upright.ui.programme_editor import ProgrammeEditor
from upright.ui.reflow import Reflow

K = Qt.Key


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    w = MainWindow(build_context(resolve_data_dir(str(data_dir)).ensure(), FakeClock()))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    with qtbot.waitActive(w):  # page keys work in the active window
        w.show()
        w.activateWindow()
    return w


def open_editor(qtbot: QtBot, window: MainWindow) -> ProgrammeEditor:
    qtbot.keyClick(window.home, K.Key_E)
    editor = window.clinic.editor
    assert window.pages.currentWidget() is editor
    return editor


def tab_to(qtbot: QtBot, target: QWidget, limit: int = 40) -> None:
    """Press Tab until ``target`` has the focus, as a keyboard-only user would."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, K.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}")


def type_into(qtbot: QtBot, box: QSpinBox | QDoubleSpinBox, text: str) -> None:
    qtbot.keyClick(box, K.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, K.Key_Return)


def test_keyboard_only_editing_and_saving(qtbot: QtBot, window: MainWindow) -> None:
    editor = open_editor(qtbot, window)
    assert QApplication.focusWidget() is editor.list.exercises
    hold = editor.form.boxes["hold_s"]
    assert isinstance(hold, QDoubleSpinBox)
    tab_to(qtbot, hold)
    type_into(qtbot, hold, "15")
    assert editor.draft.prescriptions[0].hold_s == 15
    tab_to(qtbot, editor.form.note)
    qtbot.keyClicks(editor.form.note, "Slowly, and only as high as is comfortable.")
    # Add the chest raise from the list of exercises, then move it to the top.
    tab_to(qtbot, editor.list.add_choice)
    index = editor.list.add_choice.findData("chest-raise")
    editor.list.add_choice.setCurrentIndex(index)
    tab_to(qtbot, editor.list.add_button)
    qtbot.keyClick(editor.list.add_button, K.Key_Space)
    assert editor.draft.programme.exercise_ids == ("forearm-press-up", "chest-raise")
    assert editor.row == 1
    qtbot.keyClick(editor.list.exercises, K.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.draft.programme.exercise_ids == ("chest-raise", "forearm-press-up")
    assert editor.list.exercises.currentRow() == 0
    qtbot.keyClick(editor.list.exercises, K.Key_S, Qt.KeyboardModifier.ControlModifier)

    ctx = window.ctx
    assert ctx.history is not None
    stored = load_programme(ctx.history, "default", CATALOG)[0]
    assert stored is not None
    assert stored.exercise_ids == ("chest-raise", "forearm-press-up")
    assert stored.items[1].note == "Slowly, and only as high as is comfortable."
    assert "Saved for default" in editor.status_label.text()
    qtbot.keyClick(editor.list.exercises, K.Key_Escape)  # nothing unsaved: no question
    assert window.pages.currentWidget() is window.home
    assert "Chest raise + Forearm press-up" in window.home.exercise_label.text()
    assert "hold 15 s" in window.home.numbers_label.text()


def test_inline_messages_name_the_field_in_plain_words(qtbot: QtBot, window: MainWindow) -> None:
    editor = open_editor(qtbot, window)
    target = editor.form.boxes["target_hold_s"]
    assert isinstance(target, QDoubleSpinBox)
    error = editor.form.errors["target_hold_s"]
    assert error.isHidden()
    type_into(qtbot, target, "3")  # the start hold is 5 s
    assert not error.isHidden()
    assert error.text() == "⚠ must not be shorter than the start hold"
    assert target.accessibleDescription() == "must not be shorter than the start hold"
    assert not editor.save_button.isEnabled()
    assert "⚠ needs a change" in editor.list.exercises.item(0).text()
    assert "Forearm press-up, Target hold: must not be shorter than the start hold" in (
        editor.problems_label.text()
    )
    type_into(qtbot, target, "20")
    assert error.isHidden() and editor.problems_label.isHidden()
    assert editor.save_button.isEnabled()

    hold = editor.form.boxes["hold_s"]
    assert isinstance(hold, QDoubleSpinBox)
    type_into(qtbot, hold, "25")  # beyond the new target of 20 s
    assert editor.form.errors["hold_s"].text() == "⚠ must be between 5 and 20 s"
    editor.form.note.setPlainText("x" * 501)
    assert editor.form.errors["note"].text() == "⚠ is longer than 500 characters"
    assert not editor.save() and not editor.save_button.isEnabled()


def test_undo_takes_back_twenty_five_edits_even_from_inside_a_box(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = open_editor(qtbot, window)
    original = editor.draft
    hold, rest = editor.form.boxes["hold_s"], editor.form.boxes["rest_s"]
    assert isinstance(hold, QDoubleSpinBox) and isinstance(rest, QDoubleSpinBox)
    hold.setFocus()
    for n in range(26):  # alternating boxes, so no two edits in a row merge into one step
        (hold if n % 2 else rest).setValue(10 + n % 10)
    assert editor.stack is not None and editor.draft != original
    for steps in range(1, 61):  # noqa: B007 (the count is the point)
        qtbot.keyClick(hold, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
        if not editor.undo_button.isEnabled():
            break
    assert steps == 26
    assert editor.draft == original
    assert hold.value() == original.prescriptions[0].hold_s  # the boxes show it too
    qtbot.keyClick(hold, K.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.draft != original


def test_reset_asks_first_and_cancel_keeps_everything(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, window)
    hold = editor.form.boxes["hold_s"]
    assert isinstance(hold, QDoubleSpinBox)
    hold.setValue(20)
    asked: list[str] = []
    answer = [False]

    def fake_confirm(_parent: QWidget, title: str, text: str, yes: str) -> bool:
        asked.append(f"{title} {text} [{yes}]")
        return answer[0]

    monkeypatch.setattr(programme_editor, "confirm", fake_confirm)
    editor.reset_button.click()
    assert len(asked) == 1 and "Reset to defaults?" in asked[0] and "You can undo this" in asked[0]
    assert editor.draft.prescriptions[0].hold_s == 20
    answer[0] = True
    editor.reset_button.click()
    assert editor.draft.prescriptions[0] == CATALOG.exercise("forearm-press-up").defaults
    editor.undo()
    assert editor.draft.prescriptions[0].hold_s == 20


def test_the_safe_answer_is_the_default(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    for key in (K.Key_Return, K.Key_Escape):
        QTimer.singleShot(0, lambda k=key: qtbot.keyClick(QApplication.activeModalWidget(), k))
        assert confirm(parent, "Delete Anna?", "Sure?", "Delete Anna") is False


def test_leaving_with_unsaved_changes_asks(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, window)
    editor.form.boxes["rest_s"].setFocus()
    reps = editor.form.boxes["rest_s"]
    assert isinstance(reps, QDoubleSpinBox)
    reps.setValue(8)
    monkeypatch.setattr(programme_editor, "confirm", lambda *_args: False)
    editor.leave()
    assert window.pages.currentWidget() is editor
    monkeypatch.setattr(programme_editor, "confirm", lambda *_args: True)
    editor.leave()
    assert window.pages.currentWidget() is window.home


def test_import_and_export_through_files(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    editor = open_editor(qtbot, window)
    before = editor.draft
    bad = tmp_path / "bad.json"
    doc = json.loads(EXAMPLE.read_text())
    doc["exercises"][0]["prescription"]["target_hold_s"] = 600
    bad.write_text(json.dumps(doc, indent=2))
    assert not editor.import_file(bad)
    assert editor.draft == before and editor.stack is not None and not editor.stack.can_undo
    assert "bad.json was not imported:" in editor.status_label.text()
    assert "exercises[0].prescription.target_hold_s (line 13)" in editor.status_label.text()

    assert editor.import_file(EXAMPLE)
    assert "written for Anna Example" in editor.status_label.text()
    assert editor.draft.prescriptions == read_programme_file(EXAMPLE, CATALOG).prescriptions
    assert editor.unsaved and editor.save_button.isEnabled()
    out = tmp_path / "out.json"
    assert editor.export_file(out)
    exported = read_programme_file(out, CATALOG)
    assert exported.programme == editor.draft.programme
    assert exported.prescriptions == editor.draft.prescriptions
    assert editor.save()
    ctx = window.ctx
    assert ctx.history is not None
    assert load_programme(ctx.history, "default", CATALOG)[0] == exported.programme

    hold = editor.form.boxes["hold_s"]
    assert isinstance(hold, QDoubleSpinBox)
    hold.setValue(45)  # wrong: beyond the target
    assert not editor.export_file(tmp_path / "wrong.json")
    assert not (tmp_path / "wrong.json").exists()


def test_at_large_text_on_a_small_screen_every_control_is_whole_and_reachable(
    qtbot: QtBot, window: MainWindow
) -> None:
    from upright.core.settings import Settings

    editor = open_editor(qtbot, window)
    assert editor.findChild(Reflow).stacked is False  # 1280x800 at 100%: list beside form
    window.change_settings(Settings(text_scale=2.0))
    window.resize(800, 600)
    qtbot.waitUntil(lambda: editor.width() <= 800)
    qtbot.wait(100)  # the new sizes settle through posted layout requests
    assert editor.findChild(Reflow).stacked  # the list above the form, not squeezed beside it
    toolbar = [
        editor.undo_button,
        editor.redo_button,
        editor.reset_button,
        editor.import_button,
        editor.export_button,
        editor.back_button,
        editor.save_button,
    ]
    scrolled = [
        *editor.list.findChildren(QPushButton),
        editor.list.add_choice,
        editor.list.warmups_box,
        *editor.form.boxes.values(),
    ]
    for control in [*toolbar, *scrolled]:
        assert control.width() >= control.sizeHint().width(), control
        assert control.height() >= control.minimumSizeHint().height(), control

    def overlaps(controls: list[QWidget]) -> bool:
        boxes = [QRect(c.mapTo(editor, QPoint(0, 0)), c.size()) for c in controls]
        return any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])

    assert not overlaps(toolbar) and not overlaps(scrolled)
    [scroll] = editor.findChildren(QScrollArea)
    scroll_box = QRect(scroll.mapTo(editor, QPoint(0, 0)), scroll.size())
    assert not any(
        scroll_box.intersects(QRect(b.mapTo(editor, QPoint(0, 0)), b.size())) for b in toolbar
    )
    # Back and Save stay in sight below the part that scrolls.
    for button in (editor.back_button, editor.save_button):
        corner = button.mapTo(window, QPoint(button.width(), button.height()))
        assert window.rect().contains(corner)


def test_a_store_that_refuses_the_save_says_so_and_keeps_the_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.change_settings(replace(window.ctx.settings, text_scale=1.5))
    window.resize(1366, 768)  # large text: the form scrolls, what Save did must not
    editor = open_editor(qtbot, window)
    hold = editor.form.boxes["hold_s"]
    assert isinstance(hold, QDoubleSpinBox)
    type_into(qtbot, hold, "15")
    ctx = window.ctx
    assert ctx.history is not None
    ctx.history.connection.execute("PRAGMA query_only = ON")  # as a disk gone read-only
    assert not editor.save()
    assert (
        "Not saved: your history could not be written: its file or disk"
        in editor.status_label.text()
    )
    QApplication.processEvents()
    label = editor.status_label
    assert label.visibleRegion().boundingRect().height() == label.height()  # all in sight
    assert editor.unsaved and editor.draft.prescriptions[0].hold_s == 15
    ctx.history.connection.execute("PRAGMA query_only = OFF")
    assert editor.save()
    stored = load_programme(ctx.history, "default", CATALOG)[0]
    assert stored is not None and "Saved for default" in editor.status_label.text()
