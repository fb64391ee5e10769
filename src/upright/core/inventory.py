"""What the assets folder must hold for this catalogue, and a check of what it really holds."""

from __future__ import annotations

import wave
from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path

from upright.core.cues import Tone
from upright.core.identity import ICON_SIZES, ICON_SVG, icon_png
from upright.core.program import Catalog
from upright.core.value import value


class AssetKind(StrEnum):
    """One sub-folder of assets/."""

    PROGRAMS = "programs"
    ILLUSTRATIONS = "illustrations"
    SOUNDS = "sounds"
    ICONS = "icons"


# The kinds this version of Upright must ship: a missing folder or file of these fails the
# self-check. A kind left out is still checked in full whenever its folder is present, so this
# set grows as each kind lands (add ILLUSTRATIONS and SOUNDS when their assets are merged).
REQUIRED_KINDS: frozenset[AssetKind] = frozenset(
    {AssetKind.PROGRAMS, AssetKind.ICONS, AssetKind.ILLUSTRATIONS, AssetKind.SOUNDS}
)

# Which files of a folder are checked even when nothing refers to them by name.
_PATTERNS = {
    AssetKind.PROGRAMS: "*.json",
    AssetKind.ILLUSTRATIONS: "*.svg",
    AssetKind.SOUNDS: "*.wav",
    AssetKind.ICONS: "*",
}

Loader = Callable[[Path], str | None]  # a problem in plain words, or None when the file loads


def expected_files(catalog: Catalog) -> dict[AssetKind, tuple[str, ...]]:
    """The file names each kind must hold: one illustration per pose, one sound per tone ..."""
    poses = dict.fromkeys(pose for exercise in catalog.exercises for pose in exercise.poses)
    return {
        AssetKind.PROGRAMS: ("builtin.json",),
        AssetKind.ILLUSTRATIONS: tuple(f"{pose}.svg" for pose in poses),
        AssetKind.SOUNDS: tuple(f"{tone.value}.wav" for tone in Tone),
        AssetKind.ICONS: (ICON_SVG, *(icon_png(size) for size in ICON_SIZES)),
    }


@value
class KindReport:
    """What one assets sub-folder holds, against what it should."""

    kind: AssetKind
    required: bool
    present: bool  # the folder exists
    expected: tuple[str, ...]
    found: tuple[str, ...]  # every file checked: the expected ones present and any others
    missing: tuple[str, ...]
    broken: tuple[str, ...]  # "name: why it does not load"

    @property
    def ok(self) -> bool:
        if not self.present:
            return not self.required
        return not self.missing and not self.broken

    @property
    def problems(self) -> tuple[str, ...]:
        if not self.present:
            return (f"the folder {self.kind.value}/ is missing",) if self.required else ()
        return tuple(f"missing {self.kind.value}/{n}" for n in self.missing) + tuple(
            f"{self.kind.value}/{b}" for b in self.broken
        )


def check_kind(
    root: Path, kind: AssetKind, expected: tuple[str, ...], loader: Loader | None = None
) -> KindReport:
    folder = root / kind.value
    required = kind in REQUIRED_KINDS
    if not folder.is_dir():
        return KindReport(kind, required, False, expected, (), expected, ())
    present = {p.name for p in folder.glob(_PATTERNS[kind]) if p.is_file()}
    missing = tuple(name for name in expected if name not in present)
    found = tuple(sorted(present))
    broken: list[str] = []
    if loader is not None:
        for name in found:
            problem = loader(folder / name)
            if problem:
                broken.append(f"{name}: {problem}")
    return KindReport(kind, required, True, expected, found, missing, tuple(broken))


def check_assets(
    root: Path, catalog: Catalog, loaders: Mapping[AssetKind, Loader] | None = None
) -> tuple[KindReport, ...]:
    """One report per kind; each file found is loaded with the loader given for its kind."""
    loaders = {AssetKind.SOUNDS: wav_problem, **(loaders or {})}
    return tuple(
        check_kind(root, kind, names, loaders.get(kind))
        for kind, names in expected_files(catalog).items()
    )


def wav_problem(path: Path) -> str | None:
    """Why a WAV file cannot be played, or None: it must be PCM with at least one frame."""
    try:
        with wave.open(str(path), "rb") as sound:
            if sound.getnframes() == 0:
                return "it holds no sound"
            if not 8000 <= sound.getframerate() <= 192_000:
                return f"its sample rate {sound.getframerate()} Hz is not playable"
    except (wave.Error, EOFError, OSError) as exc:
        return f"not a readable WAV file ({exc})"
    return None
