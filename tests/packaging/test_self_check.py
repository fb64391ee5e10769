"""`upright --self-check` in a real process: it passes here, and fails saying why when it should."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import upright
from upright.core.assets import assets_dir

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
