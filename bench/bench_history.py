"""Durable rep commits: latency of History.add_rep (WAL, synchronous=FULL) on a real file;
opening ten years' history read-only (its integrity_check), as Upright does when it cannot
write; and opening it with one page zeroed: what is kept of it, and how long that takes."""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from synthetic import generate

from upright.core.events import RepCompleted
from upright.core.history import History, PlannedExercise
from upright.core.recovery import open_history

WRITES = 1000
OPENS = 7


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="upright-bench-"))
    history = History(folder / "history.sqlite3")
    t0 = datetime(2026, 1, 5, 9, tzinfo=UTC)
    session = history.begin_session(
        "bench", "beginner", t0, [PlannedExercise("forearm-press-up", "beginner", 5, 10)]
    )
    latencies: list[float] = []
    for n in range(WRITES):
        at = t0 + timedelta(seconds=n)
        rep = RepCompleted("forearm-press-up", n % 10 + 1, 5, 5, True, at, at)
        started = time.perf_counter()
        history.add_rep(session, "beginner", rep)
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(f"durable rep commit (WAL, synchronous=FULL), {WRITES} writes on {folder}")
    print(
        f"  median {statistics.median(latencies):.2f} ms   p99 {p99:.2f} ms   "
        f"max {latencies[-1]:.2f} ms   (goal: p99 under 10 ms)"
    )

    ten_years = folder / "ten-years.sqlite3"
    generate(ten_years, date(2016, 12, 1), 3652).close()
    read_only_open(ten_years)
    damaged_open(ten_years)


def read_only_open(path: Path) -> None:
    """The fallback when the history cannot be written (a read-only folder, a full disk)."""
    times: list[float] = []
    for _ in range(OPENS):
        started = time.perf_counter()
        History(path, read_only=True).close()
        times.append((time.perf_counter() - started) * 1000)
    size = path.stat().st_size / 1e6
    print(f"read-only open of ten years' history ({size:.0f} MB, with its integrity_check)")
    print(f"  median {statistics.median(times):.1f} ms   max {max(times):.1f} ms")


def damaged_open(path: Path) -> None:
    """A page of the middle of the file zeroed: the file is kept aside, and what can still be
    read of it copied into a new history (upright.core.salvage), once."""
    reps_before = _reps(path)
    data = bytearray(path.read_bytes())
    page = 4096
    middle = len(data) // page // 2
    data[middle * page : (middle + 1) * page] = bytes(page)
    path.write_bytes(bytes(data))
    started = time.perf_counter()
    opened = open_history(path, datetime.now(UTC))
    took = (time.perf_counter() - started) * 1000
    opened.history.close()
    print(f"opening it with page {middle + 1} zeroed: moved aside and its readable rows kept")
    print(f"  {took:.0f} ms, {_reps(path):,} of {reps_before:,} reps kept")


def _reps(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("SELECT COUNT(*) FROM reps").fetchone()[0])
    finally:
        db.close()


if __name__ == "__main__":
    main()
