"""Fires each cue of the running phase on time, with one precise single-shot timer, never a poll."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from upright.core.cues import Cue, CueOptions, CueQueue, finished_cue, phase_cues
from upright.core.events import PhaseStarted
from upright.core.session_end import SessionEnd
from upright.ui.runner import SessionRunner


class CueTimer(QObject):
    """Listens to a SessionRunner and emits ``cue_due`` at each cue's moment."""

    cue_due = Signal(object)  # Cue

    def __init__(
        self,
        runner: SessionRunner,
        monotonic: Callable[[], float],
        options: CueOptions | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.monotonic = monotonic
        self.options = options or CueOptions()
        self.queue = CueQueue()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.fire)
        runner.phase_started.connect(self._phase_started)
        runner.paused_changed.connect(self._paused_changed)
        runner.finished.connect(self._finished)

    def _cues_for_current_phase(self, started_at: float) -> list[Cue]:
        snap = self.runner.snapshot
        return phase_cues(
            snap.segment,
            started_at,
            snap.real_duration_s,
            self.runner.session.time_scale,
            self.options,
        )

    def _phase_started(self, event: PhaseStarted) -> None:
        snap = self.runner.snapshot
        if snap.index != event.index:
            return  # a stall skipped through this phase: its cues would be stale
        self.queue.load(self._cues_for_current_phase(event.at))
        self.fire()

    def _paused_changed(self, paused: bool) -> None:
        if paused:
            self.queue.clear()
            self._timer.stop()
            self.cue_due.emit(Cue(self.monotonic(), "Paused", "Paused."))
            return
        now = self.monotonic()
        upcoming = [
            c
            for c in self._cues_for_current_phase(self.runner.snapshot.phase_started_at)
            if c.at_s > now
        ]
        self.queue.load([Cue(now, "Carry on", "Carry on."), *upcoming])
        self.fire()

    def _finished(self, how: SessionEnd) -> None:
        self.queue.clear()
        self._timer.stop()
        if how is SessionEnd.FINISHED:
            self.cue_due.emit(finished_cue(self.monotonic()))

    def fire(self) -> None:
        now = self.monotonic()
        for cue in self.queue.take_due(now):
            self.cue_due.emit(cue)
        next_at = self.queue.next_due_at()
        if next_at is not None:
            self._timer.start(max(0, round((next_at - now) * 1000)))
