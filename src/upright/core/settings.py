"""The person's small preferences, kept as a JSON file; a bad file falls back to defaults."""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from upright.core.atomic import write_atomically
from upright.core.profiles import name_problem
from upright.core.reading import read_small_file
from upright.core.value import as_dict, field_names, replace, value


@value
class Settings:
    """The user's choices, kept in settings.json."""

    level: str = "beginner"
    profile: str = "default"
    warmups: bool = True
    tones: bool = True
    voice: bool = True
    volume: float = 0.8
    speech_rate: float = 0.0  # -1 slow .. 1 fast
    voice_name: str = ""
    count_down_from: int = 3
    text_scale: float = 1.0  # 1.0 .. 2.0
    high_contrast: bool = False
    flash: bool = False


_LIMITS: dict[str, tuple[float, float]] = {
    "volume": (0.0, 1.0),
    "speech_rate": (-1.0, 1.0),
    "count_down_from": (0, 10),
    "text_scale": (1.0, 2.0),
}


# Far more than the settings ever take: a bigger file is not one Upright wrote.
MAX_SETTINGS_BYTES = 64 * 1024


def _accept(name: str, value: Any, default: Any, level_ids: Collection[str]) -> bool:
    if name == "level":  # a level this Upright has: another one would stop it at the start
        return value in level_ids
    if type(default) is bool:
        return isinstance(value, bool)
    if name == "profile":  # a name the people page and --profile would take, as they store it
        return isinstance(value, str) and name_problem(value) is None and value == value.strip()
    if isinstance(default, str):
        return isinstance(value, str) and len(value) <= 200
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    low, high = _LIMITS.get(name, (float("-inf"), float("inf")))
    return low <= value <= high and (not isinstance(default, int) or isinstance(value, int))


def load_settings(path: Path, level_ids: Collection[str]) -> tuple[Settings, str | None]:
    """The settings, and a plain message if the file had to be (partly) ignored. ``level_ids``:
    the catalogue's levels (one written by a newer Upright, or by hand, may not be among them)."""
    try:
        raw = read_small_file(path, MAX_SETTINGS_BYTES)
        if len(raw) > MAX_SETTINGS_BYTES:
            raise ValueError(f"it is larger than {MAX_SETTINGS_BYTES // 1024} KiB")
        data = json.loads(raw.decode("utf-8-sig"))  # a byte order mark, as Notepad writes, is fine
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except FileNotFoundError:  # the first start
        return Settings(), None
    except OSError as exc:  # a folder, a FIFO, a device, no permission
        why = exc.strerror
    except UnicodeDecodeError as exc:  # not the codec's words: the person needs to know what
        why = f"it is not text: byte {exc.start + 1} is not UTF-8"
    except ValueError as exc:  # JSON's own words name the line and column
        why = str(exc)
    else:
        return _chosen(data, level_ids)
    return Settings(), f"Your settings file {path} could not be read ({why}); defaults are in use."


def _chosen(data: dict[str, Any], level_ids: Collection[str]) -> tuple[Settings, str | None]:
    """The valid settings in ``data`` over the defaults, and a note naming the others."""
    defaults = Settings()
    chosen: dict[str, Any] = {}
    ignored: list[str] = []
    for name in field_names(Settings):
        if name in data:
            if _accept(name, data[name], getattr(defaults, name), level_ids):
                chosen[name] = data[name]
            else:
                ignored.append(name)
    note = None
    if ignored:
        note = f"Some settings were not valid and were reset: {', '.join(ignored)}."
    return replace(defaults, **chosen), note


def save_settings(path: Path, settings: Settings) -> None:
    write_atomically(path, json.dumps(as_dict(settings), indent=2) + "\n")
