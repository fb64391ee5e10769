"""The design of the key poses, by illustration id: each stated by its intent.

Angles that follow from a contact ("elbows under the shoulders, forearms on the mat") are
solved here, so every contact in the pictures is exact rather than eyeballed. Solving takes
about half a second, so tools/make_illustrations.py stores the result as data
(assets/illustrations/poses.json) and the app loads that (upright.core.key_poses).
"""

from __future__ import annotations

import math
from functools import cache

from upright.core.body import FOREARM, UPPER_ARM, Vec3
from upright.core.kinematics import add, norm, sub
from upright.core.pose import MAT_TOP, Pose, end_direction, reach
from upright.core.pose_building import at, extend, make, rest_limb, set_flex, solve, touch
from upright.core.solids import part_lowest, placed
from upright.core.value import replace

STANDING = (0.0, 0.0, 0.0)  # facing the viewer
PRONE = (90.0, 90.0, 0.0)  # face down, head to the right, the person's right side nearest
SIDE_LYING = (90.0, 90.0, -90.0)  # on the left side, facing the viewer
MAT = ("mat",)
MAT_AND_PILLOW = ("mat", "pillow")
FEET = (("foot_l", "floor"), ("foot_r", "floor"))
_FEET_ON_MAT = (("foot_l", "mat"), ("foot_r", "mat"))
_HANDS = (("hand_l", "mat"), ("hand_r", "mat"))
_FOREARMS = (("forearm_l", "mat"), ("forearm_r", "mat"))
_WRIST_R, _ELBOW_R = 2.9, 3.9  # limb radii at those joints
_HAND_HEIGHT = MAT_TOP + _WRIST_R  # a wrist whose hand lies on the mat
_HEADWARD: Vec3 = (1.0, 0.0, 0.0)
_SIDES = ("l", "r")
_NEAR = {"l": -1.0, "r": 1.0}  # in the side view the person's right side faces the viewer


def _arm_reach(elbow_flex: float) -> float:
    """Shoulder-to-wrist distance for a given elbow flexion."""
    c = math.cos(math.radians(elbow_flex))
    return math.sqrt(UPPER_ARM**2 + FOREARM**2 + 2 * UPPER_ARM * FOREARM * c)


def _head_clear(pose: Pose) -> Pose:
    """Lying face down with the neck long: extend the neck only as far as the face needs."""
    if part_lowest(pose, "nose") >= MAT_TOP + 0.4:
        return pose
    return touch(pose, "neck", "nose", MAT_TOP + 0.4, (0.0, -30.0))


def _legs_down(pose: Pose) -> Pose:
    """Legs resting on the mat: knees down, feet pointed, toes on the mat."""
    pose = set_flex(pose, "ankle", -55.0)
    pose = touch(pose, "hip", "thigh_l", MAT_TOP, (-15.0, 45.0))
    return touch(pose, "knee", "foot_l", MAT_TOP, (0.0, 40.0))


@cache
def _prone_pitch(props: tuple[str, ...]) -> float:
    """How far the pelvis, resting where it lies, tips until the chest rests on the mat too
    (the chest is deeper than the pelvis, and a pillow lifts the hips)."""
    support = "pillow" if "pillow" in props else "mat"
    pose = make("side", PRONE, (("pelvis", support),), props=props)

    def chest_gap(pitch: float) -> float:
        tipped = placed(replace(pose, orientation=(90.0, pitch, 0.0)))
        return part_lowest(tipped, "chest") - MAT_TOP

    return solve(chest_gap, 70.0, 120.0)


def _prone(contacts: tuple[tuple[str, str], ...], props: tuple[str, ...] = MAT) -> Pose:
    """Lying face down, hips and chest on the mat (or the hips on a pillow), legs down."""
    base = _prone_base(props)
    return replace(base, contacts=(base.contacts[0], *contacts, *_FEET_ON_MAT))


