"""A pose of the illustrated figure as data, the blend between two poses, and anatomical checks."""

from __future__ import annotations

import math
from functools import lru_cache

from upright.core.body import (
    FOREARM,
    INDEX,
    JOINTS,
    PARENT,
    SHIN,
    SIDE,
    SPINE,
    THIGH,
    UPPER_ARM,
    Vec3,
    limits_for,
)
from upright.core.kinematics import (
    Angles,
    Skeleton,
    add,
    forward,
    joint_rotation,
    lerp3,
    mat_mul,
    mat_vec,
    root_rotation,
    sub,
    swing_angles,
    transpose,
    two_bone,
    unit,
)
from upright.core.value import replace, value

# Heights of what the figure rests on, in cm above the floor.
FLOOR = 0.0
MAT_TOP = 2.0
PILLOW_TOP = MAT_TOP + 9.0
SUPPORT_HEIGHT = {"floor": FLOOR, "mat": MAT_TOP, "pillow": PILLOW_TOP}

# Each limb by the part at its end: top, middle and end joints, bone lengths, knee-like.
LIMB_JOINTS = {
    "hand_l": ("shoulder_l", "elbow_l", "wrist_l", UPPER_ARM, FOREARM, False),
    "hand_r": ("shoulder_r", "elbow_r", "wrist_r", UPPER_ARM, FOREARM, False),
    "foot_l": ("hip_l", "knee_l", "ankle_l", THIGH, SHIN, True),
    "foot_r": ("hip_r", "knee_r", "ankle_r", THIGH, SHIN, True),
}


@value
class Pose:
    """Where the figure is and how each joint is bent.

    ``view`` is "side" (the body seen from its side, lying or kneeling on the mat) or "front"
    (standing, facing the viewer). ``contacts`` names the body parts that rest on a support
    ("floor", "mat" or "pillow"); the first one is what the pose was placed on. ``props`` is
    the scenery drawn with it; ``cue`` an optional motion hint drawn with it.
    """

    view: str
    root: Vec3
    orientation: tuple[float, float, float]  # heading, pitch, roll (see root_rotation)
    angles: tuple[Angles, ...]  # one (flex, abd, twist) per body.JOINTS entry
    contacts: tuple[tuple[str, str], ...] = ()
    props: tuple[str, ...] = ()
    cue: str = ""

    def angle(self, joint: str) -> Angles:
        return self.angles[INDEX[joint]]

    def with_angle(self, joint: str, angles: Angles) -> Pose:
        new = list(self.angles)
        new[INDEX[joint]] = angles
        return replace(self, angles=tuple(new))

    def touches(self, part: str) -> bool:
        return any(p == part for p, _ in self.contacts)


