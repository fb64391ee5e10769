"""Generate assets/sounds/<tone>.wav for every cue tone, byte-for-byte reproducibly.

Each tone is a few soft bell notes (a sine with two quieter overtones that die away faster), with a
short raised-cosine attack and a fade to exact silence at the end, so nothing clicks. Tones differ
by contour: lift rises, lower falls, count is a short tick, get-ready repeats one note, rest-over
is a single bright bell and done is a three-note chime. Files are 44.1 kHz, 16-bit, mono, peaking
at -3 dBFS. Pure stdlib arithmetic: the same bytes on every run.

    python tools/make_sounds.py           write the files
    python tools/make_sounds.py --check   exit 1 if a committed file differs from what this makes
"""

from __future__ import annotations

import argparse
import io
import math
import struct
import sys
import wave
from pathlib import Path

from upright.core.value import value

REPO = Path(__file__).resolve().parent.parent
try:
    from upright.core.cues import Tone
except ImportError:  # run from a checkout without PYTHONPATH=src
    sys.path.insert(0, str(REPO / "src"))
    from upright.core.cues import Tone

RATE = 44_100
PEAK_DBFS = -3.0
FADE_OUT_S = 0.015
# Relative amplitude of the overtones (2x and 3x the note's frequency): a soft, round bell.
OVERTONES = ((1, 1.0), (2, 0.28), (3, 0.08))

C5, E5, G5, A5, C6, D6 = 523.25, 659.26, 783.99, 880.0, 1046.5, 1174.66
A4 = 440.0


@value
class Note:
    start_s: float
    freq_hz: float
    decay_s: float  # time constant of the fundamental's exponential decay
    gain: float = 1.0
    attack_s: float = 0.006


@value
class Recipe:
    length_s: float
    notes: tuple[Note, ...]


RECIPES: dict[Tone, Recipe] = {
    Tone.GET_READY: Recipe(0.42, (Note(0.0, E5, 0.07), Note(0.2, E5, 0.08))),
    Tone.LIFT: Recipe(0.45, (Note(0.0, C5, 0.07), Note(0.16, G5, 0.1))),
    Tone.COUNT: Recipe(0.12, (Note(0.0, A5, 0.03, attack_s=0.003),)),
    Tone.LOWER: Recipe(0.45, (Note(0.0, E5, 0.07), Note(0.16, A4, 0.1))),
    Tone.REST_OVER: Recipe(0.45, (Note(0.0, D6, 0.12), Note(0.0, D6 / 2, 0.1, gain=0.35))),
    Tone.DONE: Recipe(
        0.9,
        (Note(0.0, E5, 0.12), Note(0.15, G5, 0.14), Note(0.3, C6, 0.22, gain=1.1)),
    ),
}


def _envelope(t: float, note: Note, overtone: int) -> float:
    if t < 0.0:
        return 0.0
    rise = 0.5 - 0.5 * math.cos(math.pi * t / note.attack_s) if t < note.attack_s else 1.0
    # Higher overtones fade faster, as on a struck bell.
    return rise * math.exp(-t * overtone**0.7 / note.decay_s)


def render(recipe: Recipe) -> list[float]:
    """The tone as floats in -1..1 before scaling, ending in silence."""
    count = round(recipe.length_s * RATE)
    fade = round(FADE_OUT_S * RATE)
    out: list[float] = []
    for i in range(count):
        t = i / RATE
        value = 0.0
        for note in recipe.notes:
            local = t - note.start_s
            for overtone, amp in OVERTONES:
                phase = 2 * math.pi * note.freq_hz * overtone * local
                value += note.gain * amp * _envelope(local, note, overtone) * math.sin(phase)
        left = count - 1 - i
        if left < fade:  # raised-cosine fade to exactly zero on the last sample
            value *= 0.5 - 0.5 * math.cos(math.pi * left / fade)
        out.append(value)
    return out


def to_wav_bytes(samples: list[float]) -> bytes:
    peak = max(abs(s) for s in samples)
    scale = 32767 * 10 ** (PEAK_DBFS / 20) / peak
    frames = struct.pack(f"<{len(samples)}h", *(round(s * scale) for s in samples))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(frames)
    return buffer.getvalue()


def build_all() -> dict[str, bytes]:
    return {f"{tone.value}.wav": to_wav_bytes(render(RECIPES[tone])) for tone in Tone}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "assets" / "sounds")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for name, data in build_all().items():
        path: Path = args.out / name
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path} ({len(data)} bytes)")
    if stale:
        print(f"out of date: {', '.join(stale)}; run python tools/make_sounds.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
