"""Flat shapes in the picture plane (cm, y up) and the outline geometry both renderers share."""

from __future__ import annotations

import math

from upright.core.value import replace, value

Point = tuple[float, float]


@value
class Rod:
    """A rounded limb: the hull of a circle at ``a`` (radius ``ra``) and one at ``b``."""

    role: str
    tone: str
    a: Point
    b: Point
    ra: float
    rb: float


@value
class Blob:
    """An ellipse; ``angle`` (degrees, anticlockwise) turns its x radius from the x axis."""

    role: str
    tone: str
    centre: Point
    rx: float
    ry: float
    angle: float


@value
class Hull:
    """A filled polygon."""

    role: str
    tone: str
    points: tuple[Point, ...]


@value
class Line:
    """A stroked polyline (``width`` in cm), optionally dashed or closed."""

    role: str
    tone: str
    points: tuple[Point, ...]
    width: float
    dashed: bool = False
    closed: bool = False


Shape = Rod | Blob | Hull | Line


@value
class MoveTo:
    to: Point


@value
class LineTo:
    to: Point


@value
class ArcTo:
    """A circular arc around ``centre`` from angle ``start`` turning ``sweep`` degrees
    (anticlockwise when positive) and ending at ``to``."""

    centre: Point
    radius: float
    start: float
    sweep: float
    to: Point


PathOp = MoveTo | LineTo | ArcTo


def _on(centre: Point, r: float, deg: float) -> Point:
    rad = math.radians(deg)
    return (centre[0] + r * math.cos(rad), centre[1] + r * math.sin(rad))


def rod_path(rod: Rod) -> tuple[PathOp, ...]:
    """The rod's closed outline: two tangent lines and two arcs (a circle when one end hides
    the other)."""
    dx, dy = rod.b[0] - rod.a[0], rod.b[1] - rod.a[1]
    d = math.hypot(dx, dy)
    if d + min(rod.ra, rod.rb) <= max(rod.ra, rod.rb) + 1e-9:
        c, r = (rod.a, rod.ra) if rod.ra >= rod.rb else (rod.b, rod.rb)
        return (MoveTo(_on(c, r, 0)), ArcTo(c, r, 0, -180, _on(c, r, 180)),
                ArcTo(c, r, 180, -180, _on(c, r, 360)))  # fmt: skip
    phi = math.degrees(math.atan2(dy, dx))
    alpha = math.degrees(math.acos(max(-1.0, min(1.0, (rod.ra - rod.rb) / d))))
    return (
        MoveTo(_on(rod.a, rod.ra, phi + alpha)),
        LineTo(_on(rod.b, rod.rb, phi + alpha)),
        ArcTo(rod.b, rod.rb, phi + alpha, -2 * alpha, _on(rod.b, rod.rb, phi - alpha)),
        LineTo(_on(rod.a, rod.ra, phi - alpha)),
        ArcTo(rod.a, rod.ra, phi - alpha, -(360 - 2 * alpha), _on(rod.a, rod.ra, phi + alpha)),
    )


def rod_points(rod: Rod, step_deg: float = 4.0) -> list[Point]:
    """Points around both end circles (a rod lies within their hull)."""
    n = int(360 / step_deg)
    return [
        _on(c, r, i * step_deg) for c, r in ((rod.a, rod.ra), (rod.b, rod.rb)) for i in range(n)
    ]


def blob_points(blob: Blob, step_deg: float = 4.0) -> list[Point]:
    rad = math.radians(blob.angle)
    cos_a, sin_a = math.cos(rad), math.sin(rad)
    out = []
    for i in range(int(360 / step_deg)):
        t = math.radians(i * step_deg)
        x, y = blob.rx * math.cos(t), blob.ry * math.sin(t)
        out.append((blob.centre[0] + x * cos_a - y * sin_a, blob.centre[1] + x * sin_a + y * cos_a))
    return out


def _flip(p: Point) -> Point:
    return (-p[0], p[1])


def flipped(shape: Shape) -> Shape:
    """The shape mirrored left-right about x = 0."""
    if isinstance(shape, Rod):
        return replace(shape, a=_flip(shape.a), b=_flip(shape.b))
    if isinstance(shape, Blob):
        return replace(shape, centre=_flip(shape.centre), angle=-shape.angle)
    return replace(shape, points=tuple(_flip(p) for p in reversed(shape.points)))


def bounds(shapes: tuple[Shape, ...]) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of every shape's outline."""
    pts: list[Point] = []
    for s in shapes:
        if isinstance(s, Rod):
            pts.extend(rod_points(s, 10.0))
        elif isinstance(s, Blob):
            pts.extend(blob_points(s, 10.0))
        else:
            pts.extend(s.points)
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)
