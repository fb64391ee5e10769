"""Durable rep commits: latency of History.add_rep (WAL, synchronous=FULL) on a real file."""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from upright.core.events import RepCompleted
from upright.core.history import History, PlannedExercise

WRITES = 1000


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


if __name__ == "__main__":
    main()
