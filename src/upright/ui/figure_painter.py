"""Paints a drawn figure (core shapes) with a QPainter: on screen, into images and into PDFs."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from upright.core.figure import Figure, build
from upright.core.key_poses import key_pose
from upright.core.palette import Palette, palette
from upright.core.shapes import ArcTo, Blob, Hull, Line, LineTo, MoveTo, Rod, Shape, rod_path


def qcolor(colour: str) -> QColor:
    """A palette colour ("#rrggbb" or "#rrggbbaa") as a QColor."""
    c = QColor(colour[:7])
    if len(colour) == 9:
        c.setAlpha(int(colour[7:], 16))
    return c


def _rod_path(rod: Rod) -> QPainterPath:
    path = QPainterPath()
    for op in rod_path(rod):
        if isinstance(op, MoveTo):
            path.moveTo(*op.to)
        elif isinstance(op, LineTo):
            path.lineTo(*op.to)
        elif isinstance(op, ArcTo):
            r = op.radius
            box = QRectF(op.centre[0] - r, op.centre[1] - r, 2 * r, 2 * r)
            # Qt measures arc angles with y pointing down; the figure's y points up.
            path.arcTo(box, -op.start, -op.sweep)
    path.closeSubpath()
    return path


def _paint_shape(painter: QPainter, shape: Shape, colours: Palette) -> None:
    colour = qcolor(colours.colour(shape.role, shape.tone))
    if isinstance(shape, Line):
        pen = QPen(colour, shape.width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if shape.dashed:
            pen.setDashPattern([2.6, 2.2])
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        polygon = QPolygonF([QPointF(*p) for p in shape.points])
        if shape.closed:
            painter.drawPolygon(polygon)
        else:
            painter.drawPolyline(polygon)
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    if isinstance(shape, Rod):
        painter.drawPath(_rod_path(shape))
    elif isinstance(shape, Blob):
        painter.save()
        painter.translate(*shape.centre)
        painter.rotate(shape.angle)
        painter.drawEllipse(QPointF(0.0, 0.0), shape.rx, shape.ry)
        painter.restore()
    elif isinstance(shape, Hull):
        painter.drawPolygon(QPolygonF([QPointF(*p) for p in shape.points]))


def fitted(box: tuple[float, float, float, float], rect: QRectF) -> QRectF:
    """The largest rectangle of the box's shape centred in ``rect``."""
    scale = min(rect.width() / box[2], rect.height() / box[3])
    w, h = box[2] * scale, box[3] * scale
    return QRectF(rect.center().x() - w / 2, rect.center().y() - h / 2, w, h)


def paint_figure(painter: QPainter, rect: QRectF, figure: Figure, colours: Palette) -> None:
    """Paints the figure into ``rect``, keeping its proportions, centred (vector all the way)."""
    left, bottom, width, height = figure.box
    target = fitted(figure.box, rect)
    scale = target.width() / width
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setClipRect(target)
    painter.translate(target.left() - left * scale, target.top() + (bottom + height) * scale)
    painter.scale(scale, -scale)  # the figure's y points up
    for shape in figure.shapes:
        _paint_shape(painter, shape, colours)
    painter.restore()


def paint_pose(
    painter: QPainter,
    rect: QRectF,
    pose_id: str,
    *,
    highlight_muscles: bool = False,
    mirrored: bool = False,
    dark: bool = False,
) -> None:
    """Paints a key pose into ``rect`` (no background), e.g. for a printed handout."""
    figure = build(key_pose(pose_id), highlight=highlight_muscles, mirrored=mirrored)
    paint_figure(painter, rect, figure, palette(dark))
