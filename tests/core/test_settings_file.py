"""The settings file as people and programs leave it: odd files give defaults and a note."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from upright.core.catalog import load_builtin_catalog
from upright.core.profiles import MAX_NAME
from upright.core.settings import Settings, load_settings

LEVELS = load_builtin_catalog().level_ids


def loaded_within(path: Path, seconds: float = 10.0) -> tuple[Settings, str | None]:
    """load_settings on another thread, so a read that blocks fails the test, not hangs it."""
    result: list[tuple[Settings, str | None]] = []
    reader = threading.Thread(
        target=lambda: result.append(load_settings(path, LEVELS)), daemon=True
    )
    reader.start()
    reader.join(seconds)
    assert result, f"reading {path} did not finish within {seconds} s"
    return result[0]


def _fifo(path: Path) -> None:
    os.mkfifo(path)  # nothing will ever write to it: opening it to read would wait for good


def _endless(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize("make", [_fifo, _endless, _folder], ids=["fifo", "dev-zero", "folder"])
def test_a_settings_path_that_is_not_a_file_gives_defaults_at_once(
    tmp_path: Path, make: Callable[[Path], None]
) -> None:
    path = tmp_path / "settings.json"
    make(path)
    loaded, note = loaded_within(path)
    assert loaded == Settings()
    assert note == (
        f"Your settings file {path} could not be read (it is not a file); defaults are in use."
    )


def test_a_settings_file_that_is_not_text_is_said_so(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b'{"text_scale": 1.5, "profile": "Zo\xeb"}')  # Latin-1, not UTF-8
    settings, note = load_settings(path, LEVELS)
    assert settings == Settings()
    assert note == (
        f"Your settings file {path} could not be read (it is not text: byte 35 is not UTF-8); "
        "defaults are in use."
    )


def test_a_huge_settings_file_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    with path.open("wb") as sparse:  # 1 GiB of nothing, on no disk space
        sparse.truncate(1 << 30)
    loaded, note = loaded_within(path)
    assert loaded == Settings() and note is not None and "larger than 64 KiB" in note


def test_a_byte_order_mark_is_read_past(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b'\xef\xbb\xbf{"text_scale": 1.5}')  # as Notepad saves it
    assert load_settings(path, LEVELS) == (Settings(text_scale=1.5), None)


@pytest.mark.parametrize("name", ["a\u0000b", "two\nlines", " padded", "", "x" * (MAX_NAME + 1)])
def test_a_profile_name_no_page_would_take_is_reset(tmp_path: Path, name: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"profile": name, "volume": 0.5}))
    loaded, note = load_settings(path, LEVELS)
    assert loaded == Settings(volume=0.5)
    assert note == "Some settings were not valid and were reset: profile."


def test_a_level_this_upright_does_not_have_is_reset(tmp_path: Path) -> None:
    """Written by a newer Upright, or by hand: before, it stopped the window at the start."""
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"level": "expert", "volume": 0.5}))
    assert load_settings(path, LEVELS) == (
        Settings(volume=0.5),
        "Some settings were not valid and were reset: level.",
    )
    path.write_text(json.dumps({"level": LEVELS[-1]}))
    assert load_settings(path, LEVELS) == (Settings(level=LEVELS[-1]), None)
