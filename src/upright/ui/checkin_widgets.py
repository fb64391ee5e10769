"""Big-print pieces of the check-in screens: sized labels, wrapping buttons, a text area."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from upright.ui.plain_text import as_plain_text

TITLE_FACTOR = 2.0
TEXT_FACTOR = 1.45
BUTTON_FACTOR = 1.35
BUTTON_MARGIN = 16  # inside a button, each side
MIN_TEXT_LINES = 3  # the text area never shrinks below this many lines: it scrolls instead


def settle(widget: QWidget) -> None:
    """New font sizes count at once, not at the next event loop: layouts (nested ones too)
    forget what they measured, so a measurement straight after is true."""
    for child in [widget, *widget.findChildren(QWidget)]:
        if child.layout() is not None:
            forget(child.layout())
        child.updateGeometry()


def forget(layout: QLayout) -> None:
    """A layout and the layouts inside it measure afresh."""
    layout.invalidate()
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is not None and item.layout() is not None:
            forget(item.layout())


def wrapped(text: str, name: str = "") -> QLabel:
    widget = as_plain_text(QLabel(text))
    widget.setWordWrap(True)
    if name:
        widget.setObjectName(name)
    return widget


class Sizer:
    """The type sizes of one screen: each label a multiple of the app's text size, times a
    zoom (at most 1) that shrinks them together when the window is too small for them.
    Nothing is ever smaller than the app's body text."""

    def __init__(self) -> None:
        self.zoom = 1.0
        self._labels: dict[QLabel, tuple[float, bool]] = {}

    def add(self, widget: QLabel, factor: float, bold: bool = False) -> QLabel:
        self._labels[widget] = (factor, bold)
        self._size(widget, factor, bold)
        return widget

    def forget_within(self, widget: QWidget) -> None:
        """Before ``widget`` is deleted: stop sizing it and the labels inside it."""
        for gone in [w for w in self._labels if w is widget or widget.isAncestorOf(w)]:
            del self._labels[gone]

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        for widget, (factor, bold) in self._labels.items():
            self._size(widget, factor, bold)

    def _size(self, widget: QLabel, factor: float, bold: bool) -> None:
        font = QFont(widget.font())
        font.setPointSizeF(QApplication.font().pointSizeF() * max(1.0, factor * self.zoom))
        font.setBold(bold)
        widget.setFont(font)


def keep_together(text: str) -> str:
    """No one-letter word left at the end of a line ("... / I" + "understand"), and the key
    stays with the last word: "I understand (A)" wraps as a whole."""
    text = re.sub(r"(?<!\S)(\w) ", "\\1\u00a0", text)
    return re.sub(r" +(\([^)]*\))$", "\u00a0\u00a0\\1", text)


class WrapButton(QPushButton):
    """A big button whose words wrap onto more lines rather than run off a narrow window."""

    def __init__(self, text: str, sizer: Sizer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = sizer.add(wrapped(keep_together(text)), BUTTON_FACTOR, bold=True)
        # By name (upright.ui.answer_keys). A click on the words is the button's: a label of
        # plain text lets mouse presses pass to the widget under it (tests/ui/test_checkin_pages).
        self.words.setProperty("alignment", "AlignCenter")
        inner = QVBoxLayout(self)
        inner.setContentsMargins(BUTTON_MARGIN, 10, BUTTON_MARGIN, 10)
        inner.addWidget(self.words)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumHeight(64)

    def one_line_width(self) -> float:
        """How wide the button is with its words on one line."""
        words = QFontMetricsF(self.words.font()).horizontalAdvance(self.words.text())
        return words + 2 * BUTTON_MARGIN + 8

    def sizeHint(self) -> QSize:
        width = math.ceil(self.one_line_width())  # one line if there is room
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return self.layout().minimumSize().expandedTo(self.minimumSize())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), self.layout().totalHeightForWidth(width))


def arrange(row: QBoxLayout, buttons: list[WrapButton], width: int) -> None:
    """Side by side when every button fits on one line, else one above the other."""
    needed = sum(b.one_line_width() for b in buttons) + row.spacing() * (len(buttons) - 1)
    wide = needed <= width
    direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
    if row.direction() != direction:
        row.setDirection(direction)


class TextArea(QScrollArea):
    """A screen's words: as tall as they need; it scrolls (Up/Down, Page Up/Down on the
    screen) only when even the smallest zoom does not fit the window."""

    def __init__(self, sizer: Sizer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sizer = sizer
        self.measure_width = 0  # the width to measure the words at; 0: the current width
        self.inner = QWidget()
        self.inner.setObjectName("screenText")
        self.column = QVBoxLayout(self.inner)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(14)
        self.column.addStretch(1)  # keeps the words at the top
        self.setObjectName("screenText")
        self.setWidget(self.inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setProperty("focusPolicy", "NoFocus")  # the screen scrolls it with the keys
        self.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")  # by name
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def add_label(self, text: str, factor: float, *, bold: bool = False, name: str = "") -> QLabel:
        """A paragraph at the end of the words."""
        widget = self.sizer.add(wrapped(text, name), factor, bold)
        self.add(widget)
        return widget

    def add(self, widget: QWidget) -> None:
        self.column.insertWidget(self.column.count() - 1, widget)

    def remove(self, widget: QWidget) -> None:
        self.sizer.forget_within(widget)
        widget.hide()
        widget.setParent(None)  # out of the words at once, not at the next event loop
        widget.deleteLater()

    def words_height(self) -> int:
        # Measured as if the scroll bar were showing, so its arrival never changes the answer.
        width = max(self.measure_width or self.width(), 100)
        width -= self.verticalScrollBar().sizeHint().width()
        return self.inner.heightForWidth(width)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.words_height())

    def minimumSizeHint(self) -> QSize:
        lines = self.fontMetrics().height() * MIN_TEXT_LINES
        return QSize(0, min(self.words_height(), lines))
