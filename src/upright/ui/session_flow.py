"""One running session: builds the core session, its recorder and runner, and drives the player."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from upright.core.clock import Clock
from upright.core.cues import CueOptions
from upright.core.events import PhaseStarted
from upright.core.history import History
from upright.core.illustration import scene_for
from upright.core.phases import Phase
from upright.core.plan import Plan
from upright.core.recorder import SessionRecorder
from upright.core.session import RunState, Session
from upright.core.session_end import SessionEnd
from upright.core.today import TodayPlan
from upright.core.value import value
from upright.ui.cue_timer import CueTimer
from upright.ui.hands_free import HandsFree
from upright.ui.keys import SessionKeys
from upright.ui.player_page import PlayerPage
from upright.ui.runner import SessionRunner

RED_FLAGS = (
    "Your session has been stopped and recorded as stopped for pain.\n\n"
    "Stop and seek advice from a doctor or physical therapist if you have:\n"
    "• sharp or stabbing back or rib pain\n"
    "• pain of 5/10 or more, or pain rising by 2 points\n"
    "• pain spreading to the legs, numbness, tingling or leg weakness\n"
    "• chest pain, dizziness or unusual breathlessness.\n\n"
    "Mild muscle tiredness that settles is normal."
)


@value
class SessionAids:
    """What helps the person follow the session: sound and voice, the count-down, a flash."""

    hands_free: HandsFree | None = None
    cue_options: CueOptions = CueOptions()
    flash: bool = False


class SessionFlow(QObject):
    """Lives from Start to the summary. Emits ``ended`` once, with the recorder's results."""

    ended = Signal(object, object)  # SessionEnd, SessionRecorder

    def __init__(
        self,
        today: TodayPlan,
        plan: Plan,
        clock: Clock,
        history: History | None,
        profile: str,
        player: PlayerPage,
        time_scale: float = 1.0,
        parent: QObject | None = None,
        aids: SessionAids | None = None,
        reopen_history: Callable[[], History] | None = None,
    ) -> None:
        super().__init__(parent)
        self.aids = aids or SessionAids()
        self.plan = plan
        self.player = player
        self.session = Session(plan, clock, time_scale)
        self.notes = {item.exercise.id: item.note for item in today.items}
        self.recorder = SessionRecorder(
            history,
            clock,
            profile,
            today.level_id,
            [item.planned() for item in today.items],
            time_scale=time_scale,
            reopen=reopen_history,
        )
        self.runner = SessionRunner(self.session, self.recorder, self)
        self.keys = SessionKeys(
            {
                "pause": self.runner.toggle_pause,
                "next": self.runner.next,
                "back": self.runner.back,
                "end_hold": self.runner.end_hold_early,
                "stop": self.confirm_stop,
                "pain": self.stop_for_pain,
            },
            self,
        )
        player.back_requested.connect(self.runner.back)
        player.pause_requested.connect(self.runner.toggle_pause)
        player.next_requested.connect(self.runner.next)
        player.end_hold_requested.connect(self.runner.end_hold_early)
        player.stop_requested.connect(self.confirm_stop)
        player.pain_stop_requested.connect(self.stop_for_pain)
        self.runner.ticked.connect(player.show_snapshot)
        self.runner.phase_started.connect(self._phase_started)
        self.runner.save_problem.connect(player.show_save_problem)
        self.runner.finished.connect(self._finished)
        self.runner.gap_detected.connect(self._gap)
        if player.illustration is not None:
            self.runner.paused_changed.connect(player.illustration.set_paused)
        self.cues = CueTimer(self.runner, clock.monotonic, self.aids.cue_options, parent=self)
        hands_free = self.aids.hands_free
        if hands_free is None:
            self.cues.cue_due.connect(lambda cue: player.show_caption(cue.caption))
        else:
            self.cues.cue_due.connect(hands_free.cues.play)
            hands_free.cues.caption_changed.connect(player.show_caption)
            hands_free.cues.flash_requested.connect(player.flash)
            self.runner.paused_changed.connect(hands_free.session_paused)

    def start(self) -> None:
        if self.aids.hands_free is not None:
            self.aids.hands_free.session_started()
        self.keys.install()
        self.player.show_save_problem("")
        self.runner.start()

    def _show_scene(self, event: PhaseStarted) -> None:
        view = self.player.illustration
        if view is None:
            return
        segment = event.segment
        scene = scene_for(segment.exercise, segment.phase, segment.side_index)
        scale = self.session.time_scale
        if segment.exercise.movement is not None:  # a warm-up loops once per repetition
            duration = segment.exercise.movement.seconds_per_rep / scale
        else:
            duration = segment.duration_s / scale
        view.show_scene(scene, event.at, duration)

    def _phase_started(self, event: PhaseStarted) -> None:
        self._show_scene(event)
        if self.aids.flash:
            self.player.flash()
        # The exercise's safety reminders take turns, one per phase, under the spoken cue.
        exercise = event.segment.exercise
        reminders = exercise.cues
        text = reminders[event.index % len(reminders)] if reminders else ""
        note = self.notes.get(exercise.id, "")
        if note and event.segment.phase in (Phase.GET_READY, Phase.REST):
            text = f"Your therapist: {note}"
        self.player.show_reminder(text)

    def _gap(self, seconds: float) -> None:
        minutes = round(seconds / 60)
        span = f"{minutes} minutes" if minutes >= 2 else f"{round(seconds)} seconds"
        self.player.show_caption(
            f"Paused: Upright was not running for {span} (the computer may have slept). "
            "Press Space to carry on."
        )

    def _dialog_parent(self) -> QWidget:
        return self.player.window()

    def confirm_stop(self) -> None:
        if not self.runner.running:
            return
        was_paused = self.session.state is RunState.PAUSED
        if not was_paused:
            self.runner.toggle_pause()  # the timer must not run on behind the question
        box = QMessageBox(self._dialog_parent())
        box.setWindowTitle("Stop the session?")
        box.setText("Stop this session now? The reps you have done are already saved.")
        keep = box.addButton("Keep going", QMessageBox.ButtonRole.RejectRole)
        stop = box.addButton("Stop session", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)  # Enter takes the safe default
        box.setEscapeButton(keep)
        box.exec()
        if box.clickedButton() is stop:
            self.runner.stop(SessionEnd.STOPPED)
        elif not was_paused:
            self.runner.toggle_pause()

    def stop_for_pain(self) -> None:
        if not self.runner.running:
            return
        self.runner.stop(SessionEnd.PAIN)  # at once, no question first

    def _finished(self, how: SessionEnd) -> None:
        self.keys.remove()
        hands_free = self.aids.hands_free
        if hands_free is not None:
            hands_free.session_ended()
            hands_free.cues.caption_changed.disconnect(self.player.show_caption)
            hands_free.cues.flash_requested.disconnect(self.player.flash)
        if how is SessionEnd.PAIN:
            box = QMessageBox(QMessageBox.Icon.Warning, "Stopped for pain", RED_FLAGS)
            box.setParent(self._dialog_parent(), box.windowFlags())
            box.exec()
        self.ended.emit(how, self.recorder)
