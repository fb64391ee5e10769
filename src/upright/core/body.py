"""The illustrated figure's body: its joints, their proportions, and their anatomical limits.

Lengths are centimetres for an adult of about 172 cm. Each joint's frame has x towards the
person's left, y towards the head (up the limb's parent), z to the front; a joint's offset is
where it sits in its parent's frame. Angles are degrees: ``flex`` is anatomical flexion
(negative is extension), ``abd`` abduction (for the spine: side bend to the left), ``twist``.
"""

from __future__ import annotations

from typing import NamedTuple

Vec3 = tuple[float, float, float]


class Limits(NamedTuple):
    """The range a joint may take: (low, high) degrees for flex, abd and twist."""

    flex: tuple[float, float]
    abd: tuple[float, float] = (0.0, 0.0)
    twist: tuple[float, float] = (0.0, 0.0)


# Parents come before children; the pelvis (the root) is the frame every chain starts from.
JOINTS: tuple[str, ...] = (
    "lumbar",
    "thorax",
    "neck",
    "head",
    "shoulder_l",
    "elbow_l",
    "wrist_l",
    "shoulder_r",
    "elbow_r",
    "wrist_r",
    "hip_l",
    "knee_l",
    "ankle_l",
    "hip_r",
    "knee_r",
    "ankle_r",
)
INDEX: dict[str, int] = {name: i for i, name in enumerate(JOINTS)}
SPINE: tuple[str, ...] = ("lumbar", "thorax", "neck", "head")

PARENT: dict[str, str | None] = {
    "lumbar": None,
    "thorax": "lumbar",
    "neck": "thorax",
    "head": "neck",
    "shoulder_l": "thorax",
    "elbow_l": "shoulder_l",
    "wrist_l": "elbow_l",
    "shoulder_r": "thorax",
    "elbow_r": "shoulder_r",
    "wrist_r": "elbow_r",
    "hip_l": None,
    "knee_l": "hip_l",
    "ankle_l": "knee_l",
    "hip_r": None,
    "knee_r": "hip_r",
    "ankle_r": "knee_r",
}

UPPER_ARM = 29.0
FOREARM = 25.0
THIGH = 42.0
SHIN = 40.0

OFFSET: dict[str, Vec3] = {
    "lumbar": (0.0, 3.0, -1.0),
    "thorax": (0.0, 19.0, 0.0),
    "neck": (0.0, 28.0, -1.5),
    "head": (0.0, 7.0, 1.0),
    "shoulder_l": (16.5, 23.5, -1.5),
    "elbow_l": (0.0, -UPPER_ARM, 0.0),
    "wrist_l": (0.0, -FOREARM, 0.0),
    "shoulder_r": (-16.5, 23.5, -1.5),
    "elbow_r": (0.0, -UPPER_ARM, 0.0),
    "wrist_r": (0.0, -FOREARM, 0.0),
    "hip_l": (8.5, -6.0, 0.0),
    "knee_l": (0.0, -THIGH, 0.0),
    "ankle_l": (0.0, -SHIN, 0.0),
    "hip_r": (-8.5, -6.0, 0.0),
    "knee_r": (0.0, -THIGH, 0.0),
    "ankle_r": (0.0, -SHIN, 0.0),
}

# +1 for the person's left, -1 for the right: abduction and twist mirror between the sides.
SIDE: dict[str, int] = {
    n: (1 if n.endswith("_l") else -1 if n.endswith("_r") else 0) for n in JOINTS
}

# Hinges whose flexion swings the child backwards (the knee) rather than to the front.
BACKWARD_HINGES = frozenset({"knee_l", "knee_r"})

# Active ranges of an adult (AAOS-style norms), kept a little inside the extremes. The spine may
# only extend: zero flexion is the upper bound for every spinal joint in this programme.
LIMITS: dict[str, Limits] = {
    "lumbar": Limits((-35.0, 0.0), (-25.0, 25.0), (-15.0, 15.0)),
    "thorax": Limits((-30.0, 0.0), (-25.0, 25.0), (-20.0, 20.0)),
    "neck": Limits((-35.0, 0.0), (-25.0, 25.0), (-30.0, 30.0)),
    "head": Limits((-15.0, 0.0), (-10.0, 10.0), (-10.0, 10.0)),
    "shoulder": Limits((-50.0, 180.0), (-30.0, 180.0), (-90.0, 70.0)),
    "elbow": Limits((0.0, 145.0), (0.0, 0.0), (-80.0, 80.0)),  # twist: the forearm turning
    "wrist": Limits((-75.0, 90.0), (-35.0, 25.0)),
    "hip": Limits((-20.0, 120.0), (-25.0, 40.0), (-45.0, 40.0)),
    "knee": Limits((0.0, 140.0)),
    "ankle": Limits((-60.0, 25.0)),
}


def limits_for(joint: str) -> Limits:
    """The anatomical range of a joint (both sides share one table entry)."""
    return LIMITS[joint.removesuffix("_l").removesuffix("_r")]
