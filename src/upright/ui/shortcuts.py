"""Keyboard shortcuts: one way to give a page (or the whole app) its keys.

The key and its context are set by name through Qt's property system, which is the same as
passing QKeySequence("H") and Qt.ShortcutContext.WidgetWithChildrenShortcut: naming the `Qt`
namespace in Python makes PySide6 build all of its 93 enums at once (about 20 ms,
bench/bench_startup.py), QKeySequence its own (~1 ms), and the home page's keys are made before
the window's first paint. Each key is its own QShortcut (the property holds one key).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QWidget


def page_shortcut(page: QWidget, keys: str | Sequence[str], slot: Callable[[], object]) -> None:
    """``keys`` act while the focus is on ``page`` or on a widget in it (the page on show)."""
    _shortcuts(page, keys, slot, "WidgetWithChildrenShortcut")


def app_shortcut(window: QWidget, key: str, slot: Callable[[], object]) -> None:
    """``key`` acts wherever the focus is in the app."""
    _shortcuts(window, key, slot, "ApplicationShortcut")


def _shortcuts(
    owner: QWidget, keys: str | Sequence[str], slot: Callable[[], object], context: str
) -> None:
    for key in [keys] if isinstance(keys, str) else keys:
        shortcut = QShortcut(owner)
        shortcut.setProperty("key", key)  # QKeySequence(key), by its text (see above)
        shortcut.setProperty("context", context)  # Qt.ShortcutContext, by name (see above)
        shortcut.activated.connect(slot)
