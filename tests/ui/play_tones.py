"""Play tones through TonePlayer at given offsets and print, as JSON, when each play() was called.

Run in its own process so that PulseAudio variables are set before Qt starts:
    python tests/ui/play_tones.py lift@0 count@0.8 ...
Prints one JSON object: {"status": message, "played": [{"tone", "t", "ok"}, ...]} where t is
time.monotonic() (the same clock in every process) just before play() was called.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication

from upright.core.cues import Tone
from upright.ui.audio import TonePlayer

READY_TIMEOUT_MS = 5000
TAIL_MS = 1000  # let the last tone ring out before quitting


def main(args: list[str]) -> int:
    plan = [(Tone(name), float(offset)) for name, offset in (a.split("@") for a in args)]
    app = QGuiApplication(sys.argv[:1])
    player = TonePlayer(volume=1.0)
    played: list[dict[str, object]] = []

    def play(tone: Tone) -> None:
        played.append({"tone": tone.value, "t": time.monotonic(), "ok": player.play(tone)})

    give_up = QTimer(singleShot=True, interval=READY_TIMEOUT_MS)
    give_up.timeout.connect(app.quit)  # tones never loaded: report what happened

    timers: list[QTimer] = []

    def after(ms: int, action: Callable[[], None]) -> None:
        # Precise: Qt makes single shots over 2 s coarse, free to fire 5 % early.
        timer = QTimer(singleShot=True, interval=ms, timerType=Qt.TimerType.PreciseTimer)
        timer.timeout.connect(action)
        timer.start()
        timers.append(timer)

    def check_ready() -> None:
        if not give_up.isActive() or not all(player.can_play(tone) for tone, _ in plan):
            return
        give_up.stop()
        after(round(max(o for _, o in plan) * 1000) + TAIL_MS, app.quit)
        for tone, offset in plan:
            after(round(offset * 1000), lambda tone=tone: play(tone))

    player.status_changed.connect(check_ready)
    give_up.start()
    QTimer.singleShot(0, check_ready)
    app.exec()
    print(json.dumps({"status": player.message, "played": played}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
