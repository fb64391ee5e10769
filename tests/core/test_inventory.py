"""The asset inventory: what each kind must hold, and how a check reports what is there."""

from __future__ import annotations

import wave
from pathlib import Path

from upright.core.catalog import load_builtin_catalog
from upright.core.cues import Tone
from upright.core.identity import ICON_SIZES
from upright.core.inventory import (
    REQUIRED_KINDS,
    AssetKind,
    check_assets,
    check_kind,
    expected_files,
    wav_problem,
)


def write_wav(path: Path, frames: int = 441) -> None:
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(44_100)
        sound.writeframes(b"\x00\x01" * frames)


def test_every_pose_and_every_tone_needs_a_file() -> None:
    catalog = load_builtin_catalog()
    expected = expected_files(catalog)
    poses = {p for e in catalog.exercises for p in e.poses}
    assert set(expected[AssetKind.ILLUSTRATIONS]) == {f"{p}.svg" for p in poses}
    assert len(expected[AssetKind.ILLUSTRATIONS]) == len(poses)  # each pose once
    assert set(expected[AssetKind.SOUNDS]) == {f"{t.value}.wav" for t in Tone}
    assert "upright.svg" in expected[AssetKind.ICONS]
    assert len(expected[AssetKind.ICONS]) == len(ICON_SIZES) + 1
    assert expected[AssetKind.PROGRAMS] == ("builtin.json",)


def test_a_required_kind_without_its_folder_fails(tmp_path: Path) -> None:
    assert AssetKind.ICONS in REQUIRED_KINDS
    report = check_kind(tmp_path, AssetKind.ICONS, ("upright.svg",))
    assert not report.ok
    assert report.problems == ("the folder icons/ is missing",)


def test_a_kind_with_a_file_missing_is_incomplete(tmp_path: Path) -> None:
    assert AssetKind.SOUNDS in REQUIRED_KINDS
    (tmp_path / "sounds").mkdir()
    write_wav(tmp_path / "sounds" / "lift.wav")
    partial = check_kind(tmp_path, AssetKind.SOUNDS, ("lift.wav", "done.wav"))
    assert not partial.ok
    assert partial.problems == ("missing sounds/done.wav",)


def test_illustrations_are_required(tmp_path: Path) -> None:
    assert AssetKind.ILLUSTRATIONS in REQUIRED_KINDS
    absent = check_kind(tmp_path, AssetKind.ILLUSTRATIONS, ("stand.svg",))
    assert not absent.ok


def test_sounds_are_opened_and_a_broken_one_is_named(tmp_path: Path) -> None:
    sounds = tmp_path / "sounds"
    sounds.mkdir()
    for tone in Tone:
        write_wav(sounds / f"{tone.value}.wav")
    (sounds / "lift.wav").write_bytes(b"not a wave file")
    write_wav(sounds / "extra.wav", frames=0)
    reports = {r.kind: r for r in check_assets(tmp_path, load_builtin_catalog())}
    sound = reports[AssetKind.SOUNDS]
    assert not sound.ok and sound.missing == ()
    assert [b.split(":")[0] for b in sound.broken] == ["extra.wav", "lift.wav"]
    assert "holds no sound" in sound.broken[0]
    assert "extra.wav" in sound.found


def test_a_loader_given_for_a_kind_is_used_on_each_file(tmp_path: Path) -> None:
    (tmp_path / "icons").mkdir()
    for name in ("upright.svg", "upright-16.png"):
        (tmp_path / "icons" / name).write_text("x")
    seen: list[str] = []

    def loader(path: Path) -> str | None:
        seen.append(path.name)
        return "unreadable" if path.suffix == ".png" else None

    report = check_kind(tmp_path, AssetKind.ICONS, ("upright.svg", "upright-16.png"), loader)
    assert sorted(seen) == ["upright-16.png", "upright.svg"]
    assert report.broken == ("upright-16.png: unreadable",)


def test_wav_problem_accepts_a_real_sound(tmp_path: Path) -> None:
    write_wav(tmp_path / "ok.wav")
    assert wav_problem(tmp_path / "ok.wav") is None
    assert wav_problem(tmp_path / "absent.wav") is not None


def test_this_checkout_holds_every_required_kind() -> None:
    from upright.core.assets import assets_dir

    for report in check_assets(assets_dir(), load_builtin_catalog()):
        if report.kind in REQUIRED_KINDS:
            assert report.ok, report.problems
