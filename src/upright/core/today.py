"""Today's session and what a finished session changes: the progression rules applied to storage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from upright.core.history import History
from upright.core.outcomes import session_outcomes
from upright.core.plan import Plan
from upright.core.prescriptions import load_prescription, save_prescription
from upright.core.program import Catalog, Exercise, Level, Prescription
from upright.core.progression import Decision, after_session, for_today


@dataclass(frozen=True)
class TodayPlan:
    level: Level
    exercise: Exercise
    prescription: Prescription
    reason: str  # one sentence the user sees: why these numbers


def plan_today(
    catalog: Catalog, history: History | None, profile: str, level_id: str, today: date
) -> TodayPlan:
    """The stored prescription, eased for today after a break (never stored: see for_today)."""
    level = catalog.level(level_id)
    exercise = catalog.exercise(level.exercise_id)
    base, reason = load_prescription(history, profile, exercise)
    if history is None:
        return TodayPlan(level, exercise, base, reason)
    decision = for_today(base, session_outcomes(history, profile), today)
    if decision.prescription != base:
        reason = decision.reason
    return TodayPlan(level, exercise, decision.prescription, reason)


def conclude(
    catalog: Catalog, history: History, profile: str, today: TodayPlan, at: datetime
) -> Decision:
    """After a session (or a later next-day answer): store the next base and return why."""
    decision = after_session(
        today.prescription, today.exercise.id, session_outcomes(history, profile), catalog
    )
    save_prescription(
        history, profile, today.exercise.id, decision.prescription, decision.reason, at
    )
    return decision


def plan_duration_s(plan: Plan) -> float:
    return sum(segment.duration_s for segment in plan.segments)


def minutes_text(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    return f"about {minutes} minute{'s' if minutes != 1 else ''}"
