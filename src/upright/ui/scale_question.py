"""A 0-to-10 answer: eleven big buttons in a row, chosen by mouse or by one key press."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from upright.ui.answer_keys import answer_keys
from upright.ui.checkin_widgets import settle
from upright.ui.theme import set_relative_font

TEN_WINDOW_S = 1.2  # "1" then "0" within this many seconds means 10
NUMBER_FACTOR = 1.9  # the numbers, as a multiple of the app's text size (less if it won't fit)
ENDS_FACTOR = 1.3  # the words under 0 and 10
STATUS_FACTOR = 1.35  # "Your answer: ..."
SPACING = 8
TOP = 10

NO_CHOICE_HINT = "Please choose a number first: press a number key, or click a number."
HOW_TO = "Press a number key (T for 10), then Enter."


class ScaleQuestion(QWidget):
    """Emits ``answered`` with the chosen value when Enter (or ``confirm()``) is pressed.

    Keys: 0 to 9 choose that number; 1 then 0 within TEN_WINDOW_S chooses 10, and so does T;
    Left and Right move the choice; Enter confirms. Nothing happens until Enter, so a wrong
    key is simply corrected by the next one.
    """

    answered = Signal(int)
    changed = Signal(int)  # the value now chosen
    hinted = Signal()  # Enter was pressed with nothing chosen: the hint is showing

    def __init__(
        self,
        subject: str,
        low_word: str,
        high_word: str,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self._one_at: float | None = None  # when "1" was pressed, while 10 is still possible
        self._value: int | None = None
        self.setAccessibleName(f"{subject}, 0 to 10")
        self.setAccessibleDescription(
            f"0 = {low_word}, 10 = {high_word}. Press a number key, then Enter."
        )
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        self.buttons: list[QPushButton] = []
        for value in range(TOP + 1):
            button = QPushButton(str(value))
            button.setObjectName("scale")
            button.setCheckable(True)
            button.setMinimumWidth(30)  # the numbers shrink to fit rather than push the window
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(f"{subject} {value} of 10")
            keys = "1 then 0, or T" if value == TOP else str(value)
            anchor = {0: f" ({low_word})", TOP: f" ({high_word})"}.get(value, "")
            button.setAccessibleDescription(f"{value}{anchor}. Keyboard: {keys}")
            button.clicked.connect(lambda _=False, v=value: self.select(v))
            button.installEventFilter(self)
            row.addWidget(button, 1)  # equal widths, whatever the digits
            self.buttons.append(button)
        # What the ends mean, under 0 and under 10.
        self.low_label = QLabel(f"0 = {low_word}")
        self.high_label = QLabel(f"10 = {high_word}")
        # Enums by name (upright.ui.answer_keys): the words under each end start at the top.
        self.low_label.setProperty("alignment", "AlignLeft|AlignTop")
        self.high_label.setProperty("alignment", "AlignRight|AlignTop")
        ends = QHBoxLayout()
        for end_label in (self.low_label, self.high_label):
            end_label.setWordWrap(True)
            ends.addWidget(end_label, 1)
        self.status_label = QLabel(HOW_TO)
        self.status_label.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addLayout(row)
        column.addLayout(ends)
        column.addSpacing(6)
        column.addWidget(self.status_label)
        set_relative_font(self, 1.0)  # follows the text scale; the numbers are sized from it
        self.fit_numbers(self.width())

    @property
    def value(self) -> int | None:
        return self._value

    def select(self, value: int) -> None:
        if not 0 <= value <= TOP:
            raise ValueError(f"the scale is 0 to {TOP}, not {value}")
        self._value = value
        for v, button in enumerate(self.buttons):
            button.setChecked(v == value)
        # Focus follows the choice, so Enter right after confirms it (not some other button).
        if self.isVisible():
            self.buttons[value].setFocus()
        self._show_status(f"Your answer: {value} out of 10. Press Enter to go on.")
        self.changed.emit(value)

    def clear(self) -> None:
        self._value = None
        self._one_at = None
        for button in self.buttons:
            button.setChecked(False)
        self._show_status(HOW_TO)

    def confirm(self) -> None:
        if self._value is None:
            self._show_status(NO_CHOICE_HINT, hint=True)
            self.hinted.emit()
            return
        self.answered.emit(self._value)

    def handle_key(self, key: int) -> bool:
        """Act on one key press; False when the key is not the scale's."""
        one_at, self._one_at = self._one_at, None
        keys = answer_keys()
        if key in keys.digits:
            digit = keys.digits[key]
            if digit == 0 and one_at is not None and self._monotonic() - one_at <= TEN_WINDOW_S:
                self.select(TOP)
            else:
                self.select(digit)
                if digit == 1:
                    self._one_at = self._monotonic()
        elif key == keys.ten:
            self.select(TOP)
        elif key in (keys.left, keys.right):
            step = 1 if key == keys.right else -1
            self.select(0 if self._value is None else min(TOP, max(0, self._value + step)))
        elif key in keys.enter:
            self.confirm()
        else:
            self._one_at = one_at  # a key that is not ours does not cancel "1 then 0"
            return False
        return True

    # -- Qt ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        ours = not event.modifiers() & ~answer_keys().allowed_modifiers and not event.isAutoRepeat()
        if not (ours and self.handle_key(event.key())):
            event.ignore()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A focused button would move the focus on Left/Right; here they move the choice.
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        keys = answer_keys()
        if (
            event.key() in (keys.left, keys.right)
            and not event.modifiers() & ~keys.allowed_modifiers
        ):
            self.handle_key(event.key())
            return True
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_numbers(event.size().width())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_numbers(self.width())

    def fit_numbers(self, width: int) -> None:
        """Big numbers that follow the text scale, but never wider than their button at this
        width; the words under them shrink as much, never below the body text size."""
        base = self.font().pointSizeF()
        number = QFont(self.font())
        number.setPointSizeF(base * NUMBER_FACTOR)
        number.setBold(True)
        column = (width - SPACING * TOP) / (TOP + 1)
        room = column - 18  # the button's border and a little air
        needed = QFontMetricsF(number).horizontalAdvance("10")
        shrink = room / needed if width > 0 and needed > room > 0 else 1.0
        number.setPointSizeF(max(6.0, number.pointSizeF() * shrink))
        height = round(QFontMetricsF(number).height() * 1.7)
        for button in self.buttons:
            button.setFont(number)
            button.setFixedHeight(height)
        for widget, factor, bold in (
            (self.low_label, ENDS_FACTOR, True),
            (self.high_label, ENDS_FACTOR, True),
            (self.status_label, STATUS_FACTOR, False),
        ):
            font = QFont(self.font())
            font.setPointSizeF(base * max(1.0, factor * shrink))
            font.setBold(bold)
            widget.setFont(font)
        settle(self)

    def _show_status(self, text: str, hint: bool = False) -> None:
        self.status_label.setText(text)
        if (self.status_label.objectName() == "hint") != hint:
            self.status_label.setObjectName("hint" if hint else "")
            self.status_label.style().unpolish(self.status_label)
            self.status_label.style().polish(self.status_label)
