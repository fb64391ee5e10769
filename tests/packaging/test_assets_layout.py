"""assets_dir() finds the assets in each layout: a checkout, a PyInstaller bundle (and, in
test_wheel.py, an installed wheel). It stays the one lookup: nothing else builds asset paths."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from upright.core import assets

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_lookup() -> Iterator[None]:
    assets.assets_dir.cache_clear()
    yield
    assets.assets_dir.cache_clear()


@pytest.mark.skipif(not (ROOT / "src" / "upright").is_dir(), reason="needs the source checkout")
def test_a_checkout_uses_the_top_level_assets_folder() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run(
        [sys.executable, "-c", "from upright.core.assets import assets_dir; print(assets_dir())"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert Path(out.stdout.strip()) == ROOT / "assets"


def test_a_bundle_uses_the_folder_next_to_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookup: None
) -> None:
    bundled = tmp_path / "upright" / "assets"
    (bundled / "programs").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert assets.assets_dir() == bundled
    assert assets.asset_path("icons", "upright.svg") == bundled / "icons" / "upright.svg"


def test_a_bundle_without_assets_falls_back_rather_than_guessing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookup: None
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert assets.assets_dir() != tmp_path / "upright" / "assets"
    assert (assets.assets_dir() / "programs" / "builtin.json").is_file()


def test_no_other_module_builds_paths_to_the_assets() -> None:
    source = Path(assets.__file__).resolve().parents[1]
    signs = ("_MEIPASS", '/ "assets"', '"assets" /', "'assets'")
    offenders = [
        str(p.relative_to(source))
        for p in source.rglob("*.py")
        if p.name != "assets.py" and any(sign in p.read_text() for sign in signs)
    ]
    assert not offenders
