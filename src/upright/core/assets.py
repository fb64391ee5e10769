"""The one way to find Upright's shipped assets, in a checkout, an installed wheel or a bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


class AssetsMissingError(RuntimeError):
    """Raised when no assets folder can be found: the installation is broken."""


def _candidates() -> list[Path]:
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # a PyInstaller bundle unpacks data next to the code
        found.append(Path(bundle) / "upright" / "assets")
    found.append(_PACKAGE_DIR / "assets")  # an installed wheel maps assets/ into the package
    found.append(_PACKAGE_DIR.parent.parent / "assets")  # a checkout: src/upright/../../assets
    return found


@cache
def assets_dir() -> Path:
    """The folder holding programs/, illustrations/, sounds/ and icons/."""
    for candidate in _candidates():
        if (candidate / "programs").is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _candidates())
    raise AssetsMissingError(f"Upright's assets are missing (looked in {tried}); reinstall it.")


def asset_path(*parts: str) -> Path:
    """A file inside the assets folder, e.g. asset_path("sounds", "lift.wav")."""
    return assets_dir().joinpath(*parts)
