"""Prints what the illustration costs: pose set-up, one frame, painting, and CPU while animating.

QT_QPA_PLATFORM=offscreen PYTHONPATH=src python bench/bench_illustration.py
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QRectF, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from upright.core.catalog import load_builtin_catalog
from upright.core.clock import SystemClock
from upright.core.figure import build
from upright.core.illustration import scene_for
from upright.core.key_poses import key_poses
from upright.core.motion import frame_at
from upright.core.palette import palette
from upright.core.phases import Phase
from upright.ui.figure_painter import paint_figure
from upright.ui.illustration_view import IllustrationView


def median_ms(runs: list[float]) -> float:
    return statistics.median(runs) * 1000


def main() -> None:
    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    key_poses()
    print(f"key poses solved (once, at first use): {1000 * (time.perf_counter() - start):.0f} ms")

    catalog = load_builtin_catalog()
    lift = scene_for(catalog.exercise("hand-press-up"), Phase.LIFT)
    frames = []
    for i in range(60):
        t0 = time.perf_counter()
        f = frame_at(lift, i / 59 * 2.0, 2.0)
        build(f.pose, highlight=f.highlight, mirrored=f.mirrored)
        frames.append(time.perf_counter() - t0)
    print(f"one moving frame, pose + shapes (median of 60): {median_ms(frames):.2f} ms")

    figure = build(key_poses()["hands-hold"])
    for width, height in ((480, 300), (1920, 1080), (3840, 2160)):
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        runs = []
        for _ in range(20):
            t0 = time.perf_counter()
            painter = QPainter(image)
            paint_figure(painter, QRectF(0, 0, width, height), figure, palette(False))
            painter.end()
            runs.append(time.perf_counter() - t0)
        print(f"paint at {width}x{height} (median of 20): {median_ms(runs):.2f} ms")

    clock = SystemClock()
    view = IllustrationView(clock.monotonic)
    view.resize(960, 540)
    view.show()
    for label, scene, duration, seconds in (
        ("warm-up loop, 30 fps", scene_for(catalog.exercise("side-reach"), Phase.MOVE), 3.0, 3.0),
        ("hold, breathing", scene_for(catalog.exercise("chest-raise"), Phase.HOLD), 20.0, 3.0),
        ("rest, still", scene_for(catalog.exercise("chest-raise"), Phase.REST), 20.0, 3.0),
    ):
        view.show_scene(scene, clock.monotonic(), duration)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        loop = QEventLoop()
        QTimer.singleShot(round(seconds * 1000), loop.quit)
        loop.exec()
        cpu = (time.process_time() - cpu0) / (time.perf_counter() - wall0)
        print(f"view at 960x540, {label}: {100 * cpu:.1f}% of one core, timer on: {view.animating}")
    del app


if __name__ == "__main__":
    main()
