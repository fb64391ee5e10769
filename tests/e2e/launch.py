"""Starting the real `upright` command on a data folder, as the end-to-end tests do."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path


def upright_command(data_dir: Path) -> list[str]:
    return [sys.executable, "-m", "upright", "--data-dir", str(data_dir)]


def offscreen_env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def run_upright(data_dir: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """Run it to the end (it is expected to stop by itself) and keep what it printed."""
    return subprocess.run(
        upright_command(data_dir),
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
