"""Text from people and files (names, a therapist's notes, paths, what went wrong) shown as it
is: Qt takes text that looks like markup for markup, so "Ann <Smith>" would show as "Ann"."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

Shown = TypeVar("Shown", bound=QWidget)


def as_plain_text(widget: Shown) -> Shown:
    """A QLabel or QMessageBox that shows its text as it is."""
    # The enum by name: the home page is built before the first paint (upright.ui.shortcuts).
    widget.setProperty("textFormat", "PlainText")
    return widget
