"""PySide6 imported, with one of its start-up costs made small.

Once PySide6 is imported, every import statement goes through its own import function. The first
time a module is named, PySide6 asks whether the module's source mentions "PySide6" (for its
opt-in ``from __feature__ import snake_case`` switches, which Upright does not use), and answers
with ``inspect.getsource``: the whole file decoded, split into lines and kept in memory. That is
0.05-0.5 ms a module (typing.py, named by the window's modules, is the slowest): 3 ms of the
window's start (about 2%, bench/bench_startup.py), and more when the charts load numpy and
pyqtgraph (the cost is described in napari's issue 8584). The same question is answered here
from the file's bytes. If a PySide6 release changes how it asks, its own way stays, and
tests/ui/test_toolkit.py says so.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"  # where PySide6 keeps the check, by this name


def import_pyside() -> None:
    """Import PySide6 and make its per-module source check read bytes (once per process)."""
    import PySide6  # noqa: F401  (installs PySide6's import function and its feature module)

    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "reads_bytes", False):
        return
    feature._mod_uses_pyside = source_mentions_pyside(original)  # type: ignore[attr-defined]


def source_mentions_pyside(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """PySide6's question, answered from a Python module's file; anything else is left to it."""

    def mentions_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    # Python source is in an ASCII-compatible encoding: the name is these bytes.
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    mentions_pyside.reads_bytes = True  # type: ignore[attr-defined]
    mentions_pyside.original = original  # type: ignore[attr-defined]  (the tests compare the two)
    return mentions_pyside
