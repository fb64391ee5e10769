"""Start-up and memory: Upright's first paint and resident memory against a bare PySide6 window.

Both are started the same way (a fresh Python process that builds its window and quits after the
first paint), alternately, several times; medians and the ratio are printed. Goal: at most 1.3x.

`--stages` shows where the difference goes instead (see STAGES).

Upright starts as a returning user starts it: no arguments, its data in the platform's folder
(XDG_DATA_HOME points at a temporary one), its modules byte-compiled as `pip install` leaves them
(an editable install under PYTHONDONTWRITEBYTECODE would compile every module at every start).
Twice: with a history that holds only the safety questions' answers, and with a year of daily
sessions (the history is checked whole at every start: see upright.core.recovery.Opening).
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
from datetime import timedelta
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


def returning_user(home: str, days: int = 0) -> None:
    """A data folder as after a first launch: the database made and the safety questions done
    (the first launch also builds the screening page: about 60 ms more, once), and ``days`` of
    daily sessions up to yesterday (10 reps of the beginner's exercise each)."""
    from synthetic import generate

    from upright.core.checkins import SCREENING, record_checkin
    from upright.core.clock import SystemClock
    from upright.core.history import History

    data_dir = Path(home, "data", "upright")
    data_dir.mkdir(parents=True, mode=0o700)
    path = data_dir / "history.sqlite3"
    now = SystemClock().wall()
    history = generate(path, now.date() - timedelta(days), days, exercises=1) if days else None
    history = history or History(path)
    record_checkin(history, "default", SCREENING, now, {"version": 1})
    history.close()


def pair_ratios(bare: list[float], app: list[float]) -> list[float]:
    """Each Upright start against the bare start just before it: the machine's load drifts
    slowly, so the ratio of neighbours is steadier than the ratio of the two medians."""
    return sorted(a / b for b, a in zip(bare, app, strict=True))


def main() -> None:
    import upright

    compileall.compile_dir(Path(upright.__file__).parent, quiet=1)  # as pip install does
    homes = {"a new history": tempfile.mkdtemp(prefix="upright-bench-")}
    homes["a year of sessions"] = tempfile.mkdtemp(prefix="upright-bench-")
    returning_user(homes["a new history"])
    returning_user(homes["a year of sessions"], days=365)
    for home in homes.values():  # warm the disk cache for all
        once("upright", home)
    once("bare", homes["a new history"])
    bare: list[tuple[float, int]] = []
    app: dict[str, list[tuple[float, int]]] = {what: [] for what in homes}
    for _ in range(RUNS):
        for what, home in homes.items():
            bare.append(once("bare", home))
            app[what].append(once("upright", home))
    print(f"runs: {RUNS} each, alternating, offscreen, Python {sys.version.split()[0]}")
    b_ms = statistics.median(t for t, _ in bare)
    print(f"first paint  bare window {b_ms:7.1f} ms")
    for what, starts in app.items():
        a_ms = statistics.median(t for t, _ in starts)
        befores = [t for t, _ in bare[list(homes).index(what) :: len(homes)]]
        pairs = pair_ratios(befores, [t for t, _ in starts])
        quartiles = statistics.quantiles(pairs, n=4)
        print(
            f"  upright, {what + ':':<19} {a_ms:7.1f} ms   ratio of each pair: median "
            f"{statistics.median(pairs):.2f}x (middle half {quartiles[0]:.2f}x to "
            f"{quartiles[2]:.2f}x; goal <= 1.3x)"
        )
    b_mem = statistics.median(m for _, m in bare) / 1024
    a_mem = statistics.median(m for _, m in app["a new history"]) / 1024
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
