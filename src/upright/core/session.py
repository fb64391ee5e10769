"""The session state machine: a plan plus a clock gives the current phase, and events as values.

Remaining time is always ``deadline - clock``: a tick only means "look now", so a late or
missing tick, or a stalled main thread, can never add or lose time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from upright.core.clock import Clock
from upright.core.events import Event, Paused, PhaseStarted, RepCompleted, Resumed, SessionFinished
from upright.core.phases import Phase
from upright.core.plan import Plan, Segment
from upright.core.session_end import SessionEnd
from upright.core.value import value

BACK_RESTARTS_AFTER_S = 2.0  # like a music player: "back" restarts a step unless it just began
# Longer than this without a look at the clock means the app was not running (the computer
# slept, or the app froze): nobody can say what the person did meanwhile, so the session
# pauses at the last moment it was seen running instead of counting the gap as exercise.
GAP_S = 10.0


class RunState(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


@value
class Snapshot:
    """Everything a view needs to draw the session at one moment."""

    state: RunState
    index: int
    segment: Segment
    remaining_s: float  # exercise seconds (already multiplied back by the time scale)
    elapsed_s: float
    progress: float  # 0..1 through the current phase
    phase_started_at: float  # monotonic, shifted by pauses
    real_duration_s: float  # the phase's length in real seconds
    ended_how: SessionEnd


class Session:
    """Runs a Plan against a Clock. Commands and update() return the events they caused."""

    def __init__(self, plan: Plan, clock: Clock, time_scale: float = 1.0) -> None:
        if not 0 < time_scale <= 1000:
            raise ValueError("time_scale must be above 0 and at most 1000")
        self.plan = plan
        self.clock = clock
        self.time_scale = time_scale
        self.state = RunState.READY
        self.index = 0
        self.ended_how = SessionEnd.RUNNING
        self._started_at = clock.monotonic()  # phase start, shifted forward by pauses
        self._paused_at: float | None = None
        self._rep_started_wall: datetime | None = None
        self._last_seen = self._started_at

    # -- views ------------------------------------------------------------------------------
    @property
    def segment(self) -> Segment:
        return self.plan.segments[self.index]

    def _real(self, segment: Segment) -> float:
        return segment.duration_s / self.time_scale

    @property
    def deadline(self) -> float:
        return self._started_at + self._real(self.segment)

    def _now(self) -> float:
        return self._paused_at if self._paused_at is not None else self.clock.monotonic()

    def snapshot(self) -> Snapshot:
        real = self._real(self.segment)
        elapsed_real = 0.0 if self.state is RunState.READY else self._now() - self._started_at
        elapsed_real = min(max(elapsed_real, 0.0), real)
        if self.state is RunState.FINISHED:
            elapsed_real = real
        return Snapshot(
            state=self.state,
            index=self.index,
            segment=self.segment,
            remaining_s=(real - elapsed_real) * self.time_scale,
            elapsed_s=elapsed_real * self.time_scale,
            progress=elapsed_real / real if real > 0 else 1.0,
            phase_started_at=self._started_at,
            real_duration_s=real,
            ended_how=self.ended_how,
        )

    # -- commands ---------------------------------------------------------------------------
    def start(self) -> list[Event]:
        if self.state is not RunState.READY:
            return []
        self.state = RunState.RUNNING
        self._last_seen = self.clock.monotonic()
        return self._enter(0, self._last_seen)

    def update(self) -> list[Event]:
        """Catch up with the clock. Idempotent: calling it twice at one moment adds nothing."""
        events: list[Event] = []
        now = self.clock.monotonic()
        if self.state is RunState.RUNNING and now - self._last_seen > GAP_S:
            while self.deadline <= self._last_seen:  # what was due before the gap
                events += self._leave(self.deadline, early=False)
            if self.state is RunState.RUNNING:
                self._paused_at = self._last_seen
                self.state = RunState.PAUSED
                events.append(Paused(self._last_seen, gap_s=now - self._last_seen))
        self._last_seen = now
        while self.state is RunState.RUNNING and now >= self.deadline:
            # Each phase ends exactly at its deadline, even if we look late (a short stall).
            events += self._leave(self.deadline, early=False)
        return events

    def pause(self) -> list[Event]:
        events = self.update()
        if self.state is not RunState.RUNNING:
            return events
        self._paused_at = self.clock.monotonic()
        self.state = RunState.PAUSED
        return [*events, Paused(self._paused_at)]

    def resume(self) -> list[Event]:
        if self.state is not RunState.PAUSED or self._paused_at is None:
            return []
        now = self.clock.monotonic()
        self._started_at += now - self._paused_at
        self._paused_at = None
        self._last_seen = now
        self.state = RunState.RUNNING
        return [Resumed(now)]

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self.state is RunState.PAUSED else self.pause()

    def next(self) -> list[Event]:
        """Move on to the next phase now. Leaving a hold early records what was held."""
        events = self.update()
        if self.state not in (RunState.RUNNING, RunState.PAUSED):
            return events
        return events + self._leave(self._now(), early=True)

    def end_hold_early(self) -> list[Event]:
        """ "I had to come down": the rep is recorded with the time actually held."""
        events = self.update()
        if self.segment.phase is not Phase.HOLD or self.state is RunState.FINISHED:
            return events
        return events + self._leave(self._now(), early=True)

    def back(self) -> list[Event]:
        """Restart the current step, or go to the previous one if this one has just begun."""
        events = self.update()
        if self.state not in (RunState.RUNNING, RunState.PAUSED):
            return events
        now = self._now()
        unit = self._unit_start(self.index)
        into_unit = (now - self._started_at) + sum(
            self._real(s) for s in self.plan.segments[unit : self.index]
        )
        if into_unit * self.time_scale < BACK_RESTARTS_AFTER_S and unit > 0:
            unit = self._unit_start(unit - 1)
        if self._paused_at is not None:
            self._paused_at = self.clock.monotonic()
        return events + self._enter(unit, self.clock.monotonic())

    def stop(self, how: SessionEnd = SessionEnd.STOPPED) -> list[Event]:
        """End the session now. A hold in progress is recorded as ended early, never lost."""
        events = self.update()
        if self.state is RunState.FINISHED:
            return events
        now = self._now()
        if self.segment.phase is Phase.HOLD:
            events.append(self._rep_done(now, early=True))
        return events + self._finish(how, now)

    # -- internals --------------------------------------------------------------------------
    def _unit_start(self, index: int) -> int:
        """Where a step begins: a rep (lift, hold, lower, rest) restarts at its lift."""
        seg = self.plan.segments[index]
        if seg.phase in (Phase.HOLD, Phase.LOWER, Phase.REST):
            while index > 0 and self.plan.segments[index].phase is not Phase.LIFT:
                index -= 1
        return index

    def _wall_at(self, mono: float) -> datetime:
        return self.clock.wall() - timedelta(seconds=self.clock.monotonic() - mono)

    def _rep_done(self, at: float, early: bool) -> RepCompleted:
        seg = self.segment
        held = seg.duration_s
        if early:
            held = min((at - self._started_at) * self.time_scale, seg.duration_s)
        # Stored to the hundredth; "completed" is judged on the stored figure, so the record
        # never says "held 5.0 s of 5 s, not completed".
        held = round(max(held, 0.0), 2)
        ended = self._wall_at(at)
        return RepCompleted(
            exercise_id=seg.exercise.id,
            rep=seg.rep,
            target_hold_s=seg.target_hold_s,
            held_s=held,
            completed=held >= seg.duration_s,
            started_at=self._rep_started_wall or ended,
            ended_at=ended,
        )

    def _leave(self, at: float, early: bool) -> list[Event]:
        events: list[Event] = []
        if self.segment.phase is Phase.HOLD:
            events.append(self._rep_done(at, early))
        if self.index + 1 >= len(self.plan.segments):
            return events + self._finish(SessionEnd.FINISHED, at)
        if self._paused_at is not None:
            self._paused_at = at  # skipping while paused lands paused at the start of the next step
        return events + self._enter(self.index + 1, at)

    def _enter(self, index: int, at: float) -> list[Event]:
        self.index = index
        self._started_at = at
        if self.segment.phase is Phase.LIFT:
            self._rep_started_wall = self._wall_at(at)
        return [PhaseStarted(index, self.segment, at)]

    def _finish(self, how: SessionEnd, at: float) -> list[Event]:
        self.state = RunState.FINISHED
        self.ended_how = how
        self._paused_at = None
        return [SessionFinished(how, at)]
