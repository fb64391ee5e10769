"""Moving a window's session on by a fake clock, to a given rep and phase."""

from __future__ import annotations

from upright.core.clock import FakeClock
from upright.core.phases import Phase
from upright.ui.main_window import MainWindow


def advance_to(window: MainWindow, clock: FakeClock, rep: int, phase: Phase) -> None:
    for _ in range(100_000):
        assert window.flow is not None
        seg = window.flow.session.segment
        if (seg.rep, seg.phase) == (rep, phase):
            return
        clock.advance(0.1)
        window.flow.runner.tick()
    raise AssertionError("never reached")
