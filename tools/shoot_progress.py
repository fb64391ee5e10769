"""Screenshots of the Progress page with a realistic history, for looking at (and for docs).

PYTHONPATH=src python tools/shoot_progress.py OUT_DIR [--scale 2.0] [--days 80]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from synthetic import generate

from upright.app import build_context
from upright.core.clock import FakeClock
from upright.core.paths import DataPaths
from upright.core.settings import Settings, save_settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0, help="text size, 1.0 to 2.0")
    parser.add_argument("--days", type=int, default=80)
    parser.add_argument("--today", default="2026-04-09")
    parser.add_argument("--range", default="3m")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--empty", action="store_true", help="no history: the first-use story")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from upright.core.weeks import ChartRange
    from upright.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    today = date.fromisoformat(args.today)
    paths = DataPaths(Path(tempfile.mkdtemp(prefix="upright-shots-")))
    save_settings(paths.settings, Settings(text_scale=args.scale))
    if not args.empty:
        generate(
            paths.database, today - timedelta(days=args.days), args.days, exercises=1,
            skip_chance=0.3, zone="Europe/London",
        ).close()  # fmt: skip
    now = datetime.combine(today, datetime.min.time().replace(hour=18), ZoneInfo("Europe/London"))
    ctx = build_context(paths, FakeClock(now))
    window = MainWindow(ctx)
    window.resize(args.width, args.height)
    window.show()
    window.show_progress()
    window.progress_page.set_range(ChartRange(args.range))
    app.processEvents()
    tag = f"{args.range}-{int(args.scale * 100)}{'-empty' if args.empty else ''}"
    window.grab().save(str(args.out / f"progress-{tag}.png"))
    page = window.progress_page
    if page.cards is not None:
        page.cards.resize(page.scroll.viewport().width(), page.cards.sizeHint().height())
        page.cards.grab().save(str(args.out / f"progress-cards-{tag}.png"))
        for name in page.cards.figures:
            page.save_chart_png(name, args.out / f"chart-{name}-{tag}.png")
    window.show_history()
    app.processEvents()
    window.grab().save(str(args.out / f"history-{tag}.png"))
    print("saved to", args.out)


if __name__ == "__main__":
    main()
