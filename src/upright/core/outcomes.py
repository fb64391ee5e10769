"""The history as the progression rules read it: one SessionOutcome per session and exercise."""

from __future__ import annotations

import sqlite3

from upright.core.history import History
from upright.core.progression import SessionOutcome
from upright.core.records import session_day
from upright.core.session_end import SessionEnd

_SELECT = """
SELECT s.local_day, s.started_utc, p.exercise, p.hold_s, p.reps, s.ended_how, s.pain_before,
       s.pain_after, s.effort, s.next_day_worse,
       (SELECT COUNT(DISTINCT r.rep) FROM reps r
         WHERE r.session_id = s.id AND r.exercise = p.exercise AND r.completed) AS done
FROM sessions s JOIN planned p ON p.session_id = s.id
WHERE s.profile = ? AND s.ended_how != 'running'
"""
_OLDEST_FIRST = _SELECT + "ORDER BY s.started_utc, s.id, p.position"
_NEWEST_FIRST = _SELECT + "ORDER BY s.started_utc DESC, s.id DESC, p.position"
_UNTIMED = _SELECT + "AND s.started_utc IS NULL ORDER BY s.id, p.position"

# A session's day is the local date of its start, and local time is UTC-12 to UTC+14: a session
# started 26 hours or more before another cannot fall on a later day.
_DAY_SPREAD_S = 26 * 3600


def session_outcomes(history: History, profile: str) -> list[SessionOutcome]:
    """Every ended session of the person, oldest first (a session still running is left out).
    A row whose numbers were damaged (a hold of 0, a pain of 130) is left out too: the rules
    go on from the others, rather than Upright stopping at every start."""
    rows = history.connection.execute(_OLDEST_FIRST, (profile,))
    return [outcome for outcome in map(_outcome, rows) if outcome is not None]


def latest_outcomes(history: History, profile: str) -> list[SessionOutcome]:
    """The outcomes that can hold the person's latest session day, which is all today's plan
    needs (a break eases it): the newest, back to a day before the newest one's, and any whose
    start time cannot be read. Reading every session instead took 7 ms a year of history at
    every start and every return to the home page."""
    untimed = history.connection.execute(_UNTIMED, (profile,))
    out = [outcome for outcome in map(_outcome, untimed) if outcome is not None]
    since: float | None = None
    for row in history.connection.execute(_NEWEST_FIRST, (profile,)):
        started = row["started_utc"]
        timed = isinstance(started, int | float)
        if timed and since is not None and started < since:
            break
        outcome = _outcome(row)
        if outcome is not None:
            out.append(outcome)
            if timed and since is None:
                since = started - _DAY_SPREAD_S
    return out


def _outcome(row: sqlite3.Row) -> SessionOutcome | None:
    """The row as the rules read it; None if its numbers were damaged."""
    worse = row["next_day_worse"]
    try:
        return SessionOutcome(
            day=session_day(row["local_day"], row["started_utc"]),
            exercise_id=row["exercise"],
            hold_s=row["hold_s"],
            reps_planned=row["reps"],
            reps_completed=min(row["done"], row["reps"]),
            ended=SessionEnd(row["ended_how"]),
            pain_before=row["pain_before"],
            pain_after=row["pain_after"],
            effort=row["effort"],
            next_day_worse=None if worse is None else bool(worse),
        )
    except (TypeError, ValueError):
        return None
