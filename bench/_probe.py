"""Child-process drivers for the benchmarks: start a window, report first paint and memory, quit.

Run as ``python _probe.py KIND`` with KIND ``bare`` or ``upright``, or, to see where Upright's
extra time goes, ``core`` or ``modules``: the bare window after importing Upright's core (as its
start does, before PySide6), or all that its home page imports. Prints one line of JSON: the
CLOCK_MONOTONIC time of the first paint of the window (comparable with the parent's
time.monotonic(), the same system-wide clock) and the resident memory then.

Each kind starts as its real start does: the bare window imports PySide6 and shows a label;
Upright runs the `upright` command's entry point (upright.launch), untouched. The probe imports
nothing of Qt itself: it waits for PySide6.QtWidgets to be imported, then watches windows as
they are shown, the same way for both: an event filter on the window and every widget in it.
(A filter on the whole application would see every event of every widget as it is built, a
Python call each, and so slow a real window far more than a bare label.)
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import sys
import time
from types import ModuleType
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SETTLE_MS = int(os.environ.get("PROBE_SETTLE_MS", "0"))


def rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def watch_windows(widgets: ModuleType) -> None:
    """Once QtWidgets exists: report the first paint of any window shown from now on."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                painted = time.monotonic()

                def report() -> None:
                    print(json.dumps({"paint": painted, "rss_kib": rss_kib()}), flush=True)
                    widgets.QApplication.quit()

                QTimer.singleShot(SETTLE_MS, report)
            return False

    probe = FirstPaint()
    for name in ("show", "showFullScreen"):
        shown = getattr(widgets.QWidget, name)

        def show(widget: Any, shown: Any = shown) -> None:
            for each in (widget, *widget.findChildren(widgets.QWidget)):
                each.installEventFilter(probe)
            shown(widget)

        setattr(widgets.QWidget, name, show)


class WhenQtWidgetsLoads:
    """Import hook (finder and loader): PySide6.QtWidgets loads as usual, then watch_windows
    patches it. (Not built on importlib.abc, whose import alone costs more than 10 ms.)"""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        assert spec is not None and spec.loader is not None
        self.real = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.real.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.real.exec_module(module)
        watch_windows(module)


def import_upright(kind: str) -> None:
    """Upright's modules without its window, with the collector paused as upright.launch does."""
    import gc

    gc.disable()
    import upright.app
    import upright.context

    if kind == "modules":
        import upright.ui.checkin_flow
        import upright.ui.desktop
        import upright.ui.home_page
        import upright.ui.main_window  # noqa: F401
    gc.enable()


def main() -> int:
    sys.meta_path.insert(0, WhenQtWidgetsLoads())
    kind = sys.argv[1]
    if kind in ("core", "modules"):
        import_upright(kind)
    if kind != "upright":
        from PySide6.QtWidgets import QApplication, QLabel

        app = QApplication(sys.argv[:1])
        label = QLabel("Hello")
        label.resize(1280, 800)
        label.show()
        return app.exec()
    from upright.launch import main as upright

    return upright([])


if __name__ == "__main__":
    raise SystemExit(main())
