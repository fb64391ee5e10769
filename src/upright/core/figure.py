"""A pose drawn: the figure's volumes projected to flat, layered shapes with colour roles.

The picture plane is the world's x (right) and y (up), in cm; the viewer looks down -z. Each
shape has a ``role`` (what it is made of: "skin", "top", "bottom", "hair", "eye", "muscle",
"mat", "pillow", "floor", "shadow", "cue") and a ``tone`` ("near" or "far": limbs on the far
side of the body are drawn darker so depth reads). Shapes come back-to-front.
"""

from __future__ import annotations

import math
from functools import lru_cache

from upright.core.body import Vec3
from upright.core.kinematics import Mat3
from upright.core.pose import Pose, skeleton
from upright.core.scenery import cue_shapes, floor_shapes
from upright.core.shapes import Blob, Hull, Line, Rod, Shape, flipped
from upright.core.solids import Capsule, Ellipsoid, Solid, solids
from upright.core.trunk import WAIST, Section, back_line, outline
from upright.core.value import value

# What the picture shows for each view: (left, bottom, width, height) in cm.
BOXES: dict[str, tuple[float, float, float, float]] = {
    "side": (-120.0, -7.0, 244.0, 106.0),
    "front": (-84.0, -9.0, 168.0, 224.0),
}
_FAR_MARGIN = 4.0  # cm behind the body's middle before a limb counts as the far one
_MUSCLE_WIDTH, _MUSCLE_HALO = 3.6, 1.0  # the highlighted extensors, cm
_HEAD_ORDER = ("neck", "hair", "bun", "head", "fringe", "ear_l", "ear_r", "nose", "eye_l", "eye_r")
_SHIRT = ("collar", "shoulder_cap_l", "shoulder_cap_r")  # drawn over the trunk, in the top


@value
class Figure:
    """Everything to draw for one moment, back to front, and the box it is framed in."""

    shapes: tuple[Shape, ...]
    box: tuple[float, float, float, float]


def project(solid: Capsule | Ellipsoid, role: str, tone: str) -> Shape:
    """The outline of a volume seen along -z (exact for spheres, capsules and ellipsoids)."""
    if isinstance(solid, Capsule):
        return Rod(role, tone, solid.a[:2], solid.b[:2], solid.ra, solid.rb)
    return _ellipse(solid.centre, solid.axes, role, tone)


def _ellipse(centre: Vec3, axes: Mat3, role: str, tone: str) -> Blob:
    # The image of the unit sphere under the x, y rows of ``axes`` has shape matrix A A^T.
    xx = sum(v * v for v in axes[0])
    yy = sum(v * v for v in axes[1])
    xy = sum(u * v for u, v in zip(axes[0], axes[1], strict=True))
    mean, diff = (xx + yy) / 2.0, math.hypot((xx - yy) / 2.0, xy)
    angle = 0.5 * math.degrees(math.atan2(2.0 * xy, xx - yy))
    return Blob(
        role, tone, centre[:2], math.sqrt(mean + diff), math.sqrt(max(mean - diff, 0)), angle
    )


def _facing(pose: Pose, joint: str, column: int) -> float:
    """How much a joint's local axis (0 x, 1 y, 2 z) points at the viewer (-1..1)."""
    return skeleton(pose).frames[joint][2][column]


def _visible(pose: Pose, part: str) -> bool:
    front = _facing(pose, "head", 2)
    if part in ("ear_l", "eye_l"):
        side = _facing(pose, "head", 0)
    elif part in ("ear_r", "eye_r"):
        side = -_facing(pose, "head", 0)
    else:
        return part != "nose" or abs(front) < 0.8
    return side > 0.3 and (part.startswith("ear") or abs(front) < 0.7)


@lru_cache(maxsize=128)
def build(pose: Pose, *, highlight: bool = False, breath: float = 0.0, mirrored: bool = False,
          cue_direction: int = 1) -> Figure:  # fmt: skip
    """The pose as shapes. ``highlight`` marks the back extensors; ``cue_direction`` (+1/-1)
    is the way a drawn motion cue turns."""
    every = solids(pose, breath)
    parts = {s.part: s for s in every if not isinstance(s, Section)}  # named volumes
    groups: dict[str, list[Solid]] = {}
    for solid in every:
        groups.setdefault(solid.group, []).append(solid)
    body_depth = skeleton(pose).positions["thorax"][2]
    cue_behind, cue_front = cue_shapes(pose, cue_direction)
    shapes: list[Shape] = [*floor_shapes(pose), *cue_behind]

    limbs = [g for g in groups if g.startswith(("arm", "leg"))]
    depth = {g: sum(_mid_depth(s) for s in groups[g]) / len(groups[g]) for g in limbs}
    far = {g for g in limbs if depth[g] < body_depth - _FAR_MARGIN or _behind_partner(g, depth)}
    # Legs always go under the trunk (the trousers merge); arms only when on the far side.
    behind = sorted(
        (g for g in limbs if g.startswith("leg") or depth[g] < body_depth - _FAR_MARGIN),
        key=lambda g: depth[g],
    )
    in_front = sorted((g for g in limbs if g not in behind), key=lambda g: depth[g])

    for group in behind:
        shapes.extend(_limb(groups[group], "far" if group in far else "near"))
    slices = tuple(s for s in groups["trunk"] if isinstance(s, Section))
    shapes.append(Hull("bottom", "near", outline(slices, 0, WAIST + 1, ends=(4.0, 0.0))))
    shapes.append(Hull("top", "near", outline(slices, WAIST, len(slices) - 1, ends=(0.6, 1.5))))
    shapes.extend(project(parts[n], "top", "near") for n in _SHIRT)
    if highlight:
        shapes.extend(_extensors(slices))
    for name in _HEAD_ORDER:
        if _visible(pose, name):
            shapes.append(project(parts[name], parts[name].material, "near"))
    for group in in_front:
        shapes.extend(_limb(groups[group], "far" if group in far else "near"))
    shapes.extend(cue_front)
    box = BOXES[pose.view]
    if not mirrored:
        return Figure(tuple(shapes), box)
    return Figure(tuple(flipped(s) for s in shapes), (-box[0] - box[2], *box[1:]))


def _mid_depth(solid: Solid) -> float:
    if isinstance(solid, Capsule):
        return (solid.a[2] + solid.b[2]) / 2.0
    return solid.centre[2]


def _behind_partner(group: str, depth: dict[str, float]) -> bool:
    partner = group[:-1] + ("r" if group.endswith("l") else "l")
    return depth[group] < depth.get(partner, depth[group]) - 2.0 * _FAR_MARGIN


def _limb(parts: list[Solid], tone: str) -> list[Shape]:
    order = ("thigh", "shin", "upper_arm", "forearm", "hand", "sleeve", "foot", "sole", "forefoot")
    ranked = sorted(parts, key=lambda s: order.index(s.part[:-2]))
    return [project(s, s.material, tone) for s in ranked if not isinstance(s, Section)]


def _extensors(slices: tuple[Section, ...]) -> list[Shape]:
    """The back extensors, working: a band just inside the back's outline from the sacrum to
    the shoulder blades, drawn as a soft-coloured halo and the muscle itself."""
    band = back_line(slices, _MUSCLE_WIDTH / 2 + _MUSCLE_HALO + 0.5)
    if len(band) < 2:
        return []
    return [Line("muscle", "far", band, _MUSCLE_WIDTH + 2 * _MUSCLE_HALO),
            Line("muscle", "near", band, _MUSCLE_WIDTH)]  # fmt: skip
