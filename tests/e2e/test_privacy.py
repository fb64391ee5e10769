"""The app is private: its files are readable by the user alone, and it opens no network socket."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from upright.app import main


def test_every_file_in_the_data_folder_is_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = tmp_path / "reps.csv"
    assert main(["--data-dir", str(data), "export", "--csv", str(out)]) == 2  # no history yet
    from upright.core.history import History

    History(data / "history.sqlite3").close()
    assert main(["--data-dir", str(data), "export", "--csv", str(out)]) == 0
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for path in [*data.iterdir(), out]:
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace to watch system calls")
def test_a_session_opens_no_network_socket(tmp_path: Path) -> None:
    """strace sees every socket the process and its threads create: only local (AF_UNIX) ones."""
    trace = tmp_path / "trace.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    driver = Path(__file__).with_name("session_driver.py")
    subprocess.run(
        [
            "timeout",
            "-s",
            "KILL",
            "8",
            "strace",
            "-f",
            "-e",
            "trace=socket,connect,execve",
            "-o",
            str(trace),
            sys.executable,
            str(driver),
            str(tmp_path / "data"),
            "50",
            "--hands-free",
        ],
        env=env,
        timeout=90,
        check=False,
    )
    calls = trace.read_text()
    assert "socket(AF_UNIX" in calls  # strace did watch (D-Bus and sound use local sockets)
    # Programs the app starts (the system's speech-dispatcher and its modules) are not
    # Upright: a line is ours unless its process exec'd another program.
    programs = {
        line.split()[0]
        for line in calls.splitlines()
        if "execve(" in line and sys.executable not in line and "= 0" in line
    }
    ours = [
        line
        for line in calls.splitlines()
        if "socket(" in line and "= -1" not in line and line.split()[0] not in programs
    ]
    assert ours
    for line in ours:
        assert "AF_UNIX" in line or "AF_NETLINK" in line, line
