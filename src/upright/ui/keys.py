"""The keyboard and clicker map of a running session, applied before any widget sees the key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication

from upright.ui.answer_keys import answer_keys

K = Qt.Key
# Presentation clickers send Page Up/Page Down (some send B, period or F5/Esc); keyboards with
# media keys send Play/Pause, Next and Previous.
SESSION_KEYS: dict[str, tuple[Qt.Key, ...]] = {
    "pause": (K.Key_Space, K.Key_MediaPlay, K.Key_MediaPause, K.Key_MediaTogglePlayPause),
    "next": (K.Key_Right, K.Key_PageDown, K.Key_MediaNext),
    "back": (K.Key_Left, K.Key_PageUp, K.Key_MediaPrevious),
    "end_hold": (K.Key_Down,),
    "stop": (K.Key_Escape, K.Key_MediaStop),
    "pain": (K.Key_P,),
}


class SessionKeys(QObject):
    """An application-wide event filter, installed only while a session is on screen.

    It sees keys before the focused button does, so Space can never "click" whichever button
    happens to have focus. Enter activates a button the user has tabbed to, and otherwise
    pauses or resumes, like Space.
    """

    def __init__(self, actions: dict[str, Callable[[], None]], parent: QObject | None = None):
        super().__init__(parent)
        self._actions = actions
        self._by_key = {key: name for name, keys in SESSION_KEYS.items() for key in keys}
        self.active = False

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self.active:
            app.installEventFilter(self)
            self.active = True

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self.active:
            app.removeEventFilter(self)
            self.active = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if QApplication.activeModalWidget() is not None:
            return False  # a dialog is open: its own keys apply
        key = Qt.Key(event.key())
        if key in answer_keys().enter:
            # Key events go to the focused widget: a button the user tabbed to.
            if isinstance(watched, QAbstractButton) and watched.isEnabled():
                watched.click()
            else:
                self._actions["pause"]()
            return True
        name = self._by_key.get(key)
        if name is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if not event.isAutoRepeat():
            self._actions[name]()
        return True
