"""The figure's volumes in 3-D: rounded limbs and ellipsoids placed by a pose's skeleton."""

from __future__ import annotations

import math
from functools import lru_cache

from upright.core.body import OFFSET, UPPER_ARM, Vec3
from upright.core.kinematics import Mat3, mat_mul
from upright.core.pose import SUPPORT_HEIGHT, Pose, skeleton
from upright.core.trunk import Section, sections
from upright.core.value import replace, value


@value
class Capsule:
    """The rounded hull of two spheres: a limb segment that may taper."""

    part: str
    group: str  # what it is drawn with: "torso", "head", "arm_l", "leg_r" ...
    material: str  # "skin", "top", "bottom", "hair", "eye"
    a: Vec3
    b: Vec3
    ra: float
    rb: float

    def lowest(self) -> float:
        return min(self.a[1] - self.ra, self.b[1] - self.rb)


@value
class Ellipsoid:
    """An ellipsoid: world point = centre + axes @ u for unit vectors u."""

    part: str
    group: str
    material: str
    centre: Vec3
    axes: Mat3

    def lowest(self) -> float:
        row = self.axes[1]
        return self.centre[1] - math.sqrt(row[0] ** 2 + row[1] ** 2 + row[2] ** 2)


Solid = Capsule | Ellipsoid | Section

# (part, group, material, joint, centre in the joint's frame, radii)
_ELLIPSOIDS: tuple[tuple[str, str, str, str, Vec3, Vec3], ...] = (
    ("hair", "head", "hair", "head", (0.0, 10.8, -0.8), (8.7, 10.7, 9.7)),
    ("head", "head", "skin", "head", (0.0, 8.5, 2.2), (8.0, 11.0, 9.6)),
    ("fringe", "head", "hair", "head", (0.0, 14.3, -2.6), (8.35, 7.0, 8.3)),
    ("ear_l", "head", "skin", "head", (7.7, 7.5, 0.5), (1.2, 3.0, 2.0)),
    ("ear_r", "head", "skin", "head", (-7.7, 7.5, 0.5), (1.2, 3.0, 2.0)),
    ("nose", "head", "skin", "head", (0.0, 6.3, 11.2), (1.3, 2.2, 1.6)),
    ("forefoot_l", "leg_l", "skin", "ankle_l", (0.0, -4.4, 9.0), (4.0, 2.5, 6.0)),
    ("forefoot_r", "leg_r", "skin", "ankle_r", (0.0, -4.4, 9.0), (4.0, 2.5, 6.0)),
)

# (part, group, material, joint a, point a, radius a, joint b, point b, radius b)
_O: Vec3 = (0.0, 0.0, 0.0)
_COLLAR: Vec3 = (0.0, 26.0, -2.5)  # the top of the shirt behind the neck, in the thorax frame
_SLEEVE: Vec3 = (0.0, -0.38 * UPPER_ARM, 0.0)
_CAPSULES: tuple[tuple[str, str, str, str, Vec3, float, str, Vec3, float], ...] = (
    ("neck", "head", "skin", "neck", _O, 5.6, "head", (0.0, 2.0, 1.0), 5.3),
    ("bun", "head", "hair", "head", (0.0, 9.0, -9.8), 4.3, "head", (0.0, 9.0, -9.8), 4.3),
    ("eye_l", "head", "eye", "head", (3.3, 9.2, 9.3), 0.8, "head", (3.3, 9.2, 9.3), 0.8),
    ("eye_r", "head", "eye", "head", (-3.3, 9.2, 9.3), 0.8, "head", (-3.3, 9.2, 9.3), 0.8),
    ("collar", "torso", "top", "thorax", _COLLAR, 5.5, "thorax", _COLLAR, 5.5),
    ("shoulder_cap_l", "torso", "top", "thorax", OFFSET["shoulder_l"], 5.3, "thorax",
     OFFSET["shoulder_l"], 5.3),
    ("shoulder_cap_r", "torso", "top", "thorax", OFFSET["shoulder_r"], 5.3, "thorax",
     OFFSET["shoulder_r"], 5.3),
)  # fmt: skip

