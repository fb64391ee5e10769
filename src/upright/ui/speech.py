"""Speak cue words with QTextToSpeech, and give up on speech that hangs, for the rest of the run.

QtTextToSpeech is imported only inside functions: like QtMultimedia it needs libpulse.so.0.

Watchdog: with no audio output speechd says Ready, then sits in Speaking forever. Speech is
declared broken when the engine reports Error, is not Ready within `ready_timeout_s`, is still
speaking `factor` times the expected duration plus `slack_s` after say(), or does not stop within
`slack_s` when asked to. Speaker then emits broken(message) and say() returns False from then on.

Interrupting: say() while speaking first stops the engine and speaks the new text once the engine
reports Ready (about 30 ms with speechd here); saying straight over speechd leaves a late Ready from
the cancelled text that looks like the end of the new one. speechd reports Speaking a little after
say(), so a Ready counts as the end of a text only after that text's Speaking was seen; text cut
off before its Speaking arrived may still report Speaking and Ready, so the new text waits for that
Ready or `settle_s`, whichever comes first.

The engine loads on a thread of its own (upright.ui.speech_engine: speechd takes about 1.5 s),
so the window never waits for it; say() returns False until it is Ready.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer, Signal, Slot

from upright.core.value import value
from upright.ui.audio import missing_library_message
from upright.ui.speech_engine import load_engine

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

# Builds a stand-in QTextToSpeech at once (tests: a subclass that misbehaves like a broken engine).
EngineFactory = Callable[[QObject], "QTextToSpeech"]


@value
class WatchdogPolicy:
    words_per_s: float = 2.5  # ordinary speech at rate 0
    factor: float = 3.0
    slack_s: float = 2.0
    ready_timeout_s: float = 8.0
    settle_s: float = 0.25

    def limit_s(self, text: str, rate: float) -> float:
        """How long speaking `text` may take before speech counts as broken."""
        expected = max(1, len(text.split())) / (self.words_per_s * math.pow(2.0, rate))
        return self.factor * expected + self.slack_s


def available_engines() -> list[str]:
    """Names of the installed speech engines (e.g. speechd, mock); empty if Qt speech is missing."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return []
    return list(QTextToSpeech.availableEngines())


def _prefer_english(tts: QTextToSpeech) -> None:
    """Cue words are English; under LANG=C speechd otherwise picks an arbitrary language."""
    english = QLocale.Language.English
    if tts.locale().language() == english:
        return
    locales = [loc for loc in tts.availableLocales() if loc.language() == english]
    for territory in (QLocale.system().territory(), QLocale.Country.UnitedKingdom):
        matching = [loc for loc in locales if loc.territory() == territory]
        if matching:
            tts.setLocale(matching[0])
            return
    if locales:
        tts.setLocale(locales[0])


