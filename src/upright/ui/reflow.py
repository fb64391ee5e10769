"""Parts side by side while they fit, else one above the other: large text on a small screen
stacks them rather than clipping their words (a page's title and its buttons, the programme
editor's list and form)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QWidget

SIDE_BY_SIDE = QBoxLayout.Direction.LeftToRight
STACKED = QBoxLayout.Direction.TopToBottom


class Reflow(QWidget):
    """Lay the parts out in ``box``; ``fits(width)`` says whether they fit side by side."""

    def __init__(self, fits: Callable[[int], bool]) -> None:
        super().__init__()
        self._fits = fits
        self.box = QBoxLayout(SIDE_BY_SIDE, self)
        self.box.setContentsMargins(0, 0, 0, 0)

    @property
    def stacked(self) -> bool:
        return self.box.direction() == STACKED

    def minimumSizeHint(self) -> QSize:
        # As narrow as its widest part: narrower than side by side, the parts stack.
        parts = (self.box.itemAt(i) for i in range(self.box.count()))
        narrowest = max((part.minimumSize().width() for part in parts if part), default=0)
        return QSize(narrowest, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Which way depends on the width alone, and the width not on which way: no back and forth.
        wanted = SIDE_BY_SIDE if self._fits(event.size().width()) else STACKED
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)
        super().resizeEvent(event)


def title_row(title: QLabel, buttons: list[QPushButton]) -> Reflow:
    """A page's title with its buttons on the right, beside it or under it."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)

    def fits(width: int) -> bool:
        return title.sizeHint().width() + reflow.box.spacing() + row.sizeHint().width() <= width

    reflow = Reflow(fits)
    reflow.box.addWidget(title)
    reflow.box.addLayout(row, 1)
    return reflow
