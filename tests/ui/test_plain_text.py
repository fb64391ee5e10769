"""Names, a therapist's notes and paths are shown as typed, even when they hold markup (text
pasted from an e-mail or a web page): Qt would otherwise draw "<b>Ann</b>" as a bold "Ann"."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from upright.app import build_context
from upright.core.clock import FakeClock
from upright.core.history import History
from upright.core.paths import resolve_data_dir
from upright.core.profiles import add_profile
from upright.core.programme import Programme, ProgrammeItem, save_programme
from upright.ui.dialogs import warn
from upright.ui.main_window import MainWindow

NAME = "<b>Ann Smith</b>"  # pasted from a clinic's list
NOTE = "Hips stay down <i>always</i>, breathe out as you lift"


def shown_as_typed(qtbot: QtBot, label: QLabel) -> bool:
    """The label looks the same as it does with its text taken as plain text."""
    before = label.grab().toImage()
    label.setProperty("textFormat", "PlainText")
    qtbot.wait(10)
    return before == label.grab().toImage()


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    history = History(data_dir / "history.sqlite3")
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with history.transaction() as db:
        add_profile(db, NAME, at)
    save_programme(history, NAME, Programme((ProgrammeItem("forearm-press-up", NOTE),)), at)
    history.close()
    ctx = build_context(resolve_data_dir(str(data_dir)).ensure(), FakeClock(), profile=NAME)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_home_page_shows_the_name_and_note_as_typed(window: MainWindow, qtbot: QtBot) -> None:
    home = window.home
    assert NAME in home.profile_label.text() and NOTE in home.description_label.text()
    assert shown_as_typed(qtbot, home.profile_label)
    assert shown_as_typed(qtbot, home.description_label)


def test_a_warning_shows_a_path_as_typed(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        label = box.findChild(QLabel, "qt_msgbox_label")
        box.show()
        shown.append(label.text() if shown_as_typed(qtbot, label) else "changed")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    warn(None, "Not saved", "Upright could not save /home/ann/<b>draft</b>.pdf: no space")
    assert shown == ["Upright could not save /home/ann/<b>draft</b>.pdf: no space"]
