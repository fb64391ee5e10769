"""Print how long a cue tone takes from TonePlayer.play() to sound in a PulseAudio null sink.

Starts a private null-sink server (tests/ui/nullsink.py), records its monitor with timestamps,
plays COUNT tones through tests/ui/play_tones.py and maps each onset in the recording back to
time.monotonic(), which every process shares.

    PYTHONPATH=src python bench/tone_latency.py [COUNT]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "ui"))
from nullsink import NullSinkServer, TimedRecorder, onsets  # noqa: E402

SPACING_S = 0.5


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    plan = [f"count@{i * SPACING_S}" for i in range(count)]
    with tempfile.TemporaryDirectory() as tmp:
        server = NullSinkServer(Path(tmp))
        server.start()
        recorder = TimedRecorder(server)
        try:
            recorder.wait_flowing()
            env = {**server.env, "PYTHONPATH": str(REPO / "src"), "QT_QPA_PLATFORM": "offscreen"}
            done = subprocess.run(
                [sys.executable, str(REPO / "tests" / "ui" / "play_tones.py"), *plan],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
            )
            time.sleep(0.2)  # let the last chunks arrive
        finally:
            recorder.stop()
            server.stop()
    played = json.loads(done.stdout.splitlines()[-1])["played"]
    calls = [float(p["t"]) for p in played if p["ok"]]
    heard = [recorder.time_of(i) for i in onsets(recorder.samples(), threshold=0.05)]
    if len(heard) != len(calls):
        print(f"heard {len(heard)} tones for {len(calls)} play() calls; cannot pair them")
        return 1
    latencies_ms = [1000 * (h - c) for h, c in zip(heard, calls, strict=True)]
    print(f"{len(latencies_ms)} count tones, {SPACING_S} s apart")
    print(
        f"play() -> audible in the null sink: median {statistics.median(latencies_ms):.0f} ms, "
        f"min {min(latencies_ms):.0f} ms, max {max(latencies_ms):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
