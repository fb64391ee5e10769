"""The player's colours: one per phase (Okabe-Ito, colour-blind safe), paused, high contrast."""

from __future__ import annotations

from upright.core.phases import Phase
from upright.core.value import value


@value
class PhaseStyle:
    """A phase's background and text colours."""

    background: str
    text: str


# Each phase also has its own word on screen, so colour is never the only signal.
PHASE_STYLES: dict[Phase, PhaseStyle] = {
    Phase.MOVE: PhaseStyle("#F0E442", "#1a1a1a"),
    Phase.SETTLE: PhaseStyle("#BBBBBB", "#1a1a1a"),
    Phase.GET_READY: PhaseStyle("#56B4E9", "#1a1a1a"),
    Phase.LIFT: PhaseStyle("#E69F00", "#1a1a1a"),
    Phase.HOLD: PhaseStyle("#0072B2", "#ffffff"),
    Phase.LOWER: PhaseStyle("#CC79A7", "#1a1a1a"),
    Phase.REST: PhaseStyle("#009E73", "#1a1a1a"),
    Phase.DONE: PhaseStyle("#3a3a3a", "#ffffff"),
}
HIGH_CONTRAST = PhaseStyle("#000000", "#ffff00")
PAUSED = PhaseStyle("#5b5b5b", "#ffffff")


def phase_style(phase: Phase, *, paused: bool = False, high_contrast: bool = False) -> PhaseStyle:
    if high_contrast:
        return HIGH_CONTRAST
    return PAUSED if paused else PHASE_STYLES[phase]
