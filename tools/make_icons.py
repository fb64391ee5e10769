"""Render assets/icons/upright.svg to the PNG sizes the desktop needs (reproducible, offscreen).

Run from the repository root: `python tools/make_icons.py` (writes assets/icons/upright-<N>.png).
`--check` renders to memory and fails if a committed PNG looks different, so the two never drift
apart (it compares pixels, with a small tolerance: Qt versions antialias slightly differently).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "assets" / "icons"


MAX_MEAN_DIFFERENCE = 1.0  # in 0-255 channel steps, averaged over the image


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def mean_difference(a: QImage, b: QImage) -> float:
    """The average difference per channel between two images of one size (inf if sizes differ)."""
    if a.size() != b.size():
        return float("inf")
    fmt = QImage.Format.Format_ARGB32
    ca, cb = a.convertToFormat(fmt), b.convertToFormat(fmt)  # kept alive while read
    pa, pb = bytes(ca.constBits()), bytes(cb.constBits())
    return sum(abs(x - y) for x, y in zip(pa, pb, strict=True)) / len(pa)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a PNG is out of date")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))  # this checkout's sizes, whatever else is installed
    from upright.core.identity import ICON_SIZES, ICON_SVG, icon_png

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(ICONS / ICON_SVG))
    if not renderer.isValid():
        print(f"cannot read {ICONS / ICON_SVG}", file=sys.stderr)
        return 1
    stale = []
    for size in ICON_SIZES:
        target = ICONS / icon_png(size)
        image = render(renderer, size)
        if args.check:
            if mean_difference(image, QImage(str(target))) > MAX_MEAN_DIFFERENCE:
                stale.append(target.name)
        else:
            png = png_bytes(image)
            target.write_bytes(png)
            print(f"wrote {target.relative_to(ROOT)} ({len(png)} bytes)")
    if stale:
        print(f"out of date (run tools/make_icons.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
