"""SIGKILL a real upright process mid-session: every rep it reported saved must be on disk."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from upright.app import open_history_for_app
from upright.core.paths import DataPaths

KILLS = int(os.environ.get("UPRIGHT_KILLS", "30"))
DRIVER = Path(__file__).with_name("session_driver.py")
SAVED = re.compile(r"rep saved: session=(\d+) exercise=(\S+) rep=(\d+)")


def start_upright(data: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, str(DRIVER), str(data), "100"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def saved_in_log(data: Path) -> set[tuple[int, str, int]]:
    log = data / "upright.log"
    text = log.read_text() if log.exists() else ""
    return {(int(m[1]), m[2], int(m[3])) for m in SAVED.finditer(text)}


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_saved_rep(tmp_path: Path) -> None:
    rng = random.Random(20261124)
    data = tmp_path / "data"
    reps_seen = 0
    for kill in range(KILLS):
        before = len(saved_in_log(data))
        proc = start_upright(data)
        deadline = time.monotonic() + rng.uniform(0.6, 3.2)
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)

        db = sqlite3.connect(data / "history.sqlite3")
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"kill {kill}"
        stored = set(db.execute("SELECT session_id, exercise, rep FROM reps"))
        logged = saved_in_log(data)
        # Every rep the app said was saved is there (the log line is written after the commit).
        assert logged <= stored, f"kill {kill}: reported but missing: {logged - stored}"
        db.close()
        reps_seen += len(logged) - before

    paths = DataPaths(data)
    notices: list[str] = []
    history = open_history_for_app(paths, notices)
    assert history is not None
    running = history.connection.execute(
        "SELECT COUNT(*) FROM sessions WHERE ended_how = 'running'"
    ).fetchone()[0]
    interrupted = history.connection.execute(
        "SELECT COUNT(*) FROM sessions WHERE ended_how = 'interrupted'"
    ).fetchone()[0]
    assert running == 0 and interrupted >= 1
    assert reps_seen > KILLS  # the kills landed mid-session, after reps were saved
    assert any("interrupted" in n for n in notices)
