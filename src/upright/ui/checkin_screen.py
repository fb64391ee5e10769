"""One screen of a safety check-in: a question or advice in big words, its buttons and its keys.

Keys on every screen: Enter presses the button that has the focus (one the person tabbed to);
with no button focused it takes the screen's safe default, or shows a hint where there is no
safe default (a yes/no question). Esc goes back one screen where that makes sense. Letters are
shown on their buttons ("Yes (Y)"). Page Up/Down and Up/Down scroll long text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from upright.core.safety import RED_FLAGS_INTRO, Advice
from upright.ui.answer_keys import answer_keys
from upright.ui.checkin_widgets import (
    TEXT_FACTOR,
    TITLE_FACTOR,
    Sizer,
    TextArea,
    WrapButton,
    arrange,
    settle,
    wrapped,
)
from upright.ui.theme import set_relative_font

if TYPE_CHECKING:  # the scale is the before and after pages' (not the next day's)
    from upright.ui.scale_question import ScaleQuestion

Action = Callable[[], None]
YES_NO_HINT = "Please answer: press N for No, or Y for Yes."
SMALLEST = 240  # pixels: a screen's minimum width and height
MIN_ZOOM = 0.5  # type shrinks to fit down to half its size (never below the body text)


class Screen(QWidget):
    """Build with ``add_lines``/``show_advice``/``set_scale``/``add_action``; show it with
    ``CheckinPage.go``."""

    def __init__(self, step: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Not a Tab stop, but it holds the focus when no button should (a yes/no question).
        self.setProperty("focusPolicy", "ClickFocus")  # by name (upright.ui.answer_keys)
        self.setAccessibleName(title)
        # Under a style sheet only widgets sized with set_relative_font hear of a new text
        # scale; the screen's own font is one, and its FontChange refits everything.
        set_relative_font(self, 1.0)
        self.enter_action: Action | None = None
        self.enter_hint = ""
        self.escape_action: Action | None = None
        self.scale: ScaleQuestion | None = None
        self.focus_first: QWidget = self
        self._letters: dict[int, Action] = {}
        self._card: QFrame | None = None
        self._buttons: list[WrapButton] = []
        # A hidden screen is fitted when it shows, at the size it shows at: fitting it while
        # hidden (as it is built, before the window has its size) would be work thrown away.
        self._fit_when_shown = True

        self.sizer = Sizer()
        self.step_label = self.sizer.add(wrapped(step, "muted"), 1.1)
        self.text = TextArea(self.sizer)
        self.title_label = self.text.add_label(title, TITLE_FACTOR, bold=True)
        self.hint_label = self.sizer.add(wrapped("", "hint"), 1.2)
        self.hint_label.hide()
        self.actions = QHBoxLayout()
        self.actions.setSpacing(16)
        self.nav = QHBoxLayout()  # Back at the left, Next at the right
        self.nav.setSpacing(16)
        self.nav.addStretch(1)
        # The answers follow the words; the space left over goes below them, above "Back".
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(16)
        self._layout.addWidget(self.step_label)
        self._layout.addWidget(self.text)
        self._layout.addWidget(self.hint_label)
        self._layout.addLayout(self.actions)
        self._layout.addStretch(1)
        self._layout.addLayout(self.nav)

    # -- building ---------------------------------------------------------------------------
    def add_lines(
        self, lines: Iterable[str], factor: float = TEXT_FACTOR, name: str = ""
    ) -> list[QLabel]:
        """Paragraphs under the title."""
        return [self.text.add_label(line, factor, name=name) for line in lines]

    def show_advice(self, advice: Advice) -> None:
        """The advice as this screen's title and card, replacing any advice shown before."""
        self.title_label.setText(advice.title)
        self.setAccessibleName(advice.title)
        if self._card is not None:
            self.text.remove(self._card)
        card = QFrame()
        card.setObjectName("advice")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(22, 16, 22, 16)
        inner.setSpacing(10)

        def make(text: str, factor: float, bold: bool = False) -> QLabel:
            return self.sizer.add(wrapped(text), factor, bold)

        for line in advice.lines:
            inner.addWidget(make(line, TEXT_FACTOR))
        if advice.red_flags:
            inner.addWidget(make(RED_FLAGS_INTRO, TEXT_FACTOR, bold=True))
            bullets = QGridLayout()  # a hanging indent: wrapped lines start under the words
            bullets.setHorizontalSpacing(12)
            bullets.setColumnStretch(1, 1)
            for row, flag in enumerate(advice.red_flags):
                bullet = make("•", TEXT_FACTOR)
                bullet.setProperty("alignment", "AlignLeft|AlignTop")  # beside the first line
                bullets.addWidget(bullet, row, 0)
                bullets.addWidget(make(flag, TEXT_FACTOR), row, 1)
            inner.addLayout(bullets)
        if advice.note:
            inner.addWidget(make(advice.note, TEXT_FACTOR))
        self.text.add(card)
        self._card = card
        self.refit()

    def set_scale(self, scale: ScaleQuestion) -> None:
        """The scale sits under the words and has the focus, so digits and Enter go to it."""
        self.scale = scale
        scale.setProperty("focusPolicy", "ClickFocus")
        self._layout.insertWidget(self._layout.indexOf(self.text) + 1, scale)
        self.focus_first = scale
        self.enter_action = scale.confirm
        # A longer status line under the scale takes room from the words: fit them again.
        scale.changed.connect(lambda _value: self.refit())
        scale.hinted.connect(self.refit)

    def add_action(
        self, text: str, key: str, slot: Action, *, primary: bool = False, place: str = "answer"
    ) -> WrapButton:
        """A button with its key: a letter, "Enter" (the safe default) or "Esc" (back).

        ``place``: "answer" (a row under the words), "back" (bottom left) or "next" (bottom
        right).
        """
        button = WrapButton(f"{text}  ({key})", self.sizer)
        button.setAccessibleName(text)
        button.setAccessibleDescription(f"Keyboard: {key}")
        if primary:
            button.setObjectName("primary")
        button.clicked.connect(slot)
        if key == "Enter":
            self.enter_action = slot
            self.focus_first = button  # the safe default has the focus
        elif key == "Esc":
            self.escape_action = slot
        else:
            self._letters[ord(key.upper())] = slot
        if place == "answer":
            self.actions.addWidget(button, 1)
            self._buttons.append(button)
        else:
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            self.nav.insertWidget(0 if place == "back" else self.nav.count(), button)
        return button

    # -- using ------------------------------------------------------------------------------
    def activate(self) -> None:
        """Shown afresh: no old hint, the words from the top, the focus where Enter is safe."""
        self.hint_label.hide()
        self.refit()  # its words may have changed while it was hidden
        self.text.verticalScrollBar().setValue(0)
        self.focus_first.setFocus()

    def show_hint(self, text: str) -> None:
        self.hint_label.setText(text)
        self.hint_label.show()
        self.refit()

    def refit(self) -> None:
        """Fit now if the screen is shown, else as it shows."""
        if self.isVisible():
            self.fit()
        else:
            self._fit_when_shown = True

    def fit(self) -> None:
        """The biggest type, up to the full size, at which the whole screen fits the window.

        Only below the smallest size (the body text size) do the words scroll.
        """
        self._fit_when_shown = False
        if self._fits(1.0):
            return
        low, high = MIN_ZOOM, 1.0
        for _ in range(6):
            middle = (low + high) / 2
            low, high = (middle, high) if self._fits(middle) else (low, middle)
        self._fits(low)

    def _fits(self, zoom: float) -> bool:
        self.sizer.set_zoom(zoom)
        # The words and the scale are measured at the width the layout is about to give them
        # (a hidden widget's own width may be stale).
        self.text.measure_width = self.width()
        if self.scale is not None:
            self.scale.fit_numbers(self.width())
        settle(self)
        arrange(self.actions, self._buttons, self.width())
        return self._layout.totalHeightForWidth(self.width()) <= self.height()

    def handle_key(self, event: QKeyEvent) -> bool:
        keys = answer_keys()
        if event.modifiers() & ~keys.allowed_modifiers:
            return False
        key = event.key()
        if key in keys.scroll:
            bar = self.text.verticalScrollBar()
            bar.setValue(bar.value() + keys.scroll[key] * bar.singleStep() * 3)
            return True
        if event.isAutoRepeat():
            return True  # a held key answers once
        if key in keys.enter:
            focused = QApplication.focusWidget()
            # (A scale's own buttons never get here: the scale takes Enter as "confirm".)
            if isinstance(focused, QAbstractButton) and self.isAncestorOf(focused):
                focused.click()  # the button the person tabbed to
            elif self.enter_action is not None:
                self.enter_action()
            elif self.enter_hint:
                self.show_hint(self.enter_hint)
            return True
        if key == keys.escape:
            if self.escape_action is not None:
                self.escape_action()
            return True
        if self.scale is not None and self.scale.handle_key(key):
            return True
        action = self._letters.get(key)
        if action is None:
            return False
        action()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def hasHeightForWidth(self) -> bool:
        # The screen fits its words to the height it is given, so no height is asked of the
        # window (wrapped words would otherwise make the window's minimum their full height).
        return False

    def minimumSizeHint(self) -> QSize:
        # The screen adapts to the window (smaller type, buttons stacked, words scrolling), so
        # it never makes the window grow: its content's minimum depends on the current type.
        return QSize(SMALLEST, SMALLEST)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_when_shown:
            self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # A new text scale (``apply_text_scale``): size everything afresh once the change
            # has reached every widget.
            if self.isVisible():
                QTimer.singleShot(0, self, self.fit)
            else:
                self._fit_when_shown = True


def ask_yes_no(screen: Screen, answer: Callable[[bool], None]) -> None:
    """No (N) and Yes (Y), with no default answer: Enter only reminds of the keys."""
    screen.enter_hint = YES_NO_HINT
    screen.add_action("No", "N", lambda: answer(False))
    screen.add_action("Yes", "Y", lambda: answer(True))


class CheckinPage(QWidget):
    """A page that shows one screen at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.stack)

    def add(self, screen: Screen) -> Screen:
        self.stack.addWidget(screen)
        return screen

    @property
    def screen(self) -> Screen:
        current = self.stack.currentWidget()
        assert isinstance(current, Screen)
        return current

    def go(self, screen: Screen) -> None:
        self.stack.setCurrentWidget(screen)
        screen.activate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stack.count():
            self.screen.focus_first.setFocus()
