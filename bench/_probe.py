"""Child-process drivers for the benchmarks: start a window, report first paint and memory, quit.

Run as ``python _probe.py bare`` or ``python _probe.py upright DATA_DIR``. Prints one line of JSON:
the CLOCK_MONOTONIC time of the first paint of the main window (comparable with the parent's
time.monotonic(), the same system-wide clock) and the resident memory then.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget


def rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class FirstPaint(QObject):
    def __init__(self, app: QApplication, settle_ms: int) -> None:
        super().__init__()
        self.app = app
        self.settle_ms = settle_ms
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The first paint of anything in the main window (its own background may never be
        # painted when opaque pages cover it).
        if (
            not self.seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow | QLabel)
        ):
            self.seen = True
            painted = time.monotonic()

            def report() -> None:
                print(json.dumps({"paint": painted, "rss_kib": rss_kib()}), flush=True)
                self.app.quit()

            QTimer.singleShot(self.settle_ms, report)
        return False


def main() -> int:
    kind = sys.argv[1]
    settle_ms = int(os.environ.get("PROBE_SETTLE_MS", "0"))
    app = QApplication(sys.argv[:1])
    probe = FirstPaint(app, settle_ms)
    app.installEventFilter(probe)
    if kind == "bare":
        label = QLabel("Hello")
        label.resize(1280, 800)
        label.show()
        return app.exec()
    from upright.app import main as upright_main

    return upright_main(["--data-dir", sys.argv[2]])


if __name__ == "__main__":
    raise SystemExit(main())
