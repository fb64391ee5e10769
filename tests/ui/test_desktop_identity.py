"""The app names itself after its .desktop file and carries its icon at every size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from upright import __version__
from upright.core.identity import APP_ID, APP_NAME, ICON_SIZES
from upright.ui.desktop import app_icon, set_desktop_identity, set_window_icon


def test_the_application_takes_the_desktop_id_and_icon(qapp: QApplication) -> None:
    set_desktop_identity(qapp)
    assert qapp.desktopFileName() == APP_ID
    assert qapp.applicationName() == APP_NAME
    assert qapp.applicationVersion() == __version__
    set_window_icon(qapp)
    assert not qapp.windowIcon().isNull()


def test_the_icon_has_every_rendered_size() -> None:
    icon = app_icon()
    assert set(icon.availableSizes()) == {QSize(s, s) for s in ICON_SIZES}
    small = icon.pixmap(16, 16).toImage()
    assert small.width() == 16 and not small.isNull()
    assert small.pixelColor(8, 8).alpha() == 255  # the tile is opaque in its middle


def test_the_real_window_start_up_sets_them(data_dir: Path) -> None:
    """The composition root's run_window names the app before the window shows, and gives it
    its icon once the window has been painted (a window already open takes it too).

    In a child process: quitting a QApplication's event loop leaves it unable to run timers,
    which would break every later test sharing this process's QApplication.
    """
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from upright.app import run_window\n"
        "from upright.cli import parse\n"
        "from upright.core.paths import resolve_data_dir\n"
        "app = QApplication([])\n"
        "seen = []\n"
        "def look():\n"
        "    window = next(w for w in app.topLevelWidgets() if w.objectName() == 'window')\n"
        "    icon = not window.windowIcon().isNull()\n"
        "    seen.append(f'{app.desktopFileName()},{window.isVisible()},{icon}')\n"
        "def first():\n"  # as the event loop starts: the window has just been shown
        "    look()\n"
        "    QTimer.singleShot(1000, last)\n"
        "def last():\n"  # well after its first paint (the icon comes 300 ms after showing)
        "    look()\n"
        "    app.quit()\n"
        "QTimer.singleShot(0, first)\n"
        f"code = run_window(parse([]), resolve_data_dir({str(data_dir)!r}).ensure())\n"
        "print(code, *seen)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    # As it shows: named, no icon yet; after the first paint: the icon.
    assert out.stdout.split() == ["0", f"{APP_ID},True,False", f"{APP_ID},True,True"]
