"""Tools for stating a pose by intent: set angles, then solve the few that make contacts exact."""

from __future__ import annotations

import math
from collections.abc import Callable

from upright.core.body import JOINTS, Vec3, limits_for
from upright.core.kinematics import Angles, add, cross, dot, scale, sub, unit
from upright.core.pose import LIMB_JOINTS, MAT_TOP, Pose, reach, skeleton
from upright.core.solids import part_lowest, placed


def make(
    view: str,
    orientation: tuple[float, float, float],
    contacts: tuple[tuple[str, str], ...],
    *,
    props: tuple[str, ...] = (),
    cue: str = "",
    x: float = 0.0,
    **joints: tuple[float, ...],
) -> Pose:
    """A placed pose from the joints that are not at zero; a name without _l/_r sets both."""
    angles: dict[str, Angles] = {}
    for name, values in joints.items():
        full = (*values, 0.0, 0.0, 0.0)[:3]
        for joint in [name] if name in JOINTS else [f"{name}_l", f"{name}_r"]:
            angles[joint] = (full[0], full[1], full[2])
    pose = Pose(
        view=view,
        root=(x, 0.0, 0.0),
        orientation=orientation,
        angles=tuple(angles.get(j, (0.0, 0.0, 0.0)) for j in JOINTS),
        contacts=contacts,
        props=props,
        cue=cue,
    )
    return placed(pose)


def solve(f: Callable[[float], float], lo: float, hi: float) -> float:
    """Where the monotonic ``f`` crosses zero in [lo, hi] (bisection, so deterministic)."""
    f_lo = f(lo)
    for _ in range(32):
        mid = (lo + hi) / 2.0
        f_mid = f(mid)
        if (f_mid > 0) == (f_lo > 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return (lo + hi) / 2.0


def set_flex(pose: Pose, joint: str, flex: float) -> Pose:
    """The pose with one joint's flexion changed (both sides for a name without _l/_r)."""
    for name in [joint] if joint in JOINTS else [f"{joint}_l", f"{joint}_r"]:
        pose = pose.with_angle(name, (flex, *pose.angle(name)[1:]))
    return placed(pose)


def touch(pose: Pose, joint: str, part: str, height: float, within: tuple[float, float]) -> Pose:
    """The flexion of ``joint`` (``within`` a range) that brings ``part`` to rest at ``height``."""
    flex = solve(lambda v: part_lowest(set_flex(pose, joint, v), part) - height, *within)
    return set_flex(pose, joint, flex)


def extend(pose: Pose, amount: float, neck: float = 0.0) -> Pose:
    """Spinal extension of ``amount`` degrees shared by the lower and upper back, and the neck's
    own extension; the spine never flexes."""
    pose = pose.with_angle("lumbar", (-0.55 * amount, 0.0, 0.0))
    pose = pose.with_angle("thorax", (-0.45 * amount, 0.0, 0.0))
    return placed(pose.with_angle("neck", (-neck, 0.0, 0.0)))


def at(pose: Pose, joint: str) -> Vec3:
    """A joint's world position."""
    return skeleton(pose).positions[joint]


def _excess(joint: str, angles: tuple[float, float, float]) -> float:
    """How many degrees, in all, a joint's angles lie outside its range."""
    total = 0.0
    for value, (low, high) in zip(angles, limits_for(joint), strict=True):
        total += max(low - value, 0.0) + max(value - high, 0.0)
    return total


def rest_limb(
    pose: Pose,
    part: str,
    target: Vec3,
    *,
    lean: Vec3 | None = None,
    point: Vec3 | None = None,
    flat: bool = False,
) -> Pose:
    """Puts a wrist or ankle on ``target``, choosing the elbow or knee position around the limb's
    axis that is anatomically easiest: inside the joints' ranges, little twist, above the
    floor, and (if given) towards ``lean``. The hand or foot then points along ``point``, or
    with ``flat`` lies flat on the floor continuing the forearm's line."""
    top, middle, *_ = LIMB_JOINTS[part]
    origin = at(pose, top)
    axis = sub(target, origin)
    helper: Vec3 = (0.0, 1.0, 0.0) if abs(unit(axis)[1]) < 0.9 else (1.0, 0.0, 0.0)
    u = unit(cross(axis, helper))
    v = unit(cross(axis, u))
    best: tuple[float, Pose] | None = None
    for step in range(36):
        angle = math.radians(step * 10.0)
        way = add(scale(u, math.cos(angle)), scale(v, math.sin(angle)))
        trial = reach(pose, part, target, add(add(origin, scale(axis, 0.5)), scale(way, 20.0)))
        score = 10.0 * (_excess(top, trial.angle(top)) + _excess(middle, trial.angle(middle)))
        score += abs(trial.angle(top)[2]) + 20.0 * max(0.0, MAT_TOP + 4.5 - at(trial, middle)[1])
        if lean is not None:
            score += 1.2 * math.degrees(math.acos(max(-1.0, min(1.0, dot(way, unit(lean))))))
        if best is None or score < best[0] - 1e-9:
            best = (score, trial)
    assert best is not None
    pose = best[1]
    if flat:
        forearm = sub(target, at(pose, middle))
        point = (forearm[0], 0.0, forearm[2])
    return pose if point is None else reach(pose, part, target, at(pose, middle), point)
