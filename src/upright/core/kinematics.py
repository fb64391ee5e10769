"""Forward kinematics: joint angles and a root placement to world positions and frames (3-D)."""

from __future__ import annotations

import math

from upright.core.body import BACKWARD_HINGES, JOINTS, OFFSET, PARENT, SIDE, SPINE, Vec3
from upright.core.value import value

Mat3 = tuple[Vec3, Vec3, Vec3]  # rows
Angles = tuple[float, float, float]  # flex, abd, twist in degrees


def add(a: Vec3, b: Vec3) -> Vec3:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec3, b: Vec3) -> Vec3:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec3, k: float) -> Vec3:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec3, b: Vec3) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def norm(a: Vec3) -> float:
    return math.sqrt(dot(a, a))


def lerp3(a: Vec3, b: Vec3, t: float) -> Vec3:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def mat_vec(m: Mat3, v: Vec3) -> Vec3:
    (a, b, c), (d, e, f), (g, h, i) = m
    return (a * v[0] + b * v[1] + c * v[2], d * v[0] + e * v[1] + f * v[2],
            g * v[0] + h * v[1] + i * v[2])  # fmt: skip


def mat_mul(m: Mat3, n: Mat3) -> Mat3:
    (a, b, c), (d, e, f), (g, h, i) = m
    (p, q, r), (s, t, u), (v, w, x) = n
    return (
        (a * p + b * s + c * v, a * q + b * t + c * w, a * r + b * u + c * x),
        (d * p + e * s + f * v, d * q + e * t + f * w, d * r + e * u + f * x),
        (g * p + h * s + i * v, g * q + h * t + i * w, g * r + h * u + i * x),
    )


def transpose(m: Mat3) -> Mat3:
    return ((m[0][0], m[1][0], m[2][0]), (m[0][1], m[1][1], m[2][1]), (m[0][2], m[1][2], m[2][2]))


def rot_x(deg: float) -> Mat3:
    """Turns +y towards +z."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def rot_y(deg: float) -> Mat3:
    """Turns +z towards +x."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def rot_z(deg: float) -> Mat3:
    """Turns +x towards +y."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def root_rotation(heading: float, pitch: float, roll: float) -> Mat3:
    """The pelvis's orientation in the world.

    The world has x to the right of the picture, y up and z towards the viewer. ``heading``
    turns the body about the vertical (0 faces the viewer, 90 faces right), ``pitch`` tips it
    face-down (90 lies prone), ``roll`` turns it about its own long axis.
    """
    return mat_mul(rot_y(heading), mat_mul(rot_x(pitch), rot_y(roll)))


def joint_rotation(joint: str, angles: Angles) -> Mat3:
    """A joint's rotation in its parent's frame, from anatomical angles."""
    flex, abd, twist = angles
    if joint in SPINE:
        # Spinal flexion bends the column to the front (+z); a positive bend goes to the left.
        return mat_mul(rot_z(-abd), mat_mul(rot_x(flex), rot_y(twist)))
    side = SIDE[joint]
    if joint.startswith("ankle"):
        return rot_x(-flex)  # dorsiflexion lifts the toes
    if joint in BACKWARD_HINGES:
        return rot_x(flex)
    # Positive twist is internal rotation: it turns the limb's front towards the midline.
    # Flexion turns the limb's plane, abduction lifts it out of the body's sagittal plane.
    return mat_mul(rot_x(-flex), mat_mul(rot_z(side * abd), rot_y(-side * twist)))


@value
class Skeleton:
    """World position and frame of the root (``"pelvis"``) and of every joint."""

    positions: dict[str, Vec3]
    frames: dict[str, Mat3]

    def point(self, joint: str, local: Vec3) -> Vec3:
        """A point given in a joint's frame, in world coordinates."""
        return add(self.positions[joint], mat_vec(self.frames[joint], local))


def forward(root: Vec3, root_rot: Mat3, angles: tuple[Angles, ...]) -> Skeleton:
    """Places every joint, parents first, from the root placement and the joint angles."""
    positions: dict[str, Vec3] = {"pelvis": root}
    frames: dict[str, Mat3] = {"pelvis": root_rot}
    for joint, joint_angles in zip(JOINTS, angles, strict=True):
        parent = PARENT[joint] or "pelvis"
        frame = frames[parent]
        positions[joint] = add(positions[parent], mat_vec(frame, OFFSET[joint]))
        frames[joint] = mat_mul(frame, joint_rotation(joint, joint_angles))
    return Skeleton(positions, frames)


def cross(a: Vec3, b: Vec3) -> Vec3:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def unit(a: Vec3) -> Vec3:
    length = norm(a)
    return scale(a, 1.0 / length) if length > 1e-12 else (0.0, -1.0, 0.0)


def two_bone(
    to_target: Vec3, to_pole: Vec3, upper: float, lower: float, *, side: int, backward: bool
) -> tuple[Angles, float]:
    """Angles of a limb's top joint and its middle joint's flexion that put its end on a target.

    Vectors are from the top joint, in its parent's frame. The middle joint (elbow, knee) bends
    towards ``to_pole``; a target out of reach gives the straight limb pointing at it.
    """
    dist = min(max(norm(to_target), abs(upper - lower) + 1e-6), upper + lower - 1e-6)
    along = unit(to_target)
    # The middle joint sits on the circle where both bones meet, on the pole's side.
    sideways = sub(to_pole, scale(along, dot(to_pole, along)))
    if norm(sideways) < 1e-9:
        sideways = cross(along, (1.0, 0.0, 0.0))
    sideways = unit(sideways)
    cos_top = (upper * upper + dist * dist - lower * lower) / (2.0 * upper * dist)
    sin_top = math.sqrt(max(0.0, 1.0 - cos_top * cos_top))
    up_dir = add(scale(along, cos_top), scale(sideways, sin_top))
    low_dir = unit(sub(scale(along, dist), scale(up_dir, upper)))
    flex, abd = swing_angles(up_dir, side)
    swing = mat_mul(rot_x(-flex), rot_z(side * abd))
    v = mat_vec(transpose(swing), low_dir)
    middle = math.degrees(math.acos(max(-1.0, min(1.0, -v[1]))))
    if middle < 1e-3:
        return (flex, abd, 0.0), 0.0
    turn = math.atan2(-v[0], -v[2]) if backward else math.atan2(v[0], v[2])
    twist = -side * math.degrees(turn)
    return (flex, abd, twist), middle


def swing_angles(direction: Vec3, side: int) -> tuple[float, float]:
    """Flexion and abduction that point a hanging limb (0, -1, 0) along ``direction``.

    Inverts Rx(-flex) Rz(side * abd); stable everywhere except straight out to the side.
    """
    x, y, z = unit(direction)
    abd = math.degrees(math.asin(max(-1.0, min(1.0, side * x))))
    return math.degrees(math.atan2(z, -y)), abd
