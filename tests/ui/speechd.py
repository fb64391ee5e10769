"""Speak through the real speech daemon in a process of its own (speak_words.py), then kill the
daemon that process spawned: it outlives its client and ignores SIGTERM.

`env` must give the process a private XDG_RUNTIME_DIR, where the daemon puts its socket and pid.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TOOLS = ("speech-dispatcher", "espeak-ng")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def speak(env: dict[str, str], text: str, engine: str = "speechd") -> dict[str, object]:
    """What speak_words.py reports (a dict of its JSON) for `text` said by `engine`."""
    env = {**env, "PYTHONPATH": str(REPO / "src"), "QT_QPA_PLATFORM": "offscreen"}
    script = REPO / "tests" / "ui" / "speak_words.py"
    try:
        done = subprocess.run(
            [sys.executable, str(script), engine, text],
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
            check=True,
        )
    finally:
        kill_speech_daemon(Path(env["XDG_RUNTIME_DIR"]))
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def kill_speech_daemon(runtime: Path) -> None:
    """The daemon our client spawned (from its pid file) and its modules."""
    pid_file = runtime / "speech-dispatcher" / "pid" / "speech-dispatcher.pid"
    if not pid_file.is_file():
        return
    daemon = int(pid_file.read_text().split()[0])
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == daemon:
            children.append(int(stat.parent.name))
    for pid in [daemon, *children]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
