"""Properties of the progression rules over generated histories and prescriptions (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from upright.core.catalog import load_builtin_catalog
from upright.core.ladder import HOLD_TOLERANCE_S, hold_steps, step_down, step_up
from upright.core.program import Prescription
from upright.core.progression import (
    Change,
    SessionEnd,
    SessionOutcome,
    after_session,
    for_today,
)
from upright.core.value import replace

CATALOG = load_builtin_catalog()
BUILTIN = [e.defaults for e in CATALOG.exercises if e.defaults is not None]
DAY0 = date(2024, 1, 1)
EX = "chest-raise"  # the exercise under test; "other" sessions belong to another one
PROPERTIES = settings(deadline=None, max_examples=150)

ratings = st.none() | st.integers(0, 10)


@st.composite
def prescriptions(draw: st.DrawFn) -> Prescription:
    """A built-in default or any valid custom prescription, at any hold and reps within it."""
    base = draw(st.sampled_from(BUILTIN))
    if draw(st.booleans()):
        start = draw(st.integers(2, 60)) / 2
        start_reps = draw(st.integers(1, 12))
        base = replace(
            base,
            start_hold_s=start,
            target_hold_s=min(120, start + draw(st.integers(0, 80)) / 2),
            step_s=draw(st.integers(1, 20)) / 2,
            start_reps=start_reps,
            target_reps=start_reps + draw(st.integers(0, 4)),
            sessions_per_week=draw(st.integers(2, 7)),
        )
    on_ladder = draw(st.sampled_from(hold_steps(base)))
    hold = draw(st.sampled_from([on_ladder, base.start_hold_s + draw(st.integers(0, 240)) / 4]))
    return base.with_hold(hold).with_reps(draw(st.integers(base.start_reps, base.target_reps)))


@st.composite
def outcome_fields(draw: st.DrawFn) -> dict[str, object]:
    """Everything a session reports but its day, exercise, hold and reps: often a clean one."""
    if draw(st.integers(0, 9)) < 6:
        before = draw(st.integers(0, 2))
        return {
            "done_share": 1.0,
            "ended": SessionEnd.FINISHED,
            "pain_before": before,
            "pain_after": draw(st.integers(0, min(2, before + 1))),
            "effort": draw(st.integers(0, 6)),
            "next_day_worse": draw(st.sampled_from([None, False])),
        }
    return {
        "done_share": draw(st.sampled_from([1.0, 0.9, 0.5, 0.0])),
        "ended": draw(st.sampled_from(list(SessionEnd))),
        "pain_before": draw(ratings),
        "pain_after": draw(ratings),
        "effort": draw(ratings),
        "next_day_worse": draw(st.sampled_from([None, False, True])),
    }


def outcome(
    day: date, exercise_id: str, hold_s: float, reps: int, f: dict[str, object]
) -> SessionOutcome:
    share = f["done_share"]
    assert isinstance(share, float)
    return SessionOutcome(
        day=day,
        exercise_id=exercise_id,
        hold_s=hold_s,
        reps_planned=reps,
        reps_completed=int(reps * share),
        ended=SessionEnd(str(f["ended"])),
        pain_before=f["pain_before"],  # type: ignore[arg-type]
        pain_after=f["pain_after"],  # type: ignore[arg-type]
        effort=f["effort"],  # type: ignore[arg-type]
        next_day_worse=f["next_day_worse"],  # type: ignore[arg-type]
    )


@st.composite
def histories(draw: st.DrawFn, p: Prescription) -> list[SessionOutcome]:
    """Sessions oldest first, gaps of 0 to 20 days, mostly of EX at holds near p's ladder."""
    out: list[SessionOutcome] = []
    day = DAY0
    for _ in range(draw(st.integers(0, 8))):
        day += timedelta(days=draw(st.sampled_from([0, 1, 1, 2, 3, 6, 7, 13, 14, 20])))
        exercise_id = draw(st.sampled_from([EX, EX, EX, "other"]))
        if out and draw(st.booleans()):  # often the same step as the session before
            hold, reps = out[-1].hold_s, out[-1].reps_planned
        else:
            hold = draw(st.sampled_from([*hold_steps(p), p.target_hold_s + 5, 0.5]))
            reps = draw(st.integers(max(1, p.start_reps - 1), p.target_reps + 1))
        out.append(outcome(day, exercise_id, hold, reps, draw(outcome_fields())))
    return out


def last_step(p: Prescription, history: list[SessionOutcome]) -> Prescription | None:
    """The step the exercise's last session was at, within p's bounds."""
    mine = [o for o in history if o.exercise_id == EX]
    return p.with_hold(mine[-1].hold_s).with_reps(mine[-1].reps_planned) if mine else None


def within_bounds(p: Prescription) -> bool:
    return p.start_hold_s <= p.hold_s <= p.target_hold_s and p.start_reps <= p.reps <= p.target_reps


@PROPERTIES
@given(st.data())
def test_decisions_stay_within_start_and_target(data: st.DataObject) -> None:
    p = data.draw(prescriptions())
    history = data.draw(histories(p))
    d = after_session(p, EX, history, CATALOG)
    assert within_bounds(d.prescription)
    today = history[-1].day + timedelta(days=data.draw(st.integers(0, 60))) if history else DAY0
    assert within_bounds(for_today(d.prescription, history, today).prescription)


