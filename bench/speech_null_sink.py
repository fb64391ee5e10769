"""Print whether speechd (speech-dispatcher + espeak-ng) speaks through a PulseAudio null sink.

Two runs, each with a private speech daemon (its own XDG_RUNTIME_DIR), killed afterwards:
1. with a null-sink server: how long the engine took to start and the event loop's longest
   pause meanwhile (the window's thread must not wait for it), time from Speaker.say() to
   audible speech, and how long it lasted;
2. with no sound server: how long the Speaker watchdog takes to declare speech broken.

    PYTHONPATH=src python bench/speech_null_sink.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "ui"))
from nullsink import NullSinkServer, TimedRecorder  # noqa: E402
from speechd import speak  # noqa: E402

TEXT = "Lift slowly and hold. Three, two, one."


def with_null_sink(root: Path) -> None:
    server = NullSinkServer(root / "pulse")
    server.start()
    recorder = TimedRecorder(server)
    try:
        recorder.wait_flowing()
        result = speak(server.env, TEXT)
        time.sleep(0.3)
    finally:
        recorder.stop()
        server.stop()
    print(
        f"voice: {result['voice']}; engine ready after {result['engine_ready_s']:.2f} s, "
        f"the event loop's longest pause meanwhile {1000 * result['longest_pause_s']:.0f} ms"
    )
    if result["finished_at"] is None:
        print(f"speech did not finish: {result['message']}")
        return
    samples = recorder.samples()
    loud = np.flatnonzero(np.abs(samples) > 0.05)
    said_at, finished_at = float(result["said_at"]), float(result["finished_at"])
    if loud.size == 0:
        print("speech reported finished but nothing was audible")
        return
    start, end = recorder.time_of(int(loud[0])), recorder.time_of(int(loud[-1]))
    print(f"speechd through the null sink: audible, peak {np.max(np.abs(samples)):.2f}")
    print(
        f"say() -> first sound {1000 * (start - said_at):.0f} ms; sound lasted {end - start:.2f} s"
    )
    print(f"say() -> finished (Ready) {finished_at - said_at:.2f} s")


def without_sound(root: Path) -> None:
    runtime = root / "run"
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "HOME": str(root),
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_SERVER": f"unix:{runtime / 'no-server'}",
    }
    result = speak(env, TEXT)
    if result["broken_at"] is None:
        print(f"no sound server: speech was not declared broken ({result['message']})")
        return
    delay = float(result["broken_at"]) - float(result["said_at"] or result["broken_at"])
    print(f"no sound server: declared broken {delay:.2f} s after say(): {result['message']}")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        with_null_sink(Path(tmp) / "a")
    with tempfile.TemporaryDirectory() as tmp:
        without_sound(Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
