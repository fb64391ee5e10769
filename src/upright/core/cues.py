"""Which cue (tone, spoken words, caption) belongs to which moment of a session.

Every cue of a phase is known when the phase starts, with the monotonic time it is due, so the
Qt layer can arm one precise timer for the next cue instead of polling. The words follow the
ramp: "Hold, 15 seconds", then "3", "2", "1" in the last seconds.
"""

from __future__ import annotations

from enum import StrEnum

from upright.core.phases import Phase
from upright.core.plan import Segment
from upright.core.value import value


class Tone(StrEnum):
    """The short sounds Upright plays; each has a WAV file assets/sounds/<value>.wav."""

    GET_READY = "get_ready"
    LIFT = "lift"
    COUNT = "count"  # each of the last seconds of a hold
    LOWER = "lower"
    REST_OVER = "rest_over"
    DONE = "done"


@value
class Cue:
    """One thing to play at one moment: a tone, words to speak, and the caption shown for them."""

    at_s: float  # monotonic time the cue is due
    caption: str
    words: str | None = None
    tone: Tone | None = None


@value
class CueOptions:
    count_down_from: int = 3  # 0 turns the spoken count-down off
    halfway_from_s: float = 10.0  # holds at least this long get a mid-hold reminder


REST_OVER_LEAD_S = 2.0  # "ready" comes this long before the next lift
_MIN_GAP_S = 1.2  # words need about this long: closer cues would cut each other off


def _seconds(value: float) -> str:
    whole = round(value)
    return (
        f"{whole:d} second{'s' if whole != 1 else ''}"
        if abs(value - whole) < 0.05
        else (f"{value:g} seconds")
    )


def _start_cue(segment: Segment) -> tuple[str, Tone | None]:
    ex = segment.exercise
    match segment.phase:
        case Phase.MOVE:
            move = ex.movement
            times = f", {move.reps_per_side} times" if move else ""
            first = f"{ex.name}. " if segment.side_index == 0 else ""
            return f"{first}{segment.side.capitalize()}{times}. Slowly.", Tone.GET_READY
        case Phase.SETTLE:
            return (
                "Now get down to the mat carefully, and roll onto your front in one piece.",
                Tone.GET_READY,
            )
        case Phase.GET_READY:
            return (
                f"{ex.name}. Get into position. {segment.reps} reps, "
                f"holding {_seconds(segment.target_hold_s)}.",
                Tone.GET_READY,
            )
        case Phase.LIFT:
            return f"Rep {segment.rep} of {segment.reps}. Lift.", Tone.LIFT
        case Phase.HOLD:
            if segment.duration_s > 3:
                return f"Hold, {_seconds(segment.duration_s)}.", None
            return "Hold.", None
        case Phase.LOWER:
            return "Lower down slowly.", Tone.LOWER
        case Phase.REST:
            return "Rest.", None
        case _:
            return "Session complete. Well done.", Tone.DONE


def phase_cues(
    segment: Segment,
    started_at: float,
    real_duration_s: float,
    time_scale: float = 1.0,
    options: CueOptions | None = None,
) -> list[Cue]:
    """All cues of one phase, in time order, with their monotonic due times."""
    opts = options or CueOptions()
    words, tone = _start_cue(segment)
    cues = [Cue(started_at, words, words, tone)]
    end = started_at + real_duration_s

    def at_exercise_seconds_before_end(seconds: float) -> float:
        return end - seconds / time_scale

    if segment.phase is Phase.HOLD:
        length = segment.duration_s
        if length >= opts.halfway_from_s:
            cues.append(
                Cue(
                    started_at + real_duration_s / 2,
                    "Halfway. Keep breathing.",
                    "Halfway. Keep breathing.",
                )
            )
        for n in range(min(opts.count_down_from, int(length) - 1), 0, -1):
            # A count needs room after the opening words, or it would cut "Hold" off.
            if length - n >= _MIN_GAP_S:
                cues.append(Cue(at_exercise_seconds_before_end(n), str(n), str(n), Tone.COUNT))
    elif segment.phase is Phase.REST and segment.duration_s >= REST_OVER_LEAD_S + _MIN_GAP_S:
        cues.append(
            Cue(at_exercise_seconds_before_end(REST_OVER_LEAD_S), "Ready", "Ready", Tone.REST_OVER)
        )
    return cues


def finished_cue(at: float) -> Cue:
    words = "Session complete. Well done."
    return Cue(at, words, words, Tone.DONE)


class CueQueue:
    """The cues still to come in the current phase. Stale cues (after a stall) are dropped."""

    def __init__(self, max_late_s: float = 0.6) -> None:
        self.max_late_s = max_late_s
        self._cues: list[Cue] = []

    def load(self, cues: list[Cue]) -> None:
        self._cues = sorted(cues, key=lambda c: c.at_s)

    def clear(self) -> None:
        self._cues = []

    def next_due_at(self) -> float | None:
        return self._cues[0].at_s if self._cues else None

    def take_due(self, now: float) -> list[Cue]:
        """The cues due by ``now`` that are still fresh enough to mean something."""
        due = [c for c in self._cues if c.at_s <= now]
        self._cues = [c for c in self._cues if c.at_s > now]
        fresh = [c for c in due if now - c.at_s <= self.max_late_s]
        return fresh[-1:] if len(fresh) > 1 else fresh  # after a stall, only the newest
