"""The trunk as a tube swept along the spine: it bends where the spine bends.

The trunk is a chain of elliptical cross-sections (each with its own width, front and back
depth) carried by the pelvis, lumbar and thoracic frames. Seen from any side, its outline is
the curve through each section's extremes, so an arched back shows as an arch.
"""

from __future__ import annotations

import math

from upright.core.body import Vec3
from upright.core.kinematics import Skeleton, mat_vec, scale
from upright.core.value import value

Point = tuple[float, float]

# (joint, height in its frame, half-width, depth to the front, depth to the back, part)
STATIONS: tuple[tuple[str, float, float, float, float, str], ...] = (
    ("pelvis", -9.5, 14.5, 8.0, 8.5, "pelvis"),
    ("pelvis", -6.0, 16.5, 10.0, 10.8, "pelvis"),
    ("pelvis", -2.5, 17.0, 10.5, 11.5, "pelvis"),
    ("pelvis", 1.0, 15.5, 10.0, 9.5, "pelvis"),
    ("lumbar", 2.5, 13.8, 10.0, 7.6, "abdomen"),
    ("lumbar", 8.0, 13.0, 10.5, 7.4, "abdomen"),
    ("lumbar", 14.0, 13.6, 11.2, 7.8, "abdomen"),
    ("thorax", 2.0, 14.5, 12.0, 8.4, "chest"),
    ("thorax", 9.0, 15.0, 13.3, 9.2, "chest"),
    ("thorax", 16.0, 15.2, 13.5, 9.4, "chest"),
    ("thorax", 22.0, 15.0, 11.0, 8.8, "chest"),
    ("thorax", 26.0, 12.0, 7.5, 7.2, "chest"),
    ("thorax", 28.5, 7.5, 5.2, 5.2, "chest"),
)
WAIST = 3  # the shirt covers from this section up; the trousers reach one section above it
BACK_BAND = (3, 10)  # the back extensors lie along these sections (sacrum to shoulder blades)


@value
class Section:
    """One elliptical slice of the trunk: world centre and its two half-axes (width, depth)."""

    part: str  # "pelvis", "abdomen" or "chest"
    centre: Vec3
    across: Vec3  # to the person's left, scaled by the half-width
    through: Vec3  # to the front, scaled by half the depth
    group: str = "trunk"

    def lowest(self) -> float:
        return self.centre[1] - math.hypot(self.across[1], self.through[1])

    def extent(self, direction: Point) -> float:
        """Half the section's width as seen along a picture direction (unit)."""
        a = self.across[0] * direction[0] + self.across[1] * direction[1]
        t = self.through[0] * direction[0] + self.through[1] * direction[1]
        return math.hypot(a, t)


def sections(sk: Skeleton, breath: float = 0.0) -> tuple[Section, ...]:
    """The trunk's slices in the world; ``breath`` (-1..1) swells the chest's front a little."""
    out = []
    for joint, y, width, depth_front, back, part in STATIONS:
        front = depth_front * (1.0 + 0.05 * breath) if part == "chest" else depth_front
        frame = sk.frames[joint]
        x_axis, z_axis = mat_vec(frame, (1.0, 0.0, 0.0)), mat_vec(frame, (0.0, 0.0, 1.0))
        centre = sk.point(joint, (0.0, y, (front - back) / 2.0))
        half_depth = (front + back) / 2.0
        out.append(Section(part, centre, scale(x_axis, width), scale(z_axis, half_depth)))
    return tuple(out)


def _smooth(points: list[Point], steps: int = 5) -> list[Point]:
    """A Catmull-Rom curve through the points (ends kept)."""
    if len(points) < 3:
        return points
    padded = [points[0], *points, points[-1]]
    out: list[Point] = []
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        for k in range(steps):
            t = k / steps
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * p1[j]
                        + (-p0[j] + p2[j]) * t
                        + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                        + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3
                    )
                    for j in range(2)
                )
            )
    out.append(points[-1])
    return out


def _normals(slices: tuple[Section, ...]) -> list[Point]:
    """At each slice, the picture direction square to the spine's course."""
    out = []
    for i in range(len(slices)):
        a = slices[max(i - 1, 0)].centre
        b = slices[min(i + 1, len(slices) - 1)].centre
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1.0
        out.append((-dy / length, dx / length))
    return out


def _cap(a: Point, b: Point, bulge: Point) -> list[Point]:
    """A rounded end from ``a`` to ``b`` pushed out by ``bulge`` in the middle."""
    mid = ((a[0] + b[0]) / 2 + 2 * bulge[0], (a[1] + b[1]) / 2 + 2 * bulge[1])
    out = []
    for k in range(1, 8):
        t = k / 8
        out.append(
            (
                (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * mid[0] + t * t * b[0],
                (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * mid[1] + t * t * b[1],
            )
        )
    return out


def outline(
    slices: tuple[Section, ...], first: int, last: int, ends: tuple[float, float]
) -> tuple[Point, ...]:
    """The outline of slices ``first``..``last`` as a closed polygon; ``ends`` is how far the
    bottom and the top end bulge out (cm)."""
    part = slices[first : last + 1]
    normals = _normals(slices)[first : last + 1]
    left = [
        (s.centre[0] + n[0] * s.extent(n), s.centre[1] + n[1] * s.extent(n))
        for s, n in zip(part, normals, strict=True)
    ]
    right = [
        (s.centre[0] - n[0] * s.extent(n), s.centre[1] - n[1] * s.extent(n))
        for s, n in zip(part, normals, strict=True)
    ]
    left, right = _smooth(left), _smooth(right)
    along = _unit(_sub2(part[-1].centre, part[0].centre))
    low, high = ends
    top = _cap(left[-1], right[-1], (along[0] * high, along[1] * high))
    bottom = _cap(right[0], left[0], (-along[0] * low, -along[1] * low))
    return (*left, *top, *reversed(right), *bottom)


def back_line(slices: tuple[Section, ...], inset: float) -> tuple[Point, ...]:
    """A line ``inset`` cm inside the outline of the back, along the extensors; empty when the
    back is not at the outline (the body faces the viewer or turns away)."""
    first, last = BACK_BAND
    normals = _normals(slices)
    points = []
    for s, n in zip(slices[first : last + 1], normals[first : last + 1], strict=True):
        back = (-s.through[0], -s.through[1])
        depth = math.hypot(*back)
        if depth < 1e-9 or abs(back[0] * n[0] + back[1] * n[1]) / depth < 0.8:
            return ()
        side = 1.0 if back[0] * n[0] + back[1] * n[1] > 0 else -1.0
        reach = s.extent(n) - inset
        points.append((s.centre[0] + side * n[0] * reach, s.centre[1] + side * n[1] * reach))
    return tuple(_smooth(points))


def _sub2(a: Vec3, b: Vec3) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def _unit(p: Point) -> Point:
    length = math.hypot(*p) or 1.0
    return (p[0] / length, p[1] / length)
