"""The history view: each session's facts, its reps, and a delete that asks first."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from history_builder import add_session
from upright.app import build_context
from upright.core.clock import FakeClock
from upright.core.history import History
from upright.core.paths import resolve_data_dir
from upright.core.session_end import SessionEnd
from upright.ui.main_window import MainWindow

TZ = ZoneInfo("Europe/Berlin")


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    history = History(data_dir / "history.sqlite3")
    add_session(history, datetime(2026, 3, 2, 9, 5, tzinfo=TZ), [5, 5, 3], checkin=(1, 2, 4))
    add_session(
        history,
        datetime(2026, 3, 4, 18, 30, tzinfo=TZ),
        [10, 6],
        planned_hold_s=10,
        how=SessionEnd.PAIN,
        checkin=(2, None, None),
    )
    history.close()
    ctx = build_context(resolve_data_dir(str(data_dir)).ensure(), FakeClock())
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # keyboard shortcuts need an active window
    return w


def test_sessions_show_their_facts_newest_first(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.home, Qt.Key.Key_H)
    page = window.history_page
    assert window.pages.currentWidget() is page
    texts = [page.sessions_list.item(i).text() for i in range(page.sessions_list.count())]
    assert texts == [
        "Wed 4 Mar 2026  18:30   ·   Forearm press-up (Beginner)   ·   stopped for pain\n"
        "1 of 10 reps held in full   ·   holds: 10\u00a0s planned, typical 8\u00a0s, best 10\u00a0s"
        "   ·   pain 2 before, – after",
        "Mon 2 Mar 2026  09:05   ·   Forearm press-up (Beginner)   ·   finished\n"
        "2 of 10 reps held in full   ·   holds: 5\u00a0s planned, typical 5\u00a0s, best 5\u00a0s"
        "   ·   pain 1 before, 2 after   ·   effort 4",
    ]


def test_a_sessions_detail_lists_every_rep(window: MainWindow) -> None:
    window.show_history()
    page = window.history_page
    page.sessions_list.setCurrentRow(1)
    reps = [page.detail_list.item(i).text() for i in range(page.detail_list.count())]
    assert reps == [
        "Forearm press-up  rep 1: held 5 s of 5 s (completed)",
        "Forearm press-up  rep 2: held 5 s of 5 s (completed)",
        "Forearm press-up  rep 3: held 3 s of 5 s (came down early)",
    ]
    assert page.detail_title.text() == "Reps of the session on Mon 2 Mar 2026  09:05"


@pytest.mark.parametrize(
    ("answer", "left"),
    [(QMessageBox.StandardButton.Cancel, 2), (QMessageBox.StandardButton.Yes, 1)],
)
def test_deleting_asks_first(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, answer: object, left: int
) -> None:
    asked: list[str] = []

    def question(_parent: object, title: str, *_args: object) -> object:
        asked.append(title)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    window.show_history()
    window.history_page.delete_button.click()
    assert asked == ["Delete this session?"]
    assert window.history_page.sessions_list.count() == left
    assert window.ctx.history is not None
    count = window.ctx.history.connection.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
    assert count == left


def test_a_delete_the_store_refuses_is_said_and_the_session_stays(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warned.append(box.text()) or 0)
    assert window.ctx.history is not None
    other = sqlite3.connect(window.ctx.history.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing to the history
    try:
        window.show_history()
        window.history_page.delete_button.click()
    finally:
        other.rollback()
        other.close()
    assert len(warned) == 1 and "The session was not deleted" in warned[0]
    assert "another program is using it" in warned[0]
    assert window.history_page.sessions_list.count() == 2


@pytest.mark.parametrize("width", [1280, 1000, 800])
def test_at_large_text_each_session_is_wrapped_to_the_width_that_shows(
    window: MainWindow, qtbot: QtBot, width: int
) -> None:
    """Rows laid out wider than the list that shows them had their last line cut off."""
    from upright.core.settings import Settings

    assert window.ctx.history is not None
    for day in range(5, 25):  # enough rows for a scroll bar
        add_session(window.ctx.history, datetime(2026, 3, day, 20, 16, tzinfo=TZ), [16.7] * 8)
    window.change_settings(Settings(text_scale=2.0))
    window.resize(width, 800)
    window.show_history()
    qtbot.wait(50)  # the new sizes settle through posted layout requests
    view = window.history_page.sessions_list
    for row in range(view.count()):
        assert view.visualItemRect(view.item(row)).width() <= view.viewport().width()
