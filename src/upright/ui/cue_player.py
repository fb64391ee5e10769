"""Turn each due cue into a caption, a tone and spoken words, falling back to a screen flash.

play(cue) returns at once: it only starts sounds and speech. Every cue is seen (caption_changed
always fires) and, if it carries words or a tone, heard or flashed:
- the tone plays when tones are on;
- the words are spoken when voice is on and speech works;
- words that cannot be spoken (speech broken or not ready) make the cue's tone play even when
  tones are off, since the user asked to hear cues;
- a cue that wanted sound but made none (nothing enabled, no device, speech broken and no tone)
  emits flash_requested so the screen can flash.

Overlapping words follow one rule: words belong to a moment (Cue.at_s).
- New words for a later moment than the words being spoken make those older words stale: they
  are cut off and the new words are spoken at once, so speech never runs behind the clock.
- Words for the same moment queue behind each other and are spoken in order.
- Words are never dropped because speech is busy. Queued words are dropped only when a cue for a
  later moment arrives before they started (they would be late); their caption was shown.
So a countdown "3", "2", "1" a second apart is always spoken: each count is cut only if the one
before it is somehow still being spoken a whole second later.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QObject, Signal

from upright.core.cues import Cue
from upright.ui.audio import TonePlayer
from upright.ui.speech import Speaker


class CuePlayer(QObject):
    """Plays cues with the tone player and speaker it is given; owns the voice and tone settings."""

    caption_changed = Signal(str)
    flash_requested = Signal()
    status_changed = Signal()

    def __init__(self, tones: TonePlayer, speaker: Speaker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tones = tones
        self._speaker = speaker
        self._voice_on = True
        self._speaking_at: float | None = None  # the moment of the words being spoken
        self._queue: deque[tuple[float, str]] = deque()  # same-moment words waiting their turn
        tones.status_changed.connect(self.status_changed)
        speaker.status_changed.connect(self.status_changed)
        speaker.finished.connect(self._next_words)
        speaker.broken.connect(self._forget_words)

    def play(self, cue: Cue) -> None:
        """Show, sound and speak one cue now; never blocks."""
        self.caption_changed.emit(cue.caption)
        spoken = bool(cue.words) and self._speak(cue.at_s, cue.words or "")
        toned = False
        if cue.tone is not None:
            if self._tones.enabled:
                toned = self._tones.play(cue.tone)
            elif cue.words and self._voice_on and not spoken:
                toned = self._tones.play(cue.tone, fallback=True)
        if (cue.words or cue.tone is not None) and not (spoken or toned):
            self.flash_requested.emit()

    def _speak(self, at_s: float, words: str) -> bool:
        if not (self._voice_on and self._speaker.working):
            return False
        while self._queue and self._queue[0][0] < at_s:
            self._queue.popleft()  # stale: a later moment has come
        if not self._speaker.speaking:
            self._queue.clear()
            return self._say(at_s, words)
        if self._speaking_at is not None and self._speaking_at >= at_s:
            self._queue.append((at_s, words))
            return True
        # The words being spoken are for an earlier moment: cut them off.
        self._queue.append((at_s, words))
        first_at, first_words = self._queue.popleft()
        return self._say(first_at, first_words)

    def _say(self, at_s: float, words: str) -> bool:
        self._speaking_at = at_s
        return self._speaker.say(words)

    def _next_words(self) -> None:
        if self._queue:
            self._say(*self._queue.popleft())
        else:
            self._speaking_at = None

    def _forget_words(self) -> None:
        self._queue.clear()
        self._speaking_at = None

    # Settings -------------------------------------------------------------------------------

    @property
    def voice_on(self) -> bool:
        return self._voice_on

    def set_voice_on(self, on: bool) -> None:
        if on == self._voice_on:
            return
        self._voice_on = on
        if not on:
            self._forget_words()
            self._speaker.stop()
        self.status_changed.emit()

    @property
    def tones_on(self) -> bool:
        return bool(self._tones.enabled)

    def set_tones_on(self, on: bool) -> None:
        self._tones.enabled = on  # TonePlayer emits status_changed

    @property
    def volume(self) -> float:
        return self._tones.volume

    def set_volume(self, volume: float) -> None:
        """Loudness of tones and speech together, 0 to 1."""
        self._tones.set_volume(volume)
        self._speaker.set_volume(volume)
        self.status_changed.emit()

    @property
    def speech_rate(self) -> float:
        return self._speaker.rate

    def set_speech_rate(self, rate: float) -> None:
        """From -1 (slowest) through 0 (normal) to 1 (fastest)."""
        self._speaker.set_rate(rate)
        self.status_changed.emit()

    @property
    def voices(self) -> list[str]:
        return list(self._speaker.voices)

    @property
    def voice(self) -> str:
        return self._speaker.voice

    def set_voice(self, name: str) -> None:
        self._speaker.set_voice(name)
        self.status_changed.emit()

    @property
    def problems(self) -> list[str]:
        """Plain words for each switched-on channel that is not working; empty when all is well."""
        found = []
        if self._voice_on and self._speaker.is_broken:
            found.append(self._speaker.message)
        if self._tones.enabled and not self._tones.available:
            found.append(self._tones.message)
        return found
