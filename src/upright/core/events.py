"""What a session reports as it runs: facts in the past tense, returned as values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for the annotation: keeps the history store light to import
    from upright.core.plan import Segment


class SessionEnd(StrEnum):
    """How a session ended, as stored in the history."""

    RUNNING = "running"  # not ended (yet); after a crash this becomes INTERRUPTED
    FINISHED = "finished"
    STOPPED = "stopped"  # stopped early by the user
    PAIN = "pain"  # stopped for pain
    INTERRUPTED = "interrupted"  # the app died mid-session (crash, kill, power cut)


@dataclass(frozen=True)
class PhaseStarted:
    index: int
    segment: Segment
    at: float  # monotonic time the phase began (its deadline is at + duration / time scale)


@dataclass(frozen=True)
class RepCompleted:
    """A rep's hold has ended: what must reach the disk before the next rep begins."""

    exercise_id: str
    rep: int
    target_hold_s: float
    held_s: float
    completed: bool  # held for the whole target
    started_at: datetime  # wall time the rep's lift began
    ended_at: datetime  # wall time the hold ended


@dataclass(frozen=True)
class Paused:
    at: float
    gap_s: float = 0.0  # > 0: paused by itself after the app was not running (sleep, a stall)


@dataclass(frozen=True)
class Resumed:
    at: float


@dataclass(frozen=True)
class SessionFinished:
    how: SessionEnd
    at: float


Event = PhaseStarted | RepCompleted | Paused | Resumed | SessionFinished
