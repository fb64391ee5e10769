"""The cue timer with a fake clock: the right cue at the right moment, through pause and skip."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from upright.core.catalog import load_builtin_catalog
from upright.core.clock import FakeClock
from upright.core.cues import Cue
from upright.core.plan import build_plan
from upright.core.recorder import SessionRecorder
from upright.core.session import Session
from upright.core.value import replace
from upright.ui.cue_timer import CueTimer
from upright.ui.runner import SessionRunner

CATALOG = load_builtin_catalog()
EXERCISE = CATALOG.exercise("forearm-press-up")


def make(clock: FakeClock, time_scale: float = 1.0) -> tuple[SessionRunner, CueTimer, list[Cue]]:
    assert EXERCISE.defaults is not None
    plan = build_plan(
        CATALOG,
        [(EXERCISE, replace(EXERCISE.defaults, hold_s=10, reps=2))],
        warmups=False,
        get_down=False,
    )
    runner = SessionRunner(
        Session(plan, clock, time_scale), SessionRecorder(None, clock, "t", "beginner", [])
    )
    cues = CueTimer(runner, clock.monotonic)
    heard: list[Cue] = []
    cues.cue_due.connect(heard.append)
    return runner, cues, heard


def step(runner: SessionRunner, cues: CueTimer, clock: FakeClock, seconds: float) -> None:
    """Advance in small steps, letting both timers look, as their real timeouts would."""
    for _ in range(round(seconds / 0.05)):
        clock.advance(0.05)
        runner.tick()
        cues.fire()


def test_cues_arrive_on_time_through_a_rep(qtbot: QtBot, clock: FakeClock) -> None:
    runner, cues, heard = make(clock)
    t0 = clock.monotonic()
    runner.start()
    step(runner, cues, clock, 5 + 2 + 10 + 0.5)
    said = [(c.words, round(c.at_s - t0, 2)) for c in heard]
    assert said[0][0] is not None and said[0][0].startswith("Forearm press-up. Get into position")
    assert ("Rep 1 of 2. Lift.", 5.0) in said
    assert ("Hold, 10 seconds.", 7.0) in said
    assert [w for w, _ in said if w in ("3", "2", "1")] == ["3", "2", "1"]
    assert ("Lower down slowly.", 17.0) in said
    heard_at = {c.words: c.at_s for c in heard}
    assert heard_at["1"] - t0 == 16.0


def test_pause_silences_and_resume_picks_up_the_count(qtbot: QtBot, clock: FakeClock) -> None:
    runner, cues, heard = make(clock)
    runner.start()
    step(runner, cues, clock, 5 + 2 + 3)
    runner.toggle_pause()
    assert heard[-1].words == "Paused."
    before = len(heard)
    clock.advance(30)
    cues.fire()
    assert len(heard) == before  # nothing is said while paused
    runner.toggle_pause()
    step(runner, cues, clock, 7.1)
    words = [c.words for c in heard[before:]]
    assert words[0] == "Carry on." and words[-4:] == ["3", "2", "1", "Lower down slowly."]


def test_skipping_a_hold_cancels_its_count(qtbot: QtBot, clock: FakeClock) -> None:
    runner, cues, heard = make(clock)
    runner.start()
    step(runner, cues, clock, 5 + 2 + 1)
    runner.next()
    step(runner, cues, clock, 9)
    words = [c.words for c in heard]
    assert "3" not in words and "Lower down slowly." in words


def test_a_gap_pauses_and_says_why(qtbot: QtBot, clock: FakeClock) -> None:
    from upright.ui.player_page import PlayerPage
    from upright.ui.session_flow import SessionFlow

    assert EXERCISE.defaults is not None
    from upright.core.today import TodayItem, TodayPlan

    p = replace(EXERCISE.defaults, hold_s=20)
    today = TodayPlan((TodayItem(EXERCISE, CATALOG.level("beginner"), p, ""),), False, False)
    plan = build_plan(CATALOG, [(EXERCISE, p)], warmups=False, get_down=False)
    player = PlayerPage()
    qtbot.addWidget(player)
    flow = SessionFlow(today, plan, clock, None, "t", player)
    flow.start()
    step(flow.runner, flow.cues, clock, 9)
    clock.advance(300)  # the laptop slept
    flow.runner.tick()
    assert flow.session.state.value == "paused"
    assert "not running for 5 minutes" in player.caption_label.text()
    assert player.phase_label.text() == "PAUSED"
    flow.runner.stop()
