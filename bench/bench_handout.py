"""Prints what a handout costs: content, layout and PDF writing per programme, and the whole
`upright handout` command in a fresh process.

QT_QPA_PLATFORM=offscreen PYTHONPATH=src python bench/bench_handout.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from upright.core.catalog import load_builtin_catalog
from upright.core.handout_content import HandoutExercise, build_handout, from_level
from upright.ui.handout import write_handout

RUNS = 7


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    _app = QApplication.instance() or QApplication([])
    catalog = load_builtin_catalog()
    programmes = {level.id: from_level(catalog, level.id) for level in catalog.levels}
    two = [catalog.exercise("forearm-press-up"), catalog.exercise("chest-raise-legs")]
    programmes["two exercises"] = [HandoutExercise(e, e.defaults) for e in two if e.defaults]
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "handout.pdf"
        write_handout(target, build_handout(catalog, programmes["beginner"], date.today()))
        for name, items in programmes.items():
            content, writing = [], []
            for _ in range(RUNS):
                start = time.perf_counter()
                handout = build_handout(catalog, items, date.today(), "Ann")
                built = time.perf_counter()
                layout = write_handout(target, handout)
                content.append(built - start)
                writing.append(time.perf_counter() - built)
            print(
                f"{name:>15}: {len(layout.pages):2} pages, {target.stat().st_size // 1024} KiB;"
                f" content {ms(statistics.median(content))},"
                f" layout + PDF {ms(statistics.median(writing))} (median of {RUNS})"
            )
        command = [sys.executable, "-m", "upright", "--data-dir", folder, "handout", "--pdf"]
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([*command, str(target), "--level", "advanced"], check=True,
                           capture_output=True)  # fmt: skip
            runs.append(time.perf_counter() - start)
        print(f"`upright handout --level advanced`, whole process: {ms(statistics.median(runs))}")


if __name__ == "__main__":
    main()
