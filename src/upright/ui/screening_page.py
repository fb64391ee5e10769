"""The first-run safety screening, one item per screen, and a read-only review of the answers.

A "yes" (or, for the floor question, a "no") shows its advice. On that advice screen a bare
Enter goes back to the question: a person pressing Enter through the screens must never
acknowledge advice they did not read. Only a deliberate act says "I have checked with my
clinician / I understand": the A key, a click, or Tab to that button and then Enter or Space.
Acknowledging always lets the person go on; nobody is locked out. Yes/no questions and the
two statements have no Enter default at all (Enter shows which keys to press).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from upright.core.screening import (
    ACK_ADVICE,
    ACK_STATEMENT,
    SCREENING_ITEMS,
    ItemKind,
    ScreeningItem,
    ScreeningResult,
    screening_result,
)
from upright.ui.checkin_screen import YES_NO_HINT, CheckinPage, Screen

ACK_HINT = "Press A to say that you understand."


class ScreeningPage(CheckinPage):
    """``start()`` asks the seven items; ``show_review(result)`` shows stored answers."""

    completed = Signal(object)  # ScreeningResult: store result.to_dict() with record_checkin
    review_closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._answers: dict[str, bool] = {}
        self._acks: set[str] = set()
        self.item_screens: list[Screen] = []
        self.advice_screens: dict[str, Screen] = {}
        total = len(SCREENING_ITEMS)
        for index, item in enumerate(SCREENING_ITEMS):
            step = f"Before you start: safety question {index + 1} of {total}"
            if item.kind is ItemKind.QUESTION:
                self.item_screens.append(self.add(self._question(index, item, step)))
                self.advice_screens[item.id] = self.add(self._advice(index, item, step))
            else:
                self.item_screens.append(self.add(self._statement(index, item, step)))
        self.review = self.add(Screen("Safety questions", "Your answers to the safety questions"))
        self.review.add_action("Back", "Enter", self.review_closed.emit, primary=True)
        self.review.escape_action = self.review_closed.emit
        self._review_lines: list[QLabel] = []

    # -- screens ----------------------------------------------------------------------------
    def _question(self, index: int, item: ScreeningItem, step: str) -> Screen:
        screen = Screen(step, item.text)
        screen.enter_hint = YES_NO_HINT
        screen.add_action("No", "N", lambda: self._answer(index, False))
        screen.add_action("Yes", "Y", lambda: self._answer(index, True))
        self._add_back(screen, index)
        return screen

    def _advice(self, index: int, item: ScreeningItem, step: str) -> Screen:
        screen = Screen(step, item.advice)
        said = "Yes" if item.advice_when else "No"
        screen.add_lines([f"You answered {said} to: {item.text}"], 1.2, name="muted")
        screen.add_lines([f"To go on, press A: {ACK_ADVICE}."])

        def back() -> None:
            self.go(self.item_screens[index])

        screen.add_action("Back to the question", "Enter", back, primary=True)
        screen.add_action(ACK_ADVICE, "A", lambda: self._acknowledge(index))
        screen.escape_action = back
        return screen

    def _statement(self, index: int, item: ScreeningItem, step: str) -> Screen:
        screen = Screen(step, item.text)
        # No Enter here either: the person presses A, as on every acknowledgement.
        screen.enter_hint = ACK_HINT
        screen.add_action(ACK_STATEMENT, "A", lambda: self._acknowledge(index), primary=True)
        self._add_back(screen, index)
        return screen

    def _add_back(self, screen: Screen, index: int) -> None:
        if index > 0:
            screen.add_action(
                "Back", "Esc", lambda: self.go(self.item_screens[index - 1]), place="back"
            )

    # -- answers ----------------------------------------------------------------------------
    def start(self) -> None:
        self._answers.clear()
        self._acks.clear()
        self.go(self.item_screens[0])

    def _answer(self, index: int, answer: bool) -> None:
        item = SCREENING_ITEMS[index]
        self._answers[item.id] = answer
        self._acks.discard(item.id)  # a new answer needs its own acknowledgement
        if item.needs_advice(answer):
            self.go(self.advice_screens[item.id])
        else:
            self._next(index)

    def _acknowledge(self, index: int) -> None:
        self._acks.add(SCREENING_ITEMS[index].id)
        self._next(index)

    def _next(self, index: int) -> None:
        if index + 1 < len(self.item_screens):
            self.go(self.item_screens[index + 1])
        else:
            self.completed.emit(screening_result(self._answers, self._acks))

    # -- review -----------------------------------------------------------------------------
    def show_review(self, result: ScreeningResult, answered_on: str = "") -> None:
        """The stored answers, read-only; Enter or Esc emits ``review_closed``."""
        for old in self._review_lines:
            self.review.text.remove(old)
        self._review_lines = []
        self.review.step_label.setText(
            f"Answered on {answered_on}" if answered_on else "Safety questions"
        )
        for entry in result.review():
            paragraph = "\n".join((entry.heading, *entry.details()))
            self._review_lines += self.review.add_lines([paragraph], 1.3)
        self.go(self.review)
