"""The illustration over time: which pose to draw a given number of seconds into a scene."""

from __future__ import annotations

import math

from upright.core.illustration import CIRCLE, LOOP, ONCE, SEQUENCE, STILL, Scene
from upright.core.key_poses import key_pose
from upright.core.pose import FLOOR, MAT_TOP, Pose, interpolate
from upright.core.solids import lowest
from upright.core.value import replace, value

BREATH_PERIOD_S = 5.0  # a calm breath in and out
MOVING_FPS = 30  # smooth enough for slow movement
BREATHING_FPS = 10  # a breath changes the chest by a pixel or two a second
_BREATH_STEPS = 32  # the chest takes this many sizes: repeated frames are drawn from cache
_DWELL_SHARE = 0.6  # of a sequence, the part spent still at its poses


@value
class Frame:
    """One moment of a scene: what to draw and how soon it changes.

    ``fps`` is how often the picture should be redrawn from now on (0: it will not change on
    its own); ``still_until_s`` is, for a pause inside a sequence, when it moves again.
    """

    pose: Pose
    mirrored: bool
    highlight: bool
    breath: float  # -1..1, how far the chest is through a breath
    cue_direction: int
    fps: int
    still_until_s: float | None = None


def ease(t: float) -> float:
    """Slow in, slow out (0..1 to 0..1)."""
    t = min(1.0, max(0.0, t))
    return (1.0 - math.cos(math.pi * t)) / 2.0


def grounded(pose: Pose) -> Pose:
    """A blended pose lifted just clear of the floor if any part of it dipped into it."""
    floor = FLOOR if pose.view == "front" else MAT_TOP
    dip = floor - lowest(pose)
    if dip <= 0.05:
        return pose
    x, y, z = pose.root
    return replace(pose, root=(x, y + dip, z))


def frame_at(scene: Scene, elapsed_s: float, duration_s: float) -> Frame:
    """The frame ``elapsed_s`` seconds into the scene.

    ``duration_s`` is the whole phase for "once" and "sequence", and one repetition for
    "loop" and "circle".
    """
    elapsed = max(0.0, elapsed_s)
    duration = max(duration_s, 1e-6)
    base = Frame(key_pose(scene.to_pose), scene.mirrored, scene.highlight_muscles, 0.0,
                 -1 if scene.mirrored else 1, 0)  # fmt: skip
    if scene.motion == STILL:
        if scene.breathing:
            wave = math.sin(2.0 * math.pi * elapsed / BREATH_PERIOD_S)
            breath = round(wave * _BREATH_STEPS / 2) / (_BREATH_STEPS / 2)
            return replace(base, breath=breath, fps=BREATHING_FPS)
        return base
    a, b = key_pose(scene.from_pose), key_pose(scene.to_pose)
    if scene.motion == ONCE:
        moving = elapsed < duration
        return replace(base, pose=interpolate(a, b, ease(elapsed / duration)),
                       fps=MOVING_FPS if moving else 0)  # fmt: skip
    cycle = (elapsed / duration) % 1.0
    if scene.motion == LOOP:
        t = (1.0 - math.cos(2.0 * math.pi * cycle)) / 2.0
        return replace(base, pose=interpolate(a, b, t), fps=MOVING_FPS)
    if scene.motion == CIRCLE:
        # Past the middle the hips swing to the mirror image of the key pose; the hint keeps
        # turning the same way on screen, so it is drawn flipped whenever the body is.
        swing = math.sin(2.0 * math.pi * cycle)
        flipped = scene.mirrored != (swing < 0)
        pose = replace(interpolate(a, b, abs(swing)), cue=b.cue)
        turn = base.cue_direction * (-1 if flipped else 1)
        return replace(base, pose=pose, mirrored=flipped, cue_direction=turn, fps=MOVING_FPS)
    if scene.motion == SEQUENCE:
        return _sequence(scene, base, elapsed, duration)
    raise ValueError(f"unknown motion {scene.motion!r}")


def _sequence(scene: Scene, base: Frame, elapsed: float, duration: float) -> Frame:
    """Pauses at each pose, with an unhurried move between each pair."""
    poses = [key_pose(p) for p in scene.poses]
    dwell = duration * _DWELL_SHARE / len(poses)
    move = duration * (1.0 - _DWELL_SHARE) / (len(poses) - 1)
    start = 0.0
    for i, pose in enumerate(poses):
        if elapsed < start + dwell or i == len(poses) - 1:
            last = i == len(poses) - 1
            return replace(base, pose=pose, still_until_s=None if last else start + dwell)
        start += dwell
        if elapsed < start + move:
            t = ease((elapsed - start) / move)
            return replace(base, pose=grounded(interpolate(pose, poses[i + 1], t)),
                           fps=MOVING_FPS)  # fmt: skip
        start += move
    raise AssertionError("unreachable: the last pose returns")
