"""The illustration on screen: visible, distinct, in time with the clock, quiet when still."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from upright.core.catalog import load_builtin_catalog
from upright.core.clock import FakeClock
from upright.core.figure import BOXES
from upright.core.illustration import all_pose_ids, scene_for
from upright.core.key_poses import key_pose
from upright.core.motion import BREATHING_FPS, MOVING_FPS
from upright.core.phases import Phase
from upright.ui.illustration_view import IllustrationView, paint_pose

CATALOG = load_builtin_catalog()
WHITE = QColor("white").rgb()


def painted(pose_id: str, width: int, height: int, **options: bool) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_pose(painter, QRectF(0, 0, width, height), pose_id, **options)
    painter.end()
    return image


def ink(image: QImage, step: int = 2) -> tuple[int, tuple[int, int, int, int] | None]:
    """How many sampled pixels are not white, and their bounding box."""
    count, box = 0, None
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if image.pixel(x, y) != WHITE:
                count += 1
                box = (x, y, x, y) if box is None else (
                    min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y))  # fmt: skip
    return count, box


def digest(image: QImage) -> str:
    return hashlib.sha256(bytes(image.constBits())).hexdigest()


def same_moment(a, b) -> bool:
    """Two frames equal up to floating-point noise in the clock arithmetic."""
    values = [
        (x, y)
        for pa, pb in zip(a.pose.angles, b.pose.angles, strict=True)
        for x, y in zip(pa, pb, strict=True)
    ]
    values += list(zip(a.pose.root, b.pose.root, strict=True))
    return all(abs(x - y) < 1e-6 for x, y in values) and a.mirrored == b.mirrored


@pytest.fixture
def view(qtbot, clock: FakeClock) -> IllustrationView:
    widget = IllustrationView(clock.monotonic)
    qtbot.addWidget(widget)
    widget.resize(480, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_every_pose_paints_a_visible_figure_and_no_two_alike(qapp) -> None:
    digests = {}
    for pose_id in all_pose_ids():
        image = painted(pose_id, 480, 300)
        count, _ = ink(image, step=3)
        assert count > 0.02 * (480 * 300) / 9, f"{pose_id} is nearly blank"
        digests[pose_id] = digest(image)
    assert len(set(digests.values())) == len(digests)


@pytest.mark.parametrize("size", [(300, 200), (1280, 720), (3840, 2160)])
def test_paint_pose_scales_to_any_size_keeping_its_proportions(qapp, size) -> None:
    width, height = size
    image = painted("forearm-hold", width, height)
    count, box = ink(image, step=max(1, width // 400))
    assert count and box is not None
    # At any size the figure spans most of its frame's width, fitted without distortion.
    frame = BOXES["side"]
    used_width = box[2] - box[0]
    fitted_width = min(width, height * frame[2] / frame[3])
    assert 0.8 * fitted_width <= used_width <= fitted_width


def test_mirroring_and_highlight_change_the_picture(qapp) -> None:
    plain = digest(painted("side-reach", 400, 300))
    assert digest(painted("side-reach", 400, 300, mirrored=True)) != plain
    hold = digest(painted("chest-raise-hold", 400, 300))
    assert digest(painted("chest-raise-hold", 400, 300, highlight_muscles=True)) != hold
    assert digest(painted("chest-raise-hold", 400, 300, dark=True)) != hold


def test_a_still_scene_is_drawn_and_runs_no_timer(view: IllustrationView, clock) -> None:
    scene = scene_for(CATALOG.exercise("forearm-press-up"), Phase.REST)
    view.show_scene(scene, clock.monotonic(), 5.0)
    assert view.frame is not None and view.frame.pose == key_pose("forearm-rest")
    assert not view.animating
    assert view.accessibleDescription() == scene.description
    assert view.accessibleName() == "Exercise illustration"
    count, _ = ink(view.grab().toImage())
    assert count > 0


def test_a_lift_moves_from_rest_to_hold_then_stops(view: IllustrationView, clock) -> None:
    view.show_scene(scene_for(CATALOG.exercise("hand-press-up"), Phase.LIFT), clock.monotonic(), 2)
    assert view.frame is not None and view.frame.pose == key_pose("hands-rest")
    assert view.animating
    assert view._timer.interval() == round(1000 / MOVING_FPS)
    clock.advance(1.0)
    view.advance()
    middle = view.frame.pose
    assert middle not in (key_pose("hands-rest"), key_pose("hands-hold"))
    clock.advance(1.5)
    view.advance()
    assert view.frame.pose == key_pose("hands-hold")
    assert not view.animating, "nothing moves after the lift, so nothing is redrawn"


def test_pause_freezes_the_frame_and_resume_carries_on(view: IllustrationView, clock) -> None:
    view.show_scene(scene_for(CATALOG.exercise("chest-raise"), Phase.LOWER), clock.monotonic(), 2)
    clock.advance(0.6)
    view.advance()
    before = view.frame
    view.set_paused(True)
    assert not view.animating
    clock.advance(30.0)
    view.advance()
    assert view.frame == before, "paused: the picture does not move"
    view.set_paused(False)
    assert same_moment(view.frame, before), "resumed where it stopped"
    assert view.animating
    clock.advance(0.4)
    view.advance()
    assert view.frame != before


def test_a_hold_breathes_slowly(view: IllustrationView, clock) -> None:
    view.show_scene(scene_for(CATALOG.exercise("chest-raise"), Phase.HOLD), clock.monotonic(), 10)
    assert view.animating
    assert view._timer.interval() == round(1000 / BREATHING_FPS)
    first = view.frame
    clock.advance(1.2)
    view.advance()
    assert view.frame.pose == first.pose and view.frame.breath != first.breath


def test_a_sequence_sleeps_until_its_next_move(view: IllustrationView, clock) -> None:
    view.show_scene(scene_for(CATALOG.get_down, Phase.SETTLE), clock.monotonic(), 30.0)
    clock.advance(1.0)
    view.advance()
    assert not view.animating
    assert view._wake.isActive()
    assert view._wake.remainingTime() == pytest.approx(5000, abs=100)
    clock.advance(5.5)
    view.advance()
    assert view.animating


def test_a_warm_up_keeps_moving_while_shown_and_stops_when_hidden(view, clock) -> None:
    view.show_scene(scene_for(CATALOG.exercise("hip-circles"), Phase.MOVE, 1), clock.monotonic(), 4)
    assert view.animating
    clock.advance(1.0)
    view.advance()
    assert view.frame.pose.root == key_pose("hip-circle").root
    assert view.frame.mirrored, "the second side circles the other way: drawn mirrored"
    view.hide()
    assert not view.animating
    view.show()
    assert view.animating


def test_dark_colours_follow_the_setting(view: IllustrationView, clock) -> None:
    view.show_scene(scene_for(CATALOG.exercise("chest-raise"), Phase.REST), clock.monotonic(), 5)
    view.set_dark(False)
    light = digest(view.grab().toImage())
    view.set_dark(True)
    assert view.is_dark()
    assert digest(view.grab().toImage()) != light
