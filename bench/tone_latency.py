"""Print how long a cue tone takes from TonePlayer.play() to sound in a PulseAudio null sink.

Starts a private null-sink server (tests/ui/nullsink.py), records its monitor with parec at 10 ms
latency while timestamping every chunk as it arrives, plays COUNT tones through
tests/ui/play_tones.py, and maps each onset in the recording back to time.monotonic() (shared by
all processes). The mapping uses the earliest-arriving chunk, so figures include up to one
capture period (about 10 ms) of recording delay.

    PYTHONPATH=src python bench/tone_latency.py [COUNT]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "ui"))
from nullsink import RATE, NullSinkServer, onsets, stop_process  # noqa: E402

SPACING_S = 0.5


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as tmp:
        server = NullSinkServer(Path(tmp))
        server.start()
        try:
            chunks, played = record_while_playing(server, count)
        finally:
            server.stop()
    total = 0
    origin = float("inf")  # monotonic time of sample 0, from the least-delayed chunk
    for arrived, samples in ((t, len(b) // 2) for t, b in chunks):
        total += samples
        origin = min(origin, arrived - total / RATE)
    audio = np.frombuffer(b"".join(b for _, b in chunks), dtype="<i2") / 32768.0
    heard = [origin + i / RATE for i in onsets(audio, threshold=0.05)]
    calls = [float(p["t"]) for p in played if p["ok"]]
    if len(heard) != len(calls):
        print(f"heard {len(heard)} tones for {len(calls)} play() calls; cannot pair them")
        return 1
    latencies_ms = [1000 * (h - c) for h, c in zip(heard, calls, strict=True)]
    print(f"tones: {len(latencies_ms)} (count tone, {SPACING_S} s apart)")
    median = statistics.median(latencies_ms)
    print(
        f"play() -> audible in the null sink: median {median:.0f} ms, "
        f"min {min(latencies_ms):.0f} ms, max {max(latencies_ms):.0f} ms"
    )
    return 0


def record_while_playing(
    server: NullSinkServer, count: int
) -> tuple[list[tuple[float, bytes]], list[dict[str, object]]]:
    command = ["parec", "-d", "nullsink.monitor", "--raw", "--latency-msec=10"]
    command += ["--format=s16le", f"--rate={RATE}", "--channels=1"]
    recorder = subprocess.Popen(command, env=server.env, stdout=subprocess.PIPE)
    chunks: list[tuple[float, bytes]] = []
    flowing = threading.Event()

    def read() -> None:
        assert recorder.stdout is not None
        while data := recorder.stdout.read1(65536):
            chunks.append((time.monotonic(), data))
            flowing.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not flowing.wait(15):  # a fresh null sink first renders one 2 s block
            raise RuntimeError("parec recorded nothing")
        plan = [f"count@{i * SPACING_S}" for i in range(count)]
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
        stop_process(recorder)
        reader.join(5)
    played: list[dict[str, object]] = json.loads(done.stdout.splitlines()[-1])["played"]
    return chunks, played


if __name__ == "__main__":
    sys.exit(main())
