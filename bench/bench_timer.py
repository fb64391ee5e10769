"""Timer accuracy under load: every phase change and cue against its monotonic deadline.

A real-time session (short holds so it takes about a minute) runs in a real Qt event loop that
is kept busy: 15 ms busy slices every 40 ms on the main thread, a background thread spinning in
Python (it competes for the GIL), and one 2.5 s stall of the main thread in the middle.
"""

from __future__ import annotations

import os
import statistics
import sys
import threading
import time

from upright.core.value import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from upright.core.catalog import load_builtin_catalog
from upright.core.clock import SystemClock
from upright.core.cues import Cue
from upright.core.events import PhaseStarted
from upright.core.plan import build_plan
from upright.core.recorder import SessionRecorder
from upright.core.session import Session
from upright.ui.cue_timer import CueTimer
from upright.ui.runner import SessionRunner

LOADED = os.environ.get("BENCH_LOAD", "1") != "0"  # BENCH_LOAD=0: the same, unloaded
STALL_AT_S = 25.0
STALL_S = 2.5


def busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    # As upright.app.run_window does; BENCH_SWITCH_MS=5 shows Python's default.
    sys.setswitchinterval(float(os.environ.get("BENCH_SWITCH_MS", "1")) / 1000)
    app = QApplication([])
    catalog = load_builtin_catalog()
    exercise = catalog.exercise("forearm-press-up")
    assert exercise.defaults is not None
    p = replace(exercise.defaults, hold_s=5, reps=6, rest_s=2, long_rest_s=2)
    plan = build_plan(catalog, [(exercise, p)], warmups=False, get_down=False)
    clock = SystemClock()
    session = Session(plan, clock)
    runner = SessionRunner(session, SessionRecorder(None, clock, "bench", "beginner", []))
    cues = CueTimer(runner, clock.monotonic)
    phase_errors: list[tuple[float, float]] = []  # (deadline, lateness ms)
    cue_errors: list[tuple[float, float]] = []

    def on_phase(event: PhaseStarted) -> None:
        phase_errors.append((event.at, (clock.monotonic() - event.at) * 1000))

    def on_cue(cue: Cue) -> None:
        cue_errors.append((cue.at_s, (clock.monotonic() - cue.at_s) * 1000))

    runner.phase_started.connect(on_phase)
    cues.cue_due.connect(on_cue)
    runner.finished.connect(lambda _how: QTimer.singleShot(200, app.quit))

    load = QTimer()
    load.timeout.connect(lambda: busy(0.015))
    stop = threading.Event()
    spinner = threading.Thread(target=lambda: [None for _ in iter(stop.is_set, True)], daemon=True)
    if LOADED:
        load.start(40)
        spinner.start()
    start = clock.monotonic()
    stall_window = (start + STALL_AT_S, start + STALL_AT_S + STALL_S)
    QTimer.singleShot(int(STALL_AT_S * 1000), lambda: busy(STALL_S))
    runner.start()
    app.exec()
    stop.set()

    def report(name: str, errors: list[tuple[float, float]]) -> None:
        normal = [e for at, e in errors[1:] if not stall_window[0] <= at <= stall_window[1]]
        stalled = [e for at, e in errors if stall_window[0] <= at <= stall_window[1]]
        after = [e for at, e in errors if at > stall_window[1]]
        print(
            f"{name}: {len(normal)} on a loaded loop: median {statistics.median(normal):.1f} ms"
            f"  p99 {percentile(normal, 0.99):.1f} ms  max {max(normal):.1f} ms"
            f"  (goal p99 <= 20 ms)"
        )
        if stalled:
            print(
                f"  {len(stalled)} fell inside the {STALL_S} s stall (late by the stall, "
                f"max {max(stalled):.0f} ms); first after it: {after[0]:.1f} ms late"
            )

    report("phase changes", phase_errors)
    report("cues", cue_errors)
    ends = [at for at, _ in phase_errors]
    # The deadlines chain exactly: the last phase began the planned total after the first.
    drift = (ends[-1] - ends[0]) - sum(s.duration_s for s in plan.segments[: len(ends) - 1])
    print(f"cumulative drift of the phase deadlines over the session: {drift * 1000:.3f} ms")


if __name__ == "__main__":
    main()