@cache
def _prone_base(props: tuple[str, ...]) -> Pose:
    support = "pillow" if "pillow" in props else "mat"
    pose = make("side", PRONE, (("pelvis", support), *_FEET_ON_MAT), props=props)
    return _legs_down(placed(replace(pose, orientation=(90.0, _prone_pitch(props), 0.0))))


def _forearms_on_mat(pose: Pose, back: float) -> Pose:
    """Elbows on the mat ``back`` cm behind the shoulders (out to the side as far as the upper
    arm's length makes them), forearms flat and parallel towards the head."""
    for side in _SIDES:
        shoulder = at(pose, f"shoulder_{side}")
        drop = shoulder[1] - (MAT_TOP + _ELBOW_R)
        lateral = math.sqrt(max(UPPER_ARM**2 - back**2 - drop**2, 0.0))
        elbow = (shoulder[0] - back, MAT_TOP + _ELBOW_R, shoulder[2] + _NEAR[side] * lateral)
        run = math.sqrt(FOREARM**2 - (_ELBOW_R - _WRIST_R) ** 2)
        pose = reach(pose, f"hand_{side}", add(elbow, (run, _WRIST_R - _ELBOW_R, 0.0)), elbow,
                     _HEADWARD)  # fmt: skip
    return pose


def _forearm_rest() -> Pose:
    return _head_clear(_forearms_on_mat(_prone((*_FOREARMS, *_HANDS)), back=20.0))


def _forearm_hold() -> Pose:
    pose = _prone((*_FOREARMS, *_HANDS))
    height = MAT_TOP + _ELBOW_R + UPPER_ARM  # the upper arm stands straight up from the elbow
    amount = solve(lambda a: at(extend(pose, a), "shoulder_r")[1] - height, 0.0, 60.0)
    return _forearms_on_mat(extend(pose, amount), back=0.0)


def _press_up_wrists() -> dict[str, Vec3]:
    """Hands flat on the mat beside the face, a little wider than the shoulders."""
    pose = _prone(_HANDS)
    spots = {}
    for side in _SIDES:
        s = at(pose, f"shoulder_{side}")
        spots[side] = (s[0] + 18.0, _HAND_HEIGHT, s[2] + _NEAR[side] * 10.0)
    return spots


def _hands_rest() -> Pose:
    pose = _prone(_HANDS)
    for side, wrist in _press_up_wrists().items():
        pose = rest_limb(pose, f"hand_{side}", wrist, lean=(-1.0, 1.0, 0.0), flat=True)
    return _head_clear(pose)


def _hands_hold() -> Pose:
    wrists = _press_up_wrists()  # the hands stay where they were put
    pose = _prone(_HANDS)
    length = _arm_reach(10.0)  # elbows long but not locked
    amount = solve(
        lambda a: norm(sub(at(extend(pose, a), "shoulder_r"), wrists["r"])) - length, 0.0, 64.0
    )
    pose = extend(pose, amount)
    for side, wrist in wrists.items():
        pose = rest_limb(pose, f"hand_{side}", wrist, lean=(-1.0, 0.0, _NEAR[side]), flat=True)
    return pose


def _arms_by_sides(pose: Pose) -> Pose:
    """Arms back along the body on the mat, hands beside the thighs."""
    for side in _SIDES:
        hip = at(pose, f"hip_{side}")
        wrist = (hip[0] - 2.0, _HAND_HEIGHT, hip[2] + _NEAR[side] * 14.0)
        pose = rest_limb(pose, f"hand_{side}", wrist, lean=(0.0, 1.0, 0.0), flat=True)
    return pose


def _hands_clasped(pose: Pose) -> Pose:
    """Arms lifted back and up beside the body, hands clasped over the lower back."""
    pelvis = at(pose, "pelvis")
    for side in _SIDES:
        wrist = (pelvis[0] - 6.0, pelvis[1] + 15.0, pelvis[2] + _NEAR[side] * 3.2)
        point = (-0.8, 0.2, -_NEAR[side] * 0.5)  # fingers laced towards the other hand
        pose = rest_limb(pose, f"hand_{side}", wrist, lean=(-0.3, 1.0, _NEAR[side]), point=point)
    return pose


