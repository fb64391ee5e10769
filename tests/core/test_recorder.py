"""The session recorder with a history that could not be opened at start-up: it tries again,
not so often that the window would freeze, and saves every waiting rep once it can."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from upright.core import records
from upright.core.clock import FakeClock
from upright.core.events import RepCompleted, SessionFinished
from upright.core.history import History, HistoryError, PlannedExercise
from upright.core.recorder import SessionRecorder
from upright.core.session_end import SessionEnd

EXERCISE = "forearm-press-up"


def test_a_history_that_opens_later_gets_every_rep_and_is_not_tried_at_every_phase(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    tries: list[float] = []
    blocked = True
    in_use = "Your history file is in use by another program."

    def reopen() -> History:
        tries.append(clock.monotonic())
        if blocked:
            raise HistoryError(in_use)
        return History(tmp_path / "h.sqlite3")

    planned = [PlannedExercise(EXERCISE, "beginner", 5.0, 3)]
    recorder = SessionRecorder(None, clock, "default", "beginner", planned, reopen=reopen)
    started = clock.wall()
    recorder.begin()
    assert (
        recorder.problem == "Your history file is in use by another program. Upright keeps trying."
    )
    for n in (1, 2):
        for _ in range(12):  # a phase change every second: the lift, the hold, the rest ...
            clock.advance(1.0)
            recorder.handle([])
        start = clock.wall() - timedelta(seconds=6)
        recorder.handle([RepCompleted(EXERCISE, n, 5.0, 5.0, True, start, clock.wall())])
    assert recorder.problem and "2 reps not saved yet" in recorder.problem
    assert [round(t - tries[0]) for t in tries] == [0, 10, 20]  # not 27 tries in 26 s
    blocked = False
    clock.advance(10.0)
    recorder.handle([SessionFinished(SessionEnd.FINISHED, clock.monotonic())])
    assert recorder.problem is None and recorder.pending == []
    assert recorder.history is not None and recorder.unsaved_at_end(retried=False) is None
    [row] = records.sessions(recorder.history.connection, "default")
    assert row.ended_how is SessionEnd.FINISHED
    assert [r.rep for r in records.reps(recorder.history.connection, row.id)] == [1, 2]
    assert row.started_at == started.isoformat()  # when it began, not when it could be saved


def test_a_save_that_another_program_blocks_waits_half_a_second_then_waits_in_memory(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    history = History(tmp_path / "h.sqlite3")
    planned = [PlannedExercise(EXERCISE, "beginner", 5.0, 3)]
    recorder = SessionRecorder(history, clock, "default", "beginner", planned)
    recorder.begin()
    waited: list[int] = []
    add_rep = history.add_rep

    def watched_add_rep(*args: object) -> None:
        waited.append(history.connection.execute("PRAGMA busy_timeout").fetchone()[0])
        add_rep(*args)  # type: ignore[arg-type]

    history.add_rep = watched_add_rep  # type: ignore[method-assign]
    other = sqlite3.connect(tmp_path / "h.sqlite3", isolation_level=None)  # a database browser
    other.execute("BEGIN IMMEDIATE")
    clock.advance(8.0)
    start = clock.wall() - timedelta(seconds=6)
    recorder.handle([RepCompleted(EXERCISE, 1, 5.0, 5.0, True, start, clock.wall())])
    assert waited == [500]  # not the 5 s a start-up waits: the window is not held up
    assert (
        recorder.problem
        and "another program is using it" in recorder.problem
        and len(recorder.pending) == 1
    )
    assert history.connection.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    other.execute("ROLLBACK")
    recorder.handle([])
    assert recorder.pending == [] and recorder.problem is None


def test_what_a_session_could_not_save_by_its_end_is_saved_later(tmp_path: Path) -> None:
    """The disk refuses from rep 2 to after the session: the summary says the reps wait, and
    save_rest() (which the window tries again) saves them and the end once it can."""
    clock = FakeClock()
    history = History(tmp_path / "h.sqlite3")
    planned = [PlannedExercise(EXERCISE, "beginner", 5.0, 3)]
    recorder = SessionRecorder(history, clock, "default", "beginner", planned)
    recorder.begin()
    for rep in (1, 2, 3):
        if rep == 2:
            history.connection.execute("PRAGMA query_only = ON")  # as a disk that filled up
        clock.advance(8.0)
        start = clock.wall() - timedelta(seconds=6)
        recorder.handle([RepCompleted(EXERCISE, rep, 5.0, 5.0, True, start, clock.wall())])
    recorder.handle([SessionFinished(SessionEnd.FINISHED, clock.monotonic())])
    assert recorder.unsaved_at_end(retried=True) == (
        "Upright could not save to your history (its file or disk cannot be written to). "
        "2 reps of this session are not saved yet. Upright will try again."
    )
    assert recorder.unsaved_at_end(retried=False) == (
        "Upright could not save to your history (its file or disk cannot be written to). "
        "2 reps of this session could not be saved."
    )
    with pytest.raises(HistoryError, match=r"^your history could not be written: its file or disk"):
        recorder.save_rest(history)
    history.connection.execute("PRAGMA query_only = OFF")
    recorder.save_rest(history)
    assert recorder.pending == [] and recorder.cause is None
    [row] = records.sessions(history.connection, "default")
    assert [r.rep for r in records.reps(history.connection, row.id)] == [1, 2, 3]
    assert row.ended_how == SessionEnd.FINISHED
