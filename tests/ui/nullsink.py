"""A private PulseAudio server with only a null sink, and what was played into it, for real tests.

The server gets its own HOME and XDG_RUNTIME_DIR, so it never meets a desktop's sound server.
Processes that should use it (a Qt player, parec) must be started with `server.env`: QtMultimedia
connects to PulseAudio the first time it is used, so the variables must be set before Qt starts.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import threading
import time
from pathlib import Path

import numpy as np

TOOLS = ("pulseaudio", "pactl", "parec")
RATE = 44_100
WAV_HEADER_BYTES = 44


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class NullSinkServer:
    """Start with start(), stop with stop() (idempotent, always reaps the process)."""

    def __init__(self, root: Path) -> None:
        home, runtime = root / "home", root / "run"
        home.mkdir(parents=True, exist_ok=True)
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(runtime),
            "PULSE_RUNTIME_PATH": str(runtime / "pulse"),
            "PULSE_SERVER": f"unix:{runtime / 'pulse' / 'native'}",
        }
        self.log = root / "pulseaudio.log"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, timeout_s: float = 15.0) -> None:
        command = [
            "pulseaudio",
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--disable-shm=yes",
            "--load=module-null-sink sink_name=nullsink",
            "--load=module-native-protocol-unix",
        ]
        with self.log.open("wb") as log:
            # In its own session, as a desktop's sound server is. Sharing the test's session, a
            # Qt 6.11 player often wedged on its second tone against a fresh null sink ("Socket
            # notifiers cannot be enabled or disabled from another thread", then a busy loop);
            # seen here, cause not understood.
            self._process = subprocess.Popen(
                command,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"pulseaudio exited: {self.log.read_text(errors='replace')}")
            info = subprocess.run(
                ["pactl", "info"], env=self.env, capture_output=True, timeout=5, check=False
            )
            if info.returncode == 0:
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"pulseaudio did not answer within {timeout_s} s")

    def stop(self) -> None:
        if self._process is None:
            return
        stop_process(self._process)
        self._process = None

    def record(self, wav: Path, timeout_s: float = 15.0) -> subprocess.Popen[bytes]:
        """Record the sink's monitor (mono, 16-bit WAV) and return once samples are flowing.

        A fresh null sink renders in 2 s blocks until a low-latency client arrives, so the first
        samples reach parec about 2 s late; waiting for them keeps the start of a test audible.
        Stop the recording with SIGINT and stop_process().
        """
        recorder = subprocess.Popen(
            [
                "parec",
                "-d",
                "nullsink.monitor",
                "--file-format=wav",
                "--latency-msec=10",  # else the monitor delivers (and loses on exit) 2 s blocks
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                str(wav),
            ],
            env=self.env,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + timeout_s
        while not (wav.exists() and wav.stat().st_size > WAV_HEADER_BYTES):
            if recorder.poll() is not None or time.monotonic() > deadline:
                stop_process(recorder)
                error = recorder.stderr.read().decode(errors="replace") if recorder.stderr else ""
                raise RuntimeError(f"parec recorded nothing within {timeout_s} s: {error}")
            time.sleep(0.05)
        return recorder


class TimedRecorder:
    """Record the monitor as raw samples, noting when each chunk arrived (time.monotonic()).

    `time_of(i)` maps a sample index to monotonic time using the least-delayed chunk, so times
    are late by at most one capture period (10 ms). For benches: figures, not assertions.
    """

    def __init__(self, server: NullSinkServer) -> None:
        command = ["parec", "-d", "nullsink.monitor", "--raw", "--latency-msec=10"]
        command += ["--format=s16le", f"--rate={RATE}", "--channels=1"]
        self._process = subprocess.Popen(command, env=server.env, stdout=subprocess.PIPE)
        self._chunks: list[tuple[float, bytes]] = []
        self._flowing = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        while data := self._process.stdout.read1(65536):
            self._chunks.append((time.monotonic(), data))
            self._flowing.set()

    def wait_flowing(self, timeout_s: float = 15.0) -> None:
        """A fresh null sink first renders one 2 s block: wait for real samples."""
        if not self._flowing.wait(timeout_s):
            raise RuntimeError("parec recorded nothing")

    def stop(self) -> None:
        stop_process(self._process)
        self._reader.join(5)

    def samples(self) -> np.ndarray:
        data = b"".join(chunk for _, chunk in self._chunks)
        return np.frombuffer(data, dtype="<i2").astype(np.float64) / 32768.0

    def time_of(self, index: int) -> float:
        total, origin = 0, float("inf")
        for arrived, chunk in self._chunks:
            total += len(chunk) // 2
            origin = min(origin, arrived - total / RATE)
        return origin + index / RATE


def stop_process(process: subprocess.Popen[bytes], grace_s: float = 5.0) -> None:
    """Ask a process we started to end (SIGTERM), then kill it; always wait for it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=grace_s)


def read_wav_samples(path: Path) -> np.ndarray:
    """16-bit mono samples as floats in -1..1; tolerates a header whose sizes were never filled."""
    data = path.read_bytes()
    position = 12
    while position + 8 <= len(data):
        chunk, size = struct.unpack_from("<4sI", data, position)
        if chunk == b"data":
            body = data[position + 8 :]
            body = body[: len(body) - len(body) % 2]
            return np.frombuffer(body, dtype="<i2").astype(np.float64) / 32768.0
        position += 8 + size
    raise ValueError(f"{path} has no data chunk")


def onsets(samples: np.ndarray, threshold: float, min_gap_s: float = 0.15) -> list[int]:
    """Sample indices where sound starts after at least min_gap_s below the threshold."""
    window = RATE // 200  # 5 ms
    frames = len(samples) // window
    envelope = np.abs(samples[: frames * window]).reshape(frames, window).max(axis=1)
    gap = round(min_gap_s * RATE / window)
    found: list[int] = []
    quiet = gap
    for index, level in enumerate(envelope):
        if level >= threshold:
            if quiet >= gap:
                block = np.abs(samples[index * window : (index + 1) * window])
                found.append(index * window + int(np.argmax(block >= threshold)))
            quiet = 0
        else:
            quiet += 1
    return found


def dominant_hz(samples: np.ndarray, start: int, length_s: float = 0.05) -> float:
    """The strongest frequency in a short stretch of sound starting at `start`."""
    piece = samples[start : start + round(length_s * RATE)]
    spectrum = np.abs(np.fft.rfft(piece * np.hanning(len(piece)), n=1 << 15))
    return float(np.argmax(spectrum) * RATE / (1 << 15))
