"""Child-process drivers for the benchmarks: start a window, report first paint and memory, quit.

Run as ``python _probe.py bare`` or ``python _probe.py upright``. Prints one line of JSON: the
CLOCK_MONOTONIC time of the first paint of the window (comparable with the parent's
time.monotonic(), the same system-wide clock) and the resident memory then.

Each kind imports what it needs in the order its real start does: the bare window PySide6 first,
Upright its composition root (which loads its core before PySide6). Both are watched the same
way: when a window is shown, an event filter goes on it and on every widget in it. (A filter on
the whole application would see every event of every widget as it is built, a Python call each,
and so slow a real window far more than a bare label.)
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if sys.argv[1:2] == ["upright"]:
    from upright.app import main as upright_main

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget


def rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class FirstPaint(QObject):
    def __init__(self, settle_ms: int) -> None:
        super().__init__()
        self.settle_ms = settle_ms
        self.seen = False

    def watch(self, window: QWidget) -> None:
        for widget in (window, *window.findChildren(QWidget)):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            painted = time.monotonic()

            def report() -> None:
                print(json.dumps({"paint": painted, "rss_kib": rss_kib()}), flush=True)
                QApplication.quit()

            QTimer.singleShot(self.settle_ms, report)
        return False


def watch_shown_windows(probe: FirstPaint) -> None:
    for name in ("show", "showFullScreen"):
        shown = getattr(QWidget, name)

        def show(widget: QWidget, shown=shown) -> None:  # type: ignore[no-untyped-def]
            probe.watch(widget)
            shown(widget)

        setattr(QWidget, name, show)


def main() -> int:
    kind = sys.argv[1]
    probe = FirstPaint(int(os.environ.get("PROBE_SETTLE_MS", "0")))
    watch_shown_windows(probe)
    if kind == "bare":
        app = QApplication(sys.argv[:1])
        label = QLabel("Hello")
        label.resize(1280, 800)
        label.show()
        return app.exec()
    return upright_main([])


if __name__ == "__main__":
    raise SystemExit(main())
