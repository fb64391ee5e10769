"""Upright's names on the desktop: its application id, display name and icon files."""

from __future__ import annotations

# One id everywhere: the .desktop file's name, the AppStream component id, Qt's desktopFileName
# and the icon's name in the hicolor theme. Changing it means renaming those files too.
APP_ID = "io.github.upright.Upright"
APP_NAME = "Upright"

ICON_SVG = "upright.svg"
ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_png(size: int) -> str:
    """The file name of the icon rendered at size x size pixels, in assets/icons/."""
    return f"upright-{size}.png"
