"""Known histories for the progress tests, written through the real History API."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from upright.core.events import RepCompleted
from upright.core.history import History, PlannedExercise
from upright.core.session_end import SessionEnd

EXERCISE = "forearm-press-up"


def add_session(
    history: History,
    started: datetime,
    held: Sequence[float],
    *,
    planned_hold_s: float = 5.0,
    reps: int = 10,
    exercise: str = EXERCISE,
    level: str = "beginner",
    profile: str = "default",
    how: SessionEnd = SessionEnd.FINISHED,
    checkin: tuple[int | None, int | None, int | None] | None = None,
) -> int:
    """One session that planned ``reps`` holds of ``planned_hold_s`` and recorded ``held``.

    ``checkin`` (pain before, pain after, effort) needs those columns on the sessions table.
    """
    sid = history.begin_session(
        profile, level, started, [PlannedExercise(exercise, level, planned_hold_s, reps)]
    )
    at = started
    for n, seconds in enumerate(held, start=1):
        done = at + timedelta(seconds=4 + seconds)
        rep = RepCompleted(
            exercise, n, planned_hold_s, seconds, seconds >= planned_hold_s, at, done
        )
        history.add_rep(sid, level, rep)
        at = done + timedelta(seconds=5)
    history.end_session(sid, how, at)
    if checkin is not None:
        history.connection.execute(
            "UPDATE sessions SET pain_before = ?, pain_after = ?, effort = ? WHERE id = ?",
            (*checkin, sid),
        )
    return sid