_LIMB_CAPSULES: tuple[tuple[str, str, str, Vec3, float, str, Vec3, float], ...] = (
    ("upper_arm", "skin", "shoulder", _O, 4.8, "elbow", _O, 4.1),
    ("forearm", "skin", "elbow", _O, 3.9, "wrist", _O, 2.9),
    ("hand", "skin", "wrist", (0.0, -1.0, 0.0), 3.0, "wrist", (0.0, -13.5, 0.0), 2.6),
    ("sleeve", "top", "shoulder", _O, 5.3, "shoulder", _SLEEVE, 5.0),
    ("thigh", "bottom", "hip", _O, 8.3, "knee", _O, 5.7),
    ("shin", "bottom", "knee", _O, 5.4, "ankle", _O, 3.6),
    ("foot", "skin", "ankle", _O, 3.3, "ankle", (0.0, -4.4, 11.0), 2.6),
    ("sole", "skin", "ankle", (0.0, -3.8, -2.2), 3.2, "ankle", (0.0, -5.0, 15.0), 2.0),
)


def _scaled(frame: Mat3, radii: Vec3) -> Mat3:
    diag: Mat3 = ((radii[0], 0.0, 0.0), (0.0, radii[1], 0.0), (0.0, 0.0, radii[2]))
    return mat_mul(frame, diag)


@lru_cache(maxsize=64)
def solids(pose: Pose, breath: float = 0.0) -> tuple[Solid, ...]:
    """Every volume of the figure in this pose; ``breath`` (-1..1) swells the chest a little."""
    sk = skeleton(pose)
    out: list[Solid] = list(sections(sk, breath))
    for part, group, material, joint, centre, radii in _ELLIPSOIDS:
        axes = _scaled(sk.frames[joint], radii)
        out.append(Ellipsoid(part, group, material, sk.point(joint, centre), axes))
    for part, group, material, ja, pa, ra, jb, pb, rb in _CAPSULES:
        out.append(Capsule(part, group, material, sk.point(ja, pa), sk.point(jb, pb), ra, rb))
    for side in ("l", "r"):
        for name, material, ja, pa, ra, jb, pb, rb in _LIMB_CAPSULES:
            limb = "arm" if ja in ("shoulder", "elbow", "wrist") else "leg"
            a = sk.point(f"{ja}_{side}", pa)
            b = sk.point(f"{jb}_{side}", pb)
            out.append(Capsule(f"{name}_{side}", f"{limb}_{side}", material, a, b, ra, rb))
    return tuple(out)


def part_lowest(pose: Pose, name: str) -> float:
    """The lowest point of a named part ("pelvis", "forearm_l", "foot_r" ...), in cm."""
    names = {name, "sole" + name[4:], "forefoot" + name[4:]} if name.startswith("foot_") else {name}
    found = [s.lowest() for s in solids(pose) if s.part in names]
    if not found:
        raise KeyError(f"no body part called {name!r}")
    return min(found)


def lowest(pose: Pose) -> float:
    """The lowest point of the whole figure, in cm above the floor."""
    return min(s.lowest() for s in solids(pose))


def contact_gaps(pose: Pose) -> dict[str, float]:
    """How far (cm) each part the pose says is resting sits above its support; 0 is touching."""
    return {p: part_lowest(pose, p) - SUPPORT_HEIGHT[s] for p, s in pose.contacts}


def placed(pose: Pose) -> Pose:
    """The pose moved up or down so that its first contact rests exactly on its support."""
    if not pose.contacts:
        return pose
    name, support = pose.contacts[0]
    dy = SUPPORT_HEIGHT[support] - part_lowest(pose, name)
    x, y, z = pose.root
    return replace(pose, root=(x, y + dy, z))
