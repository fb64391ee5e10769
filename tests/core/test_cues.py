"""The cue schedule: which cue at which moment, following the ramp, for a whole session."""

from __future__ import annotations

import itertools

import pytest

from upright.core.catalog import load_builtin_catalog
from upright.core.clock import FakeClock
from upright.core.cues import Cue, CueOptions, CueQueue, Tone, phase_cues
from upright.core.events import PhaseStarted
from upright.core.phases import Phase
from upright.core.plan import Segment, build_plan
from upright.core.session import RunState, Session
from upright.core.value import replace

CATALOG = load_builtin_catalog()
BEGINNER = CATALOG.exercise("forearm-press-up")


def seg(
    phase: Phase, duration: float, rep: int = 1, exercise_id: str = "forearm-press-up"
) -> Segment:
    ex = CATALOG.exercise(exercise_id)
    return Segment(ex, phase, duration, rep, 10, duration if phase is Phase.HOLD else 15)


def test_hold_cues_follow_the_ramp() -> None:
    cues = phase_cues(seg(Phase.HOLD, 15), started_at=100.0, real_duration_s=15.0)
    assert [(c.at_s, c.words, c.tone) for c in cues] == [
        (100.0, "Hold, 15 seconds.", None),
        (107.5, "Halfway. Keep breathing.", None),
        (112.0, "3", Tone.COUNT),
        (113.0, "2", Tone.COUNT),
        (114.0, "1", Tone.COUNT),
    ]


def test_short_holds_get_no_count_that_would_cut_off_the_words() -> None:
    cues = phase_cues(seg(Phase.HOLD, 2, exercise_id="hand-press-up"), 0.0, 2.0)
    assert [c.words for c in cues] == ["Hold."]
    five = phase_cues(seg(Phase.HOLD, 5), 0.0, 5.0)
    assert [c.words for c in five] == ["Hold, 5 seconds.", "3", "2", "1"]
    assert all(b.at_s - a.at_s >= 1.0 for a, b in itertools.pairwise(five))


def test_count_down_from_is_a_setting() -> None:
    cues = phase_cues(seg(Phase.HOLD, 20), 0.0, 20.0, options=CueOptions(count_down_from=5))
    assert [c.words for c in cues if c.tone is Tone.COUNT] == ["5", "4", "3", "2", "1"]
    silent = phase_cues(seg(Phase.HOLD, 20), 0.0, 20.0, options=CueOptions(count_down_from=0))
    assert not [c for c in silent if c.tone is Tone.COUNT]


def test_time_scale_scales_the_due_times_not_the_words() -> None:
    cues = phase_cues(seg(Phase.HOLD, 10), 50.0, 1.0, time_scale=10)
    assert cues[0].words == "Hold, 10 seconds."
    assert [round(c.at_s, 3) for c in cues if c.tone is Tone.COUNT] == [50.7, 50.8, 50.9]


def test_rest_ends_with_a_ready_cue_before_the_next_lift() -> None:
    cues = phase_cues(seg(Phase.REST, 10), 0.0, 10.0)
    assert [(c.at_s, c.tone) for c in cues] == [(0.0, None), (8.0, Tone.REST_OVER)]


def test_every_phase_of_a_whole_session_has_an_opening_cue() -> None:
    clock = FakeClock()
    assert BEGINNER.defaults is not None
    session = Session(
        build_plan(CATALOG, [(BEGINNER, replace(BEGINNER.defaults, hold_s=10))]), clock
    )
    starts = [e for e in session.start() if isinstance(e, PhaseStarted)]
    while session.state is not RunState.FINISHED:
        clock.advance(0.5)
        starts += [e for e in session.update() if isinstance(e, PhaseStarted)]
    schedule: list[Cue] = []
    for event in starts:
        schedule += phase_cues(event.segment, event.at, event.segment.duration_s)
    opening = {e.at for e in starts}
    assert opening <= {c.at_s for c in schedule}
    words = " ".join(c.words or "" for c in schedule)
    assert "Rep 10 of 10. Lift." in words and "Side reaches." in words
    assert "forward" not in words.lower()
    assert [c.at_s for c in schedule] == sorted(c.at_s for c in schedule)


def test_queue_drops_stale_cues_after_a_stall() -> None:
    queue = CueQueue(max_late_s=0.5)
    queue.load([Cue(t, str(t)) for t in (1.0, 2.0, 3.0, 4.0)])
    assert queue.take_due(0.9) == [] and queue.next_due_at() == 1.0
    assert [c.caption for c in queue.take_due(1.05)] == ["1.0"]
    assert [c.caption for c in queue.take_due(3.2)] == ["3.0"]  # 2.0 is stale: dropped
    assert queue.next_due_at() == pytest.approx(4.0)
