"""Tones really reach a sound device: a private PulseAudio null sink, recorded with parec."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from nullsink import (
    RATE,
    NullSinkServer,
    dominant_hz,
    missing_tools,
    onsets,
    read_wav_samples,
    stop_process,
)

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
SRC = HERE.parent.parent / "src"
# The first note of each tone (see tools/make_sounds.py), which identifies it in the recording.
FIRST_NOTE_HZ = {"lift": 523.25, "count": 880.0, "lower": 659.26, "rest_over": 1174.66}
PLAN = [("lift", 0.0), ("count", 0.8), ("lower", 1.6), ("rest_over", 2.4)]


@pytest.fixture
def null_sink(tmp_path: Path) -> Iterator[NullSinkServer]:
    missing = missing_tools()
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: pulseaudio pulseaudio-utils)")
    server = NullSinkServer(tmp_path / "pulse")
    try:
        server.start()
        yield server
    finally:
        server.stop()


def run_player(server: NullSinkServer, plan: list[tuple[str, float]]) -> dict[str, object]:
    env = {**server.env, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    args = [f"{tone}@{offset}" for tone, offset in plan]
    done = subprocess.run(
        [sys.executable, str(HERE / "play_tones.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_tones_are_audible_in_order_with_their_spacing(
    null_sink: NullSinkServer, tmp_path: Path
) -> None:
    wav = tmp_path / "heard.wav"
    recorder = null_sink.record(wav)
    try:
        result = run_player(null_sink, PLAN)
    finally:
        recorder.send_signal(2)  # SIGINT: parec finishes the file
        stop_process(recorder)
    played = result["played"]
    assert isinstance(played, list)
    assert [p["tone"] for p in played] == [tone for tone, _ in PLAN], result
    assert all(p["ok"] for p in played), result

    samples = read_wav_samples(wav)
    peak = float(np.max(np.abs(samples)))
    assert peak > 0.3, f"recording too quiet (peak {peak:.3f}): the tones were not heard"
    starts = onsets(samples, threshold=0.2 * peak)
    assert len(starts) == len(PLAN), f"heard {len(starts)} sounds, expected {len(PLAN)}"

    heard = [dominant_hz(samples, start) for start in starts]
    for (tone, _), hz in zip(PLAN, heard, strict=True):
        assert abs(hz - FIRST_NOTE_HZ[tone]) < 0.04 * FIRST_NOTE_HZ[tone], (tone, heard)

    # Spacing in the recording matches the spacing of the play() calls. Compared with the calls,
    # not the plan, so a busy machine that fires a timer late does not fail the test.
    heard_gaps = np.diff(np.array(starts) / RATE)
    call_gaps = np.diff([float(p["t"]) for p in played])
    assert np.all(np.abs(heard_gaps - call_gaps) < 0.15), (heard_gaps, call_gaps)


def test_no_sound_server_means_unavailable_not_a_crash(tmp_path: Path) -> None:
    if missing_tools():
        pytest.skip("needs pulseaudio to be installed (to make sure none is reachable)")
    runtime = tmp_path / "nowhere"
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_SERVER": f"unix:{runtime / 'no-such-socket'}",
        "PYTHONPATH": str(SRC),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, str(HERE / "play_tones.py"), "count@0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["played"] == []
    assert "No sound device was found" in result["status"]
