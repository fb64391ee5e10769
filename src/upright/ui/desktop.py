"""The application's identity on the desktop: its name, desktop file name and window icon."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from upright import __version__
from upright.core.assets import asset_path
from upright.core.identity import APP_ID, APP_NAME, ICON_SIZES, icon_png

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


def app_icon() -> QIcon:
    """The icon at every rendered size (PNG, so it needs no SVG icon-engine plugin)."""
    # Imported here: making QIcon's Python type takes PySide6 over a millisecond (its enums),
    # and the start-up shows the window before it sets the icon (set_window_icon).
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        path = asset_path("icons", icon_png(size))
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def set_desktop_identity(app: QApplication) -> None:
    """Name the app and point it at its .desktop file, so the desktop groups its windows."""
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # Wayland app_id; matched to io.github.upright.Upright.desktop


def set_window_icon(app: QApplication) -> None:
    """The icon of every window, the open ones too (the window list and the title bar follow:
    on Wayland the desktop takes it from the .desktop file named above)."""
    app.setWindowIcon(app_icon())
