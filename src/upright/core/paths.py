"""Where Upright keeps its data: --data-dir beats UPRIGHT_DATA_DIR beats the platform's folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from upright.core.value import value

ENV_VAR = "UPRIGHT_DATA_DIR"


@value
class DataPaths:
    """The files in a person's data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "history.sqlite3"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def log(self) -> Path:
        return self.root / "upright.log"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def lock(self) -> Path:
        return self.root / "upright.lock"

    def ensure(self) -> DataPaths:
        """Create the folder, private to this user (mode 0700)."""
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self


def resolve_data_dir(cli_value: str | None, environ: Mapping[str, str] | None = None) -> DataPaths:
    env = os.environ if environ is None else environ
    if cli_value:
        return DataPaths(Path(cli_value).expanduser().resolve())
    if env.get(ENV_VAR):
        return DataPaths(Path(env[ENV_VAR]).expanduser().resolve())
    return DataPaths(Path(platformdirs.user_data_dir("upright", appauthor=False)))


def unreachable_link(path: Path) -> str | None:
    """Words for a history file that is a link to a place not there now (often a drive or a
    shared folder that is not connected), or None: said instead of a folder that cannot be
    written, which would send the person looking in the wrong place."""
    if not path.is_symlink() or path.exists():
        return None
    return f"{path} is a link to {os.readlink(path)}, which cannot be reached"
