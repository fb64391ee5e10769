"""Driving the real window by keyboard alone, as a person at the mat would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from upright.core.clock import FakeClock
from upright.ui.main_window import MainWindow


def show_active(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def press(qtbot: QtBot, *keys: Qt.Key) -> None:
    """Each key goes to whatever has the keyboard focus."""
    for key in keys:
        focused = QApplication.focusWidget()
        assert focused is not None, "nothing has the keyboard focus"
        qtbot.keyClick(focused, key)


def run(window: MainWindow, clock: FakeClock, seconds: float, step: float = 0.1) -> None:
    """Let the session's time pass, looking at the clock as often as the app does."""
    for _ in range(round(seconds / step)):
        clock.advance(step)
        if window.flow is None:
            return
        window.flow.runner.tick()


def answer_after(qtbot: QtBot, pain: int, effort: int) -> None:
    """Pain now, then effort, each a single digit and Enter."""
    digit = {n: getattr(Qt.Key, f"Key_{n}") for n in range(10)}
    press(qtbot, digit[pain], Qt.Key.Key_Return, digit[effort], Qt.Key.Key_Return)
