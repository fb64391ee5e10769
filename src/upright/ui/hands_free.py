"""Hands-free help during a session: cues heard (tones, voice), the screen kept awake.

Built once by the composition root, after the window is on screen (sound's modules take tens
of milliseconds to load; the speech engine then loads on a thread of its own for a second or
two), and lent to each session. Tests and the demo can run without it: the
session then shows its cues as captions only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from upright.core.cues import Cue, Tone
from upright.core.settings import Settings
from upright.ui.audio import TonePlayer
from upright.ui.cue_player import CuePlayer
from upright.ui.screen_awake import ScreenAwake, make_screen_awake
from upright.ui.speech import Speaker

RELEASE_AFTER_PAUSE_MS = 3 * 60 * 1000  # a long pause lets the screen sleep again


class HandsFree(QObject):
    def __init__(
        self,
        cues: CuePlayer,
        awake: ScreenAwake,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cues = cues
        self.awake = awake
        self._release_timer = QTimer(self)
        self._release_timer.setSingleShot(True)
        self._release_timer.setInterval(RELEASE_AFTER_PAUSE_MS)
        self._release_timer.timeout.connect(self.awake.release)

    @classmethod
    def create(cls, parent: QObject | None = None) -> HandsFree:
        tones = TonePlayer()
        speaker = Speaker()
        return cls(CuePlayer(tones, speaker), make_screen_awake(), parent)

    def apply(self, settings: Settings) -> None:
        self.cues.set_voice_on(settings.voice)
        self.cues.set_tones_on(settings.tones)
        self.cues.set_volume(settings.volume)
        self.cues.set_speech_rate(settings.speech_rate)
        if settings.voice_name:
            self.cues.set_voice(settings.voice_name)

    def problems(self) -> list[str]:
        return self.cues.problems

    def test_sound(self) -> None:
        """The settings page's "Play a test sound": a tone, then a sentence."""
        words = "This is how Upright sounds."
        self.cues.play(Cue(0.0, words, words, Tone.GET_READY))

    # -- a session's life ----------------------------------------------------------------------
    def session_started(self) -> None:
        self._release_timer.stop()
        self.awake.inhibit("An exercise session is running")

    def session_paused(self, paused: bool) -> None:
        if paused:
            self._release_timer.start()
        else:
            self._release_timer.stop()
            self.awake.inhibit("An exercise session is running")

    def session_ended(self) -> None:
        self._release_timer.stop()
        self.awake.release()
