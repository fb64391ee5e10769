"""Demo mode's choices: any exercise, whole or one step of it, as a plan that records nothing."""

from __future__ import annotations

from upright.core.phases import Phase
from upright.core.plan import Plan, Segment, hold_segments, warmup_segments
from upright.core.program import Catalog, Exercise, ExerciseKind, Prescription
from upright.core.progression import seconds_text
from upright.core.value import replace, value


@value
class DemoChoice:
    label: str
    plan: Plan


def demo_exercises(catalog: Catalog) -> tuple[Exercise, ...]:
    """In the order a session meets them: warm-ups, getting down, then the hold exercises."""
    holds = tuple(e for e in catalog.exercises if e.kind is ExerciseKind.HOLD)
    return (*catalog.warmups, catalog.get_down, *holds)


def _plan(exercise: Exercise, segments: list[Segment]) -> Plan:
    holds = (exercise.id,) if exercise.kind is ExerciseKind.HOLD else ()
    return Plan(tuple(segments), holds)


def demo_choices(exercise: Exercise, p: Prescription | None = None) -> list[DemoChoice]:
    """The whole exercise first, then shorter parts; a hold exercise uses ``p`` (or defaults)."""
    if exercise.kind is ExerciseKind.WARMUP:
        sides = warmup_segments(exercise)
        return [
            DemoChoice(f"Whole warm-up ({len(sides)} parts)", _plan(exercise, sides)),
            *(DemoChoice(f"Only: {s.side}", _plan(exercise, [s])) for s in sides),
        ]
    if exercise.kind is ExerciseKind.TRANSITION:
        settle = Segment(exercise, Phase.SETTLE, exercise.duration_s)
        return [DemoChoice("The whole step", _plan(exercise, [settle]))]
    p = p or exercise.defaults
    if p is None:
        raise ValueError(f"{exercise.id} has no prescription")
    one = hold_segments(exercise, replace(p, reps=1))  # get ready, lift, hold, lower
    choices = [
        DemoChoice(f"Whole exercise ({p.reps} reps)", _plan(exercise, hold_segments(exercise, p))),
        DemoChoice("One rep", _plan(exercise, one)),
    ]
    if p.rest_for_hold_s > 0:
        one.append(Segment(exercise, Phase.REST, p.rest_for_hold_s, 1, p.reps, p.hold_s))
    choices += [
        DemoChoice(
            f"Only: {s.phase.word.lower()} ({seconds_text(s.duration_s)})", _plan(exercise, [s])
        )
        for s in one
    ]
    return choices
