"""The drawn figure: framed, layered, toned for depth, and written as faithful SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from upright.core.catalog import load_builtin_catalog
from upright.core.figure import build
from upright.core.figure_svg import illustration_svg, to_svg
from upright.core.illustration import all_pose_ids, scene_for, static_figure, titles
from upright.core.key_poses import key_pose
from upright.core.motion import frame_at
from upright.core.palette import DARK, LIGHT
from upright.core.phases import Phase
from upright.core.shapes import Rod, bounds, flipped, rod_path

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"


def inside(figure) -> bool:
    left, bottom, width, height = figure.box
    x0, y0, x1, y1 = bounds(figure.shapes)
    return x0 >= left and y0 >= bottom and x1 <= left + width and y1 <= bottom + height


@pytest.mark.parametrize("pose_id", all_pose_ids())
def test_every_key_pose_fits_its_frame(pose_id: str) -> None:
    assert inside(static_figure(pose_id)), "part of the figure would be cut off"


def test_every_moment_of_every_scene_fits_its_frame() -> None:
    for exercise in load_builtin_catalog().exercises:
        for phase in (Phase.MOVE, Phase.SETTLE, Phase.LIFT, Phase.HOLD, Phase.LOWER):
            for side in (0, 1):
                scene = scene_for(exercise, phase, side)
                for i in range(13):
                    f = frame_at(scene, i / 12 * 30.0, 30.0)
                    figure = build(f.pose, highlight=f.highlight, breath=f.breath,
                                   mirrored=f.mirrored, cue_direction=f.cue_direction)  # fmt: skip
                    assert inside(figure), (exercise.id, phase, side, i)


def test_side_views_lie_on_a_mat_and_the_chest_raises_on_a_pillow() -> None:
    for pose_id in all_pose_ids():
        roles = {s.role for s in static_figure(pose_id).shapes}
        assert {"skin", "top", "bottom", "hair"} <= roles
        if key_pose(pose_id).view == "side":
            assert "mat" in roles, pose_id
        assert ("pillow" in roles) == pose_id.startswith("chest-raise"), pose_id


def test_far_limbs_are_toned_darker_than_near_ones_in_side_views() -> None:
    shapes = build(key_pose("forearm-hold")).shapes
    skin_tones = {s.tone for s in shapes if s.role == "skin"}
    assert skin_tones == {"near", "far"}
    assert LIGHT.colour("skin", "far") != LIGHT.colour("skin", "near")
    standing = build(key_pose("stand")).shapes
    assert {s.tone for s in standing if s.role == "skin"} == {"near"}, "no far side from the front"


def test_highlight_marks_the_back_only_when_asked_and_only_where_the_back_shows() -> None:
    hold = key_pose("chest-raise-hold")
    assert not [s for s in build(hold).shapes if s.role == "muscle"]
    assert [s for s in build(hold, highlight=True).shapes if s.role == "muscle"]
    facing = build(key_pose("stand"), highlight=True).shapes
    assert not [s for s in facing if s.role == "muscle"], "the back is not seen from the front"


def test_mirroring_flips_the_picture_left_to_right() -> None:
    figure = build(key_pose("side-reach"))
    mirror = build(key_pose("side-reach"), mirrored=True)
    x0, y0, x1, y1 = bounds(figure.shapes)
    assert bounds(mirror.shapes) == pytest.approx((-x1, y0, -x0, y1))
    assert [flipped(s) for s in figure.shapes] == list(mirror.shapes)


def test_breathing_swells_only_the_chest() -> None:
    calm, full = build(key_pose("forearm-hold")), build(key_pose("forearm-hold"), breath=1.0)
    changed = [a for a, b in zip(calm.shapes, full.shapes, strict=True) if a != b]
    assert {s.role for s in changed} == {"top"}


def test_a_rod_outline_closes_on_itself() -> None:
    for rod in (
        Rod("skin", "near", (0, 0), (10, 3), 4, 2),
        Rod("skin", "near", (0, 0), (1, 0), 5, 1),
    ):
        ops = rod_path(rod)
        start, end = ops[0].to, ops[-1].to
        assert start == pytest.approx(end)


@pytest.mark.parametrize("pose_id", all_pose_ids())
def test_the_svg_is_well_formed_and_carries_its_words(pose_id: str) -> None:
    text = illustration_svg(pose_id, "A title")
    root = ET.fromstring(text)
    assert root.find(f"{SVG}title").text == "A title"
    assert root.find(f"{SVG}desc").text
    drawn = [e for e in root if e.tag not in (f"{SVG}title", f"{SVG}desc")]
    assert len(drawn) == len(static_figure(pose_id).shapes) + 1  # and the background
    assert root.get("role") == "img"


def test_svg_is_deterministic_and_differs_between_poses_and_themes() -> None:
    texts = {p: illustration_svg(p, p) for p in all_pose_ids()}
    assert len(set(texts.values())) == len(texts)
    assert illustration_svg("kneel", "kneel") == texts["kneel"]
    figure = static_figure("kneel")
    light = to_svg(figure, LIGHT, title="t", description="d")
    dark = to_svg(figure, DARK, title="t", description="d")
    assert light != dark


def test_the_committed_illustrations_match_the_pose_data() -> None:
    names = titles(load_builtin_catalog())
    for pose_id in all_pose_ids():
        committed = ROOT / "assets" / "illustrations" / f"{pose_id}.svg"
        assert committed.read_text(encoding="utf-8") == illustration_svg(pose_id, names[pose_id]), (
            f"{committed.name} is stale: run tools/make_illustrations.py"
        )
        assert (ROOT / "assets" / "illustrations" / "png" / f"{pose_id}.png").is_file()
    assert (ROOT / "docs" / "contact-sheet.png").is_file()