def _chest_raise(hold: bool, legs: bool) -> Pose:
    contacts = () if hold else (("chest", "mat"), *_HANDS)
    pose = _prone(contacts, MAT_AND_PILLOW)
    if legs:  # legs long from the start, so the lift only raises them
        pose = set_flex(set_flex(pose, "ankle", -50.0), "knee", 0.0)
        pose = touch(pose, "hip", "foot_l", MAT_TOP + (12.0 if hold else 0.0), (-15.0, 60.0))
        if hold:
            pose = replace(pose, contacts=pose.contacts[:1])
    if not hold:
        return _head_clear(_arms_by_sides(pose))
    return _hands_clasped(extend(pose, 24.0))


def _kneel() -> Pose:
    """On hands and knees: hips over the knees, hands under the shoulders, back long."""
    contacts = (("thigh_l", "mat"), ("thigh_r", "mat"), *_HANDS, *_FEET_ON_MAT)
    base = make("side", PRONE, contacts, props=MAT, x=-22.0, hip=(90.0,), knee=(90.0,),
                ankle=(-50.0,), shoulder=(90.0,), wrist=(90.0,))  # fmt: skip

    def tipped(pitch: float) -> Pose:  # the thighs stay upright as the back tips
        return set_flex(placed(replace(base, orientation=(90.0, pitch, 0.0))), "hip", pitch)

    arms = MAT_TOP + _WRIST_R + _arm_reach(5.0)
    pose = tipped(solve(lambda p: at(tipped(p), "shoulder_r")[1] - arms, 60.0, 90.0))
    pose = touch(pose, "knee", "foot_l", MAT_TOP, (90.0, 130.0))
    for side in _SIDES:
        s = at(pose, f"shoulder_{side}")
        pose = rest_limb(pose, f"hand_{side}", (s[0], _HAND_HEIGHT, s[2]), lean=(-1.0, 0, 0),
                         point=_HEADWARD)  # fmt: skip
    return pose


def _side_bend_to_rest(pose: Pose) -> Pose:
    """Lying on one side the shoulders are broader than the hips: the waist bends a little
    sideways (never forwards) so that shoulder and hip both rest on the mat."""

    def gap(bend: float) -> float:
        return part_lowest(placed(pose.with_angle("lumbar", (0.0, bend, 0.0))), "pelvis") - MAT_TOP

    return placed(pose.with_angle("lumbar", (0.0, solve(gap, -20.0, 20.0), 0.0)))


def _side_lying() -> Pose:
    """On the left side, facing the viewer: knees a little bent, the lower arm long on the mat
    beyond the head with the head resting towards it, the upper arm along the body."""
    contacts = (("shoulder_cap_l", "mat"), ("pelvis", "mat"), ("hand_l", "mat"))
    pose = make("side", SIDE_LYING, contacts, props=MAT, hip=(25.0,), knee=(35.0,),
                ankle=(-20.0,), neck=(0.0, 12.0))  # fmt: skip
    pose = _side_bend_to_rest(pose)
    s = at(pose, "shoulder_l")
    pose = rest_limb(pose, "hand_l", (s[0] + 48.0, _HAND_HEIGHT, s[2]), lean=(0.0, 0.0, 1.0),
                     point=_HEADWARD)  # fmt: skip
    hip = at(pose, "hip_r")  # the upper arm rests along the body, the hand on the thigh
    return rest_limb(pose, "hand_r", (hip[0] - 10.0, hip[1] + 9.0, hip[2] + 4.0),
                     lean=(0.0, 1.0, 0.0), point=(-1.0, 0.0, 0.0))  # fmt: skip


