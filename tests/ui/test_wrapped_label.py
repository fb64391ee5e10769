"""A wrapped label's remembered heights are always the ones Qt would lay out now: through its
first polish, new words, a new font, a new look and new margins (upright.ui.wrapped_label)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from upright.ui.theme import HIGH_CONTRAST_STYLESHEET, STYLESHEET, set_relative_font
from upright.ui.wrapped_label import REMEMBERED_WIDTHS, WrappedLabel

WIDTHS = (90, 240, 582, 744, 1224)


def heights(label: WrappedLabel) -> list[int]:
    return [label.heightForWidth(width) for width in WIDTHS]


def laid_out_now(label: WrappedLabel) -> list[int]:
    return [QLabel.heightForWidth(label, width) for width in WIDTHS]  # Qt's own, never kept


def test_its_heights_follow_every_change_to_what_it_shows(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setObjectName("window")
    window.setStyleSheet(STYLESHEET)
    label = WrappedLabel("Lift your head and chest while your hips stay down. " * 4)
    label.setObjectName("notice")  # the style sheet gives it padding and a border
    QVBoxLayout(window).addWidget(label)
    assert heights(label) == laid_out_now(label)  # asked before it is polished
    window.show()
    qtbot.waitExposed(window)
    assert heights(label) == laid_out_now(label)  # polished: its padding counts now
    label.setText("Breathe out as you lift. " * 12)
    assert heights(label) == laid_out_now(label)
    set_relative_font(label, 1.6, bold=True)
    assert heights(label) == laid_out_now(label)
    window.setStyleSheet(HIGH_CONTRAST_STYLESHEET)  # a thicker border
    assert heights(label) == laid_out_now(label)
    label.setContentsMargins(30, 4, 30, 4)
    assert heights(label) == laid_out_now(label)
    label.setProperty("indent", 40)
    assert heights(label) == laid_out_now(label)
    label.hide()
    label.setText("Hold.")
    label.show()
    assert heights(label) == laid_out_now(label)


def test_it_keeps_a_few_widths_only(qtbot: QtBot) -> None:
    label = WrappedLabel("words " * 30)
    qtbot.addWidget(label)
    for width in range(100, 1100, 10):  # a window edge dragged
        assert label.heightForWidth(width) == QLabel.heightForWidth(label, width)
    assert 0 < len(label._heights) <= REMEMBERED_WIDTHS
