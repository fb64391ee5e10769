"""Screenshots of every screen of a session, taken from a real X server (Xvfb), for the docs.

    python tools/shoot_docs.py [WIDTHxHEIGHT]     (default 1366x768; needs Xvfb and ImageMagick)

Starts its own Xvfb, runs the real main window on it (a fake clock makes every run the same),
walks a beginner session phase by phase and captures the whole screen with `import -window
root` into docs/screenshots/. The big view is shot too, at the given screen size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
DISPLAY = ":97"


def start_xvfb(size: str) -> subprocess.Popen[bytes]:
    if shutil.which("Xvfb") is None or shutil.which("import") is None:
        raise SystemExit("needs Xvfb and ImageMagick's import (apt install xvfb imagemagick)")
    server = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", f"{size}x24", "-nolisten", "tcp"])
    for _ in range(50):
        if Path(f"/tmp/.X11-unix/X{DISPLAY[1:]}").exists():
            return server
        time.sleep(0.1)
    raise SystemExit("Xvfb did not start")


def main() -> int:  # noqa: PLR0915 (one straight walk through a session)
    size = sys.argv[1] if len(sys.argv) > 1 else "1366x768"
    width, height = (int(n) for n in size.split("x"))
    server = start_xvfb(size)
    os.environ.update(DISPLAY=DISPLAY, QT_QPA_PLATFORM="xcb", LANG="C.UTF-8")
    sys.path.insert(0, str(ROOT / "src"))
    from PySide6.QtWidgets import QApplication

    from upright.app import build_context
    from upright.core.checkins import SCREENING, record_checkin
    from upright.core.clock import FakeClock
    from upright.core.paths import DataPaths
    from upright.core.phases import Phase
    from upright.ui.main_window import MainWindow

    app = QApplication([])
    clock = FakeClock()
    paths = DataPaths(Path(tempfile.mkdtemp())).ensure()
    ctx = build_context(paths, clock)
    assert ctx.history is not None
    record_checkin(ctx.history, "default", SCREENING, clock.wall(), {"version": 1})
    window = MainWindow(ctx)
    window.setGeometry(0, 0, width, height)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        end = time.monotonic() + 0.4
        while time.monotonic() < end:
            app.processEvents()

    def shoot(name: str) -> None:
        settle()
        target = OUT / f"{name}.png"
        subprocess.run(["import", "-window", "root", str(target)], check=True)
        print(target.relative_to(ROOT))

    def until(phase: Phase, into_s: float = 0.0, rep: int | None = None) -> None:
        seen = 0.0
        for _ in range(100_000):
            assert window.flow is not None
            seg = window.flow.session.segment
            if seg.phase is phase and rep in (None, seg.rep):
                if seen >= into_s:
                    return
                seen += 0.05
            clock.advance(0.05)
            window.flow.runner.tick()
        raise RuntimeError(f"never reached {phase}")

    suffix = "" if size == "1366x768" else f"-{size}"
    if not suffix:
        shoot("home")
    window.begin_session(pain_before=1)
    if not suffix:
        for phase, into, name in (
            (Phase.MOVE, 2.0, "warm-up"),
            (Phase.SETTLE, 16.0, "get-down"),
            (Phase.GET_READY, 1.0, "get-ready"),
            (Phase.LIFT, 1.0, "lift"),
            (Phase.HOLD, 1.6, "hold"),
            (Phase.LOWER, 1.0, "lower"),
            (Phase.REST, 1.0, "rest"),
        ):
            until(phase, into)
            shoot(name)
    until(Phase.HOLD, 1.6, rep=2)
    window.toggle_distance()
    shoot(f"big-view{suffix}")
    window.toggle_distance()
    server.terminate()
    server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
