"""A real Upright process running today's session at once: for the kill and privacy tests.

It builds the app exactly as upright.app does (build_context, MainWindow) and starts the
session past the check-in questions, which need a person at the keyboard.
Usage: python session_driver.py DATA_DIR TIME_SCALE [--hands-free]
(--hands-free also starts sound, speech and the screen-saver inhibitor, as the app does.)
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from upright.app import build_context, setup_logging
from upright.core.clock import SystemClock
from upright.core.paths import resolve_data_dir
from upright.ui.main_window import MainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    paths = resolve_data_dir(sys.argv[1]).ensure()
    setup_logging(paths)
    window = MainWindow(build_context(paths, SystemClock(), time_scale=float(sys.argv[2])))
    window.show()
    if "--hands-free" in sys.argv:
        from upright.ui.hands_free import HandsFree

        window.attach_hands_free(HandsFree.create(window))
    window.begin_session(pain_before=1)
    if window.flow is not None:
        window.flow.ended.connect(lambda *_: app.quit())
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
