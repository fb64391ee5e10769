"""How fast the Progress page opens and changes range over ten years of daily history.

    PYTHONPATH=src python bench/bench_progress.py [--years 10] [--runs 7]

Generates the history into a temporary SQLite file (bulk rows that match the schema), then
times, in this process, the real MainWindow offscreen at 1280 x 800:
  - opening the Progress page (query, aggregate, draw, until painted): on a fresh connection
    (nothing summarised yet, the charts not built yet), and opening it again;
  - switching the range, once the older years were summarised in the background, and the
    worst case: straight to All before that summary ran;
and prints medians of several runs. Goals: open <= 300 ms, range switch <= 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication
from synthetic import generate

from upright.app import build_context
from upright.core.clock import FakeClock
from upright.core.history import History
from upright.core.paths import DataPaths
from upright.core.progress import load_progress
from upright.core.weeks import ChartRange
from upright.ui.main_window import MainWindow

TODAY = date(2026, 3, 1)
CLOCK = FakeClock(datetime(2026, 3, 1, 18, 0, tzinfo=ZoneInfo("Europe/London")))
Samples = dict[str, list[float]]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


class Bench:
    def __init__(self, paths: DataPaths) -> None:
        self.app = QApplication.instance() or QApplication([])
        self.paths = paths

    def window(self) -> MainWindow:
        """A new window on a new connection: as at a fresh start of the app."""
        window = MainWindow(build_context(self.paths, CLOCK))
        window.resize(1280, 800)
        window.show()
        self.app.processEvents()
        return window

    def painted(self, window: MainWindow) -> None:
        window.repaint()  # synchronous: every visible chart paints before this returns
        self.app.processEvents()

    def open_progress(self, window: MainWindow) -> None:
        window.show_progress()
        self.painted(window)

    def switch(self, window: MainWindow, chart_range: ChartRange) -> None:
        window.progress_page.set_range(chart_range)
        self.painted(window)

    @staticmethod
    def summarise(window: MainWindow) -> list[float]:
        """The background summary of older years, run step by step as its timer would."""
        page, steps = window.progress_page, []
        page._warm_timer.stop()
        while page._warm_spans:
            steps.append(timed(page._warm_next))
        return steps

    @staticmethod
    def close(window: MainWindow) -> None:
        window.close()
        window.deleteLater()
        if window.ctx.history is not None:
            window.ctx.history.close()

    def one_run(self, samples: Samples) -> None:
        window = self.window()
        samples["open, fresh connection (3 months)"].append(
            timed(lambda: self.open_progress(window))
        )
        samples["switch to All before the summary"].append(
            timed(lambda: self.switch(window, ChartRange.ALL))
        )
        self.switch(window, ChartRange.MONTHS_3)
        self.summarise(window)
        window.show_home()
        samples["open again (3 months)"].append(timed(lambda: self.open_progress(window)))
        for chart_range in (ChartRange.WEEKS_4, ChartRange.YEAR, ChartRange.ALL):
            samples[f"switch to {chart_range.label}"].append(
                timed(lambda r=chart_range: self.switch(window, r))
            )
        page = window.progress_page
        source = page.source
        assert source is not None
        load = timed(lambda: load_progress(source, ChartRange.ALL, page.exercise, 360))
        samples["  All: query and aggregate"].append(load)
        samples["  All: draw and paint"].append(samples["switch to All"][-1] - load)
        samples["switch back to 3 months"].append(
            timed(lambda: self.switch(window, ChartRange.MONTHS_3))
        )
        self.close(window)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="upright-bench-") as folder:
        measure(DataPaths(Path(folder)), args.years, args.runs)


def measure(paths: DataPaths, years: int, runs: int) -> None:
    days = round(years * 365.25)
    took = timed(lambda: generate(paths.database, TODAY - timedelta(days=days), days).close())
    history = History(paths.database)
    sessions, reps = history.connection.execute(
        "SELECT (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM reps)"
    ).fetchone()
    history.close()
    print(f"history: {sessions} sessions, {reps} reps over {years} years ({took:.1f} s)")

    bench = Bench(paths)
    print("\nonce per app run:")
    print(f"import pyqtgraph and the chart modules   {ms(timed(_import_charts))}")
    window = bench.window()
    once = timed(lambda: bench.open_progress(window))
    print(f"first open of this file (makes indexes)  {ms(once)}")
    steps = bench.summarise(window)
    print(
        f"background summary of older years        {ms(sum(steps))} in {len(steps)} timer "
        f"steps, the longest {ms(max(steps, default=0)).strip()}"
    )
    bench.close(window)

    samples: Samples = {}
    for name in (
        "open, fresh connection (3 months)",
        "open again (3 months)",
        "switch to 4 weeks",
        "switch to 1 year",
        "switch to All",
        "  All: query and aggregate",
        "  All: draw and paint",
        "switch back to 3 months",
        "switch to All before the summary",
    ):
        samples[name] = []
    for _ in range(runs):
        bench.one_run(samples)
    print(f"\nmedians of {runs} runs (goals: open <= 300 ms, switch <= 100 ms):")
    for name, values in samples.items():
        print(f"{name:<41}{ms(statistics.median(values))}")
    median = {name: statistics.median(values) for name, values in samples.items()}
    ratio = median["switch to All"] / median["switch to 4 weeks"]
    print(f"\nratio switch All / switch 4 weeks: {ratio:.1f} ({sessions} sessions against 28)")
    print(f"open fresh / goal: {median['open, fresh connection (3 months)'] / 0.300:.2f}")
    print(f"switch to All / goal: {median['switch to All'] / 0.100:.2f}")


def _import_charts() -> None:
    import upright.ui.progress_cards  # noqa: F401  (pyqtgraph comes with it)


if __name__ == "__main__":
    main()
