"""Speak one text through Speaker and print, as JSON, what happened and when.

Run in its own process so that PulseAudio variables are set before Qt starts:
    python tests/ui/speak_words.py ENGINE "text to say"      (ENGINE "default": the platform's)
Prints {"engine_ready_s", "said_at", "finished_at", "broken_at", "message", "voice",
"longest_pause_s", "turns_while_starting"}; times are time.monotonic() (shared by every process)
or null. Until the engine is Ready a 5 ms timer runs: longest_pause_s is the longest the event
loop went without turning (how long a window would have frozen while speech started), and
turns_while_starting how often it fired.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from upright.ui.speech import Speaker

GIVE_UP_MS = 40_000


def main(engine: str, text: str) -> int:
    app = QGuiApplication(sys.argv[:1])
    began = time.monotonic()
    speaker = Speaker(None if engine == "default" else engine)
    report: dict[str, object] = {"said_at": None, "finished_at": None, "broken_at": None}
    beats = [began]
    heartbeat = QTimer(interval=5)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
    heartbeat.start()

    def on_status() -> None:
        if speaker.working and report["said_at"] is None:
            report["engine_ready_s"] = time.monotonic() - began
            report["said_at"] = time.monotonic()
            heartbeat.stop()
            beats.append(time.monotonic())
            report["longest_pause_s"] = max(b - a for a, b in itertools.pairwise(beats))
            report["turns_while_starting"] = len(beats) - 2
            speaker.say(text)

    def on_finished() -> None:
        report["finished_at"] = time.monotonic()
        QTimer.singleShot(300, app.quit)

    def on_broken() -> None:
        report["broken_at"] = time.monotonic()
        app.quit()

    speaker.status_changed.connect(on_status)
    speaker.finished.connect(on_finished)
    speaker.broken.connect(on_broken)
    QTimer.singleShot(GIVE_UP_MS, app.quit)
    app.exec()
    report.update(message=speaker.message, voice=speaker.voice)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
