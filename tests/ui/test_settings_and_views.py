"""Settings change the app (text size, contrast, flash); F11 gives the big view during a session."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from upright.app import build_context
from upright.core.clock import FakeClock
from upright.core.paths import resolve_data_dir
from upright.core.settings import Settings
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
    before = QFontInfo(w.home.numbers_label.font()).pixelSize()
    w.show_settings()
    w.change_settings(Settings(text_scale=2.0, high_contrast=True))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert QFontInfo(w.home.numbers_label.font()).pixelSize() >= 1.8 * before
    assert "#ffff00" in w.styleSheet()
    saved = json.loads((data_dir / "settings.json").read_text())
    assert saved["text_scale"] == 2.0 and saved["high_contrast"] is True
    w.change_settings(Settings())
    assert QFontInfo(w.home.numbers_label.font()).pixelSize() == before


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
