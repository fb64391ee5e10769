"""PySide6's check of each imported module's source gives the same answers from the file's bytes
as its own, much slower, way (upright.ui.toolkit)."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

from upright.app import load_toolkit
from upright.ui.toolkit import FEATURE_MODULE, import_pyside


def check_in_place() -> Any:
    return sys.modules[FEATURE_MODULE]._mod_uses_pyside


def test_the_window_start_makes_pysides_check_read_bytes_once() -> None:
    load_toolkit()
    first = check_in_place()
    import_pyside()  # again: not wrapped twice
    # Fails if a PySide6 release no longer asks this way: the start-up would be ~2% slower.
    assert getattr(first, "reads_bytes", False)
    assert check_in_place() is first
    assert not getattr(first.original, "reads_bytes", False)


def test_it_answers_as_pyside_does_for_every_module_loaded(tmp_path: Path) -> None:
    import_pyside()
    check = check_in_place()
    gone = types.ModuleType("gone")  # its file deleted since it was imported
    gone.__file__ = str(tmp_path / "gone.py")
    modules = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
    modules.append(gone)
    answers = {m.__name__: check(m) for m in modules}
    assert answers == {m.__name__: check.original(m) for m in modules}
    # Both kinds are among them: Upright's window mentions PySide6, its core never does.
    assert answers["upright.ui.main_window"] and not answers["upright.core.history"]
    assert not answers["sys"] and not answers["gone"]  # built in; no file left
