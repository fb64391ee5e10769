"""The phases a session moves through, with the words and colours they are known by."""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    MOVE = "move"  # a warm-up movement, repeated
    SETTLE = "settle"  # getting down to the mat
    GET_READY = "get_ready"  # before the first rep: get into position
    LIFT = "lift"
    HOLD = "hold"
    LOWER = "lower"
    REST = "rest"
    DONE = "done"

    @property
    def word(self) -> str:
        """The big word on screen."""
        return _WORDS[self]

    @property
    def is_rep(self) -> bool:
        return self in (Phase.LIFT, Phase.HOLD, Phase.LOWER)


_WORDS = {
    Phase.MOVE: "WARM UP",
    Phase.SETTLE: "GET DOWN",
    Phase.GET_READY: "GET READY",
    Phase.LIFT: "LIFT",
    Phase.HOLD: "HOLD",
    Phase.LOWER: "LOWER",
    Phase.REST: "REST",
    Phase.DONE: "DONE",
}
