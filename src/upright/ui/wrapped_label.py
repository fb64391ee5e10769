"""A word-wrapped label that lays its text out once for each width it is asked about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

REMEMBERED_WIDTHS = 8  # a window being resized asks for a new width at each step


class WrappedLabel(QLabel):
    """Qt's box layouts ask a wrapped label its height for the same few widths again and again:
    the minimum height bypasses the layout item's cache, and the home page's scroll area tries
    its width with and without a scroll bar in turn. Each answer lays the whole text out: the
    home page's first layout asked its labels 118 times (10 million instructions, about 1.3% of
    the window's start, bench/bench_startup.py). The answers are kept until the text, font,
    style or margins change, as Qt keeps a label's size hint."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= REMEMBERED_WIDTHS:
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    # What a label's layout depends on: its text and text format (set through these), and its
    # font, style, margins (a style sheet's padding and border too) and layout direction, each
    # of which comes with a change event. Its wrapping, indent and alignment are set as it is
    # made.
    def setText(self, text: str) -> None:
        self._heights.clear()
        super().setText(text)

    def setProperty(self, name: str, value: object) -> bool:
        self._heights.clear()
        return super().setProperty(name, value)

    def changeEvent(self, event: QEvent) -> None:
        self._heights.clear()
        super().changeEvent(event)
