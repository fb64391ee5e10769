"""The progression ladder: each exercise's hold steps, reps before holds, one step up or down."""

from __future__ import annotations

import pytest

from upright.core.catalog import load_builtin_catalog
from upright.core.ladder import hold_steps, is_top, step_down, step_up
from upright.core.program import Prescription
from upright.core.value import replace

CATALOG = load_builtin_catalog()


def defaults(exercise_id: str) -> Prescription:
    p = CATALOG.exercise(exercise_id).defaults
    assert p is not None
    return p


@pytest.mark.parametrize(
    ("exercise_id", "holds"),
    [
        ("forearm-press-up", (5, 10, 15, 20, 25, 30)),
        ("hand-press-up", (2, 3, 4, 5)),
        # 2 s steps from 5 s do not land on 20 s: the last step is 1 s, never past the target.
        ("chest-raise", (5, 7, 9, 11, 13, 15, 17, 19, 20)),
        ("chest-raise-legs", (3, 4, 5, 6, 7, 8, 9, 10)),
    ],
)
def test_hold_steps_of_the_builtin_exercises(exercise_id: str, holds: tuple[float, ...]) -> None:
    assert hold_steps(defaults(exercise_id)) == holds


def test_half_second_steps_do_not_drift() -> None:
    p = replace(defaults("forearm-press-up"), start_hold_s=1, target_hold_s=40, step_s=0.5)
    steps = hold_steps(p)
    assert len(steps) == 79
    assert steps[:3] == (1, 1.5, 2) and steps[-1] == 40
    assert all(s * 2 == int(s * 2) for s in steps)


def test_start_equal_to_target_is_a_single_step() -> None:
    p = replace(defaults("hand-press-up"), hold_s=4, start_hold_s=4, target_hold_s=4)
    assert hold_steps(p) == (4,)
    assert step_up(p) == p and step_down(p) == p and is_top(p)


def test_a_step_must_be_positive() -> None:
    with pytest.raises(ValueError, match="step_s"):
        hold_steps(replace(defaults("hand-press-up"), step_s=0))


def test_chest_raise_builds_reps_at_the_start_hold_before_holds_lengthen() -> None:
    p = defaults("chest-raise").at_start()
    climb = [(p.hold_s, p.reps)]
    while not is_top(p):
        p = step_up(p)
        climb.append((p.hold_s, p.reps))
    assert climb == [
        (5, 8),
        (5, 9),
        (5, 10),
        (7, 10),
        (9, 10),
        (11, 10),
        (13, 10),
        (15, 10),
        (17, 10),
        (19, 10),
        (20, 10),
    ]
    assert step_up(p) == p  # never beyond the target
    # Down walks the same ladder backwards: shorter holds first, then fewer reps.
    descent = [(p.hold_s, p.reps)]
    while step_down(p) != p:
        p = step_down(p)
        descent.append((p.hold_s, p.reps))
    assert descent == climb[::-1]
    assert (p.hold_s, p.reps) == (5, 8)  # never below the start


def test_beginner_climbs_hold_by_hold() -> None:
    p = defaults("forearm-press-up").at_start()
    holds = [p.hold_s]
    while not is_top(p):
        p = step_up(p)
        holds.append(p.hold_s)
        assert p.reps == 10
    assert holds == [5, 10, 15, 20, 25, 30]


@pytest.mark.parametrize(
    ("hold_s", "up_s", "down_s"),
    [
        (12, 15, 10),  # set by hand between two steps: the next step each way
        (10, 15, 5),
        (5, 10, 5),
        (30, 30, 25),
        (2, 10, 5),  # below the start: read as the start
        (45, 30, 25),  # above the target: read as the target
    ],
)
def test_off_ladder_holds_move_to_the_neighbouring_step(
    hold_s: float, up_s: float, down_s: float
) -> None:
    p = replace(defaults("forearm-press-up"), hold_s=hold_s)
    assert step_up(p).hold_s == up_s
    assert step_down(p).hold_s == down_s


def test_reps_below_target_with_a_longer_hold_add_reps_first_and_drop_hold_first() -> None:
    p = replace(defaults("chest-raise"), hold_s=11, reps=9)
    assert (step_up(p).hold_s, step_up(p).reps) == (11, 10)
    assert (step_down(p).hold_s, step_down(p).reps) == (9, 9)
