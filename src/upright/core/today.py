"""Today's session: which exercise, at which numbers, and why, ready for the home screen."""

from __future__ import annotations

from dataclasses import dataclass

from upright.core.plan import Plan
from upright.core.program import Exercise, Level, Prescription


@dataclass(frozen=True)
class TodayPlan:
    level: Level
    exercise: Exercise
    prescription: Prescription
    reason: str  # one sentence the user sees: why these numbers


def plan_duration_s(plan: Plan) -> float:
    return sum(segment.duration_s for segment in plan.segments)


def minutes_text(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    return f"about {minutes} minute{'s' if minutes != 1 else ''}"


def seconds_text(seconds: float) -> str:
    return f"{seconds:g} s"
