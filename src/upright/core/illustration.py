"""Which picture, and which movement of it, belongs to each exercise and session phase."""

from __future__ import annotations

from upright.core.figure import Figure, build
from upright.core.key_poses import key_pose, key_poses
from upright.core.phases import Phase
from upright.core.pose import MAT_TOP
from upright.core.program import Catalog, Exercise, ExerciseKind
from upright.core.solids import part_lowest
from upright.core.value import value

STILL, ONCE, LOOP, CIRCLE, SEQUENCE = "still", "once", "loop", "circle", "sequence"

_DESCRIPTIONS = {
    "stand": "Standing tall, feet hip-width apart, arms relaxed by the sides.",
    "side-reach": "Standing tall, one arm reaching up and over the head towards the opposite "
    "side while the trunk bends gently sideways.",
    "hands-on-hips": "Standing tall with the hands on the hips and the knees soft.",
    "hip-circle": "Hands on the hips, the hips carried round in a small, slow circle over "
    "still feet, the spine upright; a dashed ring shows the way round.",
    "kneel": "On hands and knees on the mat: hands under the shoulders, knees under the hips, "
    "back long, looking at the mat.",
    "side-lying": "Lying on one side on the mat, knees a little bent, the lower arm along the "
    "mat beyond the head and the upper arm along the body.",
    "prone-flat": "Lying face down on the mat, flat and relaxed, one arm along the mat beyond "
    "the head and the other along the body.",
    "forearm-rest": "Lying face down on the mat, forearms on the floor beside the body, close "
    "to the sides, forehead down and neck long.",
    "forearm-hold": "Propped on the forearms: elbows just under the shoulders, forearms flat on "
    "the mat, chest lifted; hips, legs and feet relaxed on the mat; looking at the floor with "
    "a long neck.",
    "hands-rest": "Lying face down with the hands flat on the mat beside the face and the "
    "elbows bent, as if starting a push-up.",
    "hands-hold": "Upper body pushed up on straight arms, hands flat on the mat; the back "
    "arches gently while the hips and legs stay on the mat; looking at the floor.",
    "chest-raise-rest": "Lying face down with a pillow under the hips, arms back along the "
    "body, head resting.",
    "chest-raise-hold": "Head and chest lifted off the mat, arms lifted back along the body "
    "with the hands clasped behind; hips on the pillow, legs on the mat; eyes on the floor, "
    "neck long.",
    "chest-raise-legs-rest": "Lying face down with a pillow under the hips, arms back along "
    "the body and legs long, head resting.",
    "chest-raise-legs-hold": "Head, chest and legs lifted off the mat together, arms lifted "
    "back along the body with the hands clasped behind; hips on the pillow; eyes on the "
    "floor, neck long.",
}
_WORKING = " The back muscles along the spine are highlighted: they are doing the work."
_BREATHING = " The chest rises and falls gently: keep breathing."


@value
class Scene:
    """What the illustration shows during one phase.

    ``motion``: "still" shows ``to_pose``; "once" moves from ``from_pose`` to ``to_pose`` over
    the phase; "loop" goes there and back once per repetition; "circle" swings to
    ``to_pose``, back, to its mirror image and back once per repetition (the hips' circle
    seen from the front); "sequence" passes through ``via`` with a pause at every pose.
    ``mirrored`` draws the other side; ``description`` is the picture in words.
    """

    from_pose: str
    to_pose: str
    motion: str
    highlight_muscles: bool
    mirrored: bool
    description: str
    via: tuple[str, ...] = ()
    breathing: bool = False

    @property
    def poses(self) -> tuple[str, ...]:
        """Every key pose the scene shows, in order."""
        if self.motion == STILL:
            return (self.to_pose,)
        return (self.from_pose, *self.via, self.to_pose)


def all_pose_ids() -> tuple[str, ...]:
    """Every illustration id Upright can draw."""
    return tuple(key_poses())


def describe(pose_id: str) -> str:
    """The pose in plain words: the text alternative of its picture."""
    key_pose(pose_id)  # an unknown id is an error, not an empty description
    return _DESCRIPTIONS[pose_id]


def extensors_work(pose_id: str) -> bool:
    """Whether the back extensors hold this pose up: the chest is off the mat and no hand
    props it. (In the press-ups the arms carry the lift: those are supported positions.)"""
    pose = key_pose(pose_id)
    if pose.view != "side" or any(p.startswith("hand") for p, _ in pose.contacts):
        return False
    return part_lowest(pose, "chest") > MAT_TOP + 2.0


def static_figure(pose_id: str) -> Figure:
    """A key pose as printed or saved: working muscles marked where they work."""
    return build(key_pose(pose_id), highlight=extensors_work(pose_id))


def titles(catalog: Catalog) -> dict[str, str]:
    """A short title for every pose ("Chest raise: hold"), from the exercise that uses it."""
    out: dict[str, str] = {}
    for exercise in catalog.exercises:
        for i, pose_id in enumerate(exercise.poses):
            if exercise.kind is ExerciseKind.TRANSITION:
                stage = f"step {i + 1} of {len(exercise.poses)}"
            elif i == 0:
                stage = "start"
            else:
                stage = "hold" if exercise.kind is ExerciseKind.HOLD else "movement"
            out.setdefault(pose_id, f"{exercise.name}: {stage}")
    return out


def _still(pose_id: str, mirrored: bool = False, prefix: str = "") -> Scene:
    return Scene(pose_id, pose_id, STILL, False, mirrored, prefix + describe(pose_id))


def scene_for(exercise: Exercise, phase: Phase, side_index: int = 0) -> Scene:
    """The scene for an exercise in a phase (``side_index`` counts a warm-up's sides)."""
    poses = exercise.poses
    if exercise.kind is ExerciseKind.WARMUP:
        return _warmup(exercise, phase, side_index)
    if exercise.kind is ExerciseKind.TRANSITION:
        if phase is Phase.SETTLE and len(poses) > 1:
            steps = " Then: ".join(describe(p) for p in poses)
            return Scene(poses[0], poses[-1], SEQUENCE, False, False, f"Step by step. {steps}",
                         via=poses[1:-1])  # fmt: skip
        return _still(poses[-1] if phase is Phase.DONE else poses[0])
    rest, hold = poses[0], poses[-1]
    working = extensors_work(hold)
    extra = _WORKING if working else ""
    if phase is Phase.LIFT:
        text = f"Lifting slowly. From: {describe(rest)} To: {describe(hold)}{extra}"
        return Scene(rest, hold, ONCE, working, False, text)
    if phase is Phase.HOLD:
        return Scene(hold, hold, STILL, working, False, describe(hold) + extra + _BREATHING,
                     breathing=True)  # fmt: skip
    if phase is Phase.LOWER:
        text = f"Lowering slowly. From: {describe(hold)} To: {describe(rest)}{extra}"
        return Scene(hold, rest, ONCE, working, False, text)
    return _still(rest)


def _warmup(exercise: Exercise, phase: Phase, side_index: int) -> Scene:
    start, move = exercise.poses[0], exercise.poses[-1]
    sides = exercise.movement.sides if exercise.movement else ()
    mirrored = side_index % 2 == 1
    label = f"{sides[side_index % len(sides)].capitalize()}. " if sides else ""
    if phase is not Phase.MOVE:
        return _still(start, mirrored, label)
    motion = CIRCLE if key_pose(move).cue else LOOP
    text = f"{label}Slowly, again and again. From: {describe(start)} To: {describe(move)}"
    return Scene(start, move, motion, False, mirrored, text)
