"""A second launch on the same data folder raises the first window instead of opening twice."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from upright.app import claim_data_folder
from upright.core.paths import resolve_data_dir
from upright.ui.single_instance import InstanceServer, ask_running_instance

from .launch import offscreen_env, run_upright, upright_command


def test_a_second_instance_is_told_and_the_first_hears_it(qtbot: QtBot, tmp_path: Path) -> None:
    server = InstanceServer(tmp_path)
    assert server.listening
    with qtbot.waitSignal(server.message_received, timeout=3000) as heard:
        assert ask_running_instance(tmp_path, "start")
    assert heard.args == ["start"]
    assert not ask_running_instance(tmp_path / "elsewhere", "raise")


@pytest.mark.slow
def test_second_launch_exits_and_leaves_the_first_running(qtbot: QtBot, tmp_path: Path) -> None:
    env = offscreen_env()
    first = subprocess.Popen(upright_command(tmp_path), env=env, stderr=subprocess.PIPE)
    try:
        log = tmp_path / "upright.log"
        deadline = time.monotonic() + 30
        while not ask_running_instance(tmp_path, "raise"):  # wait until the first listens
            assert time.monotonic() < deadline and first.poll() is None
            time.sleep(0.2)
        second = run_upright(tmp_path, env)
        assert second.returncode == 0, second
        assert "already open" in second.stderr
        assert first.poll() is None  # the first is still there
        assert not log.exists() or "Traceback" not in log.read_text()
    finally:
        first.kill()
        first.wait(timeout=10)


HOLD_FOLDER = """
import sys, time
from pathlib import Path
from upright.core.instance_lock import InstanceLock
lock = InstanceLock.acquire(Path(sys.argv[1]) / "upright.lock")
print("held", flush=True)
time.sleep(60)
"""


def hold_folder(data_dir: Path) -> subprocess.Popen[str]:
    """A process that holds the folder like an Upright still starting (not yet listening)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_FOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_the_first_launch_takes_the_folder(tmp_path: Path) -> None:
    claim = claim_data_folder(resolve_data_dir(str(tmp_path)), "raise")
    assert claim.lock is not None and not claim.other_open
    assert claim_data_folder(resolve_data_dir(str(tmp_path)), "raise", patience_s=0).other_open
    claim.lock.release()


def test_a_folder_held_by_a_silent_upright_is_not_opened_twice(tmp_path: Path) -> None:
    holder = hold_folder(tmp_path)
    try:
        claim = claim_data_folder(resolve_data_dir(str(tmp_path)), "raise", patience_s=0.3)
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert claim.lock is None and claim.other_open and not claim.answered


def test_where_no_lock_can_be_made_asking_is_all_there_is(tmp_path: Path) -> None:
    (tmp_path / "upright.lock").mkdir()  # cannot be opened as a file: no lock here
    claim = claim_data_folder(resolve_data_dir(str(tmp_path)), "raise")
    assert claim.lock is None and not claim.other_open  # nobody answered: this one runs


@pytest.mark.slow
def test_a_launch_while_the_first_is_still_starting_leaves_the_history_alone(
    tmp_path: Path,
) -> None:
    holder = hold_folder(tmp_path)
    try:
        second = run_upright(tmp_path, offscreen_env())
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert second.returncode == 1, second
    assert "already open" in second.stderr and "does not answer" in second.stderr
    assert not (tmp_path / "history.sqlite3").exists()
