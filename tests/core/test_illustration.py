"""Which picture each step shows, how it moves, and what its words say."""

from __future__ import annotations

import pytest

from upright.core.catalog import load_builtin_catalog
from upright.core.illustration import (
    CIRCLE,
    LOOP,
    ONCE,
    SEQUENCE,
    STILL,
    all_pose_ids,
    describe,
    extensors_work,
    scene_for,
)
from upright.core.key_poses import key_pose
from upright.core.motion import BREATHING_FPS, MOVING_FPS, frame_at
from upright.core.phases import Phase
from upright.core.program import ExerciseKind

CATALOG = load_builtin_catalog()
HOLDS = [e for e in CATALOG.exercises if e.kind is ExerciseKind.HOLD]
WARMUPS = [e for e in CATALOG.exercises if e.kind is ExerciseKind.WARMUP]


def test_every_step_of_the_builtin_programme_resolves_to_an_illustration() -> None:
    for exercise in CATALOG.exercises:
        assert exercise.poses, exercise.id
        for pose_id in exercise.poses:
            key_pose(pose_id)
            assert describe(pose_id)
        for phase in Phase:
            for side in (0, 1):
                scene = scene_for(exercise, phase, side)
                assert set(scene.poses) <= set(exercise.poses), (exercise.id, phase)
                assert scene.description


def test_the_drawable_poses_are_exactly_the_catalogues() -> None:
    used = {p for e in CATALOG.exercises for p in e.poses}
    assert set(all_pose_ids()) == used


def test_unknown_poses_are_an_error() -> None:
    with pytest.raises(KeyError):
        describe("handstand")


@pytest.mark.parametrize("exercise", HOLDS, ids=lambda e: e.id)
def test_hold_exercises_follow_the_rep(exercise) -> None:
    rest, hold = exercise.poses
    working = extensors_work(hold)
    for phase in (Phase.GET_READY, Phase.REST, Phase.DONE):
        scene = scene_for(exercise, phase)
        assert (scene.motion, scene.to_pose, scene.highlight_muscles) == (STILL, rest, False)
    lift = scene_for(exercise, Phase.LIFT)
    assert (lift.motion, lift.from_pose, lift.to_pose, lift.highlight_muscles) == (
        ONCE, rest, hold, working)  # fmt: skip
    held = scene_for(exercise, Phase.HOLD)
    assert (held.motion, held.to_pose, held.highlight_muscles, held.breathing) == (
        STILL, hold, working, True)  # fmt: skip
    lower = scene_for(exercise, Phase.LOWER)
    assert (lower.motion, lower.from_pose, lower.to_pose) == (ONCE, hold, rest)
    assert not any(scene_for(exercise, p).mirrored for p in Phase)


def test_only_the_unsupported_chest_raises_light_up_the_back_extensors() -> None:
    working = {e.id for e in HOLDS if scene_for(e, Phase.HOLD).highlight_muscles}
    assert working == {"chest-raise", "chest-raise-legs"}
    assert "doing the work" in scene_for(CATALOG.exercise("chest-raise"), Phase.HOLD).description


@pytest.mark.parametrize("exercise", WARMUPS, ids=lambda e: e.id)
def test_warm_ups_repeat_and_mirror_for_the_second_side(exercise) -> None:
    first, second = scene_for(exercise, Phase.MOVE, 0), scene_for(exercise, Phase.MOVE, 1)
    assert first.motion in (LOOP, CIRCLE)
    assert (first.from_pose, first.to_pose) == exercise.poses
    assert (first.mirrored, second.mirrored) == (False, True)
    assert exercise.movement is not None
    assert first.description.startswith(exercise.movement.sides[0].capitalize())
    assert second.description.startswith(exercise.movement.sides[1].capitalize())
    ready = scene_for(exercise, Phase.GET_READY, 1)
    assert (ready.motion, ready.to_pose, ready.mirrored) == (STILL, exercise.poses[0], True)


def test_hip_circles_circle_and_side_reaches_swing() -> None:
    assert scene_for(CATALOG.exercise("hip-circles"), Phase.MOVE).motion == CIRCLE
    assert scene_for(CATALOG.exercise("side-reach"), Phase.MOVE).motion == LOOP


