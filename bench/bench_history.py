"""Durable rep commits: latency of History.add_rep (WAL, synchronous=FULL) on a real file; and
opening ten years' history read-only (its integrity_check), as Upright does when it cannot write."""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from synthetic import generate

from upright.core.events import RepCompleted
from upright.core.history import History, PlannedExercise

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

    read_only_open(folder / "ten-years.sqlite3")


def read_only_open(path: Path) -> None:
    """The fallback when the history cannot be written (a read-only folder, a full disk)."""
    generate(path, date(2016, 12, 1), 3652).close()
    times: list[float] = []
    for _ in range(OPENS):
        started = time.perf_counter()
        History(path, read_only=True).close()
        times.append((time.perf_counter() - started) * 1000)
    size = path.stat().st_size / 1e6
    print(f"read-only open of ten years' history ({size:.0f} MB, with its integrity_check)")
    print(f"  median {statistics.median(times):.1f} ms   max {max(times):.1f} ms")


if __name__ == "__main__":
    main()
