"""The big view for a second screen: phase, countdown, illustration and cues, with no controls."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from upright.core.phases import Phase
from upright.core.session import RunState, Snapshot
from upright.ui.phase_colours import phase_style
from upright.ui.player_page import rep_text, sub_text
from upright.ui.theme import set_pixel_font

S = TypeVar("S")


def second_screen(screens: Sequence[S], current: S | None) -> S | None:
    """The screen for the big view: another one than the controls are on, if there is one."""
    if len(screens) < 2:
        return None
    here = current if current in screens else screens[0]
    return next(s for s in screens if s != here)


class BigView(QWidget):
    """A window that mirrors the player for the room; the laptop keeps the controls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Upright: demo")
        self.setObjectName("bigView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.high_contrast = False
        self.exercise_label = QLabel()
        self.rep_label = QLabel()
        self.phase_label = QLabel()
        self.countdown_label = QLabel()
        self.sub_label = QLabel()
        self.caption_label = QLabel()
        self.reminder_label = QLabel()
        for label in (self.phase_label, self.countdown_label, self.sub_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.sub_label, self.caption_label, self.reminder_label, self.exercise_label):
            label.setWordWrap(True)
        self.countdown_label.setAccessibleName("Seconds left")
        self.illustration_area = QFrame()
        self.illustration_area.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding
        )
        QVBoxLayout(self.illustration_area).setContentsMargins(0, 0, 0, 0)
        self.illustration_area.hide()  # until there is an illustration: the timer takes the room

        header = QHBoxLayout()
        header.addWidget(self.exercise_label, 1)
        header.addWidget(self.rep_label)
        timer = QVBoxLayout()
        timer.addStretch(1)
        for label in (self.phase_label, self.countdown_label, self.sub_label):
            timer.addWidget(label)
        timer.addStretch(1)
        middle = QHBoxLayout()
        middle.addLayout(timer, 5)
        middle.addWidget(self.illustration_area, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.addLayout(header)
        layout.addLayout(middle, 1)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.reminder_label)
        self._colour(Phase.GET_READY, paused=False)

    def show_on(self, screen: QScreen) -> None:
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def set_illustration(self, widget: QWidget) -> None:
        layout = self.illustration_area.layout()
        assert layout is not None
        layout.addWidget(widget)
        self.illustration_area.show()

    def show_snapshot(self, snap: Snapshot) -> None:
        segment = snap.segment
        paused = snap.state is RunState.PAUSED
        self.countdown_label.setText(str(max(1, math.ceil(snap.remaining_s - 1e-6))))
        self.phase_label.setText("PAUSED" if paused else segment.phase.word)
        self.sub_label.setText(sub_text(segment))
        self.rep_label.setText(rep_text(segment))
        self.exercise_label.setText(segment.exercise.name)
        self._colour(segment.phase, paused)

    def show_caption(self, text: str) -> None:
        self.caption_label.setText(text)

    def show_reminder(self, text: str) -> None:
        self.reminder_label.setText(text)

    def _colour(self, phase: Phase, paused: bool) -> None:
        style = phase_style(phase, paused=paused, high_contrast=self.high_contrast)
        sheet = (
            f"QWidget#bigView {{ background: {style.background}; }}"
            f" QLabel {{ color: {style.text}; background: transparent; }}"
        )
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        h, w = self.height(), self.width()
        set_pixel_font(self.countdown_label, int(min(h * 0.45, w * 0.3)), bold=True)
        set_pixel_font(self.phase_label, int(min(h * 0.11, w * 0.07)), bold=True)
        set_pixel_font(self.sub_label, int(max(h * 0.04, 16)))
        set_pixel_font(self.rep_label, int(max(h * 0.07, 20)), bold=True)
        set_pixel_font(self.exercise_label, int(max(h * 0.05, 18)), bold=True)
        set_pixel_font(self.caption_label, int(max(h * 0.055, 18)), bold=True)
        set_pixel_font(self.reminder_label, int(max(h * 0.04, 16)))
        super().resizeEvent(event)  # type: ignore[arg-type]
