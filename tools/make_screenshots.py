"""Render the AppStream screenshots (home screen and a hold) offscreen, from the real window.

Run from the repository root: `python tools/make_screenshots.py`. Writes 1280x720 PNGs to
packaging/linux/screenshots/, the files the metainfo's screenshot URLs point at once published.
A fake clock and a temporary data folder make the pictures the same on every run.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from upright.core.value import replace

if TYPE_CHECKING:
    from upright.core.clock import FakeClock
    from upright.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "packaging" / "linux" / "screenshots"
SIZE = (1280, 720)


def advance_to_hold(window: MainWindow, clock: FakeClock, into_hold_s: float) -> None:
    """Tick the session, as the runner's timer would, until some seconds into the first hold."""
    from upright.core.phases import Phase

    held = 0.0
    for _ in range(10_000):
        assert window.flow is not None
        if window.flow.session.segment.phase is Phase.HOLD:
            held += 0.1
            if held >= into_hold_s:
                return
        clock.advance(0.1)
        window.flow.runner.tick()
    raise RuntimeError("the session never reached a hold")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("LANG", "C.UTF-8")
    sys.path.insert(0, str(ROOT / "src"))  # this checkout's app, whatever else is installed
    from upright.app import build_context
    from upright.core.clock import FakeClock
    from upright.core.paths import DataPaths
    from upright.ui.desktop import set_desktop_identity
    from upright.ui.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    set_desktop_identity(app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        clock = FakeClock()
        ctx = build_context(DataPaths(Path(tmp)), clock)
        ctx.settings = replace(ctx.settings, warmups=False)
        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / "home.png"))
        window.start_session()
        advance_to_hold(window, clock, 2.0)
        app.processEvents()
        window.grab().save(str(OUT / "hold.png"))
        window.close()
        if ctx.history is not None:
            ctx.history.close()
    for name in ("home.png", "hold.png"):
        print(f"wrote {(OUT / name).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
