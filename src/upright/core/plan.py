"""Turns a day's prescription into the ordered segments of a session: warm-ups, get-down, reps."""

from __future__ import annotations

from upright.core.phases import Phase
from upright.core.program import Catalog, Exercise, Prescription
from upright.core.value import value


@value
class Segment:
    """One timed stretch of a session, e.g. "HOLD of rep 3 of 10 of the forearm press-up"."""

    exercise: Exercise
    phase: Phase
    duration_s: float  # in exercise seconds; the session divides by its time scale
    rep: int = 0  # 1-based rep number for rep phases and the rest after a rep; 0 otherwise
    reps: int = 0  # reps planned for this exercise
    target_hold_s: float = 0.0
    side_index: int = 0  # warm-ups: which side or direction
    side: str = ""


@value
class Plan:
    """A whole session, step by step, as the player runs it."""

    segments: tuple[Segment, ...]
    hold_exercise_ids: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.segments:
            raise ValueError("a plan needs at least one segment")


def warmup_segments(exercise: Exercise) -> list[Segment]:
    move = exercise.movement
    if move is None:
        raise ValueError(f"{exercise.id} has no movement")
    return [
        Segment(exercise, Phase.MOVE, move.seconds_per_side, side_index=i, side=side)
        for i, side in enumerate(move.sides)
    ]


def hold_segments(exercise: Exercise, p: Prescription) -> list[Segment]:
    """GET READY, then LIFT, HOLD, LOWER and REST per rep (no rest after the last rep)."""

    def seg(phase: Phase, duration: float, rep: int) -> Segment:
        return Segment(exercise, phase, duration, rep, p.reps, p.hold_s)

    out = [seg(Phase.GET_READY, p.get_ready_s, 1)] if p.get_ready_s > 0 else []
    for rep in range(1, p.reps + 1):
        out += [seg(Phase.LIFT, p.lift_s, rep), seg(Phase.HOLD, p.hold_s, rep)]
        out.append(seg(Phase.LOWER, p.lower_s, rep))
        if rep < p.reps and p.rest_for_hold_s > 0:
            out.append(seg(Phase.REST, p.rest_for_hold_s, rep))
    return out


def build_plan(
    catalog: Catalog,
    exercises: list[tuple[Exercise, Prescription]],
    *,
    warmups: bool = True,
    get_down: bool = True,
) -> Plan:
    """A whole session: the warm-ups, the get-down step, then each hold exercise in order."""
    segments: list[Segment] = []
    if warmups:
        for warmup in catalog.warmups:
            segments += warmup_segments(warmup)
    if get_down:
        down = catalog.get_down
        segments.append(Segment(down, Phase.SETTLE, down.duration_s))
    for exercise, prescription in exercises:
        segments += hold_segments(exercise, prescription)
    return Plan(tuple(segments), tuple(e.id for e, _ in exercises))
