"""Keyboard shortcuts: one way to give a page (or the whole app) its keys.

The context is set by name through Qt's property system, which is the same as passing
Qt.ShortcutContext.WidgetWithChildrenShortcut: naming the `Qt` namespace in Python makes PySide6
build all of its 93 enums at once (about 20 ms, bench/bench_startup.py), and the home page's
keys are made before the window's first paint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def page_shortcut(
    page: QWidget, keys: str | Sequence[str], slot: Callable[[], object]
) -> QShortcut:
    """``keys`` act while the focus is on ``page`` or on a widget in it (the page on show)."""
    return _shortcut(page, keys, slot, "WidgetWithChildrenShortcut")


def app_shortcut(window: QWidget, key: str, slot: Callable[[], object]) -> QShortcut:
    """``key`` acts wherever the focus is in the app."""
    return _shortcut(window, key, slot, "ApplicationShortcut")


def _shortcut(
    owner: QWidget, keys: str | Sequence[str], slot: Callable[[], object], context: str
) -> QShortcut:
    shortcut = QShortcut(owner)
    shortcut.setKeys([QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)])
    shortcut.setProperty("context", context)  # Qt.ShortcutContext, by name (see above)
    shortcut.activated.connect(slot)
    return shortcut
