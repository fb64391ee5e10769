"""`upright --self-check` in a real process: it passes here, and fails saying why when it should."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

import upright
from upright.core.assets import assets_dir
from upright.core.cues import Tone

pytestmark = pytest.mark.slow
IMPORT_ROOT = Path(upright.__file__).resolve().parents[1]  # the same upright this test imports


def no_display_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the self-check must choose offscreen by itself
    env["PYTHONPATH"] = str(IMPORT_ROOT)
    return env


def run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_self_check_passes_without_a_display_and_reports_what_it_found(tmp_path: Path) -> None:
    env = no_display_env()
    env["UPRIGHT_DATA_DIR"] = str(tmp_path / "user-data")
    out = run("from upright.app import main; raise SystemExit(main(['--self-check']))", env)
    assert out.returncode == 0, out.stdout + out.stderr
    text = out.stdout
    assert f"Upright {upright.__version__} self-check" in text
    assert "platform offscreen" in text
    assert "programs        1 of 1 expected" in text
    assert "icons           9 of 9 expected" in text
    assert "temporary history opened" in text
    assert text.rstrip().splitlines()[-1].startswith("OK")
    assert not (tmp_path / "user-data").exists()  # it never touches the user's data folder


def test_self_check_fails_and_names_what_is_missing(tmp_path: Path) -> None:
    """A broken bundle: the programme is there, the icons are not."""
    bundle = tmp_path / "bundle"
    shutil.copytree(assets_dir() / "programs", bundle / "upright" / "assets" / "programs")
    code = (
        f"import sys; sys._MEIPASS = {str(bundle)!r}\n"
        "from upright.app import main; raise SystemExit(main(['--self-check']))"
    )
    out = run(code, no_display_env())
    assert out.returncode == 1, out.stdout + out.stderr
    assert str(bundle / "upright" / "assets") in out.stdout
    assert "FAILED" in out.stdout
    assert "- the folder icons/ is missing" in out.stdout


def test_self_check_refuses_a_sub_command() -> None:
    out = run(
        "from upright.app import main; raise SystemExit(main(['--self-check', 'start']))",
        no_display_env(),
    )
    assert out.returncode == 2
    assert "--self-check runs alone" in out.stderr


def bundle_with_sounds(root: Path, broken: str | None = None) -> Path:
    """A fake bundle holding this checkout's assets plus one short tone per Tone."""
    assets = root / "upright" / "assets"
    shutil.copytree(assets_dir(), assets, ignore=shutil.ignore_patterns("sounds"))
    (assets / "sounds").mkdir()
    for tone in Tone:
        with wave.open(str(assets / "sounds" / f"{tone.value}.wav"), "wb") as sound:
            sound.setnchannels(1)
            sound.setsampwidth(2)
            sound.setframerate(44_100)
            sound.writeframes(b"\x00\x10" * 4410)
    if broken:
        (assets / "sounds" / broken).write_bytes(b"RIFF but not really")
    return root


def self_check_in(bundle: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = (
        f"import sys; sys._MEIPASS = {str(bundle)!r}\n"
        "from upright.app import main; raise SystemExit(main(['--self-check']))"
    )
    return run(code, env)


def test_a_broken_sound_file_fails_the_check_by_name(tmp_path: Path) -> None:
    out = self_check_in(bundle_with_sounds(tmp_path, broken="lift.wav"), no_display_env())
    assert out.returncode == 1
    assert "- sounds/lift.wav: not a readable WAV file" in out.stdout


@pytest.fixture
def null_sink(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private PulseAudio server whose only output is a null sink: a real device, no hardware."""
    if shutil.which("pulseaudio") is None:
        pytest.skip("pulseaudio is not installed (Debian: pulseaudio)")
    home, runtime = tmp_path / "pa-home", tmp_path / "pa-run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = dict(no_display_env(), HOME=str(home), XDG_RUNTIME_DIR=str(runtime))
    server = subprocess.Popen(
        [
            "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disable-shm=yes",
            "--load=module-null-sink sink_name=nullsink", "--load=module-native-protocol-unix",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        socket = runtime / "pulse" / "native"
        for _ in range(100):  # up to 10 s for the server to listen
            if socket.exists() or server.poll() is not None:
                break
            time.sleep(0.1)
        if not socket.exists():
            pytest.skip("the PulseAudio server did not start here")
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_with_a_sound_device_a_tone_is_loaded_as_the_app_would(
    tmp_path: Path, null_sink: dict[str, str]
) -> None:
    out = self_check_in(bundle_with_sounds(tmp_path), null_sink)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "sounds          6 of 6 expected" in out.stdout
    assert "count.wav Ready" in out.stdout
