"""A page whose content scrolls: large text on a small screen scrolls rather than squeezing."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scrolling_content(page: QWidget) -> QWidget:
    """Fill ``page`` with a vertical scroll area and return the widget to lay the page out in.

    It never scrolls sideways: what is too wide must wrap. (The policy is set by name, so the
    home page, built before the first paint, stays clear of the `Qt` namespace: see
    upright.ui.shortcuts.)
    """
    content = QWidget()
    content.setObjectName("page")
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return content
