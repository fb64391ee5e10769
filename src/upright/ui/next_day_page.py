"""The next day's question: "is your back worse since your last session?"

For someone who exercises daily this is the first screen of the day, so it loads only what it
shows (not the scales and the screening of the other check-in pages).
"""

from __future__ import annotations

from functools import cached_property

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from upright.core.safety import NEXT_DAY_QUESTION, next_day_advice
from upright.ui.checkin_screen import CheckinPage, Screen, ask_yes_no

STEP = "Since your last session"


class NextDayPage(CheckinPage):
    """``start()`` at the first launch on a later day. A "yes" shows that the next session
    will be a step easier, and the red flags, before ``answered(True)``."""

    answered = Signal(bool)  # store with set_next_day_worse(history, session_id, worse)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = self.add(Screen(STEP, NEXT_DAY_QUESTION))
        ask_yes_no(self.question, self._answered)

    @cached_property
    def worse(self) -> Screen:
        """Built after the first "yes": a "no" never needs it."""
        worse = self.add(Screen(STEP, ""))
        worse.add_action("Continue", "Enter", lambda: self.answered.emit(True), primary=True)
        worse.add_action("Back", "Esc", lambda: self.go(self.question), place="back")
        return worse

    def start(self) -> None:
        self.go(self.question)

    def _answered(self, worse: bool) -> None:
        advice = next_day_advice(worse)
        if advice is None:
            self.answered.emit(False)
        else:
            self.worse.show_advice(advice)
            self.go(self.worse)
