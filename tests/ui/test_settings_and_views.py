"""Settings change the app (text size, contrast, flash); F11 gives the big view during a session."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from upright.app import build_context
from upright.core.clock import FakeClock
from upright.core.paths import resolve_data_dir
from upright.core.settings import Settings
from upright.core.value import replace
from upright.ui.main_window import MainWindow
from upright.ui.settings_page import SettingsPage


def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    w = MainWindow(build_context(resolve_data_dir(str(data_dir)).ensure(), FakeClock()))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def test_settings_page_emits_every_change(qtbot: QtBot) -> None:
    page = SettingsPage()
    qtbot.addWidget(page)
    page.show_settings(Settings())
    seen: list[Settings] = []
    page.changed.connect(seen.append)
    page.voice_box.setFocus()
    qtbot.keyClick(page.voice_box, Qt.Key.Key_Space)
    assert seen[-1].voice is False
    page.count_from.setValue(5)
    assert seen[-1].count_down_from == 5
    page.text_scale.setValue(150)
    assert seen[-1].text_scale == 1.5
    page.flash_box.click()
    assert seen[-1].flash is True


def test_text_size_and_contrast_apply_to_the_whole_app(qtbot: QtBot, data_dir: Path) -> None:
    w = window(qtbot, data_dir)
    heading = lambda: QFontInfo(w.home.numbers_label.font()).pixelSize()  # noqa: E731
    plain = lambda: QFontInfo(w.home.extension_label.font()).pixelSize()  # noqa: E731
    button = lambda: QFontInfo(w.home.history_button.font()).pixelSize()  # noqa: E731
    before = (heading(), plain(), button())
    w.show_settings()
    # The text size alone: headings, and labels and buttons with no size of their own.
    w.change_settings(Settings(text_scale=2.0))
    assert heading() >= 1.8 * before[0]
    assert plain() >= 1.8 * before[1] and button() >= 1.8 * before[2]
    w.change_settings(Settings(text_scale=2.0, high_contrast=True))
    assert "#ffff00" in w.styleSheet()
    assert plain() >= 1.8 * before[1]
    saved = json.loads((data_dir / "settings.json").read_text())
    assert saved["text_scale"] == 2.0 and saved["high_contrast"] is True
    w.change_settings(Settings())
    assert (heading(), plain(), button()) == before


def test_f11_gives_the_big_view_during_a_session(qtbot: QtBot, data_dir: Path) -> None:
    w = window(qtbot, data_dir)
    w.begin_session()
    normal_px = w.player.countdown_label.font().pixelSize()
    w.toggle_distance()
    assert w.player.distance and w.isFullScreen()
    assert not w.player.illustration_area.isVisible()
    qtbot.waitUntil(lambda: w.player.countdown_label.font().pixelSize() > normal_px)
    w.toggle_distance()
    assert not w.player.distance and not w.isFullScreen()
    assert w.flow is not None
    w.flow.runner.stop()


def test_flash_overlay_covers_the_player_briefly(qtbot: QtBot) -> None:
    from upright.ui.player_page import PlayerPage

    page = PlayerPage()
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    page.flash()
    assert page.flash_overlay.isVisible() and page.flash_overlay.size() == page.size()
    qtbot.waitUntil(lambda: not page.flash_overlay.isVisible(), timeout=2000)


def test_at_large_text_on_a_small_screen_the_home_page_fits_its_width(
    qtbot: QtBot, data_dir: Path
) -> None:
    from datetime import datetime

    from history_builder import add_session
    from upright.core.history import History

    history = History(data_dir / "history.sqlite3")
    for day in (1, 2, 3):
        add_session(history, datetime(2026, 12, day, 9, 0), [5.0] * 10)
    history.close()
    w = window(qtbot, data_dir)
    w.change_settings(Settings(text_scale=2.0))
    w.resize(800, 600)
    w.show_home()
    qtbot.waitUntil(lambda: w.home.width() <= 800)
    qtbot.wait(100)  # the new sizes settle through posted layout requests
    scroll = w.home.findChild(QScrollArea)
    assert scroll is not None and scroll.widget() is not None
    # Nothing wider than the window: the recent sessions wrap instead of pushing the page
    # (and the person's name, the card's edge) off the right.
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    assert w.home.recent_label.text().count("•") == 3
    # The big Start button never sets the card's width: its words may be cut, the page not.
    card = w.home.findChild(QWidget, "card")
    assert card is not None
    assert card.minimumSizeHint().width() < w.home.start_button.sizeHint().width()


def test_a_sound_setting_leaves_the_look_alone(qtbot: QtBot, data_dir: Path) -> None:
    w = window(qtbot, data_dir)
    polished: list[str] = []
    w.setStyleSheet = polished.append  # type: ignore[method-assign]
    w.show_settings()
    for volume in (40, 41, 42):  # a slider dragged: one change per step
        w.settings_page.volume.setValue(volume)
    assert w.ctx.settings.volume == 0.42
    assert polished == []  # re-polishing the window takes ~25 ms a step
    w.change_settings(replace(w.ctx.settings, text_scale=1.5))
    assert len(polished) == 1


def test_at_large_text_on_a_small_screen_progress_clips_and_overlaps_nothing(
    qtbot: QtBot, data_dir: Path
) -> None:
    from datetime import datetime

    from history_builder import add_session
    from upright.core.history import History

    history = History(data_dir / "history.sqlite3")
    for day in range(1, 25):
        add_session(history, datetime(2026, 11, day, 9, 0), [5.0] * 10)
    history.close()
    w = window(qtbot, data_dir)
    w.show_progress()
    qtbot.wait(50)
    assert not w.progress_page.title_row.stacked  # 1280x800 at 100%: title and buttons in a row
    w.change_settings(Settings(text_scale=2.0))
    w.resize(800, 600)
    page = w.progress_page
    qtbot.waitUntil(lambda: page.width() <= 800)
    qtbot.wait(100)  # the new sizes settle through posted layout requests
    assert page.title_row.stacked  # the buttons went under the title rather than clip it
    range_buttons = list(page.range_buttons.values())
    for shown in [page.report_button, page.back_button, *range_buttons, page.exercise_box]:
        assert shown.width() >= shown.sizeHint().width(), shown  # every word readable
    [choice_label] = [
        label
        for label in page.controls.findChildren(QLabel)
        if label.text() == "Exercise in the holds chart:"
    ]

    def box(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())

    boxes = [box(widget) for widget in [*range_buttons, choice_label, page.exercise_box]]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