def _prone_flat() -> Pose:
    """Lying flat: the far arm long on the mat beyond the head, the near arm by the side."""
    pose = _prone(_HANDS)
    s = at(pose, "shoulder_l")
    pose = rest_limb(pose, "hand_l", (s[0] + 50.0, _HAND_HEIGHT, s[2] - 4.0),
                     lean=(0.0, 0.3, -1.0), point=_HEADWARD)  # fmt: skip
    hip = at(pose, "hip_r")
    pose = rest_limb(pose, "hand_r", (hip[0] + 4.0, _HAND_HEIGHT, hip[2] + 14.0),
                     lean=(0.0, 0.2, 1.0), flat=True)  # fmt: skip
    return _head_clear(pose)


def _hands_on_hips(pose: Pose) -> Pose:
    """Hands resting on the hips, elbows out to the sides."""
    pelvis = at(pose, "pelvis")
    for side, way in (("l", 1.0), ("r", -1.0)):  # standing, the person's left is to the right
        wrist = (pelvis[0] + way * 20.5, pelvis[1] + 12.0, pelvis[2] - 1.0)
        elbow = add(at(pose, f"shoulder_{side}"), (way * 30.0, -18.0, -8.0))
        fingers = (-way * 0.25, -0.6, 0.75)  # down and round to the front of the hip
        pose = reach(pose, f"hand_{side}", wrist, elbow, fingers)
    return pose


def _soft_knees() -> Pose:
    return make("front", STANDING, FEET, hip=(5.0, 3.0, -10.0), knee=(10.0,), ankle=(5.0,))


def _hip_circle() -> Pose:
    """Hands on hips, the hips carried a hand's width to one side over feet that stay put;
    seen from the front, that is the widest point of the circle."""
    start = _soft_knees()
    pose = replace(start, root=add(start.root, (6.0, 0.0, 0.0)), cue="hip-circle")
    # The waist bends gently the other way so the shoulders and head stay over the feet.
    pose = pose.with_angle("lumbar", (0.0, -7.0, 0.0)).with_angle("neck", (0.0, 4.0, 0.0))
    for side in _SIDES:
        ankle = at(start, f"ankle_{side}")
        pose = rest_limb(pose, f"foot_{side}", ankle, lean=(0.0, 0.0, 1.0),
                         point=end_direction(start, f"foot_{side}"))  # fmt: skip
    return _hands_on_hips(pose)


def design_key_poses() -> dict[str, Pose]:
    """Every key pose, solved from its intent."""
    return {
        "stand": make("front", STANDING, FEET, shoulder=(0.0, 7.0), elbow=(8.0,), wrist=(5.0,),
                      hip=(0.0, 3.0, -10.0)),
        "side-reach": make(
            "front", STANDING, FEET,
            lumbar=(0.0, -10.0), thorax=(0.0, -15.0), neck=(0.0, -8.0),
            shoulder_l=(0.0, 175.0, -80.0), elbow_l=(25.0,), wrist_l=(5.0,),
            shoulder_r=(0.0, 10.0), elbow_r=(10.0,), hip=(0.0, 3.0, -10.0),
        ),
        "hands-on-hips": _hands_on_hips(_soft_knees()),
        "hip-circle": _hip_circle(),
        "kneel": _kneel(),
        "side-lying": _side_lying(),
        "prone-flat": _prone_flat(),
        "forearm-rest": _forearm_rest(),
        "forearm-hold": _forearm_hold(),
        "hands-rest": _hands_rest(),
        "hands-hold": _hands_hold(),
        "chest-raise-rest": _chest_raise(hold=False, legs=False),
        "chest-raise-hold": _chest_raise(hold=True, legs=False),
        "chest-raise-legs-rest": _chest_raise(hold=False, legs=True),
        "chest-raise-legs-hold": _chest_raise(hold=True, legs=True),
    }  # fmt: skip
