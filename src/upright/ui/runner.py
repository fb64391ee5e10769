"""SessionRunner: owns the ~100 ms QTimer that prompts the core session, and re-emits its events."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from upright.core.events import Event, Paused, PhaseStarted, RepCompleted, Resumed, SessionFinished
from upright.core.recorder import SessionRecorder
from upright.core.session import RunState, Session, Snapshot
from upright.core.session_end import SessionEnd

log = logging.getLogger("upright")
TICK_MS = 100  # a tick only means "look at the clock now"; it never counts time


class SessionRunner(QObject):
    """Turns core events into Qt signals. The recorder saves each rep before anything else runs."""

    phase_started = Signal(object)  # PhaseStarted
    rep_completed = Signal(object)  # RepCompleted
    paused_changed = Signal(bool)
    gap_detected = Signal(float)  # seconds the app was not running (sleep, freeze): now paused
    finished = Signal(object)  # SessionEnd
    ticked = Signal(object)  # Snapshot
    save_problem = Signal(str)  # plain words, or "" when saving works again

    def __init__(self, session: Session, recorder: SessionRecorder, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.recorder = recorder
        self._timer = QTimer(self)
        self._timer.setInterval(max(10, int(TICK_MS / max(session.time_scale, 1.0))))
        self._timer.timeout.connect(self.tick)
        # The display polls; the phase change itself is armed for its exact deadline.
        self._deadline_timer = QTimer(self)
        self._deadline_timer.setSingleShot(True)
        self._deadline_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline_timer.timeout.connect(self.tick)
        self._last_problem: str | None = None

    @property
    def snapshot(self) -> Snapshot:
        return self.session.snapshot()

    @property
    def running(self) -> bool:
        return self.session.state in (RunState.RUNNING, RunState.PAUSED)

    def start(self) -> None:
        self.recorder.begin()
        self._dispatch(self.session.start())
        self._timer.start()

    def tick(self) -> None:
        self._dispatch(self.session.update())
        if self.running:
            self.ticked.emit(self.session.snapshot())
        self._arm_deadline()

    def _arm_deadline(self) -> None:
        if self.session.state is RunState.RUNNING:
            wait_s = self.session.deadline - self.session.clock.monotonic()
            self._deadline_timer.start(max(0, math.ceil(wait_s * 1000)))
        else:
            self._deadline_timer.stop()

    def toggle_pause(self) -> None:
        self._dispatch(self.session.toggle_pause())

    def next(self) -> None:
        self._dispatch(self.session.next())

    def back(self) -> None:
        self._dispatch(self.session.back())

    def end_hold_early(self) -> None:
        self._dispatch(self.session.end_hold_early())

    def stop(self, how: SessionEnd = SessionEnd.STOPPED) -> None:
        self._dispatch(self.session.stop(how))

    def _dispatch(self, events: list[Event]) -> None:
        if not events:
            return
        self.recorder.handle(events)  # on disk first: a rep is saved before the next one begins
        if self.recorder.problem != self._last_problem:
            self._last_problem = self.recorder.problem
            self.save_problem.emit(self.recorder.problem or "")
        for event in events:
            if isinstance(event, PhaseStarted):
                self.phase_started.emit(event)
            elif isinstance(event, RepCompleted):
                if event not in self.recorder.pending:
                    log.info(
                        "rep saved: session=%s exercise=%s rep=%d",
                        self.recorder.session_id,
                        event.exercise_id,
                        event.rep,
                    )
                self.rep_completed.emit(event)
            elif isinstance(event, Paused | Resumed):
                self.paused_changed.emit(isinstance(event, Paused))
                if isinstance(event, Paused) and event.gap_s > 0:
                    log.info("paused after a gap of %.1f s", event.gap_s)
                    self.gap_detected.emit(event.gap_s)
            elif isinstance(event, SessionFinished):
                self._timer.stop()
                self.finished.emit(event.how)
        self.ticked.emit(self.session.snapshot())
        self._arm_deadline()
