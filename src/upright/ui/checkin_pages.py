"""The check-in pages around each session: before it, after it, and on the next day.

Each page shows one question per screen and emits one signal with the result; the rules and
words come from ``upright.core.safety``. The first-run screening is ``ScreeningPage``, the next
day's question ``NextDayPage`` (each in its own module: upright.ui.checkin_flow loads only the
page it shows).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from upright.core import safety
from upright.core.safety import (
    FALL_ADVICE,
    AfterCheck,
    BeforeCheck,
    BeforeOutcome,
    DeclineReason,
    after_advice,
    skip_advice,
)
from upright.ui.checkin_screen import CheckinPage, Screen, ask_yes_no
from upright.ui.next_day_page import NextDayPage
from upright.ui.scale_question import ScaleQuestion
from upright.ui.screening_page import ScreeningPage

__all__ = ["AfterSessionPage", "BeforeSessionPage", "NextDayPage", "ScreeningPage"]

Monotonic = Callable[[], float]


def _scale_screen(step: str, title: str, scale: ScaleQuestion, note: str = "") -> Screen:
    screen = Screen(step, title)
    if note:
        screen.add_lines([note])
    screen.set_scale(scale)
    screen.add_action("Next", "Enter", scale.confirm, primary=True, place="next")
    screen.focus_first = scale  # the focus waits on the scale, so digits and Enter go to it
    return screen


class BeforeSessionPage(CheckinPage):
    """``start()`` before each session. A fall or new pain: no session today, only "Back to
    the start". Pain of 4 or more: "Skip today" is the default, "Continue anyway" is offered.

    The fall screen has no way to start anyway: its only way out is back to the start. This
    never locks anyone out: the questions are asked afresh each time Start is pressed, so the
    person can start on another day (after seeing a clinician, as the screen says).
    """

    proceed = Signal(object)  # int: the pain before, 0 to 10 (store with set_pain_before)
    declined = Signal(str)  # a DeclineReason value

    def __init__(self, monotonic: Monotonic = time.monotonic, parent: QWidget | None = None):
        super().__init__(parent)
        # The answers and the choice, to store with record_checkin(..., BEFORE, check.to_dict())
        # once ``proceed`` or ``declined`` is emitted (None after "cancelled").
        self.check: BeforeCheck | None = None
        step = "Before your session"
        self.fall = self.add(Screen(step, safety.FALL_QUESTION))
        ask_yes_no(self.fall, self._fall_answered)
        cancel = partial(self._decline, DeclineReason.CANCELLED)
        self.fall.add_action("Back to the start", "Esc", cancel, place="back")

        self.fall_advice = self.add(Screen(step, ""))
        self.fall_advice.show_advice(FALL_ADVICE)
        stop = partial(self._decline, DeclineReason.FALL_OR_NEW_PAIN)
        self.fall_advice.add_action("Back to the start", "Enter", stop, primary=True)
        self.fall_advice.escape_action = stop

        self.scale = ScaleQuestion("Pain", *safety.PAIN_WORDS, monotonic=monotonic)
        self.scale.answered.connect(self._pain_answered)
        self.pain = self.add(_scale_screen(step, safety.PAIN_BEFORE_QUESTION, self.scale))
        self.pain.add_action("Back", "Esc", lambda: self.go(self.fall), place="back")

        self.skip = self.add(Screen(step, ""))
        skip = partial(self._decline, DeclineReason.SKIPPED_FOR_PAIN)
        self.skip.add_action("Skip today", "Enter", skip, primary=True)
        self.skip.add_action("Continue anyway", "C", self._go_ahead)
        self.skip.add_action("Back", "Esc", lambda: self.go(self.pain), place="back")

    def start(self) -> None:
        self.check = None
        self.scale.clear()
        self.go(self.fall)

    def _fall_answered(self, fall: bool) -> None:
        if fall:
            self.check = BeforeCheck(True, None, DeclineReason.FALL_OR_NEW_PAIN)
            self.go(self.fall_advice)
        else:
            self.go(self.pain)

    def _pain_answered(self, pain: int) -> None:
        self.check = BeforeCheck(False, pain)
        if self.check.outcome is BeforeOutcome.SUGGEST_SKIP:
            self.skip.show_advice(skip_advice(pain))
            self.go(self.skip)
        else:
            self.proceed.emit(pain)

    def _go_ahead(self) -> None:
        assert self.check is not None and self.check.pain_now is not None
        self.proceed.emit(self.check.pain_now)

    def _decline(self, reason: DeclineReason) -> None:
        if reason is DeclineReason.CANCELLED:
            self.check = None  # nothing to record: the person left before answering
        elif self.check is not None:
            self.check = BeforeCheck(self.check.fall_or_new_pain, self.check.pain_now, reason)
        self.declined.emit(reason.value)


class AfterSessionPage(CheckinPage):
    """``start(pain_before)`` after a session: pain now, then effort, then the red-flag advice
    when pain is 5 or more or rose by 2 points or more. Emits ``completed(AfterCheck)``."""

    completed = Signal(object)  # AfterCheck: store with set_after(history, id, .pain, .effort)

    def __init__(self, monotonic: Monotonic = time.monotonic, parent: QWidget | None = None):
        super().__init__(parent)
        self._pain_before: int | None = None
        self.check: AfterCheck | None = None
        step = "After your session"
        self.pain_scale = ScaleQuestion("Pain", *safety.PAIN_WORDS, monotonic=monotonic)
        self.pain = self.add(
            _scale_screen(step, safety.PAIN_AFTER_QUESTION, self.pain_scale, safety.TIREDNESS_NOTE)
        )
        self.pain_scale.answered.connect(lambda _pain: self.go(self.effort))

        self.effort_scale = ScaleQuestion("Effort", *safety.EFFORT_WORDS, monotonic=monotonic)
        self.effort = self.add(_scale_screen(step, safety.EFFORT_QUESTION, self.effort_scale))
        self.effort.add_action("Back", "Esc", lambda: self.go(self.pain), place="back")
        self.effort_scale.answered.connect(self._effort_answered)

        self.advice = self.add(Screen(step, ""))
        self.advice.add_action("Continue", "Enter", self._finish, primary=True)
        self.advice.add_action("Back", "Esc", lambda: self.go(self.effort), place="back")

    def start(self, pain_before: int | None) -> None:
        self._pain_before = pain_before
        self.check = None
        self.pain_scale.clear()
        self.effort_scale.clear()
        self.go(self.pain)

    def _effort_answered(self, effort: int) -> None:
        pain = self.pain_scale.value
        assert pain is not None
        self.check = AfterCheck(pain, effort, self._pain_before)
        advice = after_advice(self.check)
        if advice is None:
            self._finish()
            return
        self.advice.show_advice(advice)
        self.go(self.advice)

    def _finish(self) -> None:
        self.completed.emit(self.check)
