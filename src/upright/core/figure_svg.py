"""Writes a drawn figure as a small, self-contained SVG document (deterministic text)."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from upright.core.figure import Figure
from upright.core.illustration import describe, static_figure
from upright.core.palette import Palette, palette
from upright.core.shapes import ArcTo, Blob, Hull, Line, LineTo, MoveTo, Rod, Shape, rod_path


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class _Flip:
    """World cm (y up) to SVG user units (y down) within the figure's box."""

    def __init__(self, box: tuple[float, float, float, float]) -> None:
        self.top = box[1] + box[3]

    def p(self, point: tuple[float, float]) -> str:
        return f"{_n(point[0])} {_n(self.top - point[1])}"


def _fill(colour: str) -> str:
    if len(colour) == 9:  # #rrggbbaa: SVG 1.1 wants the alpha apart
        return f'fill="{colour[:7]}" fill-opacity="{_n(int(colour[7:], 16) / 255)}"'
    return f'fill="{colour}"'


def _rod(rod: Rod, flip: _Flip) -> str:
    parts = []
    for op in rod_path(rod):
        if isinstance(op, MoveTo):
            parts.append(f"M{flip.p(op.to)}")
        elif isinstance(op, LineTo):
            parts.append(f"L{flip.p(op.to)}")
        elif isinstance(op, ArcTo):
            large = 1 if abs(op.sweep) > 180 else 0
            clockwise = 1 if op.sweep < 0 else 0  # clockwise on screen once y points down
            parts.append(f"A{_n(op.radius)} {_n(op.radius)} 0 {large} {clockwise} {flip.p(op.to)}")
    return "".join(parts) + "Z"


def _shape(shape: Shape, palette: Palette, flip: _Flip) -> str:
    colour = palette.colour(shape.role, shape.tone)
    if isinstance(shape, Rod):
        return f'<path {_fill(colour)} d="{_rod(shape, flip)}"/>'
    if isinstance(shape, Blob):
        cx, cy = flip.p(shape.centre).split()
        turn = (
            f' transform="rotate({_n(-shape.angle)} {cx} {cy})"' if _n(shape.angle) != "0" else ""
        )
        return (
            f'<ellipse {_fill(colour)} cx="{cx}" cy="{cy}" rx="{_n(shape.rx)}" '
            f'ry="{_n(shape.ry)}"{turn}/>'
        )
    points = " ".join(flip.p(p) for p in shape.points)
    if isinstance(shape, Hull):
        return f'<polygon {_fill(colour)} points="{points}"/>'
    assert isinstance(shape, Line)
    tag = "polygon" if shape.closed else "polyline"
    dash = (
        f' stroke-dasharray="{_n(shape.width * 2.6)} {_n(shape.width * 2.2)}"'
        if shape.dashed
        else ""
    )
    return (
        f'<{tag} fill="none" stroke="{colour}" stroke-width="{_n(shape.width)}" '
        f'stroke-linecap="round" stroke-linejoin="round"{dash} points="{points}"/>'
    )


def to_svg(
    figure: Figure,
    palette: Palette,
    *,
    title: str,
    description: str,
    width_px: int = 480,
    background: bool = False,
) -> str:
    """The figure as SVG text: ``title`` and ``description`` are its text alternative."""
    left, _, width, height = figure.box
    flip = _Flip(figure.box)
    height_px = round(width_px * height / width)
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width_px}" height="{height_px}" '
        f'viewBox="{_n(left)} 0 {_n(width)} {_n(height)}" role="img" '
        f'aria-labelledby="title desc">',
        f'<title id="title">{escape(title)}</title>',
        f'<desc id="desc">{escape(description)}</desc>',
    ]
    if background:
        lines.append(
            f'<rect fill={quoteattr(palette.background)} x={quoteattr(_n(left))} y="0" '
            f'width="{_n(width)}" height="{_n(height)}"/>'
        )
    lines.extend(_shape(shape, palette, flip) for shape in figure.shapes)
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def illustration_svg(pose_id: str, title: str) -> str:
    """The shipped SVG of a key pose: light colours on their background, with its words."""
    return to_svg(static_figure(pose_id), palette(False), title=title,
                  description=describe(pose_id), background=True)  # fmt: skip
