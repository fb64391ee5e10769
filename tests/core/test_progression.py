"""after_session: the step-up, stay, step-down and next-level rules over many histories."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from upright.core.catalog import load_builtin_catalog
from upright.core.program import Prescription
from upright.core.progression import (
    Change,
    SessionEnd,
    SessionOutcome,
    after_session,
    plan_text,
    seconds_text,
)
from upright.core.value import replace

CATALOG = load_builtin_catalog()
BEGINNER = "forearm-press-up"
INTERMEDIATE = "hand-press-up"
ADVANCED = "chest-raise"
ADVANCED_LEGS = "chest-raise-legs"
MONDAY = date(2025, 3, 3)


def defaults(exercise_id: str) -> Prescription:
    p = CATALOG.exercise(exercise_id).defaults
    assert p is not None
    return p


def s(
    day: int,
    hold: float,
    *,
    reps: int = 10,
    done: int | None = None,
    ended: SessionEnd = SessionEnd.FINISHED,
    before: int | None = 0,
    after: int | None = 1,
    effort: int | None = 5,
    worse: bool | None = None,
    ex: str = BEGINNER,
) -> SessionOutcome:
    """A session ``day`` days after MONDAY; by default clean (all reps, little pain, effort 5)."""
    return SessionOutcome(
        day=MONDAY + timedelta(days=day),
        exercise_id=ex,
        hold_s=hold,
        reps_planned=reps,
        reps_completed=reps if done is None else done,
        ended=ended,
        pain_before=before,
        pain_after=after,
        effort=effort,
        next_day_worse=worse,
    )


STAY_AT_10 = "Next time: 10 s holds again. "
ONE_MORE = (
    "After one more session like this one, with all reps done and little pain, you move up a step."
)
EASIER = "so the next session is one step easier."

# (name, history of the beginner exercise, next hold, change, the whole reason)
BEGINNER_CASES: list[tuple[str, list[SessionOutcome], float, Change, str]] = [
    (
        "two clean sessions step up",
        [s(0, 10), s(1, 10)],
        15,
        Change.UP,
        "Next time: 15 s holds. You completed all 10 reps at 10 s in your last two sessions"
        " with little pain.",
    ),
    ("one clean session stays", [s(0, 10)], 10, Change.STAY, STAY_AT_10 + ONE_MORE),
    (
        "the clean one before was another hold",
        [s(0, 5), s(1, 10)],
        10,
        Change.STAY,
        STAY_AT_10 + ONE_MORE,
    ),
    (
        "a missed rep stays",
        [s(0, 10), s(1, 10, done=9)],
        10,
        Change.STAY,
        STAY_AT_10 + "You completed 9 of 10 reps at the full hold, so you stay at this step.",
    ),
    (
        "a missed rep last time needs two more",
        [s(0, 10, done=9), s(1, 10)],
        10,
        Change.STAY,
        STAY_AT_10 + ONE_MORE,
    ),
    (
        "pain 3 stays",
        [s(0, 10), s(1, 10, after=3)],
        10,
        Change.STAY,
        STAY_AT_10 + "Your pain was 3/10, so you stay at this step.",
    ),
    (
        "pain 2 but two above the pain before stays",
        [s(0, 10), s(1, 10, before=0, after=2)],
        10,
        Change.STAY,
        STAY_AT_10 + "Your pain went from 0/10 to 2/10 in the session, so you stay at this step.",
    ),
    (
        "pain 2, one above the pain before, steps up",
        [s(0, 10), s(1, 10, before=1, after=2)],
        15,
        Change.UP,
        "",
    ),
    (
        "pain 2 with pain 2 before steps up",
        [s(0, 10, before=2, after=2), s(1, 10, before=2, after=2)],
        15,
        Change.UP,
        "",
    ),
    (
        "pain 4 steps down",
        [s(0, 10), s(1, 10, after=4)],
        5,
        Change.DOWN,
        f"Next time: 5 s holds. Your pain was 4/10 in your last session, {EASIER}",
    ),
    ("pain 8 steps down one step only", [s(0, 15), s(1, 15, after=8)], 10, Change.DOWN, ""),
    (
        "stopped for pain steps down even without answers",
        [s(0, 15), s(1, 15, done=3, ended=SessionEnd.PAIN, after=None, effort=None)],
        10,
        Change.DOWN,
        f"Next time: 10 s holds. Your last session was stopped for pain, {EASIER}",
    ),
    (
        "worse the next day steps down",
        [s(0, 10), s(1, 10, worse=True)],
        5,
        Change.DOWN,
        "Next time: 5 s holds. You said your back pain was worse than before your last session,"
        f" {EASIER}",
    ),
    (
        "not worse the next day changes nothing",
        [s(0, 10, worse=False), s(1, 10, worse=False)],
        15,
        Change.UP,
        "",
    ),
    (
        "worse after the session before does not count as clean",
        [s(0, 10, worse=True), s(1, 10)],
        10,
        Change.STAY,
        STAY_AT_10 + ONE_MORE,
    ),
    ("effort 6 steps up", [s(0, 10, effort=6), s(1, 10, effort=6)], 15, Change.UP, ""),
    (
        "effort 7 stays",
        [s(0, 10), s(1, 10, effort=7)],
        10,
        Change.STAY,
        STAY_AT_10 + "You rated the effort 7/10, so you stay at this step.",
    ),
    (
        "effort 8 stays",
        [s(0, 10), s(1, 10, effort=8)],
        10,
        Change.STAY,
        STAY_AT_10 + "You rated the effort 8/10, so you stay at this step.",
    ),
    (
        "one hard session stays",
        [s(0, 10), s(1, 10, effort=9)],
        10,
        Change.STAY,
        STAY_AT_10 + "You rated the effort 9/10, so you stay at this step.",
    ),
    (
        "two hard sessions in a row step down",
        [s(0, 10, effort=9), s(1, 10, effort=10)],
        5,
        Change.DOWN,
        f"Next time: 5 s holds. Your last two sessions were hard (effort 9/10 and 10/10), {EASIER}",
    ),
    (
        "two hard sessions at different holds step down",
        [s(0, 15, effort=10), s(1, 10, effort=9)],
        5,
        Change.DOWN,
        "",
    ),
    (
        "hard sessions with a clean one between stay",
        [s(0, 10, effort=9), s(1, 10), s(2, 10, effort=9)],
        10,
        Change.STAY,
        "",
    ),
    (
        "hard sessions a break apart stay",
        [s(0, 10, effort=9), s(10, 10, effort=9)],
        10,
        Change.STAY,
        "",
    ),
    (
        "stopped early stays even with every rep done",
        [s(0, 10), s(1, 10, ended=SessionEnd.STOPPED)],
        10,
        Change.STAY,
        STAY_AT_10 + "Your last session was stopped early, so you stay at this step.",
    ),
    (
        "an interrupted session stays",
        [s(0, 10), s(1, 10, done=4, ended=SessionEnd.INTERRUPTED, after=None, effort=None)],
        10,
        Change.STAY,
        STAY_AT_10 + "Your last session was interrupted, so you stay at this step.",
    ),
    (
        "no effort answer cannot step up",
        [s(0, 10), s(1, 10, effort=None)],
        10,
        Change.STAY,
        STAY_AT_10 + "Without your pain and effort answers for the last session, it cannot count"
        " towards a step up.",
    ),
    ("no pain answer after cannot step up", [s(0, 10), s(1, 10, after=None)], 10, Change.STAY, ""),
    (
        "no pain answer before cannot step up",
        [s(0, 10), s(1, 10, before=None)],
        10,
        Change.STAY,
        "",
    ),
    (
        "an unanswered session before cannot count",
        [s(0, 10, after=None, effort=None), s(1, 10)],
        10,
        Change.STAY,
        STAY_AT_10 + ONE_MORE,
    ),
    (
        "pain 5 at the start hold cannot go lower",
        [s(0, 5), s(1, 5, after=5)],
        5,
        Change.STAY,
        "Next time: 5 s holds again. Your pain was 5/10 in your last session, and this is already"
        " the easiest step.",
    ),
    ("25 s steps up to the 30 s target", [s(0, 25), s(1, 25)], 30, Change.UP, ""),
    (
        "at the target without a catalogue stays there",
        [s(0, 30), s(1, 30)],
        30,
        Change.STAY,
        "Next time: 30 s holds again. You completed all 10 reps at the 30 s target.",
    ),
    ("6 days apart are still in a row", [s(0, 10), s(6, 10)], 15, Change.UP, ""),
    ("7 days apart start a new run", [s(0, 10), s(7, 10)], 10, Change.STAY, STAY_AT_10 + ONE_MORE),
    ("two sessions on one day count as two", [s(0, 10), s(0, 10)], 15, Change.UP, ""),
    (
        "another exercise in between does not break the run",
        [s(0, 10), s(1, 3, ex=INTERMEDIATE, after=6), s(2, 10)],
        15,
        Change.UP,
        "",
    ),
    (
        "only the last two sessions count",
        [s(0, 10), s(1, 10, after=3), s(2, 10), s(3, 10)],
        15,
        Change.UP,
        "",
    ),
]


@pytest.mark.parametrize(
    ("history", "hold", "change", "reason"),
    [c[1:] for c in BEGINNER_CASES],
    ids=[c[0] for c in BEGINNER_CASES],
)
def test_beginner_rules(
    history: list[SessionOutcome], hold: float, change: Change, reason: str
) -> None:
    # The stored base is 10 s; each decision starts from the hold of the last session.
    d = after_session(defaults(BEGINNER).with_hold(10), BEGINNER, history)
    assert (d.prescription.hold_s, d.prescription.reps, d.change) == (hold, 10, change)
    if reason:
        assert d.reason == reason
    assert d.reason.startswith(f"Next time: {seconds_text(hold)} holds")
    assert d.suggest_next_level is None and not d.clinician_prompt


@pytest.mark.parametrize(
    ("hold", "reps", "history", "next_step", "change"),
    [
        (5, 8, [s(0, 5, reps=8, ex=ADVANCED), s(1, 5, reps=8, ex=ADVANCED)], (5, 9), Change.UP),
        (5, 9, [s(0, 5, reps=9, ex=ADVANCED), s(1, 5, reps=9, ex=ADVANCED)], (5, 10), Change.UP),
        (5, 10, [s(0, 5, ex=ADVANCED), s(1, 5, ex=ADVANCED)], (7, 10), Change.UP),
        (19, 10, [s(0, 19, ex=ADVANCED), s(1, 19, ex=ADVANCED)], (20, 10), Change.UP),
        (5, 9, [s(0, 5, reps=9, ex=ADVANCED, after=4)], (5, 8), Change.DOWN),
        (7, 10, [s(0, 7, ex=ADVANCED, after=4)], (5, 10), Change.DOWN),
        (5, 8, [s(0, 5, reps=8, ex=ADVANCED, ended=SessionEnd.PAIN)], (5, 8), Change.STAY),
        (5, 9, [s(0, 5, reps=9, done=8, ex=ADVANCED)], (5, 9), Change.STAY),
    ],
)
def test_advanced_builds_reps_before_holds(
    hold: float,
    reps: int,
    history: list[SessionOutcome],
    next_step: tuple[float, int],
    change: Change,
) -> None:
    current = defaults(ADVANCED).with_hold(hold).with_reps(reps)
    d = after_session(current, ADVANCED, history)
    assert ((d.prescription.hold_s, d.prescription.reps), d.change) == (next_step, change)


def test_advanced_reasons_name_the_reps() -> None:
    history = [s(0, 5, reps=8, ex=ADVANCED), s(1, 5, reps=8, ex=ADVANCED)]
    d = after_session(defaults(ADVANCED).at_start(), ADVANCED, history)
    assert d.reason == (
        "Next time: 9 reps of 5 s holds. You completed all 8 reps at 5 s in your last two"
        " sessions with little pain."
    )


@pytest.mark.parametrize(
    ("exercise_id", "target", "next_level", "name", "clinician"),
    [
        (BEGINNER, 30, "intermediate", "Intermediate", False),
        (INTERMEDIATE, 5, "advanced", "Advanced", True),
        (ADVANCED, 20, "advanced-legs", "Advanced + legs", True),
    ],
)
def test_target_met_twice_suggests_the_next_level(
    exercise_id: str, target: float, next_level: str, name: str, clinician: bool
) -> None:
    reps = 10
    current = defaults(exercise_id).with_hold(target).with_reps(reps)
    once = [s(0, target, reps=reps, ex=exercise_id)]
    d1 = after_session(current, exercise_id, once, CATALOG)
    assert d1.suggest_next_level is None and d1.change is Change.STAY
    assert d1.reason.endswith(
        f"After one more session like this one, you could try the {name} level."
    )
    twice = [*once, s(1, target, reps=reps, ex=exercise_id)]
    d2 = after_session(current, exercise_id, twice, CATALOG)
    assert (d2.suggest_next_level, d2.clinician_prompt) == (next_level, clinician)
    assert d2.prescription == current and d2.change is Change.STAY
    assert d2.reason.endswith(
        f"at the {seconds_text(target)} target in your last two sessions,"
        f" so you could try the {name} level."
    )


def test_the_last_level_suggests_nothing() -> None:
    current = defaults(ADVANCED_LEGS).with_hold(10)
    history = [s(0, 10, reps=8, ex=ADVANCED_LEGS), s(1, 10, reps=8, ex=ADVANCED_LEGS)]
    d = after_session(current, ADVANCED_LEGS, history, CATALOG)
    assert d.suggest_next_level is None and not d.clinician_prompt
    assert d.reason == "Next time: 10 s holds again. You completed all 8 reps at the 10 s target."


@pytest.mark.parametrize(
    "last",
    [
        s(1, 30, after=3),
        s(1, 30, effort=7),
        s(1, 30, done=9),
        s(1, 30, effort=None),
        s(1, 30, ended=SessionEnd.STOPPED),
    ],
)
def test_no_next_level_unless_the_target_session_was_clean(last: SessionOutcome) -> None:
    d = after_session(defaults(BEGINNER).with_hold(30), BEGINNER, [s(0, 30), last], CATALOG)
    assert d.suggest_next_level is None and d.prescription.hold_s == 30


def test_reps_short_of_target_at_the_target_hold_is_not_the_target() -> None:
    current = defaults(ADVANCED).with_hold(20).with_reps(9)
    history = [s(0, 20, reps=9, ex=ADVANCED), s(1, 20, reps=9, ex=ADVANCED)]
    d = after_session(current, ADVANCED, history, CATALOG)
    assert (d.prescription.hold_s, d.prescription.reps, d.change) == (20, 10, Change.UP)
    assert d.suggest_next_level is None


def test_no_session_of_this_exercise_keeps_the_prescription() -> None:
    current = defaults(INTERMEDIATE)
    history = [s(0, 30), s(1, 30)]  # weeks of the beginner exercise, then a level change
    d = after_session(current, INTERMEDIATE, history, CATALOG)
    assert d.prescription == current and d.change is Change.STAY
    assert d.reason == "Next time: 2 s holds. It will be your first session of this exercise."


def test_after_a_level_change_only_the_new_exercise_counts() -> None:
    history = [s(0, 30), s(1, 30), s(2, 2, ex=INTERMEDIATE)]
    d = after_session(defaults(INTERMEDIATE), INTERMEDIATE, history, CATALOG)
    assert (d.prescription.hold_s, d.change) == (2, Change.STAY)
    history.append(s(3, 2, ex=INTERMEDIATE))
    d = after_session(defaults(INTERMEDIATE), INTERMEDIATE, history, CATALOG)
    assert (d.prescription.hold_s, d.change) == (3, Change.UP)


def test_returning_to_an_old_exercise_after_weeks_starts_a_new_run() -> None:
    history = [s(0, 10), s(1, 2, ex=INTERMEDIATE), s(20, 2, ex=INTERMEDIATE), s(21, 10)]
    d = after_session(defaults(BEGINNER).with_hold(10), BEGINNER, history)
    assert (d.prescription.hold_s, d.change) == (10, Change.STAY)


def test_the_step_is_taken_from_the_last_session_not_the_stored_base() -> None:
    # Stored base 20 s; after a break the session ran at the eased 15 s.
    history = [s(0, 20), s(10, 15)]
    d = after_session(defaults(BEGINNER).with_hold(20), BEGINNER, history)
    assert (d.prescription.hold_s, d.change) == (15, Change.STAY)


def test_the_stored_base_supplies_bounds_and_timings() -> None:
    custom = replace(defaults(BEGINNER), target_hold_s=20, rest_s=7)
    d = after_session(custom, BEGINNER, [s(0, 20), s(1, 20)])
    assert d.prescription.hold_s == 20 and d.prescription.rest_s == 7
    d = after_session(custom, BEGINNER, [s(0, 25), s(1, 25)])  # recorded above the new target
    assert d.prescription.hold_s == 20


def test_evaluating_again_when_the_next_day_answer_arrives_never_applies_twice() -> None:
    base = defaults(BEGINNER).with_hold(10)
    history = [s(0, 10), s(1, 10)]
    first = after_session(base, BEGINNER, history)
    assert (first.prescription.hold_s, first.change) == (15, Change.UP)
    assert after_session(first.prescription, BEGINNER, history) == first
    answered_worse = [history[0], replace(history[1], next_day_worse=True)]
    worse = after_session(first.prescription, BEGINNER, answered_worse)
    assert (worse.prescription.hold_s, worse.change) == (5, Change.DOWN)
    assert after_session(worse.prescription, BEGINNER, answered_worse) == worse
    answered_fine = [history[0], replace(history[1], next_day_worse=False)]
    assert after_session(first.prescription, BEGINNER, answered_fine) == first


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("pain_before", 11),
        ("pain_after", -1),
        ("effort", 12),
        ("reps_completed", 11),
        ("reps_completed", -1),
        ("reps_planned", 0),
        ("hold_s", 0),
    ],
)
def test_outcomes_out_of_range_are_refused(field: str, value: float) -> None:
    changes: dict[str, Any] = {field: value}
    with pytest.raises(ValueError, match=field):
        replace(s(0, 10), **changes)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(5, "5 s"), (5.0, "5 s"), (12.5, "12.5 s"), (2.25, "2.2 s"), (30.0, "30 s")],
)
def test_seconds_are_written_plainly(seconds: float, text: str) -> None:
    assert seconds_text(seconds) == text


def test_plan_text_names_reps_only_where_they_build() -> None:
    assert plan_text(defaults(BEGINNER).with_hold(15)) == "15 s holds"
    assert plan_text(defaults(ADVANCED).at_start()) == "8 reps of 5 s holds"
    assert plan_text(defaults(ADVANCED_LEGS)) == "3 s holds"


def test_no_reason_ever_says_forward() -> None:
    reasons = [
        after_session(defaults(BEGINNER).with_hold(10), BEGINNER, c[1], CATALOG).reason
        for c in BEGINNER_CASES
    ]
    assert all("forward" not in r.lower() for r in reasons)
    assert all(r.count(". ") == 1 and r.endswith(".") for r in reasons)
