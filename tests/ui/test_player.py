"""The player shows the right phase, time and rep for a core state; the keyboard map drives it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from upright.core.catalog import load_builtin_catalog
from upright.core.clock import FakeClock
from upright.core.phases import Phase
from upright.core.plan import build_plan
from upright.core.recorder import SessionRecorder
from upright.core.session import RunState, Session
from upright.core.session_end import SessionEnd
from upright.core.value import replace
from upright.ui.keys import SessionKeys
from upright.ui.player_page import PlayerPage
from upright.ui.runner import SessionRunner

CATALOG = load_builtin_catalog()
EXERCISE = CATALOG.exercise("forearm-press-up")


@pytest.fixture
def rig(qtbot: QtBot, clock: FakeClock) -> tuple[PlayerPage, SessionRunner, FakeClock]:
    assert EXERCISE.defaults is not None
    p = replace(EXERCISE.defaults, hold_s=10)
    plan = build_plan(CATALOG, [(EXERCISE, p)], warmups=False, get_down=False)
    session = Session(plan, clock)
    runner = SessionRunner(session, SessionRecorder(None, clock, "t", "beginner", []))
    page = PlayerPage()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    runner.ticked.connect(page.show_snapshot)
    page.pause_requested.connect(runner.toggle_pause)
    page.next_requested.connect(runner.next)
    page.back_requested.connect(runner.back)
    page.end_hold_requested.connect(runner.end_hold_early)
    runner.start()
    return page, runner, clock


def advance(runner: SessionRunner, clock: FakeClock, seconds: float) -> None:
    for _ in range(round(seconds / 0.1)):
        clock.advance(0.1)
        runner.tick()


def test_player_shows_phase_time_and_rep(rig: tuple[PlayerPage, SessionRunner, FakeClock]) -> None:
    page, runner, clock = rig
    assert page.phase_label.text() == "GET READY"
    assert page.countdown_label.text() == "5"
    advance(runner, clock, 5 + 2 + 3.4)  # 3.4 s into the first 10 s hold
    assert page.phase_label.text() == "HOLD"
    assert page.countdown_label.text() == "7"  # 6.6 s left shows as 7, never early
    assert page.rep_label.text() == "Rep 1 of 10"
    assert page.end_hold_button.isEnabled()
    advance(runner, clock, 6.6 + 2 + 5 + 0.1)  # the rest of the hold, lower, rest
    assert (page.phase_label.text(), page.rep_label.text()) == ("LIFT", "Rep 2 of 10")
    assert not page.end_hold_button.isEnabled()


def test_countdown_is_a_quarter_of_the_height_at_least(
    rig: tuple[PlayerPage, SessionRunner, FakeClock], qtbot: QtBot
) -> None:
    page, _runner, _clock = rig
    for w, h in ((800, 600), (1366, 768), (3840, 2160)):
        page.resize(w, h)
        qtbot.waitUntil(lambda w=w: page.width() == w)
        assert page.countdown_label.fontMetrics().capHeight() >= 0.25 * h * 0.7
        assert page.countdown_label.font().pixelSize() >= 0.25 * h


def test_buttons_send_commands(
    rig: tuple[PlayerPage, SessionRunner, FakeClock], qtbot: QtBot
) -> None:
    page, runner, _clock = rig
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert runner.session.segment.phase is Phase.LIFT
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    assert runner.session.state is RunState.PAUSED
    assert page.phase_label.text() == "PAUSED"
    assert page.pause_button.accessibleName() == "Resume"


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (Qt.Key.Key_Space, "paused"),
        (Qt.Key.Key_MediaTogglePlayPause, "paused"),
        (Qt.Key.Key_Right, "next"),
        (Qt.Key.Key_PageDown, "next"),
        (Qt.Key.Key_MediaNext, "next"),
        (Qt.Key.Key_Left, "back"),
        (Qt.Key.Key_PageUp, "back"),
        (Qt.Key.Key_Escape, "stop"),
        (Qt.Key.Key_P, "pain"),
        (Qt.Key.Key_Down, "end_hold"),
    ],
)
def test_session_keys(qtbot: QtBot, key: Qt.Key, expected: str) -> None:
    seen: list[str] = []
    page = PlayerPage()
    qtbot.addWidget(page)
    page.show()
    names = ("pause", "next", "back", "end_hold", "stop", "pain")
    keys = SessionKeys({n: (lambda n=n: seen.append(n)) for n in names})
    keys.install()
    try:
        page.stop_button.setFocus()  # Space must never click whichever button has focus
        qtbot.keyClick(page.stop_button, key)
    finally:
        keys.remove()
    assert seen == [{"paused": "pause"}.get(expected, expected)]


def test_enter_pauses_when_no_button_has_focus(qtbot: QtBot) -> None:
    seen: list[str] = []
    page = PlayerPage()
    qtbot.addWidget(page)
    page.show()
    keys = SessionKeys({"pause": lambda: seen.append("pause")})
    keys.install()
    try:
        qtbot.keyClick(page.countdown_label, Qt.Key.Key_Return)
    finally:
        keys.remove()
    assert seen == ["pause"]


def test_enter_activates_a_button_the_user_tabbed_to(qtbot: QtBot) -> None:
    seen: list[str] = []
    page = PlayerPage()
    qtbot.addWidget(page)
    page.show()
    page.next_requested.connect(lambda: seen.append("next-button"))
    keys = SessionKeys({n: (lambda n=n: seen.append(n)) for n in ("pause", "next")})
    keys.install()
    try:
        page.next_button.setFocus()
        qtbot.keyClick(page.next_button, Qt.Key.Key_Return)
    finally:
        keys.remove()
    assert seen == ["next-button"]


def test_stop_records_how_it_ended(rig: tuple[PlayerPage, SessionRunner, FakeClock]) -> None:
    _page, runner, _clock = rig
    ended: list[SessionEnd] = []
    runner.finished.connect(ended.append)
    runner.stop(SessionEnd.PAIN)
    assert ended == [SessionEnd.PAIN]