def test_getting_down_walks_through_its_poses() -> None:
    get_down = CATALOG.get_down
    scene = scene_for(get_down, Phase.SETTLE)
    assert scene.motion == SEQUENCE
    assert scene.poses == ("kneel", "side-lying", "prone-flat")
    assert scene_for(get_down, Phase.DONE).to_pose == "prone-flat"


def test_descriptions_never_say_forward_and_each_pose_has_its_own() -> None:
    texts = [describe(p) for p in all_pose_ids()]
    assert len(set(texts)) == len(texts)
    for exercise in CATALOG.exercises:
        for phase in Phase:
            assert "forward" not in scene_for(exercise, phase).description.lower()
    assert all("forward" not in t.lower() for t in texts)


# -- the timeline ---------------------------------------------------------------------------


def test_once_starts_on_the_first_pose_and_ends_on_the_second_then_stops() -> None:
    scene = scene_for(CATALOG.exercise("hand-press-up"), Phase.LIFT)
    start, end = frame_at(scene, 0.0, 2.0), frame_at(scene, 2.0, 2.0)
    assert start.pose == key_pose("hands-rest")
    assert start.fps == MOVING_FPS
    assert end.pose == key_pose("hands-hold")
    assert end.fps == 0, "nothing moves after the lift: no more drawing"
    middle = frame_at(scene, 1.0, 2.0).pose
    assert middle not in (start.pose, end.pose)


def test_still_scenes_ask_for_no_redraw_and_holds_only_for_breathing() -> None:
    rest = frame_at(scene_for(CATALOG.exercise("chest-raise"), Phase.REST), 3.0, 10.0)
    assert rest.fps == 0
    hold = scene_for(CATALOG.exercise("chest-raise"), Phase.HOLD)
    a, b = frame_at(hold, 0.0, 10.0), frame_at(hold, 1.25, 10.0)
    assert a.fps == b.fps == BREATHING_FPS
    assert a.pose == b.pose == key_pose("chest-raise-hold")
    assert a.breath != b.breath


def test_a_loop_goes_there_and_back_once_per_repetition() -> None:
    scene = scene_for(CATALOG.exercise("side-reach"), Phase.MOVE)
    assert frame_at(scene, 0.0, 3.0).pose == key_pose("stand")
    assert frame_at(scene, 1.5, 3.0).pose == key_pose("side-reach")
    assert frame_at(scene, 3.0, 3.0).pose == key_pose("stand")
    assert frame_at(scene, 4.5, 3.0).pose == key_pose("side-reach")


def test_a_circle_swings_to_both_sides_and_keeps_its_hint_turning_one_way() -> None:
    scene = scene_for(CATALOG.exercise("hip-circles"), Phase.MOVE, 0)
    quarter, three_quarters = frame_at(scene, 1.0, 4.0), frame_at(scene, 3.0, 4.0)
    assert quarter.pose.root == key_pose("hip-circle").root
    assert (quarter.mirrored, three_quarters.mirrored) == (False, True)
    on_screen = {f.cue_direction * (-1 if f.mirrored else 1) for f in (quarter, three_quarters)}
    assert on_screen == {1}
    other_way = frame_at(scene_for(CATALOG.exercise("hip-circles"), Phase.MOVE, 1), 1.0, 4.0)
    assert other_way.cue_direction * (-1 if other_way.mirrored else 1) == -1


def test_a_sequence_pauses_at_each_pose_and_says_when_it_moves_on() -> None:
    scene = scene_for(CATALOG.get_down, Phase.SETTLE)
    first = frame_at(scene, 1.0, 30.0)
    assert first.pose == key_pose("kneel")
    assert first.fps == 0
    assert first.still_until_s == pytest.approx(6.0)
    moving = frame_at(scene, 9.0, 30.0)
    assert moving.fps == MOVING_FPS
    assert moving.pose not in (key_pose("kneel"), key_pose("side-lying"))
    assert frame_at(scene, 15.0, 30.0).pose == key_pose("side-lying")
    last = frame_at(scene, 29.0, 30.0)
    assert last.pose == key_pose("prone-flat")
    assert (last.fps, last.still_until_s) == (0, None)
