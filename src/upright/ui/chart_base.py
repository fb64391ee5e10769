"""A readable pyqtgraph chart: a week axis, a legend above the plot, big type, and hover read-outs.

Imported only when a chart is first needed: pyqtgraph takes about a third of a second to load.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QWidget

from upright.core.weeks import axis_ticks, day_text
from upright.ui.theme import INK, MUTED

HOVER_PX = 28  # how near (in pixels) the pointer must be to a point to read it out


class WeekAxis(pg.AxisItem):
    """x is a calendar day (``date.toordinal()``): labels on Mondays, months or years."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self._labels: dict[int, str] = {}

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N803
        if not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal - minVal < 1:
            return []
        start = date.fromordinal(max(1, math.ceil(minVal)))
        end = date.fromordinal(max(1, math.floor(maxVal)))
        widest = QFontMetrics(self.style["tickFont"] or QFont()).horizontalAdvance("28 Dec 2026")
        majors, minors = axis_ticks(start, end, int(size // (widest + 24)))
        self._labels = {t.day.toordinal(): t.text for t in majors}
        minor = [float(d.toordinal()) for d in minors if d.toordinal() not in self._labels]
        return [(7.0, [float(day) for day in self._labels]), (1.0, minor)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self._labels.get(round(v), "") for v in values]


class Chart(pg.GraphicsLayoutWidget):
    """One chart: the legend in its own row above the plot, so it never hides a point."""

    hovered = Signal(str)  # the exact values under the pointer, or "" when it leaves them

    def __init__(
        self,
        y_label: str,
        legend_columns: int,
        text_pt: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``text_pt``: a fixed text size (print); by default the app's, followed as it changes."""
        super().__init__(parent)
        self.text_pt = text_pt
        self.setBackground("w")
        self.axis = WeekAxis()
        self.legend = pg.LegendItem(colCount=legend_columns, frame=False)
        self.addItem(self.legend, row=0, col=0)
        self.plot = self.addPlot(row=1, col=0, axisItems={"bottom": self.axis})
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=True, y=True, alpha=0.35)
        self.y_label = y_label
        self._marker = pg.ScatterPlotItem(size=24, pen=pg.mkPen(INK, width=3), brush=None)
        self._marker.setZValue(20)
        self.plot.addItem(self._marker, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.apply_text_size()
        self._follows_app = text_pt is None

    # -- look -----------------------------------------------------------------------------------
    def point_size(self, factor: float = 1.0) -> float:
        """A size relative to the text size, so the charts follow the 100% to 200% setting."""
        return (self.text_pt or QApplication.font().pointSizeF()) * factor

    def marker_size(self) -> float:
        """Markers grow a little with the text size, not in proportion: big ones would merge."""
        return 6.0 + self.point_size(0.3)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and getattr(self, "_follows_app", False):
            self.apply_text_size()

    def apply_text_size(self) -> None:
        """Fonts, axis room and height from the app's text size (100% to 200%)."""
        font = QFont(QApplication.font())
        font.setPointSizeF(self.point_size(0.95))
        label_font = QFont(QApplication.font())
        label_font.setPointSizeF(self.point_size())
        ticks, label = QFontMetrics(font), QFontMetrics(label_font)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setStyle(tickFont=font, tickTextOffset=6, autoExpandTextSpace=False)
            axis.setTextPen(INK)
            axis.setPen(pg.mkPen(MUTED))
            axis.enableAutoSIPrefix(False)  # days and seconds, never "x1e+06"
        # pyqtgraph sizes axes for its own small type: make room for ours, label included.
        self.plot.getAxis("bottom").setHeight(ticks.height() + label.height() + 14)
        self.plot.getAxis("left").setWidth(ticks.horizontalAdvance("100") + label.height() + 18)
        self.plot.setLabel(
            "left", self.y_label, color=INK, **{"font-size": f"{self.point_size():.1f}pt"}
        )
        self.legend.setLabelTextSize(f"{self.point_size():.1f}pt")
        self.legend.setLabelTextColor(INK)
        self.setMinimumHeight(round(250 + 10 * self.point_size()))

    def add_legend(self, item: pg.GraphicsObject, name: str) -> None:
        self.legend.addItem(item, name)

    def show_days(self, first: date, last: date) -> None:
        """Half a day of margin each side, so a point on the first or last day is whole.

        The axis title names the whole span with its years, since tick labels near an edge
        (where the year would be written) can be left out when they do not fit.
        """
        self.plot.setXRange(first.toordinal() - 0.5, last.toordinal() + 0.5, padding=0)
        span = f"{day_text(first, weekday=False)} to {day_text(last, weekday=False)}"
        if span != self.plot.getAxis("bottom").labelText:  # a label costs a text layout
            self.plot.setLabel(
                "bottom", span, color=INK, **{"font-size": f"{self.point_size():.1f}pt"}
            )

    def show_values(self, top: float, bottom: float = 0.0) -> None:
        self.plot.setYRange(bottom, top, padding=0)

    # -- hover ------------------------------------------------------------------------------------
    def text_at(self, x: float, y: float) -> tuple[float, float, str] | None:
        """The point nearest the view position (x, y), with its read-out; charts override."""
        return None

    def nearest(
        self, x: float, y: float, xs: Sequence[float], ys: Sequence[float]
    ) -> tuple[int, float] | None:
        """Index and pixel distance of the point nearest (x, y), if within HOVER_PX."""
        if not len(xs):
            return None
        px_w, px_h = self.plot.vb.viewPixelSize()
        d = np.hypot((np.asarray(xs) - x) / (px_w or 1), (np.asarray(ys) - y) / (px_h or 1))
        i = int(np.argmin(d))
        return (i, float(d[i])) if d[i] <= HOVER_PX else None

    def hover_at(self, x: float, y: float) -> str:
        """Show the read-out for a view position (the pointer's, or a test's); "" if none."""
        found = self.text_at(x, y)
        if found is None:
            self._marker.setData([], [])
            self.plot.vb.setToolTip("")
            self.hovered.emit("")
            return ""
        px, py, text = found
        self._marker.setData([px], [py])
        self.plot.vb.setToolTip(text)
        self.hovered.emit(text)
        return text

    def _mouse_moved(self, pos: QPointF) -> None:
        vb = self.plot.vb
        if not vb.sceneBoundingRect().contains(pos):
            self.hover_at(math.inf, math.inf)
            return
        view = vb.mapSceneToView(pos)
        self.hover_at(view.x(), view.y())


def render_image(widget: QWidget, scale: float = 2.0) -> QImage:
    """The widget drawn at ``scale`` times its size: sharp in a PNG file or on paper."""
    size = widget.size()
    image = QImage(
        round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_RGB32
    )
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    QWidget.render(widget, image)  # QWidget's, not QGraphicsView's scene-only render()
    return image
