"""The `upright` command (and ``python -m upright``): start-up without the garbage collector.

Starting builds a few hundred thousand objects (modules, classes, Qt enums, widgets) and frees
almost none, so collecting garbage meanwhile is wasted work: about a tenth of the time to the
first paint (bench/bench_startup.py). upright.app turns the collector back on once the window
is shown, or before a command that needs no window does its work.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    gc.disable()
    try:
        from upright.app import main as run

        return run(argv)
    finally:
        gc.enable()
