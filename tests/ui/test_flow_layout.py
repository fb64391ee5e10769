"""The wrapping row of buttons: it wraps to the width it is given, and again when a button grows."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from upright.ui.flow_layout import FlowLayout


def a_row(qtbot: QtBot, width: int) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    window = QWidget()
    box = QVBoxLayout(window)
    row = FlowLayout()
    buttons = [QPushButton(f"Button {i}") for i in range(4)]
    for button in buttons:
        row.addWidget(button)
    box.addLayout(row)
    box.addStretch(1)
    qtbot.addWidget(window)
    window.resize(width, 400)
    window.show()
    qtbot.waitExposed(window)
    return window, row, buttons


def rows(buttons: list[QPushButton]) -> int:
    return len({b.geometry().top() for b in buttons})


def test_wraps_only_when_the_row_runs_out_of_width(qtbot: QtBot) -> None:
    _, row, buttons = a_row(qtbot, 1000)
    assert rows(buttons) == 1
    one_line = row.heightForWidth(1000)
    assert row.heightForWidth(150) > 2 * one_line  # one button a line
    assert row.heightForWidth(1000) == one_line  # asked again: the same answer


def test_a_button_that_grows_makes_the_row_wrap_at_once(qtbot: QtBot) -> None:
    window, row, buttons = a_row(qtbot, 600)
    assert rows(buttons) == 1
    height, minimum = row.heightForWidth(600), row.minimumSize()
    buttons[0].setText("A much, much longer label than before, as at 200% text")
    qtbot.waitUntil(lambda: rows(buttons) == 2)
    assert row.heightForWidth(600) > height  # not the answer kept from before the change
    assert row.minimumSize().width() > minimum.width()
    row.takeAt(0).widget().setParent(None)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: rows(buttons[1:]) == 1)
    assert window.isVisible()