@PROPERTIES
@given(st.data())
def test_at_most_one_step_from_the_last_session_and_the_change_says_which(
    data: st.DataObject,
) -> None:
    p = data.draw(prescriptions())
    history = data.draw(histories(p))
    d = after_session(p, EX, history, CATALOG)
    done = last_step(p, history)
    if done is None:
        assert (d.prescription, d.change) == (p, Change.STAY)
        return
    expected = {Change.UP: step_up(done), Change.STAY: done, Change.DOWN: step_down(done)}
    assert d.change in expected and d.prescription == expected[d.change]
    assert d.change is Change.STAY or d.prescription != done
    assert abs(d.prescription.hold_s - done.hold_s) <= p.step_s + HOLD_TOLERANCE_S
    assert abs(d.prescription.reps - done.reps) <= 1


@PROPERTIES
@given(st.data())
def test_never_harder_after_pain_of_4_or_more_a_pain_stop_or_a_worse_next_day(
    data: st.DataObject,
) -> None:
    p = data.draw(prescriptions())
    history = data.draw(histories(p))
    mine = [o for o in history if o.exercise_id == EX]
    if not mine:
        return
    last = mine[-1]
    hurt = (
        (last.pain_after is not None and last.pain_after >= 4)
        or last.ended is SessionEnd.PAIN
        or last.next_day_worse is True
    )
    d = after_session(p, EX, history, CATALOG)
    done = last_step(p, history)
    assert done is not None
    if hurt:
        assert d.prescription.hold_s <= done.hold_s and d.prescription.reps <= done.reps
        assert d.change in (Change.DOWN, Change.STAY) and d.suggest_next_level is None
    if d.change is Change.UP or d.suggest_next_level:
        # Only ever after a clean session: all reps, answered, little pain, effort 6 or less.
        assert last.ended is SessionEnd.FINISHED and last.reps_completed == last.reps_planned
        assert last.pain_after is not None and last.pain_after <= 2
        assert last.effort is not None and last.effort <= 6


@PROPERTIES
@given(st.data())
def test_deciding_again_on_the_same_history_changes_nothing(data: st.DataObject) -> None:
    p = data.draw(prescriptions())
    history = data.draw(histories(p))
    d = after_session(p, EX, history, CATALOG)
    if any(o.exercise_id == EX for o in history):
        assert after_session(d.prescription, EX, history, CATALOG) == d


@PROPERTIES
@given(st.data())
def test_other_exercises_never_change_the_decision(data: st.DataObject) -> None:
    p = data.draw(prescriptions())
    history = data.draw(histories(p))
    only_mine = [o for o in history if o.exercise_id == EX]
    assert after_session(p, EX, history, CATALOG) == after_session(p, EX, only_mine, CATALOG)


@PROPERTIES
@given(st.data())
def test_a_break_eases_by_at_most_two_steps_and_only_after_a_week(data: st.DataObject) -> None:
    base = data.draw(prescriptions())
    history = data.draw(histories(base))
    gap = data.draw(st.integers(-3, 60))
    today = (history[-1].day if history else DAY0) + timedelta(days=gap)
    d = for_today(base, history, today)
    if not history or gap < 7:
        assert (d.prescription, d.change) == (base, Change.STAY)
        return
    once, twice = step_down(base), step_down(step_down(base))
    assert d.prescription == (once if gap < 14 else twice)
    assert d.change is (Change.STAY if d.prescription == base else Change.BREAK)
    assert d.prescription.hold_s <= base.hold_s and d.prescription.reps <= base.reps
    assert base.hold_s - d.prescription.hold_s <= 2 * base.step_s + HOLD_TOLERANCE_S


@st.composite
def sessions_to_replay(draw: st.DrawFn) -> list[tuple[int, dict[str, object]]]:
    """Days since the previous session, and what happened, for up to 40 sessions."""
    gaps = st.sampled_from([0, 1, 1, 1, 2, 3, 5, 6, 7, 10, 13, 14, 30])
    return draw(st.lists(st.tuples(gaps, outcome_fields()), max_size=40))


@PROPERTIES
@given(st.data())
def test_replayed_sessions_move_one_step_per_session_and_two_at_most_after_breaks(
    data: st.DataObject,
) -> None:
    """The app's flow: today's prescription, the session at it, after_session, store the base."""
    start = data.draw(prescriptions())
    base = start.at_start() if data.draw(st.booleans()) else start
    # On the ladder: reps below the target only ever at the start hold.
    on_ladder = base.hold_s in hold_steps(base) and (
        base.reps == base.target_reps or base.hold_s == base.start_hold_s
    )
    history: list[SessionOutcome] = []
    day = DAY0
    for gap, fields in data.draw(sessions_to_replay()):
        day += timedelta(days=gap)
        today = for_today(base, history, day).prescription
        if not history or (day - history[-1].day).days < 7:
            assert today == base
        steps_eased = [base, step_down(base), step_down(step_down(base))]
        assert today in steps_eased
        history.append(outcome(day, EX, today.hold_s, today.reps, fields))
        d = after_session(base, EX, history, CATALOG)
        moved_hold = abs(d.prescription.hold_s - today.hold_s) > HOLD_TOLERANCE_S
        moved_reps = d.prescription.reps != today.reps
        assert not (moved_hold and moved_reps)
        assert abs(d.prescription.hold_s - today.hold_s) <= base.step_s + HOLD_TOLERANCE_S
        assert abs(d.prescription.reps - today.reps) <= 1
        last = history[-1]
        if last.ended is SessionEnd.PAIN or (last.pain_after or 0) >= 4 or last.next_day_worse:
            assert d.prescription.hold_s <= today.hold_s and d.prescription.reps <= today.reps
        assert within_bounds(d.prescription)
        if on_ladder and d.prescription.reps < d.prescription.target_reps:
            # Reps build to the target at the start hold before any hold lengthens.
            assert d.prescription.hold_s == d.prescription.start_hold_s
        base = d.prescription
