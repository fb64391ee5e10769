"""The app names itself after its .desktop file and carries its icon at every size."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from upright import __version__
from upright.app import run_window
from upright.cli import parse
from upright.core.identity import APP_ID, APP_NAME, ICON_SIZES
from upright.core.paths import resolve_data_dir
from upright.ui.desktop import app_icon, set_desktop_identity


def test_the_application_takes_the_desktop_id_and_icon(qapp: QApplication) -> None:
    set_desktop_identity(qapp)
    assert qapp.desktopFileName() == APP_ID
    assert qapp.applicationName() == APP_NAME
    assert qapp.applicationVersion() == __version__
    assert not qapp.windowIcon().isNull()


def test_the_icon_has_every_rendered_size() -> None:
    icon = app_icon()
    assert set(icon.availableSizes()) == {QSize(s, s) for s in ICON_SIZES}
    small = icon.pixmap(16, 16).toImage()
    assert small.width() == 16 and not small.isNull()
    assert small.pixelColor(8, 8).alpha() == 255  # the tile is opaque in its middle


def test_the_real_window_start_up_sets_them(
    qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The composition root's run_window names the app before showing the window."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_window installs its own
    qapp.setDesktopFileName("")
    qapp.setWindowIcon(QIcon())
    QTimer.singleShot(0, qapp.quit)
    assert run_window(parse([]), resolve_data_dir(str(data_dir)).ensure()) == 0
    assert qapp.desktopFileName() == APP_ID
    assert not qapp.windowIcon().isNull()
