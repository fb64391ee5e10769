"""The session player: a huge countdown, the phase word and colour, the rep, and the controls."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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
from upright.ui.theme import phase_style, set_pixel_font


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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.high_contrast = False
        self._last_key: tuple[int, Phase, bool, int] | None = None

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

        self.back_button = self._button("◀  Back", "Left / Page Up", self.back_requested)
        self.pause_button = self._button("Pause", "Space", self.pause_requested)
        self.next_button = self._button("Next  ▶", "Right / Page Down", self.next_requested)
        self.end_hold_button = self._button("I came down", "Down", self.end_hold_requested)
        self.stop_button = self._button("Stop", "Esc", self.stop_requested)
        self.pain_button = self._button("Stop: pain", "P", self.pain_stop_requested)
        self.pain_button.setObjectName("danger")
        buttons = QHBoxLayout()
        for b in (self.back_button, self.pause_button, self.next_button, self.end_hold_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.pain_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addLayout(header)
        layout.addLayout(middle, 1)
        captions = QHBoxLayout()
        captions.addWidget(self.caption_label, 3)
        captions.addWidget(self.reminder_label, 2)
        layout.addLayout(captions)
        layout.addWidget(self.save_label)
        layout.addLayout(buttons)

    def _button(self, text: str, key: str, signal: Signal) -> QPushButton:
        button = QPushButton(f"{text}\n({key})")
        button.setAccessibleName(text.replace("◀", "").replace("▶", "").strip())
        button.setAccessibleDescription(f"Keyboard: {key}")
        button.setToolTip(f"Keyboard: {key}")
        button.setMinimumHeight(64)
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
        style = phase_style(segment.phase, paused=paused, high_contrast=self.high_contrast)
        self.phase_panel.setStyleSheet(
            f"QFrame#phasePanel {{ background: {style.background}; border-radius: 18px; }}"
            f"QLabel {{ color: {style.text}; background: transparent; }}"
        )
        self.countdown_label.setAccessibleDescription(
            f"{segment.phase.word}, {seconds} seconds left, {rep_text(segment)}"
        )

    def show_caption(self, text: str) -> None:
        self.caption_label.setText(text)

    def show_reminder(self, text: str) -> None:
        self.reminder_label.setText(text)

    def show_save_problem(self, text: str) -> None:
        self.save_label.setText(text)
        self.save_label.setVisible(bool(text))

    def set_illustration(self, widget: QWidget) -> None:
        layout = self.illustration_area.layout()
        assert layout is not None
        layout.addWidget(widget)

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        h = self.height()
        w = self.width()
        # Sized from the window, so the countdown is readable from 3 m at any size.
        set_pixel_font(self.countdown_label, int(min(h * 0.34, w * 0.22)), bold=True)
        set_pixel_font(self.phase_label, int(min(h * 0.085, w * 0.06)), bold=True)
        set_pixel_font(self.sub_label, int(max(h * 0.034, 15)))
        set_pixel_font(self.rep_label, int(max(h * 0.06, 20)), bold=True)
        set_pixel_font(self.exercise_label, int(max(h * 0.04, 16)), bold=True)
        set_pixel_font(self.caption_label, int(max(h * 0.045, 16)), bold=True)
        set_pixel_font(self.reminder_label, int(max(h * 0.035, 15)))
        super().resizeEvent(event)  # type: ignore[arg-type]
