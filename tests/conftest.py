"""Shared test set-up: Qt offscreen, GUI tests marked, a fake clock and a private data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before anything imports Qt: there is no display on CI, and without this Qt aborts.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

from upright.core.clock import FakeClock

_GUI_DIRS = ("ui", "e2e")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(f"{os.sep}{d}{os.sep}" in str(item.path) for d in _GUI_DIRS):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder; UPRIGHT_DATA_DIR points at it so nothing touches the real one."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("UPRIGHT_DATA_DIR", str(folder))
    return folder
