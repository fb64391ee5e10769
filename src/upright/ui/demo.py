"""Demo mode: show any exercise or one step of it, repeat it, step and pause freely; record nothing.

With a second screen the big view goes there and the controls stay on the laptop; with one,
the player's big view fills the window and its controls appear on mouse move (keys always work).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from upright.core.cues import CueOptions
from upright.core.demo import DemoChoice, demo_choices, demo_exercises
from upright.core.events import PhaseStarted
from upright.core.illustration import scene_for
from upright.core.prescriptions import load_prescription
from upright.core.program import ExerciseKind
from upright.core.recorder import SessionRecorder
from upright.core.session_end import SessionEnd
from upright.core.today import plan_today
from upright.ui.big_view import BigView, second_screen
from upright.ui.illustration_view import IllustrationView
from upright.ui.player_page import PlayerPage
from upright.ui.session_flow import RED_FLAGS, SessionAids, SessionFlow
from upright.ui.shortcuts import page_shortcut
from upright.ui.theme import set_relative_font

if TYPE_CHECKING:
    from upright.context import AppContext

NO_HISTORY = None  # a demo is never recorded: its flow gets no history to write to
PAIN_IN_A_SESSION = (
    "In a real session this button stops at once and records that the session was stopped "
    "for pain. Then it says:\n\n" + RED_FLAGS.split("\n\n", 1)[1]
)


class DemoFlow(SessionFlow):
    """A session flow that stops without asking and explains the pain button instead."""

    def confirm_stop(self) -> None:
        if self.runner.running:
            self.runner.stop(SessionEnd.STOPPED)

    def stop_for_pain(self) -> None:
        if not self.runner.running:
            return
        self.runner.stop(SessionEnd.STOPPED)
        box = QMessageBox(QMessageBox.Icon.Information, "Stop: pain (demo)", PAIN_IN_A_SESSION)
        box.setParent(self._dialog_parent(), box.windowFlags())
        box.exec()


class DemoPage(QWidget):
    back_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        screens: Callable[[], Sequence[QScreen]] = QGuiApplication.screens,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ctx = ctx
        self.screens = screens
        self.flow: DemoFlow | None = None
        self.choices: list[DemoChoice] = []
        self.shown = 0  # how many times the current choice has run, for the repeat count
        self.big_view = BigView(self)  # its own window, but closes with the app
        self.player = PlayerPage()
        self.player.set_illustration(IllustrationView(ctx.clock.monotonic))
        self.big_picture = IllustrationView(ctx.clock.monotonic)
        self.big_view.set_illustration(self.big_picture)
        self.player.distance_requested.connect(self._toggle_distance)

        title = QLabel("Demo")
        set_relative_font(title, 1.9, bold=True)
        intro = QLabel(
            "For showing the exercises. Nothing here is recorded in anyone's history. "
            "Choose an exercise, then the whole of it or one step."
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.exercise_list = QListWidget()
        self.exercise_list.setAccessibleName("Exercise to show")
        self.exercise_list.currentRowChanged.connect(self._exercise_chosen)
        self.step_list = QListWidget()
        self.step_list.setAccessibleName("What to show")
        self.step_list.itemActivated.connect(lambda _item: self.start())
        self.repeat_box = QCheckBox("Repeat until stopped (R)")
        self.show_button = QPushButton("Show (Enter)")
        self.show_button.setObjectName("primary")
        self.show_button.clicked.connect(self.start)
        back = QPushButton("Back (Esc)")
        back.clicked.connect(self.back_requested.emit)
        for chooser_list in (self.exercise_list, self.step_list):
            chooser_list.setSpacing(4)
            chooser_list.setWordWrap(True)
            set_relative_font(chooser_list, 1.2)
        lists = QHBoxLayout()
        lists.addWidget(self.exercise_list, 1)
        lists.addWidget(self.step_list, 1)
        buttons = QHBoxLayout()  # the check box on a line of its own: fits 800 px at 200%
        buttons.addStretch(1)
        buttons.addWidget(back)
        buttons.addWidget(self.show_button)
        chooser = QWidget()
        chooser_layout = QVBoxLayout(chooser)
        chooser_layout.setContentsMargins(28, 20, 28, 20)
        chooser_layout.addWidget(title)
        chooser_layout.addWidget(intro)
        chooser_layout.addLayout(lists, 1)
        chooser_layout.addWidget(self.repeat_box)
        chooser_layout.addLayout(buttons)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setObjectName("notice")  # the theme's colours, high contrast too
        running = QWidget()
        running_layout = QVBoxLayout(running)
        running_layout.setContentsMargins(0, 0, 0, 0)
        running_layout.setSpacing(0)
        running_layout.addWidget(self.banner)
        running_layout.addWidget(self.player, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(chooser)
        self.pages.addWidget(running)
        QVBoxLayout(self).addWidget(self.pages)
        self.layout().setContentsMargins(0, 0, 0, 0)  # type: ignore[union-attr]

        page_shortcut(self, "R", self.repeat_box.toggle)
        page_shortcut(self, "Escape", self._escape)
        for key in ("Return", "Enter"):
            page_shortcut(chooser, key, self.start)
        self.repeat_box.toggled.connect(lambda _on: self._show_banner())
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self._screens_changed)

    # -- choosing -----------------------------------------------------------------------------
    def open(self) -> None:
        self.exercise_list.clear()
        for exercise in demo_exercises(self.ctx.catalog):
            self.exercise_list.addItem(f"{exercise.name} ({exercise.label})")
        self.pages.setCurrentIndex(0)
        self.exercise_list.setCurrentRow(0)
        self.exercise_list.setFocus()

    def _exercise_chosen(self, row: int) -> None:
        if row < 0:
            return
        exercise = demo_exercises(self.ctx.catalog)[row]
        p = None
        if exercise.kind is ExerciseKind.HOLD:  # the person's own numbers, read only
            p = load_prescription(self.ctx.readable, self.ctx.settings.profile, exercise)[0]
        self.choices = demo_choices(exercise, p)
        self.step_list.clear()
        self.step_list.addItems([c.label for c in self.choices])
        self.step_list.setCurrentRow(0)

    # -- running ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.flow is not None

    def start(self) -> None:
        row = self.step_list.currentRow()
        if self.flow is not None or not 0 <= row < len(self.choices):
            return
        self.shown = 0
        self.pages.setCurrentIndex(1)
        screen = second_screen(self.screens(), self.window().screen())
        self.player.high_contrast = self.big_view.high_contrast = self.ctx.settings.high_contrast
        self.player.set_distance(screen is None)  # one screen: the big view, controls on hover
        if screen is not None:
            self.big_view.show_on(screen)
        self._run()

    def _run(self) -> None:
        ctx = self.ctx
        profile, level = ctx.settings.profile, ctx.settings.level
        today = plan_today(ctx.catalog, ctx.readable, profile, level, ctx.clock.wall().date())
        choice = self.choices[self.step_list.currentRow()]
        # The demo speaks and beeps like a session (when the window has sound and voice).
        aids = SessionAids(
            getattr(self.window(), "hands_free", None),
            CueOptions(count_down_from=ctx.settings.count_down_from),
            ctx.settings.flash,
        )
        self.flow = DemoFlow(
            today, choice.plan, ctx.clock, NO_HISTORY, ctx.settings.profile, self.player,
            ctx.time_scale, self, aids,
        )  # fmt: skip
        self.flow.ended.connect(self._ended)
        runner = self.flow.runner
        runner.ticked.connect(self.big_view.show_snapshot)
        runner.phase_started.connect(self._phase_started)
        runner.paused_changed.connect(self.big_picture.set_paused)
        self.flow.cues.cue_due.connect(lambda cue: self.big_view.show_caption(cue.caption))
        self.shown += 1
        self._show_banner()
        self.player.setFocus()
        self.flow.start()

    def _toggle_distance(self) -> None:
        self.player.set_distance(not self.player.distance)

    def _phase_started(self, event: PhaseStarted) -> None:
        self.big_view.show_reminder(self.player.reminder_label.text())
        segment, scale = event.segment, self.ctx.time_scale
        move = segment.exercise.movement
        duration = (move.seconds_per_rep if move else segment.duration_s) / scale
        scene = scene_for(segment.exercise, segment.phase, segment.side_index)
        self.big_picture.show_scene(scene, event.at, duration)

    def _show_banner(self) -> None:
        label = self.choices[self.step_list.currentRow()].label if self.choices else ""
        repeat = "R repeats"
        if self.repeat_box.isChecked():
            repeat = f"repeating, shown {self.shown}× (R stops repeating)"
        keys = "Space pauses, ← → step, Esc ends"
        self.banner.setText(f"DEMO: nothing is recorded  ·  {label}  ·  {repeat}  ·  {keys}")

    def _ended(self, how: SessionEnd, _recorder: SessionRecorder) -> None:
        flow, self.flow = self.flow, None
        if flow is not None:
            flow.deleteLater()
        if how is SessionEnd.FINISHED and self.repeat_box.isChecked():
            self._run()  # once more from the start of the chosen part
            return
        self.big_view.hide()
        self.player.set_distance(False)
        self.pages.setCurrentIndex(0)
        self.step_list.setFocus()

    def stop(self) -> None:
        if self.flow is not None:
            self.flow.runner.stop(SessionEnd.STOPPED)

    def _escape(self) -> None:
        """Esc ends a running demo at once (nothing to lose), or goes back from the chooser."""
        if self.flow is not None:
            self.stop()
        else:
            self.back_requested.emit()

    def _screens_changed(self, _screen: object = None) -> None:
        """A projector unplugged mid-demo: bring the big view back to the laptop's window."""
        alone = second_screen(self.screens(), self.window().screen()) is None
        if self.big_view.isVisible() and alone:
            self.big_view.hide()
            self.player.set_distance(True)
