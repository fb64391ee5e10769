"""The history as the progression rules read it: one SessionOutcome per session and exercise."""

from __future__ import annotations

from upright.core.history import History
from upright.core.progression import SessionOutcome
from upright.core.records import session_day
from upright.core.session_end import SessionEnd

_SQL = """
SELECT s.local_day, s.started_utc, p.exercise, p.hold_s, p.reps, s.ended_how, s.pain_before,
       s.pain_after, s.effort, s.next_day_worse,
       (SELECT COUNT(DISTINCT r.rep) FROM reps r
         WHERE r.session_id = s.id AND r.exercise = p.exercise AND r.completed) AS done
FROM sessions s JOIN planned p ON p.session_id = s.id
WHERE s.profile = ? AND s.ended_how != 'running'
ORDER BY s.started_utc, s.id, p.position
"""


def session_outcomes(history: History, profile: str) -> list[SessionOutcome]:
    """Every ended session of the person, oldest first (a session still running is left out).
    A row whose numbers were damaged (a hold of 0, a pain of 130) is left out too: the rules
    go on from the others, rather than Upright stopping at every start."""
    out: list[SessionOutcome] = []
    for row in history.connection.execute(_SQL, (profile,)):
        worse = row["next_day_worse"]
        try:
            outcome = SessionOutcome(
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
            continue
        out.append(outcome)
    return out
