"""Which cue (tone, spoken words, caption) belongs to which moment of a session."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Tone(StrEnum):
    """The short sounds Upright plays; each has a WAV file assets/sounds/<value>.wav."""

    GET_READY = "get_ready"
    LIFT = "lift"
    COUNT = "count"  # each of the last seconds of a hold
    LOWER = "lower"
    REST_OVER = "rest_over"
    DONE = "done"


@dataclass(frozen=True)
class Cue:
    """One thing to play at one moment: a tone, words to speak, and the caption shown for them."""

    at_s: float  # monotonic time the cue is due
    caption: str
    words: str | None = None
    tone: Tone | None = None
