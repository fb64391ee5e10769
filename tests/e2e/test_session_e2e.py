"""The whole app from the same factory as upright.app, a fake clock and a real database file."""

from __future__ import annotations

import csv
from pathlib import Path

from pytestqt.qtbot import QtBot

from upright.app import build_context, main
from upright.core import records
from upright.core.clock import FakeClock
from upright.core.paths import resolve_data_dir
from upright.core.phases import Phase
from upright.core.session_end import SessionEnd
from upright.ui.main_window import MainWindow

from .keyboard import answer_after, run, show_active


def test_a_whole_beginner_session_is_recorded_and_exported(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, capsys: object
) -> None:
    clock = FakeClock()
    paths = resolve_data_dir(str(data_dir)).ensure()
    ctx = build_context(paths, clock)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert "Forearm press-up" in window.home.exercise_label.text()
    assert "10 reps" in window.home.numbers_label.text()
    assert "hold 5 s" in window.home.numbers_label.text()

    window.begin_session()
    assert window.pages.currentWidget() is window.player
    seen_phases: set[Phase] = set()
    assert window.flow is not None
    window.flow.runner.phase_started.connect(lambda e: seen_phases.add(e.segment.phase))
    run(window, clock, 60 * 10)
    assert window.flow is None
    answer_after(qtbot, pain=1, effort=4)
    assert window.pages.currentWidget() is window.summary
    assert "10 of 10 reps" in window.summary.count_label.text()
    assert seen_phases >= {Phase.MOVE, Phase.SETTLE, Phase.LIFT, Phase.HOLD, Phase.LOWER}

    assert ctx.history is not None
    [row] = records.sessions(ctx.history.connection, "default")
    assert (row.ended_how, row.reps_done, row.reps_planned) == (SessionEnd.FINISHED, 10, 10)
    ctx.history.close()

    out = tmp_path / "reps.csv"
    assert main(["--data-dir", str(data_dir), "export", "--csv", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert [int(r["rep"]) for r in rows] == list(range(1, 11))
    assert {(r["exercise"], r["level"], r["target_hold_s"], r["held_s"]) for r in rows} == {
        ("forearm-press-up", "beginner", "5.0", "5.0")
    }
    assert all(r["completed"] == "true" and r["profile"] == "default" for r in rows)


def test_stopping_mid_hold_keeps_the_partial_rep(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    ctx = build_context(resolve_data_dir(str(data_dir)).ensure(), clock)
    ctx.settings = ctx.settings.__class__(warmups=False)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.begin_session()
    run(window, clock, 30 + 5 + 2 + 3)  # get down, get ready, lift, 3 s into the hold
    assert window.flow is not None and window.flow.session.segment.phase is Phase.HOLD
    window.flow.runner.stop(SessionEnd.STOPPED)
    assert ctx.history is not None
    [row] = records.sessions(ctx.history.connection, "default")
    assert row.ended_how is SessionEnd.STOPPED
    [rep] = records.reps(ctx.history.connection, row.id)
    assert rep.held_s == 3 and not rep.completed


def test_level_choice_is_remembered(qtbot: QtBot, data_dir: Path) -> None:
    paths = resolve_data_dir(str(data_dir)).ensure()
    window = MainWindow(build_context(paths, FakeClock()))
    qtbot.addWidget(window)
    window.home.level_buttons["advanced"].click()
    assert "Chest raise" in window.home.exercise_label.text()
    again = MainWindow(build_context(paths, FakeClock()))
    qtbot.addWidget(again)
    assert "Chest raise" in again.home.exercise_label.text()
    assert "8 reps" in again.home.numbers_label.text()


def test_a_therapists_programme_of_two_exercises_runs_in_order(
    qtbot: QtBot, data_dir: Path
) -> None:
    from upright.core.programme import Programme, ProgrammeItem, save_programme

    clock = FakeClock()
    paths = resolve_data_dir(str(data_dir)).ensure()
    ctx = build_context(paths, clock)
    assert ctx.history is not None
    programme = Programme(
        (ProgrammeItem("hand-press-up", "Elbows soft"), ProgrammeItem("forearm-press-up")),
        warmups=False,
    )
    save_programme(ctx.history, "default", programme, clock.wall())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert "Press-up on hands + Forearm press-up" in window.home.exercise_label.text()
    assert "Elbows soft" in window.home.description_label.text()
    window.begin_session()
    run(window, clock, 60 * 10)
    answer_after(qtbot, pain=0, effort=5)
    [row] = records.sessions(ctx.history.connection, "default")
    assert (row.reps_done, row.reps_planned, row.ended_how) == (20, 20, SessionEnd.FINISHED)
    exercises = [r.exercise for r in records.reps(ctx.history.connection, row.id)]
    assert exercises == ["hand-press-up"] * 10 + ["forearm-press-up"] * 10
    stored = ctx.history.connection.execute(
        "SELECT exercise FROM prescriptions WHERE profile = 'default' ORDER BY exercise"
    ).fetchall()
    assert [r[0] for r in stored] == ["forearm-press-up", "hand-press-up"]