@lru_cache(maxsize=256)
def skeleton(pose: Pose) -> Skeleton:
    """The pose's joints placed in the world."""
    return forward(pose.root, root_rotation(*pose.orientation), pose.angles)


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def interpolate(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` (0..1) of the way from ``a`` to ``b``.

    Angles and the placement move linearly. A hand or foot planted on the floor in both poses
    stays on the floor along a straight path instead of swinging through it: its limb is solved
    for the in-between position, so a press-up keeps its hands where they were put.
    """
    if a.view != b.view:
        raise ValueError(f"cannot blend a {a.view} view into a {b.view} view")
    t = min(1.0, max(0.0, t))
    if t == 0.0:
        return a
    if t == 1.0:
        return b
    angles = tuple(
        (_lerp(x[0], y[0], t), _lerp(x[1], y[1], t), _lerp(x[2], y[2], t))
        for x, y in zip(a.angles, b.angles, strict=True)
    )
    blended = Pose(
        view=a.view,
        root=lerp3(a.root, b.root, t),
        orientation=(
            _lerp(a.orientation[0], b.orientation[0], t),
            _lerp(a.orientation[1], b.orientation[1], t),
            _lerp(a.orientation[2], b.orientation[2], t),
        ),
        angles=angles,
        contacts=a.contacts if t < 0.5 else b.contacts,
        props=a.props if t < 0.5 else b.props,
        cue=a.cue or b.cue,
    )
    if a.orientation != b.orientation:
        return blended  # the body turns: nothing stays planted
    ska, skb = skeleton(a), skeleton(b)
    for part, (top, middle, end, upper, *_rest) in LIMB_JOINTS.items():
        if not (a.touches(part) and b.touches(part)):
            continue
        mid = lerp3(ska.positions[middle], skb.positions[middle], t)
        tip = lerp3(ska.positions[end], skb.positions[end], t)
        if a.touches("forearm" + part[4:]) and b.touches("forearm" + part[4:]):
            # The whole forearm stays on the floor: the elbow slides along it, out to the side
            # as far as the upper arm's length needs, and the wrist follows it.
            mid = _elbow_on_floor(skeleton(blended).positions[top], mid, upper)
            tip = add(mid, lerp3(sub(ska.positions[end], ska.positions[middle]),
                                 sub(skb.positions[end], skb.positions[middle]), t))  # fmt: skip
        point = lerp3(end_direction(a, part), end_direction(b, part), t)
        blended = reach(blended, part, tip, mid, point)
    return blended


def _elbow_on_floor(shoulder: Vec3, elbow: Vec3, upper: float) -> Vec3:
    """The elbow moved sideways (keeping its side) so the upper arm keeps its length."""
    dx, dy = elbow[0] - shoulder[0], elbow[1] - shoulder[1]
    lateral = math.sqrt(max(upper * upper - dx * dx - dy * dy, 0.0))
    side = 1.0 if elbow[2] >= shoulder[2] else -1.0
    return (elbow[0], elbow[1], shoulder[2] + side * lateral)


def end_direction(pose: Pose, part: str) -> Vec3:
    """The world direction a hand (wrist to fingertips) or a foot (heel to toes) points."""
    end = LIMB_JOINTS[part][2]
    local: Vec3 = (0.0, -1.0, 0.0) if part.startswith("hand") else (0.0, 0.0, 1.0)
    return mat_vec(skeleton(pose).frames[end], local)


def reach(pose: Pose, part: str, target: Vec3, pole: Vec3, direction: Vec3 | None = None) -> Pose:
    """The pose with one limb solved to put its wrist or ankle on ``target`` (world cm).

    The elbow or knee bends towards the world point ``pole``; the hand or foot then turns, as
    far as its joints allow, to point along ``direction`` (unchanged when None).
    """
    top, middle, end, upper, lower, backward = LIMB_JOINTS[part]
    sk = skeleton(pose)  # a limb never moves its own parent: one placement serves throughout
    parent = sk.frames[PARENT[top] or "pelvis"]
    origin = sk.positions[top]
    top_angles, middle_flex = two_bone(
        mat_vec(transpose(parent), sub(target, origin)),
        mat_vec(transpose(parent), sub(pole, origin)),
        upper,
        lower,
        side=SIDE[top],
        backward=backward,
    )
    pose = pose.with_angle(top, top_angles).with_angle(middle, (middle_flex, 0.0, 0.0))
    if direction is None:
        return pose
    upper_frame = mat_mul(parent, joint_rotation(top, top_angles))
    lower_frame = mat_mul(upper_frame, joint_rotation(middle, (middle_flex, 0.0, 0.0)))
    limits = limits_for(end)
    x, y, z = unit(mat_vec(transpose(lower_frame), direction))
    if part.startswith("foot"):  # the ankle is a hinge here: it only points the foot
        flex = _clamp(math.degrees(math.atan2(y, z)), limits.flex)
        return pose.with_angle(end, (flex, 0.0, 0.0))
    # The forearm turns (pronation) to bring the hand's line into the wrist's bending plane;
    # what the turn cannot do, the wrist does by deviating sideways.
    smallest = math.atan2(-x * math.copysign(1.0, z), abs(z))  # the wrist may flex or extend
    turn = _clamp(SIDE[middle] * math.degrees(smallest), limits_for(middle).twist)
    pose = pose.with_angle(middle, (middle_flex, 0.0, turn))
    lower_frame = mat_mul(upper_frame, joint_rotation(middle, (middle_flex, 0.0, turn)))
    flex, deviation = swing_angles(mat_vec(transpose(lower_frame), direction), SIDE[end])
    return pose.with_angle(end, (_clamp(flex, limits.flex), _clamp(deviation, limits.abd), 0.0))


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    return min(max(value, bounds[0]), bounds[1])


def limit_violations(pose: Pose) -> list[str]:
    """Every joint angle outside its anatomical range, in words (empty when all are fine)."""
    problems = []
    for joint in JOINTS:
        limits = limits_for(joint)
        for name, angle, (low, high) in zip(
            ("flex", "abd", "twist"), pose.angle(joint), limits, strict=True
        ):
            if not low - 1e-6 <= angle <= high + 1e-6:
                problems.append(f"{joint} {name} {angle:.1f} outside {low:g}..{high:g}")
    return problems


def spinal_flexion(pose: Pose) -> float:
    """The largest flexion of any spinal joint (neck and head included); > 0 means flexed."""
    return max(pose.angle(joint)[0] for joint in SPINE)
