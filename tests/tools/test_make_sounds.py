"""The committed cue tones: what tools/make_sounds.py makes, in the promised shape and contour."""

from __future__ import annotations

import importlib.util
import io
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from upright.core.assets import asset_path
from upright.core.cues import Tone

TOOL = Path(__file__).resolve().parents[2] / "tools" / "make_sounds.py"
RATE = 44_100


def load_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_sounds", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def read(data: bytes) -> tuple[wave._wave_params, np.ndarray]:
    with wave.open(io.BytesIO(data)) as wav:
        params = wav.getparams()
        frames = wav.readframes(params.nframes)
    return params, np.frombuffer(frames, dtype="<i2").astype(np.float64) / 32768.0


def pitch_hz(samples: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples)), n=1 << 15))
    return float(np.argmax(spectrum) * RATE / (1 << 15))


def test_committed_files_are_exactly_what_the_tool_makes() -> None:
    built = load_tool().build_all()
    assert sorted(built) == sorted(f"{tone.value}.wav" for tone in Tone)
    for name, data in built.items():
        assert asset_path("sounds", name).read_bytes() == data, f"{name} is out of date"
    assert load_tool().build_all() == built  # reproducible within a run, too


@pytest.mark.parametrize("tone", list(Tone))
def test_format_length_level_and_clean_edges(tone: Tone) -> None:
    params, samples = read(asset_path("sounds", f"{tone.value}.wav").read_bytes())
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, RATE)
    limit_s = {Tone.COUNT: 0.13, Tone.DONE: 0.9}.get(tone, 0.45)
    assert 0.05 < len(samples) / RATE <= limit_s
    peak_dbfs = 20 * np.log10(np.max(np.abs(samples)))
    assert -3.2 < peak_dbfs < -2.8
    # No click: the sound rises from silence and fades back to it.
    edge = round(0.0003 * RATE)
    assert np.max(np.abs(samples[:edge])) < 0.05 and np.max(np.abs(samples[-edge:])) < 0.01
    assert samples[0] == 0 and samples[-1] == 0


def test_contours_tell_the_tones_apart() -> None:
    def halves(tone: Tone) -> tuple[float, float]:
        _, samples = read(asset_path("sounds", f"{tone.value}.wav").read_bytes())
        window = round(0.1 * RATE)
        return pitch_hz(samples[:window]), pitch_hz(samples[-2 * window : -window])

    lift, lower, ready = halves(Tone.LIFT), halves(Tone.LOWER), halves(Tone.GET_READY)
    assert lift[1] > lift[0] * 1.3  # rises
    assert lower[1] < lower[0] / 1.3  # falls
    assert abs(ready[1] - ready[0]) < 10  # repeats one note
    firsts = {tone: halves(tone)[0] for tone in (Tone.LIFT, Tone.LOWER, Tone.REST_OVER)}
    assert len({round(hz, -1) for hz in firsts.values()}) == 3
