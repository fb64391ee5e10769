"""People in the window: --profile selects (or creates) at start, the person is always shown,
and create, rename, switch and delete (asking first, saying where the backup went) work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from upright.app import build_context
from upright.core.clock import FakeClock
from upright.core.history import PlannedExercise
from upright.core.paths import resolve_data_dir
from upright.core.profiles import profile_names
from upright.ui import profiles_page
from upright.ui.main_window import MainWindow


def make_window(qtbot: QtBot, data_dir: Path, profile: str | None = None) -> MainWindow:
    w = MainWindow(build_context(resolve_data_dir(str(data_dir)).ensure(), FakeClock(), profile))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    with qtbot.waitActive(w):  # the page keys (P, N, R, Del) work in the active window
        w.show()
        w.activateWindow()
    return w


def names(w: MainWindow) -> list[str]:
    assert w.ctx.history is not None
    return profile_names(w.ctx.history.connection)


def test_profile_at_start_is_created_selected_and_shown(qtbot: QtBot, data_dir: Path) -> None:
    w = make_window(qtbot, data_dir, "Anna")
    assert w.ctx.settings.profile == "Anna"
    assert names(w) == ["Anna", "default"]
    assert w.home.profile_label.text() == "Person: Anna"
    w.ctx.history.close()  # type: ignore[union-attr]
    again = make_window(qtbot, data_dir, "anna")  # the same person, however it is typed
    assert again.ctx.settings.profile == "Anna" and names(again) == ["Anna", "default"]


def test_create_switch_rename_and_the_choice_is_remembered(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = make_window(qtbot, data_dir)
    qtbot.keyClick(w.home, Qt.Key.Key_W)
    page = w.clinic.people
    assert w.pages.currentWidget() is page
    monkeypatch.setattr(
        profiles_page.QInputDialog, "getText", lambda *_a, **_k: ("  Bob Smith ", True)
    )
    qtbot.keyClick(page.people, Qt.Key.Key_N)
    assert names(w) == ["Bob Smith", "default"]
    assert page.selected == "Bob Smith"
    assert "Bob Smith was added" in page.status_label.text()

    qtbot.keyClick(page.people, Qt.Key.Key_Return)  # use the selected person
    assert w.pages.currentWidget() is w.home
    assert w.home.profile_label.text() == "Person: Bob Smith"
    saved = json.loads((data_dir / "settings.json").read_text())
    assert saved["profile"] == "Bob Smith"

    w.clinic.show_people()
    monkeypatch.setattr(profiles_page.QInputDialog, "getText", lambda *_a, **_k: ("Rob", True))
    qtbot.keyClick(page.people, Qt.Key.Key_R)
    assert names(w) == ["default", "Rob"]
    assert w.ctx.settings.profile == "Rob"  # still the same person in use, by the new name

    monkeypatch.setattr(profiles_page.QInputDialog, "getText", lambda *_a, **_k: ("rob", True))
    page.people.setCurrentRow(0)  # default
    qtbot.keyClick(page.people, Qt.Key.Key_R)
    assert page.status_label.text() == "There is already a person called Rob."
    assert names(w) == ["default", "Rob"]
    assert page.create("x" * 41) is None
    assert "at most 40 characters" in page.status_label.text()


def test_delete_asks_first_keeps_a_backup_and_moves_to_someone_else(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = make_window(qtbot, data_dir, "Anna")
    history = w.ctx.history
    assert history is not None
    history.begin_session(
        "Anna", "beginner", w.ctx.clock.wall(), [PlannedExercise("forearm-press-up", "b", 5, 1)]
    )
    w.clinic.show_people()
    page = w.clinic.people
    questions: list[str] = []
    answer = [False]

    def fake_confirm(_parent: object, title: str, text: str, yes: str) -> bool:
        questions.append(f"{title}|{text}|{yes}")
        return answer[0]

    monkeypatch.setattr(profiles_page, "confirm", fake_confirm)
    assert page.selected == "Anna"
    qtbot.keyClick(page.people, Qt.Key.Key_Delete)
    assert questions and questions[0].startswith("Delete Anna?|")
    assert str(data_dir / "backups") in questions[0]
    assert names(w) == ["Anna", "default"]  # cancelled: nothing happened

    answer[0] = True
    qtbot.keyClick(page.people, Qt.Key.Key_Delete)
    assert names(w) == ["default"]
    [backup] = (data_dir / "backups").glob("Anna-*.json")
    assert f"A backup of all their data is in {backup}" in page.status_label.text()
    assert "Now using default." in page.status_label.text()
    assert w.ctx.settings.profile == "default"
    assert len(json.loads(backup.read_text())["tables"]["sessions"]) == 1

    qtbot.keyClick(page.people, Qt.Key.Key_Delete)  # the last one: refused, in words
    assert "The last person cannot be deleted" in page.status_label.text()
    assert names(w) == ["default"]


def test_a_store_that_refuses_writes_is_said_on_the_page(qtbot: QtBot, data_dir: Path) -> None:
    w = make_window(qtbot, data_dir)
    w.clinic.show_people()
    page = w.clinic.people
    assert w.ctx.history is not None
    w.ctx.history.connection.execute("PRAGMA query_only = ON")  # as a disk gone read-only
    assert page.create("Bob") is None
    assert page.status_label.text() == (
        "Bob was not added: your history could not be written: its file or disk cannot be"
        " written to."
    )
    assert page.rename("default", "Ann") is None
    assert page.status_label.text().startswith("default was not renamed: your history")
    assert names(w) == ["default"]
    assert w.pages.currentWidget() is page
