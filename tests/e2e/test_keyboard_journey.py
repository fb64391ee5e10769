"""A first week as a person lives it, by keyboard alone: safety questions, a session, the
answers after it, and the next day's question, all stored in a real database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from upright.app import build_context
from upright.core import records
from upright.core.checkins import SCREENING, latest_checkin, record_checkin
from upright.core.clock import FakeClock
from upright.core.paths import resolve_data_dir
from upright.core.session import RunState
from upright.ui.main_window import MainWindow

from .keyboard import answer_after, press, run, show_active

K = Qt.Key


def test_first_run_to_next_day_by_keyboard(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    paths = resolve_data_dir(str(data_dir)).ensure()
    ctx = build_context(paths, clock)
    window = MainWindow(ctx, first="checks")  # as the app opens it
    qtbot.addWidget(window)
    window.resize(1280, 800)
    show_active(qtbot, window)
    assert type(window.pages.currentWidget()).__name__ == "ScreeningPage"  # they come first
    assert "home" not in vars(window)
    press(qtbot, K.Key_N, K.Key_N, K.Key_N, K.Key_N, K.Key_Y, K.Key_A, K.Key_A)
    assert window.pages.currentWidget() is window.home
    assert ctx.history is not None
    assert latest_checkin(ctx.history, "default", SCREENING) is not None

    press(qtbot, K.Key_Return)  # Start
    press(qtbot, K.Key_N, K.Key_1, K.Key_Return)  # no fall or new pain; pain now 1
    assert window.flow is not None and window.pages.currentWidget() is window.player
    press(qtbot, K.Key_Space)
    assert window.flow.session.state is RunState.PAUSED
    press(qtbot, K.Key_Space, K.Key_PageDown)  # resume; a clicker's "next"
    assert window.flow.session.state is RunState.RUNNING
    run(window, clock, 10 * 60)
    assert window.flow is None
    answer_after(qtbot, pain=2, effort=5)
    assert window.pages.currentWidget() is window.summary
    assert "Next time" in window.summary.saved_label.text()
    press(qtbot, K.Key_Return)
    assert window.pages.currentWidget() is window.home

    [row] = records.sessions(ctx.history.connection, "default")
    stored = ctx.history.connection.execute(
        "SELECT pain_before, pain_after, effort FROM sessions WHERE id = ?", (row.id,)
    ).fetchone()
    assert tuple(stored) == (1, 2, 5)

    clock.advance(24 * 3600)  # the next day, the app is opened again
    again = MainWindow(build_context(paths, clock), first="checks")  # as the app opens it
    qtbot.addWidget(again)
    show_active(qtbot, again)
    assert type(again.pages.currentWidget()).__name__ == "NextDayPage"  # "is your back worse?"
    assert "home" not in vars(again)  # built when it is needed, after the answer
    press(qtbot, K.Key_N)
    assert again.pages.currentWidget() is again.home
    press(qtbot, K.Key_H)  # the home page's keys work, though it was built after the start
    assert again.pages.currentWidget() is again.history_page
    worse = ctx.history.connection.execute(
        "SELECT next_day_worse FROM sessions WHERE id = ?", (row.id,)
    ).fetchone()[0]
    assert worse == 0


def test_upright_start_opens_on_the_questions_before_a_session(
    qtbot: QtBot, data_dir: Path
) -> None:
    """`upright start`: the window opens on "any fall or new pain?", without the home page;
    going back from it shows the home page, whose keys work."""
    clock = FakeClock()
    paths = resolve_data_dir(str(data_dir)).ensure()
    history = build_context(paths, clock).history
    assert history is not None
    record_checkin(history, "default", SCREENING, clock.wall(), {"version": 1})
    history.close()
    window = MainWindow(build_context(paths, clock), first="session")  # as `upright start` does
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert type(window.pages.currentWidget()).__name__ == "BeforeSessionPage"
    assert "home" not in vars(window)
    press(qtbot, K.Key_Escape)  # back to the start: not today
    assert window.pages.currentWidget() is window.home and window.flow is None
    press(qtbot, K.Key_Return)  # Start, from the home page: the questions again
    assert type(window.pages.currentWidget()).__name__ == "BeforeSessionPage"
