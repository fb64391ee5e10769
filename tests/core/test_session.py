"""The session state machine, driven by a fake clock: phases, commands, stalls and time scale."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from upright.core.catalog import load_builtin_catalog
from upright.core.clock import FakeClock
from upright.core.events import Paused, PhaseStarted, RepCompleted, SessionFinished
from upright.core.phases import Phase
from upright.core.plan import Plan, build_plan
from upright.core.session import RunState, Session
from upright.core.session_end import SessionEnd

CATALOG = load_builtin_catalog()
BEGINNER = CATALOG.exercise("forearm-press-up")


def beginner_plan(hold_s: float = 5, reps: int = 3, warmups: bool = False) -> Plan:
    assert BEGINNER.defaults is not None
    p = BEGINNER.defaults.with_hold(hold_s).with_reps(reps)
    from upright.core.value import replace

    p = replace(p, reps=reps, start_reps=min(reps, p.start_reps))
    return build_plan(CATALOG, [(BEGINNER, p)], warmups=warmups, get_down=warmups)


def run_to_end(session: Session, clock: FakeClock, step: float = 0.1) -> list[object]:
    events: list[object] = []
    for _ in range(100_000):
        if session.state is RunState.FINISHED:
            break
        clock.advance(step)
        events += session.update()
    return events


def look(session: Session, clock: FakeClock, seconds: float) -> list[object]:
    """Let time pass the way the app does: looking at the clock every half second."""
    events: list[object] = []
    for _ in range(round(seconds / 0.5)):
        clock.advance(0.5)
        events += session.update()
    return events


def phases(events: list[object]) -> list[tuple[Phase, int]]:
    return [(e.segment.phase, e.segment.rep) for e in events if isinstance(e, PhaseStarted)]


def test_full_session_order_of_phases(clock: FakeClock) -> None:
    session = Session(build_plan(CATALOG, [(BEGINNER, BEGINNER.defaults)]), clock)  # type: ignore[list-item]
    events = session.start() + run_to_end(session, clock)
    order = [p for p, _ in phases(events)]
    assert order[:5] == [Phase.MOVE, Phase.MOVE, Phase.MOVE, Phase.MOVE, Phase.SETTLE]
    assert order[5] == Phase.GET_READY
    per_rep = [Phase.LIFT, Phase.HOLD, Phase.LOWER, Phase.REST]
    assert order[6:] == per_rep * 9 + per_rep[:3]  # no rest after the last of 10 reps
    reps = [e for e in events if isinstance(e, RepCompleted)]
    assert [r.rep for r in reps] == list(range(1, 11))
    assert all(r.completed and r.held_s == 5 and r.target_hold_s == 5 for r in reps)
    assert isinstance(events[-1], SessionFinished) and events[-1].how is SessionEnd.FINISHED


def test_remaining_is_deadline_minus_clock(clock: FakeClock) -> None:
    session = Session(beginner_plan(hold_s=10), clock)
    session.start()
    clock.advance(5 + 2)  # get ready + lift
    session.update()
    assert session.segment.phase is Phase.HOLD
    clock.advance(3.25)
    assert session.snapshot().remaining_s == pytest.approx(6.75)
    assert session.snapshot().elapsed_s == pytest.approx(3.25)


def test_update_is_idempotent(clock: FakeClock) -> None:
    session = Session(beginner_plan(), clock)
    session.start()
    clock.advance(7.5)
    first = session.update()
    assert first and session.update() == [] and session.update() == []


def test_stall_loses_and_adds_no_time(clock: FakeClock) -> None:
    """A 2.5 s stall of the main thread: the next update is exactly right."""
    session = Session(beginner_plan(hold_s=5, reps=2), clock)
    session.start()
    clock.advance(5 + 2 + 1)  # one second into the first hold
    session.update()
    clock.advance(2.5)  # nothing looked at the clock for 2.5 s
    session.update()
    snap = session.snapshot()
    assert snap.segment.phase is Phase.HOLD
    assert snap.remaining_s == pytest.approx(1.5)
    clock.advance(1.5 + 2 + 5 + 0.5)  # past the lower and the rest: a stall across two phases
    events = session.update()
    assert [p for p, _ in phases(events)] == [Phase.LOWER, Phase.REST, Phase.LIFT]
    starts = [e.at for e in events if isinstance(e, PhaseStarted)]
    assert starts[1] - starts[0] == pytest.approx(2)  # each phase began at the previous deadline
    assert session.snapshot().elapsed_s == pytest.approx(0.5)


def test_pause_freezes_and_resume_continues(clock: FakeClock) -> None:
    session = Session(beginner_plan(hold_s=10), clock)
    session.start()
    look(session, clock, 7 + 4)
    session.update()
    session.pause()
    clock.advance(60)
    assert session.update() == []
    assert session.snapshot().remaining_s == pytest.approx(6)
    session.resume()
    clock.advance(6)
    events = session.update()
    rep = next(e for e in events if isinstance(e, RepCompleted))
    assert rep.completed and rep.held_s == 10


def test_end_hold_early_records_time_held(clock: FakeClock) -> None:
    session = Session(beginner_plan(hold_s=30, reps=2), clock)
    session.start()
    look(session, clock, 7 + 12)
    session.update()
    events = session.end_hold_early()
    rep = next(e for e in events if isinstance(e, RepCompleted))
    assert rep.held_s == pytest.approx(12) and not rep.completed and rep.target_hold_s == 30
    assert session.segment.phase is Phase.LOWER


def test_end_hold_early_outside_hold_does_nothing(clock: FakeClock) -> None:
    session = Session(beginner_plan(), clock)
    session.start()
    assert session.end_hold_early() == []
    assert session.segment.phase is Phase.GET_READY


def test_next_skips_a_phase_and_back_restarts_the_rep(clock: FakeClock) -> None:
    session = Session(beginner_plan(hold_s=10), clock)
    session.start()
    session.next()
    assert session.segment.phase is Phase.LIFT
    clock.advance(2.5)
    session.update()
    assert session.segment.phase is Phase.HOLD
    clock.advance(3)
    session.back()  # 3.5 s into rep 1: restart it from the lift, nothing recorded
    assert (session.segment.phase, session.segment.rep) == (Phase.LIFT, 1)
    assert session.back() and session.segment.phase is Phase.GET_READY  # just began: go back


def test_back_from_rest_redoes_the_rep_and_keeps_the_first_record(clock: FakeClock) -> None:
    session = Session(beginner_plan(hold_s=5, reps=2), clock)
    events = session.start()
    events += look(session, clock, 5 + 2 + 5 + 2 + 1)
    assert session.segment.phase is Phase.REST
    events += session.back()
    assert (session.segment.phase, session.segment.rep) == (Phase.LIFT, 1)
    assert len([e for e in events if isinstance(e, RepCompleted)]) == 1


def test_stop_during_hold_records_the_partial_hold(clock: FakeClock) -> None:
    session = Session(beginner_plan(hold_s=10), clock)
    session.start()
    look(session, clock, 7 + 4)
    events = session.stop(SessionEnd.PAIN)
    rep = next(e for e in events if isinstance(e, RepCompleted))
    assert rep.held_s == pytest.approx(4) and not rep.completed
    assert session.state is RunState.FINISHED and session.ended_how is SessionEnd.PAIN
    assert session.stop() == [] and session.next() == []


def test_time_scale_runs_every_timer_faster(clock: FakeClock) -> None:
    session = Session(beginner_plan(hold_s=10, reps=1), clock, time_scale=20)
    session.start()
    clock.advance((5 + 2 + 5) / 20)
    session.update()
    snap = session.snapshot()
    assert snap.segment.phase is Phase.HOLD
    assert snap.remaining_s == pytest.approx(5)  # shown in exercise seconds
    events = run_to_end(session, clock, step=0.01)
    rep = next(e for e in events if isinstance(e, RepCompleted))
    assert rep.held_s == 10 and rep.completed


def test_wall_clock_jump_changes_nothing(clock: FakeClock) -> None:
    session = Session(beginner_plan(hold_s=10), clock)
    session.start()
    clock.advance(7 + 2)
    session.update()
    clock.jump_wall(3600)
    assert session.snapshot().remaining_s == pytest.approx(8)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["tick", "pause", "resume", "next", "back", "early"]),
            st.floats(0, 8),
        ),
        max_size=60,
    )
)
def test_any_command_sequence_keeps_the_session_consistent(
    commands: list[tuple[str, float]],
) -> None:
    clock = FakeClock()
    session = Session(beginner_plan(hold_s=5, reps=3), clock)
    recorded: list[RepCompleted] = []
    session.start()
    for name, dt in commands:
        clock.advance(dt)
        action = {
            "tick": session.update,
            "pause": session.pause,
            "resume": session.resume,
            "next": session.next,
            "back": session.back,
            "early": session.end_hold_early,
        }[name]
        recorded += [e for e in action() if isinstance(e, RepCompleted)]
        snap = session.snapshot()
        assert 0 <= snap.remaining_s <= snap.segment.duration_s + 1e-9
        assert 0 <= snap.progress <= 1
    for rep in recorded:
        assert 0 <= rep.held_s <= rep.target_hold_s
        assert rep.completed == (rep.held_s >= rep.target_hold_s)


def test_rejects_absurd_time_scale(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="time_scale"):
        Session(beginner_plan(), clock, time_scale=0)


def test_a_long_gap_pauses_at_the_last_moment_seen_instead_of_counting_it(
    clock: FakeClock,
) -> None:
    """A laptop asleep mid-hold: the hold shows what was seen, not minutes of imagined holding."""
    session = Session(beginner_plan(hold_s=30, reps=2), clock)
    session.start()
    look(session, clock, 7 + 12)  # 12 s into the first hold
    session.update()
    clock.advance(600)  # the computer slept for ten minutes
    events = session.update()
    paused = [e for e in events if isinstance(e, Paused)]
    assert paused and paused[0].gap_s == pytest.approx(600)
    assert session.state is RunState.PAUSED
    assert session.snapshot().elapsed_s == pytest.approx(12)  # as it was when last seen
    events = session.stop()
    rep = next(e for e in events if isinstance(e, RepCompleted))
    assert rep.held_s == pytest.approx(12) and not rep.completed


def test_a_short_stall_is_not_a_gap(clock: FakeClock) -> None:
    session = Session(beginner_plan(hold_s=30, reps=2), clock)
    session.start()
    clock.advance(9.5)
    assert not any(isinstance(e, Paused) for e in session.update())
    assert session.state is RunState.RUNNING


def test_a_hold_ended_a_hair_before_its_target_is_consistent(clock: FakeClock) -> None:
    """Found by hypothesis: held 4.999 s of 5 s was stored as 5.0 s and "not completed"."""
    session = Session(beginner_plan(hold_s=5, reps=2), clock)
    session.start()
    look(session, clock, 5 + 2)
    clock.advance(4.9999)
    events = session.next()
    rep = next(e for e in events if isinstance(e, RepCompleted))
    assert rep.completed == (rep.held_s >= rep.target_hold_s)
