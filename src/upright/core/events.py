"""What a session reports as it runs: facts in the past tense, returned as values."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from upright.core.session_end import SessionEnd
from upright.core.value import value

if TYPE_CHECKING:  # only for the annotation: keeps the history store light to import
    from upright.core.plan import Segment


@value
class PhaseStarted:
    index: int
    segment: Segment
    at: float  # monotonic time the phase began (its deadline is at + duration / time scale)


@value
class RepCompleted:
    """A rep's hold has ended: what must reach the disk before the next rep begins."""

    exercise_id: str
    rep: int
    target_hold_s: float
    held_s: float
    completed: bool  # held for the whole target
    started_at: datetime  # wall time the rep's lift began
    ended_at: datetime  # wall time the hold ended


@value
class Paused:
    at: float
    gap_s: float = 0.0  # > 0: paused by itself after the app was not running (sleep, a stall)


@value
class Resumed:
    at: float


@value
class SessionFinished:
    how: SessionEnd
    at: float


Event = PhaseStarted | RepCompleted | Paused | Resumed | SessionFinished
