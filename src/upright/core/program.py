"""The programme's vocabulary: exercises, levels and hold prescriptions, as immutable values."""

from __future__ import annotations

from enum import StrEnum

from upright.core.value import replace, value


class ExerciseKind(StrEnum):
    WARMUP = "warmup"  # a standing movement repeated for a while, per side
    TRANSITION = "transition"  # getting down to the mat: a timed, unhurried step
    HOLD = "hold"  # the back-extensor exercise: lift, hold, lower, rest, per rep


@value
class Movement:
    """How a warm-up repeats: ``reps_per_side`` movements of ``seconds_per_rep`` on each side."""

    sides: tuple[str, ...]
    reps_per_side: int
    seconds_per_rep: float

    @property
    def seconds_per_side(self) -> float:
        return self.reps_per_side * self.seconds_per_rep


@value
class Prescription:
    """One person's numbers for one hold exercise. Every value is editable (CONTENT.md section 3).

    ``hold_s`` and ``reps`` are today's values; the rest are the bounds and timings that the
    progression rules and the session plan work within.
    """

    hold_s: float
    reps: int
    start_hold_s: float
    target_hold_s: float
    step_s: float
    start_reps: int
    target_reps: int
    rest_s: float
    long_rest_s: float  # rest once the hold reaches long_rest_from_s
    long_rest_from_s: float
    get_ready_s: float
    lift_s: float
    lower_s: float
    sessions_per_week: int = 5

    @property
    def rest_for_hold_s(self) -> float:
        return self.long_rest_s if self.hold_s >= self.long_rest_from_s else self.rest_s

    def with_hold(self, hold_s: float) -> Prescription:
        clamped = min(max(hold_s, self.start_hold_s), self.target_hold_s)
        return replace(self, hold_s=clamped)

    def with_reps(self, reps: int) -> Prescription:
        return replace(self, reps=min(max(reps, self.start_reps), self.target_reps))

    def at_start(self) -> Prescription:
        return replace(self, hold_s=self.start_hold_s, reps=self.start_reps)


@value
class Exercise:
    """One exercise of the programme: its words, its pictures and, for warm-ups, its movement."""

    id: str
    name: str
    kind: ExerciseKind
    summary: str
    steps: tuple[str, ...]  # the instructions, in order, in plain words
    cues: tuple[str, ...]  # short reminders shown and spoken during the exercise
    poses: tuple[str, ...]  # illustration ids: for a hold, (rest pose, hold pose)
    movement: Movement | None = None  # warm-ups only
    duration_s: float = 0.0  # transitions only
    defaults: Prescription | None = None  # hold exercises only
    label: str = ""  # e.g. "Beginner"; a short tag for lists


@value
class Level:
    """A built-in level: the exercise it uses and the level that follows."""

    id: str
    name: str
    description: str
    exercise_id: str
    next_level_id: str | None
    clinician_check: bool  # ask the user to check with a clinician before moving up to it


@value
class Catalog:
    """Every exercise and level Upright knows, and the fixed parts of each session."""

    exercises: tuple[Exercise, ...]
    levels: tuple[Level, ...]
    warmup_ids: tuple[str, ...]
    get_down_id: str
    extension_note: str

    def exercise(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise KeyError(f"no exercise called {exercise_id!r}")

    def level(self, level_id: str) -> Level:
        for level in self.levels:
            if level.id == level_id:
                return level
        raise KeyError(f"no level called {level_id!r}")

    @property
    def level_ids(self) -> tuple[str, ...]:
        return tuple(level.id for level in self.levels)

    def level_for_exercise(self, exercise_id: str) -> Level | None:
        return next((lv for lv in self.levels if lv.exercise_id == exercise_id), None)

    @property
    def warmups(self) -> tuple[Exercise, ...]:
        return tuple(self.exercise(i) for i in self.warmup_ids)

    @property
    def get_down(self) -> Exercise:
        return self.exercise(self.get_down_id)
