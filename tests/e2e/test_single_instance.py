"""A second launch on the same data folder raises the first window instead of opening twice."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from upright.ui.single_instance import InstanceServer, ask_running_instance


def test_a_second_instance_is_told_and_the_first_hears_it(qtbot: QtBot, tmp_path: Path) -> None:
    server = InstanceServer(tmp_path)
    assert server.listening
    with qtbot.waitSignal(server.message_received, timeout=3000) as heard:
        assert ask_running_instance(tmp_path, "start")
    assert heard.args == ["start"]
    assert not ask_running_instance(tmp_path / "elsewhere", "raise")


@pytest.mark.slow
def test_second_launch_exits_and_leaves_the_first_running(qtbot: QtBot, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "upright", "--data-dir", str(tmp_path)]
    first = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    try:
        log = tmp_path / "upright.log"
        deadline = time.monotonic() + 30
        while not ask_running_instance(tmp_path, "raise"):  # wait until the first listens
            assert time.monotonic() < deadline and first.poll() is None
            time.sleep(0.2)
        second = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=30, check=False
        )
        assert second.returncode == 0, second
        assert "already open" in second.stderr
        assert first.poll() is None  # the first is still there
        assert not log.exists() or "Traceback" not in log.read_text()
    finally:
        first.kill()
        first.wait(timeout=10)
