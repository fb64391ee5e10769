"""A page's title with its buttons beside it, or under it when the two do not fit side by side
(large text on a small screen), rather than clipping the title and the buttons' words."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QWidget

SIDE_BY_SIDE = QBoxLayout.Direction.LeftToRight
STACKED = QBoxLayout.Direction.TopToBottom


class TitleRow(QWidget):
    def __init__(self, title: QLabel, buttons: list[QPushButton]) -> None:
        super().__init__()
        self._title = title
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)  # the buttons keep to the right, beside or under the title
        for button in buttons:
            self._buttons.addWidget(button)
        self._layout = QBoxLayout(SIDE_BY_SIDE, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(title)
        self._layout.addLayout(self._buttons, 1)

    @property
    def stacked(self) -> bool:
        return self._layout.direction() == STACKED

    def minimumSizeHint(self) -> QSize:
        # As narrow as its widest part: narrower than side by side, the buttons go under.
        narrowest = max(self._title.minimumSizeHint().width(), self._buttons.minimumSize().width())
        return QSize(narrowest, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Which way depends on the width alone, and the width not on which way: no back and forth.
        side_by_side = (
            self._title.sizeHint().width()
            + self._layout.spacing()
            + self._buttons.sizeHint().width()
        )
        wanted = SIDE_BY_SIDE if side_by_side <= event.size().width() else STACKED
        if self._layout.direction() != wanted:
            self._layout.setDirection(wanted)
        super().resizeEvent(event)
