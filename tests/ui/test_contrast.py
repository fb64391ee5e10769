"""Every word on screen stands out from what is behind it, in the usual look and in the high-
contrast one (for low vision). Each label is read back from the window as drawn: a rule missing
from one look once left the safety questions in white on a pale grey, and the home page's
"not saved yet" notice in white on pale yellow."""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from history_builder import add_session
from upright.app import build_context
from upright.core.checkins import SCREENING, record_checkin
from upright.core.clock import FakeClock
from upright.core.history import History
from upright.core.paths import resolve_data_dir
from upright.core.value import replace
from upright.ui.main_window import MainWindow

AA = 4.5  # WCAG's least contrast for body text


def luminance(rgb: int) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: int, b: int) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def words_contrast(window: MainWindow) -> dict[str, float]:
    """Each visible label's words: the contrast of its inkiest pixel with its commonest one."""
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    bits = bytes(image.constBits())
    stride, seen = image.bytesPerLine(), {}
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        area = label.contentsRect().intersected(label.visibleRegion().boundingRect())
        area.translate(label.mapTo(window, QPoint(0, 0)))
        area = area.intersected(image.rect())
        if area.isEmpty():
            continue
        pixels: Counter[int] = Counter()
        for y in range(area.top(), area.bottom() + 1):
            row = bits[y * stride + area.left() * 4 : y * stride + (area.right() + 1) * 4]
            pixels.update(value & 0xFFFFFF for (value,) in struct.iter_unpack("<I", row))
        background = pixels.most_common(1)[0][0]
        seen[label.text()[:50]] = max(contrast(background, ink) for ink in pixels)
    return seen


@pytest.fixture(params=[False, True], ids=["usual", "high contrast"])
def open_window(
    request: pytest.FixtureRequest, qtbot: QtBot, data_dir: Path
) -> Callable[..., MainWindow]:
    clock = FakeClock()

    def open_(sessions: int = 0, notice: str = "", screened: bool = True) -> MainWindow:
        history = History(data_dir / "history.sqlite3")
        if screened:
            record_checkin(history, "default", SCREENING, clock.wall(), {"version": 1})
        for day in range(sessions):  # the last one yesterday
            add_session(history, clock.wall() - timedelta(days=1 + 2 * day), [5.0 + day] * 10)
        history.close()
        ctx = build_context(resolve_data_dir(str(data_dir)).ensure(), clock)
        ctx.settings = replace(ctx.settings, high_contrast=request.param)
        if notice:
            ctx.say(notice)
        window = MainWindow(ctx, first="checks")
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        return window

    return open_


def faint(window: MainWindow) -> dict[str, float]:
    return {words: ratio for words, ratio in words_contrast(window).items() if ratio < AA}


def test_the_home_page_and_its_notice(open_window: Callable[..., MainWindow]) -> None:
    window = open_window(notice="Your history could not be opened: it is in use.")
    assert window.home.notice_label.isVisible()
    assert faint(window) == {}


def test_the_first_run_safety_questions_and_their_advice(
    open_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = open_window(screened=False)
    assert type(window.pages.currentWidget()).__name__ == "ScreeningPage"
    assert faint(window) == {}
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Y)  # a "yes": its advice, on a card
    assert faint(window) == {}


def test_the_next_day_question_and_its_advice(
    open_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = open_window(sessions=1)
    assert type(window.pages.currentWidget()).__name__ == "NextDayPage"
    assert faint(window) == {}
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Y)  # worse: the red flags, on a card
    assert faint(window) == {}


def test_the_pain_question_and_its_hint(
    open_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = open_window()
    window.start_session()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_N)  # no fall: how is the pain now?
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)  # no number yet: a hint says so
    assert faint(window) == {}


def test_the_progress_page_with_and_without_sessions(
    open_window: Callable[..., MainWindow],
) -> None:
    window = open_window()
    window.show_progress()
    assert faint(window) == {}
    window = open_window(sessions=12)
    window.show_progress()
    assert faint(window) == {}


def test_the_settings_page_and_its_status(open_window: Callable[..., MainWindow]) -> None:
    window = open_window()
    window.show_settings()
    window.settings_page.show_status("Sound: no audio output was found.")
    assert window.settings_page.status_label.isVisible()
    assert faint(window) == {}
