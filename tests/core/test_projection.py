"""project: the expected week-by-week holds when every session goes well."""

from __future__ import annotations

import math
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from upright.core.catalog import load_builtin_catalog
from upright.core.ladder import hold_steps
from upright.core.program import Prescription
from upright.core.projection import ProjectedWeek, project
from upright.core.value import replace

CATALOG = load_builtin_catalog()
BUILTIN = [e.defaults for e in CATALOG.exercises if e.defaults is not None]
MONDAY = date(2025, 3, 3)


def defaults(exercise_id: str) -> Prescription:
    p = CATALOG.exercise(exercise_id).defaults
    assert p is not None
    return p


def test_beginner_at_five_sessions_a_week() -> None:
    # 5 sessions a week, a step per 2 clean sessions: steps due by each week = 0, 2, 5, 7 ...
    weeks = project(defaults("forearm-press-up"), MONDAY, 4)
    assert weeks == [
        ProjectedWeek(MONDAY, 5, 10),
        ProjectedWeek(date(2025, 3, 10), 15, 10),
        ProjectedWeek(date(2025, 3, 17), 30, 10),
        ProjectedWeek(date(2025, 3, 24), 30, 10),
    ]


def test_three_sessions_a_week_is_slower() -> None:
    p = replace(defaults("forearm-press-up"), sessions_per_week=3)
    # steps due: 0, 1, 3, 4, 6 -> 5, 10, 20, 25, 30 (the target, 5 steps up)
    assert [w.hold_s for w in project(p, MONDAY, 6)] == [5, 10, 20, 25, 30, 30]


def test_advanced_builds_reps_before_holds() -> None:
    weeks = project(replace(defaults("chest-raise"), sessions_per_week=2), MONDAY, 5)
    assert [(w.hold_s, w.reps) for w in weeks] == [(5, 8), (5, 9), (5, 10), (7, 10), (9, 10)]


def test_starts_from_the_current_hold_not_the_start() -> None:
    weeks = project(defaults("forearm-press-up").with_hold(20), MONDAY, 3)
    assert [w.hold_s for w in weeks] == [20, 30, 30]


def test_no_weeks_and_negative_weeks() -> None:
    assert project(defaults("hand-press-up"), MONDAY, 0) == []
    with pytest.raises(ValueError, match="weeks"):
        project(defaults("hand-press-up"), MONDAY, -1)


@st.composite
def prescriptions(draw: st.DrawFn) -> Prescription:
    base = draw(st.sampled_from(BUILTIN))
    start_reps = draw(st.integers(1, 10))
    start = draw(st.integers(2, 40)) / 2
    p = replace(
        base,
        start_hold_s=start,
        target_hold_s=start + draw(st.integers(0, 100)) / 2,
        step_s=draw(st.integers(1, 20)) / 2,
        start_reps=start_reps,
        target_reps=start_reps + draw(st.integers(0, 3)),
        sessions_per_week=draw(st.integers(2, 7)),
    )
    hold = draw(st.sampled_from(hold_steps(p)))
    return p.with_hold(hold).with_reps(draw(st.integers(p.start_reps, p.target_reps)))


@settings(deadline=None, max_examples=200)
@given(prescriptions(), st.integers(0, 60))
def test_projection_is_monotone_starts_at_the_hold_and_reaches_the_target(
    p: Prescription, extra_weeks: int
) -> None:
    holds = hold_steps(p)
    steps_to_top = (p.target_reps - p.reps) + (len(holds) - 1 - holds.index(p.hold_s))
    weeks_to_top = math.ceil(steps_to_top * 2 / p.sessions_per_week)
    weeks = project(p, MONDAY, weeks_to_top + 1 + extra_weeks)
    assert (weeks[0].hold_s, weeks[0].reps) == (p.hold_s, p.reps)
    assert all(w.week_start == MONDAY + timedelta(weeks=i) for i, w in enumerate(weeks))
    for a, b in pairwise(weeks):
        assert a.hold_s <= b.hold_s and a.reps <= b.reps
    top = (p.target_hold_s, p.target_reps)
    assert all((w.hold_s, w.reps) == top for w in weeks[weeks_to_top:])
    if weeks_to_top > 0:
        assert (weeks[weeks_to_top - 1].hold_s, weeks[weeks_to_top - 1].reps) != top
