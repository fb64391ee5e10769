"""Build the sdist, build the wheel from it, install that wheel in a fresh venv and run it there."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from upright import __version__
from upright.core.identity import APP_ID, ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (ROOT / "pyproject.toml").is_file(), reason="needs the source checkout"),
]


def run(*cmd: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DISPLAY")}
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # the installed self-check must pick offscreen itself
    out = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert out.returncode == 0, f"{cmd}:\n{out.stdout}\n{out.stderr}"
    return out


def asset_files() -> list[str]:
    return sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "assets").rglob("*") if p.is_file()
    )


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist, and the wheel built from the unpacked sdist (as pip does from PyPI)."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", out, cwd=ROOT)
    [sdist] = out.glob("upright-*.tar.gz")
    with tarfile.open(sdist) as tar:
        tar.extractall(out / "unpacked", filter="data")
    [source] = (out / "unpacked").iterdir()
    run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", out, source
    )
    [wheel] = out.glob("upright-*.whl")
    return {"sdist": sdist, "wheel": wheel}


@pytest.fixture(scope="module")
def venv(dist: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding only the wheel; PySide6 and the rest come from this interpreter."""
    target = tmp_path_factory.mktemp("venv") / "venv"
    run(sys.executable, "-m", "venv", "--system-site-packages", target)
    python = target / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    # --system-site-packages reaches the base interpreter only; when this test runs in a venv,
    # its packages (PySide6 ...) are added after the new venv's own, so the wheel comes first.
    here = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    Path(purelib.stdout.strip(), "_parent_env.pth").write_text("\n".join(sorted(here)) + "\n")
    run(python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "-I", dist["wheel"])
    return target


def test_the_sdist_holds_the_assets_and_the_packaging(dist: dict[str, Path]) -> None:
    with tarfile.open(dist["sdist"]) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert set(asset_files()) <= names
    packaging = {p.relative_to(ROOT).as_posix() for p in (ROOT / "packaging").rglob("*")}
    assert {n for n in packaging if (ROOT / n).is_file()} <= names
    assert {"pyproject.toml", "src/upright/__init__.py", "tools/make_icons.py"} <= names


def test_the_wheel_holds_every_asset_inside_the_package(dist: dict[str, Path]) -> None:
    assert dist["wheel"].name.startswith(f"upright-{__version__}-py3-none-any")
    names = set(zipfile.ZipFile(dist["wheel"]).namelist())
    assert "upright/assets/programs/builtin.json" in names
    missing = [f for f in asset_files() if f"upright/{f}" not in names]
    assert not missing, f"not in the wheel: {missing}"
    assert "upright/selfcheck.py" in names and "upright/core/assets.py" in names
    assert not any(n.startswith(("tests/", "packaging/", "assets/")) for n in names)


def test_the_installed_wheel_brings_its_menu_entry_and_icons(venv: Path) -> None:
    """Under <prefix>/share: ~/.local/share with `pip install --user`, where menus look."""
    share = venv / "share"
    assert (share / "applications" / f"{APP_ID}.desktop").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    for size in ICON_SIZES:
        assert (share / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file(), size


def test_the_installed_wheel_finds_its_own_assets(venv: Path) -> None:
    out = run(
        venv / "bin" / "python",
        "-c",
        "import upright, sysconfig; from upright.core.assets import assets_dir; "
        "print(upright.__file__); print(assets_dir()); print(sysconfig.get_path('purelib'))",
    )
    module, assets, purelib = out.stdout.split()
    assert Path(module) == Path(purelib) / "upright" / "__init__.py"  # not this checkout's
    assert Path(assets) == Path(purelib) / "upright" / "assets"


def test_the_installed_command_reports_the_package_version(venv: Path) -> None:
    out = run(venv / "bin" / "upright", "--version")
    meta = run(
        venv / "bin" / "python", "-c", "import importlib.metadata as m; print(m.version('upright'))"
    )
    assert out.stdout.strip() == f"upright {meta.stdout.strip()}"
    assert meta.stdout.strip() == __version__


def test_the_installed_command_passes_its_self_check(venv: Path) -> None:
    out = run(venv / "bin" / "upright", "--self-check")
    assert str(venv) in out.stdout  # it checked the installed assets
    assert out.stdout.rstrip().splitlines()[-1].startswith("OK"), out.stdout
