"""The data folder's lock: one holder at a time, and never left behind by a killed process."""

from __future__ import annotations

import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from upright.core.instance_lock import InstanceLock

HOLD_LOCK = """
import sys, time
from pathlib import Path
from upright.core.instance_lock import InstanceLock
lock = InstanceLock.acquire(Path(sys.argv[1]))
print("held" if lock else "refused", flush=True)
time.sleep(60)
"""


def test_one_holder_at_a_time(tmp_path: Path) -> None:
    first = InstanceLock.acquire(tmp_path / "upright.lock")
    assert first is not None
    assert InstanceLock.acquire(tmp_path / "upright.lock") is None
    first.release()
    again = InstanceLock.acquire(tmp_path / "upright.lock")
    assert again is not None
    again.release()


def test_the_lock_file_is_private(tmp_path: Path) -> None:
    lock = InstanceLock.acquire(tmp_path / "upright.lock")
    assert lock is not None
    assert stat.S_IMODE((tmp_path / "upright.lock").stat().st_mode) == 0o600
    lock.release()


def test_a_killed_holder_leaves_no_lock_behind(tmp_path: Path) -> None:
    path = tmp_path / "upright.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert InstanceLock.acquire(path) is None  # another process has it
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    lock = InstanceLock.acquire(path)
    assert lock is not None
    lock.release()


def test_a_missing_folder_cannot_be_locked(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        InstanceLock.acquire(tmp_path / "missing" / "upright.lock")
