"""The figure's poses: anatomically possible, resting where they say, blending without jumps."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from upright.core import key_poses as key_poses_module
from upright.core.assets import asset_path
from upright.core.body import FOREARM, JOINTS, UPPER_ARM, limits_for
from upright.core.catalog import load_builtin_catalog
from upright.core.illustration import scene_for
from upright.core.key_poses import key_pose, key_poses, poses_from_json, poses_to_json
from upright.core.kinematics import (
    add,
    joint_rotation,
    mat_mul,
    mat_vec,
    norm,
    sub,
    two_bone,
)
from upright.core.motion import frame_at
from upright.core.phases import Phase
from upright.core.pose import (
    MAT_TOP,
    PILLOW_TOP,
    interpolate,
    limit_violations,
    skeleton,
    spinal_flexion,
)
from upright.core.pose_design import design_key_poses
from upright.core.program import ExerciseKind
from upright.core.solids import contact_gaps, lowest, part_lowest

PRONE_HOLDS = ("forearm-hold", "hands-hold", "chest-raise-hold", "chest-raise-legs-hold")
PRONE = (*PRONE_HOLDS, "forearm-rest", "hands-rest", "chest-raise-rest", "chest-raise-legs-rest")
CONTACT_TOLERANCE_CM = 0.3


def at(pose_id: str, joint: str) -> tuple[float, float, float]:
    return skeleton(key_pose(pose_id)).positions[joint]


def motion_poses():
    """Every pose the player can show: each scene of each exercise, sampled through time."""
    catalog = load_builtin_catalog()
    for exercise in catalog.exercises:
        phases = {
            ExerciseKind.WARMUP: (Phase.MOVE,),
            ExerciseKind.TRANSITION: (Phase.SETTLE,),
            ExerciseKind.HOLD: (Phase.LIFT, Phase.LOWER),
        }[exercise.kind]
        for phase in phases:
            for side in (0, 1):
                scene = scene_for(exercise, phase, side)
                for i in range(41):
                    yield f"{exercise.id}/{phase}/{side}/{i}", frame_at(scene, i / 40 * 30, 30).pose


@pytest.mark.parametrize("pose_id", list(key_poses()))
def test_every_key_pose_is_within_human_joint_ranges(pose_id: str) -> None:
    assert limit_violations(key_pose(pose_id)) == []


@pytest.mark.parametrize("pose_id", list(key_poses()))
def test_no_key_pose_flexes_the_spine_forward(pose_id: str) -> None:
    assert spinal_flexion(key_pose(pose_id)) <= 0.0


@pytest.mark.parametrize("pose_id", list(key_poses()))
def test_what_a_pose_says_rests_on_something_does(pose_id: str) -> None:
    gaps = contact_gaps(key_pose(pose_id))
    assert gaps, "every pose rests on something"
    for part, gap in gaps.items():
        assert abs(gap) <= CONTACT_TOLERANCE_CM, f"{part} is {gap:.2f} cm off its support"


@pytest.mark.parametrize("pose_id", list(key_poses()))
def test_nothing_sinks_into_the_floor_or_mat(pose_id: str) -> None:
    pose = key_pose(pose_id)
    floor = 0.0 if pose.view == "front" else MAT_TOP
    assert lowest(pose) >= floor - CONTACT_TOLERANCE_CM


@pytest.mark.parametrize("pose_id", PRONE)
def test_hips_stay_on_the_mat_or_pillow_in_every_prone_pose(pose_id: str) -> None:
    pose = key_pose(pose_id)
    support = PILLOW_TOP if "pillow" in pose.props else MAT_TOP
    assert part_lowest(pose, "pelvis") == pytest.approx(support, abs=CONTACT_TOLERANCE_CM)


@pytest.mark.parametrize("pose_id", PRONE_HOLDS)
def test_prone_holds_look_at_the_floor_with_a_long_neck(pose_id: str) -> None:
    pose = key_pose(pose_id)
    face = mat_vec(skeleton(pose).frames["head"], (0.0, 0.0, 1.0))
    assert face[1] < -0.3, "the face turns down towards the floor"
    neck = pose.angle("neck")[0]
    assert -20.0 <= neck <= 0.0, "the neck is neither cranked back nor bent forward"


def test_forearm_hold_has_elbows_under_shoulders_and_forearms_on_the_mat() -> None:
    for side in ("l", "r"):
        shoulder, elbow = (
            at("forearm-hold", f"shoulder_{side}"),
            at("forearm-hold", f"elbow_{side}"),
        )
        assert abs(shoulder[0] - elbow[0]) < 2.0
        assert abs(shoulder[2] - elbow[2]) < 2.0
        wrist = at("forearm-hold", f"wrist_{side}")
        assert wrist[0] > elbow[0] + 0.9 * FOREARM, "the forearm points to the head"
    assert part_lowest(key_pose("forearm-hold"), "chest") > MAT_TOP + 8.0, "chest lifted"


def test_hand_press_up_holds_on_long_arms_with_hips_down() -> None:
    pose = key_pose("hands-hold")
    for side in ("l", "r"):
        assert pose.angle(f"elbow_{side}")[0] <= 15.0
        assert part_lowest(pose, f"hand_{side}") == pytest.approx(MAT_TOP, abs=0.3)
    assert part_lowest(pose, "chest") > part_lowest(key_pose("forearm-hold"), "chest")


def test_chest_raise_lifts_the_chest_with_the_arms_back_and_the_hands_together() -> None:
    for pose_id in ("chest-raise-hold", "chest-raise-legs-hold"):
        pose = key_pose(pose_id)
        assert part_lowest(pose, "chest") > MAT_TOP + 5.0
        left, right = at(pose_id, "wrist_l"), at(pose_id, "wrist_r")
        assert norm(sub(left, right)) < 8.0, "hands clasped"
        assert left[0] < at(pose_id, "shoulder_l")[0] - 30.0, "arms back along the body"
        assert left[1] > at(pose_id, "pelvis")[1], "hands lifted over the back"


def test_only_the_legs_version_lifts_the_legs() -> None:
    assert part_lowest(key_pose("chest-raise-hold"), "foot_l") == pytest.approx(MAT_TOP, abs=0.3)
    legs = key_pose("chest-raise-legs-hold")
    for side in ("l", "r"):
        assert part_lowest(legs, f"foot_{side}") > MAT_TOP + 8.0
        assert legs.angle(f"knee_{side}")[0] <= 5.0


def test_kneeling_has_hands_under_shoulders_and_knees_under_hips() -> None:
    for side in ("l", "r"):
        assert abs(at("kneel", f"wrist_{side}")[0] - at("kneel", f"shoulder_{side}")[0]) < 3.0
        assert abs(at("kneel", f"knee_{side}")[0] - at("kneel", f"hip_{side}")[0]) < 3.0


@pytest.mark.parametrize("pose_id", list(key_poses()))
def test_blending_starts_and_ends_exactly_on_the_key_poses(pose_id: str) -> None:
    pose = key_pose(pose_id)
    other = next(p for i, p in key_poses().items() if i != pose_id and p.view == pose.view)
    assert interpolate(pose, other, 0.0) == pose
    assert interpolate(pose, other, 1.0) == other
    assert interpolate(other, pose, 1.0) == pose


def test_blending_moves_angles_in_between() -> None:
    a, b = key_pose("chest-raise-rest"), key_pose("chest-raise-hold")
    mid = interpolate(a, b, 0.5)
    low, high = sorted((a.angle("lumbar")[0], b.angle("lumbar")[0]))
    assert low < mid.angle("lumbar")[0] < high


def test_blending_views_is_refused() -> None:
    with pytest.raises(ValueError):
        interpolate(key_pose("stand"), key_pose("kneel"), 0.5)


def test_planted_hands_stay_put_through_the_press_up() -> None:
    a, b = key_pose("hands-rest"), key_pose("hands-hold")
    start = skeleton(a).positions["wrist_r"]
    for i in range(11):
        wrist = skeleton(interpolate(a, b, i / 10)).positions["wrist_r"]
        assert norm(sub(wrist, start)) < 0.5


def test_forearms_stay_on_the_mat_through_the_forearm_press_up() -> None:
    a, b = key_pose("forearm-rest"), key_pose("forearm-hold")
    for i in range(11):
        pose = interpolate(a, b, i / 10)
        assert part_lowest(pose, "forearm_r") == pytest.approx(MAT_TOP, abs=0.5)


def test_every_moment_the_player_can_show_is_anatomically_sound() -> None:
    for label, pose in motion_poses():
        assert limit_violations(pose) == [], label
        assert spinal_flexion(pose) <= 1e-6, label
        floor = 0.0 if pose.view == "front" else MAT_TOP
        assert lowest(pose) >= floor - 0.5, f"{label} sinks {floor - lowest(pose):.2f} cm"


def test_the_hips_stay_down_while_lifting_and_lowering() -> None:
    catalog = load_builtin_catalog()
    for exercise in catalog.exercises:
        if exercise.kind is not ExerciseKind.HOLD:
            continue
        support = PILLOW_TOP if "pillow" in key_pose(exercise.poses[0]).props else MAT_TOP
        for phase in (Phase.LIFT, Phase.LOWER):
            scene = scene_for(exercise, phase)
            for i in range(21):
                pose = frame_at(scene, i / 20 * 2.0, 2.0).pose
                assert part_lowest(pose, "pelvis") == pytest.approx(support, abs=0.3)


angles = st.floats(min_value=-1.0, max_value=1.0)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["shoulder_l", "shoulder_r", "hip_l", "hip_r"]), angles, angles, angles,
       st.floats(min_value=0.05, max_value=0.95))  # fmt: skip
def test_the_two_bone_solver_reaches_what_forward_kinematics_reached(
    top: str, f: float, a: float, t: float, bend: float
) -> None:
    limits = limits_for(top)
    chosen = tuple(
        lo + (hi - lo) * (v + 1.0) / 2.0 for v, (lo, hi) in zip((f, a, t), limits, strict=True)
    )
    if abs(chosen[1]) > 80.0:
        return  # straight out to the side the angles are not unique (documented)
    middle = top.replace("shoulder", "elbow").replace("hip", "knee")
    middle_flex = limits_for(middle).flex[1] * bend
    backward = top.startswith("hip")
    upper, lower = (UPPER_ARM, FOREARM) if not backward else (42.0, 40.0)
    rot = joint_rotation(top, chosen)
    knee = mat_vec(rot, (0.0, -upper, 0.0))
    end = add(knee, mat_vec(mat_mul(rot, joint_rotation(middle, (middle_flex, 0, 0))),
                            (0.0, -lower, 0.0)))  # fmt: skip
    side = 1 if top.endswith("_l") else -1
    solved, solved_middle = two_bone(end, knee, upper, lower, side=side, backward=backward)
    rot2 = joint_rotation(top, solved)
    knee2 = mat_vec(rot2, (0.0, -upper, 0.0))
    end2 = add(knee2, mat_vec(mat_mul(rot2, joint_rotation(middle, (solved_middle, 0, 0))),
                              (0.0, -lower, 0.0)))  # fmt: skip
    assert norm(sub(end, end2)) < 1e-6
    assert norm(sub(knee, knee2)) < 1e-6


def test_joint_table_covers_every_joint() -> None:
    for joint in JOINTS:
        assert limits_for(joint).flex[0] < limits_for(joint).flex[1]
    assert math.isclose(limits_for("lumbar").flex[1], 0.0), "the spine may only extend"


def test_the_shipped_pose_data_is_the_solved_design() -> None:
    committed = asset_path("illustrations", "poses.json").read_text("utf-8")
    assert committed == poses_to_json(design_key_poses()), (
        "assets/illustrations/poses.json is stale: run tools/make_illustrations.py"
    )
    assert poses_to_json(poses_from_json(committed)) == committed


def test_without_the_pose_file_the_poses_are_solved_instead(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(key_poses_module, "asset_path", lambda *parts: tmp_path / "missing")
    solved = key_poses_module.key_poses.__wrapped__()
    assert set(solved) == set(key_poses())
    assert limit_violations(solved["forearm-hold"]) == []


def test_a_pose_file_of_another_format_is_refused() -> None:
    with pytest.raises(ValueError):
        poses_from_json('{"format": "something-else", "version": 1, "poses": {}}')
