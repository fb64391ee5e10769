"""What the figure rests on (floor, mat, pillow) and the motion hints drawn around it."""

from __future__ import annotations

import math

from upright.core.pose import FLOOR, MAT_TOP, PILLOW_TOP, Pose, skeleton
from upright.core.shapes import Blob, Hull, Line, Point, Rod, Shape

MAT_SPAN = (-112.0, 112.0)  # the mat's ends, cm along the floor, in the side view
PILLOW_LENGTH = 34.0
_CIRCLE_RX, _CIRCLE_RY = 25.0, 6.0  # the hip-circle hint around the pelvis


def floor_shapes(pose: Pose) -> list[Shape]:
    """The ground under the figure: a floor line and a shadow or mat, and the pillow if used."""
    if pose.view == "front":
        x = 0.0
        return [
            Line("floor", "near", ((-60.0, FLOOR), (60.0, FLOOR)), 0.6),
            Blob("shadow", "near", (x, FLOOR), 30.0, 2.6, 0.0),
        ]
    half = MAT_TOP / 2.0
    shapes: list[Shape] = [
        Line("floor", "near", ((-120.0, FLOOR), (124.0, FLOOR)), 0.6),
        Rod("mat", "near", (MAT_SPAN[0], half), (MAT_SPAN[1], half), half, half),
    ]
    if "pillow" in pose.props:
        r = (PILLOW_TOP - MAT_TOP) / 2.0
        x = skeleton(pose).positions["pelvis"][0]
        y = MAT_TOP + r
        shapes.append(Rod("pillow", "near", (x - PILLOW_LENGTH / 2 + r, y), (x + 8.0, y), r, r))
    return shapes


def cue_shapes(pose: Pose, direction: int) -> tuple[list[Shape], list[Shape]]:
    """A motion hint split into what goes behind the body and what goes in front of it.

    The hip circle is a dashed ring around the hips; its front half carries an arrow showing
    the way the hips go round (``direction`` +1: to the picture's right at the front).
    """
    if pose.cue != "hip-circle":
        return [], []
    cy = skeleton(pose).positions["pelvis"][1] + 3.0

    def arc(a0: float, a1: float) -> tuple[Point, ...]:
        steps = 24
        return tuple(
            (
                _CIRCLE_RX * math.cos(math.radians(a0 + (a1 - a0) * i / steps)),
                cy + _CIRCLE_RY * math.sin(math.radians(a0 + (a1 - a0) * i / steps)),
            )
            for i in range(steps + 1)
        )

    behind = Line("cue", "near", arc(0.0, 180.0), 1.1, dashed=True)
    front = Line("cue", "near", arc(180.0, 360.0), 1.1, dashed=True)
    tip_angle = 290.0 if direction > 0 else 250.0
    tip = (_CIRCLE_RX * math.cos(math.radians(tip_angle)),
           cy + _CIRCLE_RY * math.sin(math.radians(tip_angle)))  # fmt: skip
    back = -direction * 5.0
    head = Hull("cue", "near", (tip, (tip[0] + back, tip[1] + 2.6), (tip[0] + back, tip[1] - 2.6)))
    return [behind], [front, head]