class Speaker(QObject):
    """say(text) returns at once; `working` is False until Ready and after a breakdown."""

    status_changed = Signal()
    broken = Signal(str)
    finished = Signal()  # the latest say() was spoken to its end
    word_spoken = Signal(str)  # engines that report words (mock) say which one is being spoken

    def __init__(
        self,
        engine: str | None = None,
        parent: QObject | None = None,
        *,
        policy: WatchdogPolicy | None = None,
        factory: EngineFactory | None = None,
    ) -> None:
        """engine: a name from available_engines(), or None for the platform's default;
        factory: a stand-in engine instead (tests)."""
        super().__init__(parent)
        self._policy = policy or WatchdogPolicy()
        self._tts: QTextToSpeech | None = None
        self._ready = False
        self._speaking = False
        self._started = False  # the engine reported Speaking since the latest say()
        self._stopping = False
        self._settling = False
        self._pending: str | None = None  # said while stopping: spoken once the engine is Ready
        self._broken_reason = ""
        self._message = "Speech is starting."
        self._rate = 0.0
        self._volume = 1.0
        self.voices: list[str] = []
        self.voice = ""
        self._wanted_voice = ""  # chosen before the engine was there: applied once it is
        self._watchdog = QTimer(self, singleShot=True)
        self._watchdog.timeout.connect(self._on_watchdog)
        self._watchdog.start(round(self._policy.ready_timeout_s * 1000))
        if factory is not None:
            QTimer.singleShot(0, self, lambda: self._build(factory))
        else:
            self._load(engine)

    @property
    def working(self) -> bool:
        return self._ready and not self._broken_reason

    @property
    def is_broken(self) -> bool:
        return bool(self._broken_reason)

    @property
    def speaking(self) -> bool:
        """True from say() until that text was spoken to its end (or stop())."""
        return self._speaking or self._pending is not None

    @property
    def message(self) -> str:
        """Plain words on the state of speech."""
        return self._message

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def volume(self) -> float:
        return self._volume

    def say(self, text: str) -> bool:
        """Speak text, cutting off anything still being spoken; False if speech cannot work now."""
        if not self.working or self._tts is None:
            return False
        if self._speaking or self._stopping:
            self._pending = text
            self._request_stop()
        else:
            self._start(text)
        return True

    def stop(self) -> None:
        """Cut off current speech and forget text waiting for it."""
        self._pending = None
        if self._speaking and self.working:
            self._request_stop()

    def set_rate(self, rate: float) -> None:
        """Speaking rate from -1 (slowest) through 0 (normal) to 1 (fastest)."""
        self._rate = min(1.0, max(-1.0, rate))
        if self._tts is not None:
            self._tts.setRate(self._rate)

    def set_volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, volume))
        if self._tts is not None:
            self._tts.setVolume(self._volume)

    def set_voice(self, name: str) -> None:
        """Pick a voice by one of the names in `voices` (kept until the engine has loaded)."""
        self._wanted_voice = name
        if self._tts is None:
            return
        for voice in self._tts.availableVoices():
            if voice.name() == name:
                self._tts.setVoice(voice)
                self.voice = name

    def _load(self, engine: str | None) -> None:
        try:
            load_engine(engine, self._adopt)
        except ImportError as error:
            self._break(missing_library_message(error, "Speech"))
        except Exception as error:  # a broken engine plugin must not take the app down
            self._break(f"The speech engine could not start ({error}).")

    def _build(self, factory: EngineFactory) -> None:
        try:
            tts = factory(self)
        except Exception as error:
            self._break(f"The speech engine could not start ({error}).")
            return
        self._adopt(tts)

    @Slot(QObject)
    def _adopt(self, tts: QObject) -> None:
        """Take over the engine, loaded (or failed): on this thread, whatever its state."""
        from PySide6.QtTextToSpeech import QTextToSpeech

        assert isinstance(tts, QTextToSpeech)
        if tts.parent() is None:
            tts.setParent(self)
        self._tts = tts
        if self._broken_reason:  # the watchdog gave up waiting for it
            tts.stop()
            return
        if tts.state() == QTextToSpeech.State.Error:
            self._break(f"The speech engine failed ({tts.errorString()}).")
            return
        _prefer_english(tts)
        self.voices = [v.name() for v in tts.availableVoices()]
        self.voice = tts.voice().name()
        if self._wanted_voice:
            self.set_voice(self._wanted_voice)
        tts.setRate(self._rate)
        tts.setVolume(self._volume)
        tts.stateChanged.connect(self._on_state)
        tts.sayingWord.connect(lambda word, *_: self.word_spoken.emit(word))
        self._on_state(tts.state())

    def _start(self, text: str) -> None:
        assert self._tts is not None
        self._speaking = True
        self._started = False
        self._watchdog.start(round(self._policy.limit_s(text, self._rate) * 1000))
        self._tts.say(text)  # mock engines report Speaking inside this call

    def _request_stop(self) -> None:
        assert self._tts is not None
        if self._stopping:
            return
        # Text that never reported Speaking may never report Ready either: wait only briefly.
        self._settling = not self._started
        self._speaking = False
        self._stopping = True
        wait_s = self._policy.settle_s if self._settling else self._policy.slack_s
        self._watchdog.start(round(wait_s * 1000))
        self._tts.stop()  # mock engines report Ready inside this call

    def _stopped(self) -> None:
        self._stopping = False
        self._settling = False
        self._watchdog.stop()
        text, self._pending = self._pending, None
        if text is not None:
            self._start(text)

    def _on_state(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._broken_reason:
            return
        if state == QTextToSpeech.State.Error:
            self._break("The speech engine reported an error.")
        elif state != QTextToSpeech.State.Ready:
            self._started = self._speaking
        elif not self._ready:
            self._ready = True
            self._watchdog.stop()
            self._message = "Speech is working."
            self.status_changed.emit()
        elif self._stopping:
            self._stopped()
        elif self._speaking and self._started:
            self._speaking = False
            self._watchdog.stop()
            self.finished.emit()

    def _on_watchdog(self) -> None:
        if self._stopping and self._settling:
            self._stopped()
        elif not self._ready:
            seconds = f"{self._policy.ready_timeout_s:g}"
            self._break(f"The speech engine did not start within {seconds} s.")
        else:
            self._break("Speech stopped responding (it may have no sound output).")

    def _break(self, reason: str) -> None:
        if self._broken_reason:
            return
        self._broken_reason = reason
        self._speaking = self._stopping = False
        self._pending = None
        self._watchdog.stop()
        self._message = f"{reason} Upright will use tones and on-screen cues instead of speech."
        if self._tts is not None:
            self._tts.stop()
        self.broken.emit(self._message)
        self.status_changed.emit()
