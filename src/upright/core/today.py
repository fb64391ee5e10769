"""Today's session and what a finished session changes: the progression rules applied to storage."""

from __future__ import annotations

from datetime import date, datetime

from upright.core.history import History, PlannedExercise
from upright.core.outcomes import latest_outcomes, session_outcomes
from upright.core.plan import Plan
from upright.core.prescriptions import load_prescription, save_prescription
from upright.core.program import Catalog, Exercise, Level, Prescription
from upright.core.programme import Programme, level_programme, load_programme
from upright.core.progression import Decision, after_session, for_today
from upright.core.value import value


@value
class TodayItem:
    """One exercise of today's session, with its numbers and why they are what they are."""

    exercise: Exercise
    level: Level | None  # the built-in level this exercise belongs to
    prescription: Prescription
    reason: str  # one sentence the user sees: why these numbers
    note: str = ""  # the therapist's note for this person

    @property
    def level_id(self) -> str:
        return self.level.id if self.level else self.exercise.id

    def planned(self) -> PlannedExercise:
        p = self.prescription
        return PlannedExercise(self.exercise.id, self.level_id, p.hold_s, p.reps)


@value
class TodayPlan:
    """Today's session: what the home page shows and the player runs."""

    items: tuple[TodayItem, ...]
    warmups: bool
    custom: bool  # a programme set for this person, rather than a built-in level
    note: str = ""  # for the person: their stored programme could not be read

    @property
    def first(self) -> TodayItem:
        return self.items[0]

    @property
    def level_id(self) -> str:
        return self.first.level_id


def plan_today(
    catalog: Catalog, history: History | None, profile: str, level_id: str, today: date
) -> TodayPlan:
    """Each exercise's stored prescription, eased for today after a break (never stored)."""
    stored, note = load_programme(history, profile, catalog)
    programme: Programme = stored or level_programme(catalog, level_id)
    outcomes = latest_outcomes(history, profile) if history is not None else []
    items: list[TodayItem] = []
    for entry in programme.items:
        exercise = catalog.exercise(entry.exercise_id)
        base, reason = load_prescription(history, profile, exercise)
        if history is not None:
            decision = for_today(base, outcomes, today)
            if decision.prescription != base:
                base, reason = decision.prescription, decision.reason
        level = catalog.level_for_exercise(exercise.id)
        items.append(TodayItem(exercise, level, base, reason, entry.note))
    return TodayPlan(tuple(items), programme.warmups, stored is not None, note)


def conclude(
    catalog: Catalog, history: History, profile: str, today: TodayPlan, at: datetime
) -> list[Decision]:
    """After a session (or a later next-day answer): store each next base and return why."""
    outcomes = session_outcomes(history, profile)
    decisions = []
    for item in today.items:
        decision = after_session(item.prescription, item.exercise.id, outcomes, catalog)
        save_prescription(
            history, profile, item.exercise.id, decision.prescription, decision.reason, at
        )
        decisions.append(decision)
    return decisions


def plan_duration_s(plan: Plan) -> float:
    return sum(segment.duration_s for segment in plan.segments)


def minutes_text(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    return f"about {minutes} minute{'s' if minutes != 1 else ''}"
