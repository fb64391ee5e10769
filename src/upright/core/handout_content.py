"""What a printed handout says: its sections, texts and numbers, in order.

Every clinical sentence comes from the catalogue or from the safety modules (which hold
CONTENT.md's wording); this module only chooses and orders them. No Qt: the layout and the
painting live in ``upright.ui.handout``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from upright.core.handout_weeks import LOG_WEEKS, LogRow, RampRow, log_rows, ramp, ramp_rule
from upright.core.illustration import extensors_work, titles
from upright.core.program import Catalog, Exercise, ExerciseKind, Prescription
from upright.core.progression import (
    seconds_text,
)
from upright.core.safety import (
    FALL_ADVICE,
    FALL_QUESTION,
    PAIN_BEFORE_QUESTION,
    RED_FLAGS,
    RED_FLAGS_INTRO,
    SKIP_PAIN,
    TIREDNESS_NOTE,
    skip_advice,
)
from upright.core.screening import ITEMS_BY_ID
from upright.core.settings import Settings
from upright.core.today import TodayPlan
from upright.core.value import value
from upright.core.weeks import day_text

NOT_CLINICAL_ADVICE = "This handout does not replace clinical advice. You can stop at any time."
EVERY_NUMBER = "Every number here is a starting point that you or your therapist can change."


@value
class HandoutExercise:
    """One hold exercise of the programme, whatever its source (a level, today's plan, a file)."""

    exercise: Exercise
    prescription: Prescription
    note: str = ""  # the therapist's words for this person


@value
class Picture:
    pose_id: str
    caption: str
    highlight: bool = False  # mark the back muscles that do the work
    mirrored: bool = False


@value
class Section:
    """One exercise (or warm-up, or the way down to the mat) as the handout shows it."""

    exercise_id: str
    heading: str
    summary: str
    pictures: tuple[Picture, ...]
    steps: tuple[str, ...]
    numbers: tuple[tuple[str, str], ...] = ()  # (label, value): "Hold each rep", "5 s"
    note: str = ""
    cues: tuple[str, ...] = ()
    ramp: tuple[RampRow, ...] = ()
    ramp_rule: str = ""  # how the ramp is climbed, from CONTENT.md section 3


@value
class Handout:
    person: str | None  # None: a line to write the name on
    made_on: date
    extension_note: str
    rule: str
    session_order: str  # what a session holds, in order
    programme: tuple[str, ...]  # one line per hold exercise: its numbers
    before_session: tuple[tuple[str, str], ...]  # (question, advice)
    warmups: tuple[Section, ...]
    get_down: Section
    exercises: tuple[Section, ...]
    red_flags_intro: str
    red_flags: tuple[str, ...]
    closing: tuple[str, ...]
    log_rows: tuple[LogRow, ...]
    sessions_per_week: int

    @property
    def sections(self) -> tuple[Section, ...]:
        return (*self.warmups, self.get_down, *self.exercises)

    @property
    def made_on_text(self) -> str:
        return day_text(self.made_on)


def from_today(plan: TodayPlan) -> list[HandoutExercise]:
    """The person's current programme: today's prescriptions and the therapist's notes."""
    return [HandoutExercise(i.exercise, i.prescription, i.note) for i in plan.items]


def person_name(profile: str | None) -> str | None:
    """The name to print: none for the unnamed default profile (the handout leaves a line)."""
    return None if not profile or profile == Settings().profile else profile


def from_level(catalog: Catalog, level_id: str) -> list[HandoutExercise]:
    """A built-in level at its defaults (KeyError for an unknown level)."""
    exercise = catalog.exercise(catalog.level(level_id).exercise_id)
    assert exercise.defaults is not None  # the catalogue checks a level's exercise holds
    return [HandoutExercise(exercise, exercise.defaults)]


def title(exercise: Exercise) -> str:
    """ "Chest raise (Advanced)"; the label is never broken across lines (no-break spaces)."""
    label = exercise.label.replace(" ", "\u00a0")
    return f"{exercise.name} ({label})" if label else exercise.name


def numbers(p: Prescription) -> tuple[tuple[str, str], ...]:
    reps = str(p.reps) if p.reps >= p.target_reps else f"{p.reps}, building to {p.target_reps}"
    return (
        ("Reps", reps),
        ("Hold each rep", seconds_text(p.hold_s)),
        ("Rest between reps", seconds_text(p.rest_for_hold_s)),
        ("Lift and lower", f"slowly, about {seconds_text(max(p.lift_s, p.lower_s))} each"),
        ("Sessions a week", str(p.sessions_per_week)),
        ("Your target hold", seconds_text(p.target_hold_s)),
    )


def programme_line(item: HandoutExercise) -> str:
    p = item.prescription
    return (
        f"{title(item.exercise)}: {p.reps} reps, {seconds_text(p.hold_s)} holds, "
        f"{p.sessions_per_week} sessions a week"
    )


def _pictures(catalog: Catalog, exercise: Exercise) -> tuple[Picture, ...]:
    """Each pose with a short caption; a warm-up's movement once per side, as the player
    shows it (every second side mirrored)."""
    names = titles(catalog)

    def caption(pose: str) -> str:
        return names[pose].split(": ", 1)[1].capitalize()

    if exercise.kind is ExerciseKind.WARMUP and exercise.movement:
        start, move = exercise.poses[0], exercise.poses[-1]
        sides = [
            Picture(move, side.capitalize(), mirrored=i % 2 == 1)
            for i, side in enumerate(exercise.movement.sides)
        ]
        return (Picture(start, caption(start)), *sides)
    return tuple(Picture(p, caption(p), extensors_work(p)) for p in exercise.poses)


def warmup_section(catalog: Catalog, exercise: Exercise) -> Section:
    move = exercise.movement
    rows: tuple[tuple[str, str], ...] = ()
    if move is not None:
        rows = (
            ("Repeat", f"{move.reps_per_side} times for each: {', '.join(move.sides)}"),
            ("Pace", f"slowly, about {seconds_text(move.seconds_per_rep)} each time"),
        )
    return Section(
        exercise.id,
        f"Warm-up: {exercise.name}",
        exercise.summary,
        _pictures(catalog, exercise),
        exercise.steps,
        rows,
        cues=exercise.cues,
    )


def hold_section(catalog: Catalog, number: int, item: HandoutExercise, start: date) -> Section:
    exercise, p = item.exercise, item.prescription
    return Section(
        exercise.id,
        f"Exercise {number}: {title(exercise)}",
        exercise.summary,
        _pictures(catalog, exercise),
        exercise.steps,
        numbers(p),
        item.note,
        exercise.cues,
        ramp(p, start),
        ramp_rule(p),
    )


def session_order(warmups: bool) -> str:
    steps = [*(["the warm-ups"] if warmups else []), "getting down to the mat"]
    return f"Each session: {', then '.join(steps)}, then these exercises, in this order:"


def before_session() -> tuple[tuple[str, str], ...]:
    """CONTENT.md section 4's two questions before each session, each with its advice."""
    return (
        (FALL_QUESTION, f"If yes: {FALL_ADVICE.title} {FALL_ADVICE.lines[0]}"),
        (f"{PAIN_BEFORE_QUESTION}?", skip_advice(SKIP_PAIN).lines[1]),
    )


def build_handout(
    catalog: Catalog,
    items: Iterable[HandoutExercise],
    made_on: date,
    person: str | None = None,
    *,
    warmups: bool = True,
    log_weeks: int = LOG_WEEKS,
) -> Handout:
    """The handout of a programme of hold exercises, made on ``made_on`` (the ramp's week 1)."""
    items = list(items)
    if not items:
        raise ValueError("a handout needs at least one exercise")
    if any(i.exercise.kind is not ExerciseKind.HOLD for i in items):
        raise ValueError("a handout's programme lists hold exercises only")
    return Handout(
        person=person,
        made_on=made_on,
        extension_note=catalog.extension_note,
        rule=ITEMS_BY_ID["rule"].text,
        session_order=session_order(warmups),
        programme=tuple(programme_line(i) for i in items),
        before_session=before_session(),
        warmups=tuple(warmup_section(catalog, w) for w in catalog.warmups) if warmups else (),
        get_down=Section(
            catalog.get_down.id,
            catalog.get_down.name,
            catalog.get_down.summary,
            _pictures(catalog, catalog.get_down),
            catalog.get_down.steps,
            cues=catalog.get_down.cues,
        ),
        exercises=tuple(
            hold_section(catalog, n, item, made_on) for n, item in enumerate(items, start=1)
        ),
        red_flags_intro=RED_FLAGS_INTRO,
        red_flags=RED_FLAGS,
        closing=(TIREDNESS_NOTE, NOT_CLINICAL_ADVICE, EVERY_NUMBER),
        log_rows=log_rows([(i.exercise.name, i.prescription) for i in items], made_on, log_weeks),
        sessions_per_week=max(i.prescription.sessions_per_week for i in items),
    )
