"""The expected week-by-week holds if every session goes well, for the charts and the handout."""

from __future__ import annotations

from datetime import date, timedelta

from upright.core.ladder import SESSIONS_PER_STEP, step_up
from upright.core.program import Prescription
from upright.core.value import value


@value
class ProjectedWeek:
    week_start: date
    hold_s: float  # the hold at the first session of the week
    reps: int


def project(p: Prescription, start: date, weeks: int) -> list[ProjectedWeek]:
    """``weeks`` weeks from ``start``, each starting 7 days after the one before.

    Assumes ``p.sessions_per_week`` sessions a week, every one clean, so the prescription
    moves up one step per SESSIONS_PER_STEP sessions (a step can span two weeks) and stays
    at the target once there. Week 0 shows ``p`` itself.
    """
    if weeks < 0:
        raise ValueError(f"weeks must not be negative, not {weeks}")
    out: list[ProjectedWeek] = []
    current = p.with_hold(p.hold_s).with_reps(p.reps)
    steps_taken = 0
    for week in range(weeks):
        due = week * p.sessions_per_week // SESSIONS_PER_STEP
        while steps_taken < due and (higher := step_up(current)) != current:
            current = higher
            steps_taken += 1
        out.append(ProjectedWeek(start + timedelta(weeks=week), current.hold_s, current.reps))
    return out
