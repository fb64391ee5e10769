"""Start-up and memory: Upright's first paint and resident memory against a bare PySide6 window.

Both are started the same way (a fresh Python process that builds its window and quits after the
first paint), alternately, several times; medians and the ratio are printed. Goal: at most 1.3x.

`--stages` shows where the difference goes instead (see STAGES).

Upright starts as a returning user starts it: no arguments, its data in the platform's folder
(XDG_DATA_HOME points at a temporary one), its modules byte-compiled as `pip install` leaves them
(an editable install under PYTHONDONTWRITEBYTECODE would compile every module at every start).
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROBE = Path(__file__).with_name("_probe.py")
RUNS = int(os.environ.get("BENCH_RUNS", "25"))


def once(kind: str, home: str) -> tuple[float, int]:
    # Settle briefly after the paint, before sound and speech start (300 ms after showing).
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PROBE_SETTLE_MS="100",
        XDG_DATA_HOME=f"{home}/data",
        XDG_CONFIG_HOME=f"{home}/config",
    )
    env.pop("UPRIGHT_DATA_DIR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # The report goes through a file, not a pipe: a speech daemon the app may start
    # inherits the pipe and would keep it open long after the app has quit.
    with tempfile.TemporaryFile("w+") as report:
        started = time.monotonic()
        subprocess.run(
            [sys.executable, str(PROBE), kind],
            stdout=report,
            stderr=subprocess.DEVNULL,
            env=env,
            timeout=60,
            check=True,
        )
        report.seek(0)
        line = json.loads(report.read().strip().splitlines()[-1])
    return (line["paint"] - started) * 1000, int(line["rss_kib"])


def returning_user(home: str) -> None:
    """A data folder as after a first launch: the database made and the safety questions done
    (the first launch also builds the screening page: about 60 ms more, once)."""
    from upright.core.checkins import SCREENING, record_checkin
    from upright.core.clock import SystemClock
    from upright.core.history import History

    data_dir = Path(home, "data", "upright")
    data_dir.mkdir(parents=True, mode=0o700)
    history = History(data_dir / "history.sqlite3")
    record_checkin(history, "default", SCREENING, SystemClock().wall(), {"version": 1})
    history.close()


def main() -> None:
    import upright

    compileall.compile_dir(Path(upright.__file__).parent, quiet=1)  # as pip install does
    data_dir = tempfile.mkdtemp(prefix="upright-bench-")
    returning_user(data_dir)
    once("upright", data_dir)  # warm the disk cache for both
    once("bare", data_dir)
    bare: list[tuple[float, int]] = []
    app: list[tuple[float, int]] = []
    for _ in range(RUNS):
        bare.append(once("bare", data_dir))
        app.append(once("upright", data_dir))
    b_ms = statistics.median(t for t, _ in bare)
    a_ms = statistics.median(t for t, _ in app)
    # Each Upright start against the bare start just before it: the machine's load drifts
    # slowly, so the ratio of neighbours is steadier than the ratio of the two medians.
    pairs = sorted(a / b for (b, _), (a, _) in zip(bare, app, strict=True))
    quartiles = statistics.quantiles(pairs, n=4)
    b_mem = statistics.median(m for _, m in bare) / 1024
    a_mem = statistics.median(m for _, m in app) / 1024
    print(f"runs: {RUNS} each, alternating, offscreen, Python {sys.version.split()[0]}")
    print(
        f"first paint  bare window {b_ms:7.1f} ms   upright {a_ms:7.1f} ms   "
        f"ratio of medians {a_ms / b_ms:.2f}x"
    )
    print(
        f"             ratio of each pair: median {statistics.median(pairs):.2f}x "
        f"(middle half {quartiles[0]:.2f}x to {quartiles[2]:.2f}x; goal <= 1.3x)"
    )
    print(
        f"resident     bare window {b_mem:7.1f} MiB  upright {a_mem:7.1f} MiB  "
        f"ratio {a_mem / b_mem:.2f}x"
    )
    print("pyqtgraph and QtMultimedia are not imported at start-up: see tests/ui for the check")


STAGES = {
    "bare": "a bare window",
    "core": "+ Upright's core imported (settings, history, programme, today's plan)",
    "modules": "+ the home page's modules imported (window, pages, shortcuts, icons)",
    "upright": "Upright: + arguments, data opened, home page built, shown and painted",
}


def stages() -> None:
    """Where Upright's extra time goes: the bare window after more and more of Upright."""
    import upright

    compileall.compile_dir(Path(upright.__file__).parent, quiet=1)
    data_dir = tempfile.mkdtemp(prefix="upright-bench-")
    returning_user(data_dir)
    times: dict[str, list[float]] = {kind: [] for kind in STAGES}
    for kind in STAGES:
        once(kind, data_dir)
    for _ in range(RUNS):
        for kind in STAGES:
            times[kind].append(once(kind, data_dir)[0])
    print(f"runs: {RUNS} each, in turn, offscreen, Python {sys.version.split()[0]}")
    previous = bare = statistics.median(times["bare"])
    for kind, what in STAGES.items():
        ms = statistics.median(times[kind])
        print(f"{ms:7.1f} ms  {ms / bare:4.2f}x  {ms - previous:+6.1f} ms  {what}")
        previous = ms


if __name__ == "__main__":
    stages() if sys.argv[1:] == ["--stages"] else main()
