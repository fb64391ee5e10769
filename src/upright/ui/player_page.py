"""The session player: a huge countdown, the phase word and colour, the rep, and the controls."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from upright.core.phases import Phase
from upright.core.plan import Segment
from upright.core.session import RunState, Snapshot
from upright.ui.illustration_view import IllustrationView
from upright.ui.phase_colours import phase_style
from upright.ui.theme import set_pixel_font


def rep_text(segment: Segment) -> str:
    if segment.phase is Phase.MOVE:
        return segment.side.capitalize()
    if segment.phase is Phase.SETTLE:
        return "Take your time"
    return f"Rep {segment.rep} of {segment.reps}"


def sub_text(segment: Segment) -> str:
    """The line under the countdown: what the number means, or what comes next."""
    hold = f"{segment.target_hold_s:g} s"
    match segment.phase:
        case Phase.MOVE:
            move = segment.exercise.movement
            count = f" · {move.reps_per_side} times" if move else ""
            return f"{segment.exercise.name}: {segment.side}{count}"
        case Phase.SETTLE:
            return "Get down and roll onto your front in one piece"
        case Phase.GET_READY:
            return f"Get into position. First hold: {hold}"
        case Phase.LIFT:
            return f"Lift slowly. Then hold for {hold}"
        case Phase.HOLD:
            return f"Hold of {hold}. Breathe normally"
        case Phase.LOWER:
            return "Lower down slowly"
        case Phase.REST:
            return f"Rest. Next: rep {segment.rep + 1} of {segment.reps}"
        case _:
            return ""


class PlayerPage(QWidget):
    """Shows a Snapshot. Every button only emits an intent; the main window wires them up."""

    back_requested = Signal()
    pause_requested = Signal()
    next_requested = Signal()
    end_hold_requested = Signal()
    stop_requested = Signal()
    pain_stop_requested = Signal()
    distance_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.high_contrast = False
        self.distance = False
        self._last_key: tuple[int, Phase, bool, int] | None = None
        self._style = phase_style(Phase.GET_READY)

        self.exercise_label = QLabel()
        self.exercise_label.setWordWrap(True)
        self.rep_label = QLabel()
        self.rep_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.rep_label.setAccessibleName("Rep")
        header = QHBoxLayout()
        header.addWidget(self.exercise_label, 1)
        header.addWidget(self.rep_label)

        self.phase_panel = QFrame()
        self.phase_panel.setObjectName("phasePanel")
        self.phase_label = QLabel()
        self.countdown_label = QLabel()
        self.countdown_label.setAccessibleName("Seconds left")
        self.sub_label = QLabel()
        self.sub_label.setWordWrap(True)
        for label in (self.phase_label, self.countdown_label, self.sub_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        panel = QVBoxLayout(self.phase_panel)
        panel.addStretch(1)
        panel.addWidget(self.phase_label)
        panel.addWidget(self.countdown_label)
        panel.addWidget(self.sub_label)
        panel.addStretch(1)
        self.phase_panel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.illustration: IllustrationView | None = None
        self.illustration_area = QFrame()
        self.illustration_area.setObjectName("card")
        self.illustration_area.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding
        )
        QVBoxLayout(self.illustration_area).setContentsMargins(8, 8, 8, 8)
        middle = QHBoxLayout()
        middle.addWidget(self.phase_panel, 5)
        middle.addWidget(self.illustration_area, 4)

        self.caption_label = QLabel()
        self.caption_label.setWordWrap(True)
        self.caption_label.setAccessibleName("Cue")
        self.reminder_label = QLabel()
        self.reminder_label.setWordWrap(True)
        self.reminder_label.setObjectName("muted")
        self.reminder_label.setAccessibleName("Reminder")
        self.save_label = QLabel()
        self.save_label.setWordWrap(True)
        self.save_label.setStyleSheet("color: #B3261E; font-weight: 600;")
        self.save_label.hide()

        self.back_button = self._button("◀ Back", "←", "Left or Page Up", self.back_requested)
        self.pause_button = self._button("Pause", "Space", "Space", self.pause_requested)
        self.next_button = self._button("Next ▶", "→", "Right or Page Down", self.next_requested)
        self.end_hold_button = self._button(
            "I came down", "↓", "Down arrow", self.end_hold_requested
        )
        self.stop_button = self._button("Stop", "Esc", "Escape", self.stop_requested)
        self.pain_button = self._button("Stop: pain", "P", "P", self.pain_stop_requested)
        self.pain_button.setObjectName("danger")
        self.distance_button = self._button("Big view", "F11", "F11", self.distance_requested)
        self.button_bar = QWidget()
        self.button_bar.setStyleSheet("QPushButton { padding: 4px 6px; }")
        buttons = QHBoxLayout(self.button_bar)
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.back_button, self.pause_button, self.next_button, self.end_hold_button):
            buttons.addWidget(b, 1)
        buttons.addSpacing(24)
        for b in (self.distance_button, self.stop_button, self.pain_button):
            buttons.addWidget(b, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addLayout(header)
        layout.addLayout(middle, 1)
        captions = QHBoxLayout()
        captions.addWidget(self.caption_label, 3)
        captions.addWidget(self.reminder_label, 2)
        layout.addLayout(captions)
        layout.addWidget(self.save_label)
        layout.addWidget(self.button_bar)

        # A brief full-window flash at each phase change, for people who miss sounds.
        self.flash_overlay = QWidget(self)
        self.flash_overlay.setStyleSheet("background: rgba(255, 255, 255, 215);")
        self.flash_overlay.hide()
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self.flash_overlay.hide)
        # In the distance view the buttons hide until the mouse moves; keys always work.
        self._bar_timer = QTimer(self)
        self._bar_timer.setSingleShot(True)
        self._bar_timer.timeout.connect(lambda: self.button_bar.setVisible(not self.distance))
        self.setMouseTracking(True)

    def _button(self, text: str, key: str, key_words: str, signal: Signal) -> QPushButton:
        button = QPushButton(f"{text}\n({key})")
        button.setAccessibleName(text.replace("◀", "").replace("▶", "").strip())
        button.setAccessibleDescription(f"Keyboard: {key_words}")
        button.setToolTip(f"Keyboard: {key_words}")
        button.setMinimumHeight(64)
        # The row shares out the width; fonts are sized to fit it (see _resize_fonts), so the
        # buttons never force the window wider than 800 px, whatever the text size.
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        button.setMinimumWidth(70)
        button.clicked.connect(signal.emit)
        return button

    # -- showing state ------------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        segment = snap.segment
        paused = snap.state is RunState.PAUSED
        # Never show 0 while a phase runs: the next phase takes over at the deadline.
        seconds = max(1, math.ceil(snap.remaining_s - 1e-6))
        key = (snap.index, segment.phase, paused, seconds)
        if key == self._last_key:
            return  # nothing visible changed: no relayout, no repaint
        self._last_key = key
        self.countdown_label.setText(str(seconds))
        self.phase_label.setText("PAUSED" if paused else segment.phase.word)
        self.sub_label.setText("Press Space or Enter to carry on" if paused else sub_text(segment))
        self.rep_label.setText(rep_text(segment))
        self.exercise_label.setText(f"{segment.exercise.name}  ·  {segment.exercise.label}")
        self.pause_button.setText("Resume\n(Space)" if paused else "Pause\n(Space)")
        self.pause_button.setAccessibleName("Resume" if paused else "Pause")
        self.end_hold_button.setEnabled(segment.phase is Phase.HOLD)
        self._style = phase_style(segment.phase, paused=paused, high_contrast=self.high_contrast)
        self._apply_colours()
        self.countdown_label.setAccessibleDescription(
            f"{segment.phase.word}, {seconds} seconds left, {rep_text(segment)}"
        )

    def _apply_colours(self) -> None:
        style = self._style
        panel = f"QFrame#phasePanel {{ background: {style.background}; border-radius: 18px; }}"
        labels = f"QLabel {{ color: {style.text}; background: transparent; }}"
        if self.distance:  # the phase colour fills the whole window
            self.setStyleSheet(f"PlayerPage {{ background: {style.background}; }} {labels}")
            self.phase_panel.setStyleSheet(
                f"QFrame#phasePanel {{ background: {style.background}; }} {labels}"
            )
        else:
            self.setStyleSheet("")
            self.phase_panel.setStyleSheet(panel + labels)

    def set_distance(self, on: bool) -> None:
        """The across-the-room view: huge countdown, phase colour everywhere, no clutter."""
        self.distance = on
        for widget in (self.illustration_area, self.exercise_label, self.reminder_label):
            widget.setVisible(not on)
        self.button_bar.setVisible(not on)
        self.distance_button.setText(("Normal view" if on else "Big view") + "\n(F11)")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, on)
        self._apply_colours()
        self._resize_fonts()

    def flash(self) -> None:
        self.flash_overlay.setGeometry(self.rect())
        self.flash_overlay.raise_()
        self.flash_overlay.show()
        self._flash_timer.start(250)

    def mouseMoveEvent(self, event: object) -> None:  # type: ignore[override]
        if self.distance:
            self.button_bar.show()
            self._bar_timer.start(3000)
        super().mouseMoveEvent(event)  # type: ignore[arg-type]

    def show_caption(self, text: str) -> None:
        self.caption_label.setText(text)

    def show_reminder(self, text: str) -> None:
        self.reminder_label.setText(text)

    def show_save_problem(self, text: str) -> None:
        self.save_label.setText(text)
        self.save_label.setVisible(bool(text))

    def set_illustration(self, view: IllustrationView) -> None:
        layout = self.illustration_area.layout()
        assert layout is not None
        layout.addWidget(view)
        self.illustration = view

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        self._resize_fonts()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def _resize_fonts(self) -> None:
        h = self.height()
        w = self.width()
        # Sized from the window, so the countdown is readable from 3 m at any size.
        big = 0.62 if self.distance else 0.34
        set_pixel_font(self.countdown_label, int(min(h * big, w * big * 0.65)), bold=True)
        word = 0.12 if self.distance else 0.085
        set_pixel_font(self.phase_label, int(min(h * word, w * 0.08)), bold=True)
        set_pixel_font(self.sub_label, int(max(h * 0.034, 15)))
        rep = 0.09 if self.distance else 0.06
        set_pixel_font(self.rep_label, int(max(h * rep, 20)), bold=True)
        set_pixel_font(self.exercise_label, int(max(h * 0.04, 16)), bold=True)
        set_pixel_font(self.caption_label, int(max(h * 0.045, 16)), bold=True)
        set_pixel_font(self.reminder_label, int(max(h * 0.035, 15)))
        self._fit_buttons(w)

    def _fit_buttons(self, width: int) -> None:
        """The buttons follow the text size, but never so far that their labels stop fitting."""
        buttons = self.button_bar.findChildren(QPushButton)
        room = (width - 40 - 24 - 6 * 7) / max(len(buttons), 1) - 18  # margins, gaps, padding
        lines = [line for b in buttons for line in b.text().splitlines()]
        font = QFont(QApplication.font())
        font.setBold(True)
        px = QFontInfo(font).pixelSize()
        while px > 9:
            font.setPixelSize(px)
            if max(QFontMetrics(font).horizontalAdvance(t) for t in lines) <= room:
                break
            px -= 1
        for button in buttons:
            set_pixel_font(button, px, bold=True)
        self.flash_overlay.setGeometry(self.rect())
