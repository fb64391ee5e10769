"""Writes the illustration files from the pose design (run it again after changing a pose).

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src python tools/make_illustrations.py

writes assets/illustrations/poses.json (the solved key poses the app loads), then from it
assets/illustrations/<pose>.svg (vector, light background, with its text alternative),
assets/illustrations/png/<pose>.png (480 px wide), docs/contact-sheet.png and
docs/contact-sheet-dark.png (every pose, labelled). Running it again gives the same bytes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

from upright.core.catalog import load_builtin_catalog
from upright.core.figure import Figure
from upright.core.figure_svg import illustration_svg
from upright.core.illustration import all_pose_ids, static_figure, titles
from upright.core.key_poses import key_poses, poses_to_json
from upright.core.palette import Palette, palette
from upright.core.pose_design import design_key_poses
from upright.ui.figure_painter import paint_figure, qcolor

ROOT = Path(__file__).resolve().parents[1]
PNG_WIDTH = 480
CELL_W, CELL_H, COLUMNS, LABEL_H = 460, 300, 3, 46


def render(figure: Figure, colours: Palette, width: int) -> QImage:
    height = round(width * figure.box[3] / figure.box[2])
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(qcolor(colours.background))
    painter = QPainter(image)
    paint_figure(painter, QRectF(0, 0, width, height), figure, colours)
    painter.end()
    return image


def contact_sheet(ids: tuple[str, ...], names: dict[str, str], dark: bool) -> QImage:
    colours = palette(dark)
    rows = (len(ids) + COLUMNS - 1) // COLUMNS
    sheet = QImage(CELL_W * COLUMNS, CELL_H * rows, QImage.Format.Format_RGB32)
    sheet.fill(qcolor(colours.background))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    ink = QColor("#e8e8e8") if dark else QColor("#1d1d1f")
    for i, pose_id in enumerate(ids):
        x, y = (i % COLUMNS) * CELL_W, (i // COLUMNS) * CELL_H
        painter.setPen(QColor("#3a3f46") if dark else QColor("#dddad2"))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(x + 6, y + 6, CELL_W - 12, CELL_H - 12), 10, 10)
        painter.setPen(ink)
        painter.setFont(QFont("DejaVu Sans", 11, QFont.Weight.Bold))
        painter.drawText(QRectF(x + 16, y + 12, CELL_W - 32, 20), names[pose_id])
        painter.setFont(QFont("DejaVu Sans", 9))
        painter.drawText(QRectF(x + 16, y + 31, CELL_W - 32, 16), pose_id)
        area = QRectF(x + 14, y + LABEL_H + 4, CELL_W - 28, CELL_H - LABEL_H - 16)
        paint_figure(painter, area, static_figure(pose_id), colours)
    painter.end()
    return sheet


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out = ROOT / "assets" / "illustrations"
    (out / "png").mkdir(parents=True, exist_ok=True)
    (ROOT / "docs").mkdir(exist_ok=True)
    (out / "poses.json").write_text(poses_to_json(design_key_poses()), "utf-8")
    key_poses.cache_clear()  # draw from the file just written, as the app will
    names = titles(load_builtin_catalog())
    ids = all_pose_ids()
    for pose_id in ids:
        (out / f"{pose_id}.svg").write_text(illustration_svg(pose_id, names[pose_id]), "utf-8")
        image = render(static_figure(pose_id), palette(False), PNG_WIDTH)
        image.save(str(out / "png" / f"{pose_id}.png"))
    contact_sheet(ids, names, dark=False).save(str(ROOT / "docs" / "contact-sheet.png"))
    contact_sheet(ids, names, dark=True).save(str(ROOT / "docs" / "contact-sheet-dark.png"))
    print(f"wrote {len(ids)} SVG and PNG illustrations and two contact sheets")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
