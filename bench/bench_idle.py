"""Idle cost: CPU used by Upright during a 30 s hold (window visible) and on the home screen.

Runs the real main window with the real clock. Set QT_QPA_PLATFORM=xcb with a DISPLAY (e.g.
under Xvfb) to include real window-system painting; the default is offscreen.
"""

from __future__ import annotations

import os
import tempfile
import time

from upright.core.value import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from upright.app import build_context
from upright.core.clock import SystemClock
from upright.core.paths import DataPaths
from upright.core.phases import Phase
from upright.core.plan import build_plan
from upright.core.today import TodayItem, TodayPlan
from upright.ui.main_window import MainWindow
from upright.ui.session_flow import SessionFlow

HOLD_S = 30.0
HOME_S = 10.0


def cpu_percent(seconds: float, app: QApplication) -> float:
    """Share of one core used by this process over ``seconds`` of a running event loop."""
    cpu0, wall0 = time.process_time(), time.monotonic()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    return 100 * (time.process_time() - cpu0) / (time.monotonic() - wall0)


def main() -> None:
    app = QApplication([])
    ctx = build_context(DataPaths(__import__("pathlib").Path(tempfile.mkdtemp())), SystemClock())
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(1000, app.quit)  # settle
    app.exec()
    home = cpu_percent(HOME_S, app)

    catalog = ctx.catalog
    exercise = catalog.exercise("forearm-press-up")
    assert exercise.defaults is not None
    p = replace(exercise.defaults, hold_s=HOLD_S, reps=1, get_ready_s=1)
    today = TodayPlan((TodayItem(exercise, catalog.level("beginner"), p, ""),), False, False)
    plan = build_plan(catalog, [(exercise, p)], warmups=False, get_down=False)
    flow = SessionFlow(today, plan, ctx.clock, None, "bench", window.player, parent=window)
    window.pages.setCurrentWidget(window.player)
    flow.start()
    while flow.session.segment.phase is not Phase.HOLD:
        QTimer.singleShot(50, app.quit)
        app.exec()
    QTimer.singleShot(1000, app.quit)  # the first second of the hold: cues and first paint
    app.exec()
    hold = cpu_percent(HOLD_S - 3, app)
    flow.runner.stop()
    platform = QApplication.platformName()
    print(
        f"idle CPU ({platform}, 1366x768): home screen {home:.2f}% of one core over "
        f"{HOME_S:g} s (goal near 0); during a {HOLD_S:g} s hold {hold:.2f}% (goal < 2%)"
    )


if __name__ == "__main__":
    main()
