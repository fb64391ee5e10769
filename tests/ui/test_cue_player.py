"""CuePlayer with Qt's mock speech engine, a stand-in that hangs, and a recording tone player."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from upright.core.cues import Cue, Tone
from upright.ui import audio, speech
from upright.ui.audio import TonePlayer
from upright.ui.cue_player import CuePlayer
from upright.ui.speech import Speaker, WatchdogPolicy

# Qt's speech module needs the system library libpulse0, like Upright's speech itself.
QtTextToSpeech = pytest.importorskip("PySide6.QtTextToSpeech", reason="needs libpulse0")
QTextToSpeech = QtTextToSpeech.QTextToSpeech

QUICK = WatchdogPolicy(factor=1.0, slack_s=0.3, ready_timeout_s=0.5)


class RecordingTones(QObject):
    """Stands in for TonePlayer on a machine whose sound device works; records what was played."""

    status_changed = Signal()

    def __init__(self, works: bool = True) -> None:
        super().__init__()
        self.enabled = True
        self.available = works
        self.message = "Sound plays on Test Output." if works else "No sound device was found."
        self.volume = 0.8
        self.played: list[tuple[Tone, bool]] = []

    def play(self, tone: Tone, *, fallback: bool = False) -> bool:
        if not self.available or not (self.enabled or fallback):
            return False
        self.played.append((tone, fallback))
        return True

    def set_volume(self, volume: float) -> None:
        self.volume = volume


class HangingEngine(QTextToSpeech):
    """The mock engine, except that say() starts and never ends: speechd with no sound output."""

    def __init__(self, parent: QObject) -> None:
        super().__init__("mock", parent)
        self.hung = False

    def state(self) -> QTextToSpeech.State:
        return QTextToSpeech.State.Speaking if self.hung else super().state()

    def say(self, text: str) -> None:
        self.hung = True
        self.stateChanged.emit(QTextToSpeech.State.Speaking)

    def stop(self) -> None:
        """A wedged daemon ignores this."""


class NeverReadyEngine(HangingEngine):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.hung = True


@pytest.fixture
def mock_speaker(qtbot: QtBot) -> Speaker:
    speaker = Speaker("mock")
    qtbot.waitUntil(lambda: speaker.working, timeout=5000)
    return speaker


def heard_words(qtbot: QtBot, speaker: Speaker, play: object) -> list[str]:
    words: list[str] = []
    speaker.word_spoken.connect(words.append)
    with qtbot.waitSignal(speaker.finished, timeout=10_000):
        play()  # type: ignore[operator]
    return words


def test_words_are_spoken_and_the_tone_played(qtbot: QtBot, mock_speaker: Speaker) -> None:
    tones = RecordingTones()
    player = CuePlayer(tones, mock_speaker)
    captions: list[str] = []
    flashes: list[bool] = []
    player.caption_changed.connect(captions.append)
    player.flash_requested.connect(lambda: flashes.append(True))
    cue = Cue(at_s=10.0, caption="Lift", words="Lift slowly", tone=Tone.LIFT)
    assert heard_words(qtbot, mock_speaker, lambda: player.play(cue)) == ["Lift", "slowly"]
    assert captions == ["Lift"]
    assert tones.played == [(Tone.LIFT, False)]
    assert flashes == []


def test_new_moment_cuts_stale_words_but_every_count_is_spoken(
    qtbot: QtBot, mock_speaker: Speaker
) -> None:
    player = CuePlayer(RecordingTones(), mock_speaker)
    instruction = Cue(at_s=0.0, caption="Hold", words="Hold it there and breathe normally")

    def play_both() -> None:
        player.play(instruction)
        player.play(Cue(at_s=1.0, caption="3", words="three", tone=Tone.COUNT))

    words = heard_words(qtbot, mock_speaker, play_both)
    assert words[-1] == "three"
    assert "normally" not in words  # the stale instruction was cut off
    for count, at_s in (("two", 2.0), ("one", 3.0)):
        cue = Cue(at_s=at_s, caption=count, words=count, tone=Tone.COUNT)
        assert heard_words(qtbot, mock_speaker, lambda cue=cue: player.play(cue)) == [count]


def test_words_for_the_same_moment_queue_in_order(qtbot: QtBot, mock_speaker: Speaker) -> None:
    player = CuePlayer(RecordingTones(), mock_speaker)
    words: list[str] = []
    mock_speaker.word_spoken.connect(words.append)
    player.play(Cue(at_s=5.0, caption="Rest", words="Rest now"))
    player.play(Cue(at_s=5.0, caption="Well done", words="Well done"))
    qtbot.waitUntil(lambda: words == ["Rest", "now", "Well", "done"], timeout=10_000)


def test_hanging_speech_is_declared_broken_and_tones_then_flash_take_over(qtbot: QtBot) -> None:
    speaker = Speaker(policy=QUICK, factory=HangingEngine)
    qtbot.waitUntil(lambda: speaker.working, timeout=5000)
    tones = RecordingTones()
    tones.enabled = False  # the user chose voice only
    player = CuePlayer(tones, speaker)
    captions: list[str] = []
    flashes: list[bool] = []
    player.caption_changed.connect(captions.append)
    player.flash_requested.connect(lambda: flashes.append(True))

    with qtbot.waitSignal(speaker.broken, timeout=5000) as broken:
        player.play(Cue(at_s=0.0, caption="Lift", words="Lift", tone=Tone.LIFT))
    assert "stopped responding" in broken.args[0]
    assert not speaker.working
    assert player.problems == [speaker.message]

    player.play(Cue(at_s=1.0, caption="Lower", words="Lower slowly", tone=Tone.LOWER))
    assert tones.played == [(Tone.LOWER, True)]  # stands in for the words, though tones are off
    assert flashes == []
    player.play(Cue(at_s=2.0, caption="Hold", words="Hold"))  # no tone to fall back to
    assert flashes == [True]
    assert captions == ["Lift", "Lower", "Hold"]


def test_an_engine_that_never_gets_ready_is_broken(qtbot: QtBot) -> None:
    speaker = Speaker(policy=QUICK, factory=NeverReadyEngine)
    with qtbot.waitSignal(speaker.broken, timeout=5000) as broken:
        pass
    assert "did not start within 0.5 s" in broken.args[0]
    assert speaker.say("Lift") is False


def test_an_unknown_engine_is_broken_at_once(qtbot: QtBot) -> None:
    speaker = Speaker("no-such-engine")
    qtbot.waitUntil(lambda: speaker.is_broken, timeout=5000)
    assert "speech engine failed" in speaker.message
    assert speaker.say("Lift") is False


def test_nothing_audible_flashes_and_still_captions(qtbot: QtBot, mock_speaker: Speaker) -> None:
    tones = RecordingTones()
    player = CuePlayer(tones, mock_speaker)
    player.set_voice_on(False)
    player.set_tones_on(False)
    flashes: list[bool] = []
    captions: list[str] = []
    player.flash_requested.connect(lambda: flashes.append(True))
    player.caption_changed.connect(captions.append)
    player.play(Cue(at_s=0.0, caption="3", words="three", tone=Tone.COUNT))
    player.play(Cue(at_s=1.0, caption="Well done"))  # a caption-only cue needs no flash
    assert (captions, flashes, tones.played) == (["3", "Well done"], [True], [])
    assert not mock_speaker.speaking


def test_no_sound_device_means_flash(qtbot: QtBot, mock_speaker: Speaker) -> None:
    player = CuePlayer(RecordingTones(works=False), mock_speaker)
    player.set_voice_on(False)
    flashes: list[bool] = []
    player.flash_requested.connect(lambda: flashes.append(True))
    player.play(Cue(at_s=0.0, caption="Lift", tone=Tone.LIFT))
    assert flashes == [True]
    assert player.problems == ["No sound device was found."]


def test_settings_reach_the_speaker_and_tones(qtbot: QtBot, mock_speaker: Speaker) -> None:
    tones = RecordingTones()
    player = CuePlayer(tones, mock_speaker)
    player.set_volume(0.4)
    player.set_speech_rate(0.5)
    player.set_voice("Anne")
    assert (tones.volume, mock_speaker.volume, player.speech_rate) == (0.4, 0.4, 0.5)
    assert player.voice == "Anne"
    assert "Anne" in player.voices


def test_settings_made_while_the_engine_starts_are_kept(qtbot: QtBot) -> None:
    """At start-up the saved voice, rate and volume reach the Speaker before its engine has
    loaded (on its own thread): they apply once it has."""
    speaker = Speaker("mock")
    speaker.set_voice("Anne")
    speaker.set_rate(0.5)
    speaker.set_volume(0.4)
    qtbot.waitUntil(lambda: speaker.working, timeout=5000)
    assert speaker.voice == "Anne"
    assert (speaker.rate, speaker.volume) == (0.5, 0.4)


def test_missing_libpulse_is_explained_and_tones_are_unavailable(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_libpulse() -> None:
        raise ImportError(
            "libpulse.so.0: cannot open shared object file: No such file or directory"
        )

    monkeypatch.setattr(audio, "load_multimedia", no_libpulse)
    status = audio.audio_status()
    assert not status.ok and not status.multimedia
    assert "sudo apt install libpulse0" in status.message
    player = TonePlayer()
    assert not player.available
    assert player.play(Tone.COUNT) is False
    assert "libpulse0" in player.message


def test_speech_without_libpulse_is_explained_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_libpulse(engine: str | None, receiver: object) -> None:
        raise ImportError("libpulse.so.0: cannot open shared object file: No such file")

    monkeypatch.setattr(speech, "load_engine", no_libpulse)
    speaker = Speaker()
    assert speaker.is_broken
    assert "libpulse0" in speaker.message
    assert speaker.say("Lift") is False


def test_watchdog_allows_more_time_for_longer_and_slower_speech() -> None:
    policy = WatchdogPolicy()
    assert policy.limit_s("three", 0.0) < policy.limit_s("lift slowly and hold", 0.0)
    assert policy.limit_s("lift slowly", 0.0) < policy.limit_s("lift slowly", -1.0)
    assert policy.limit_s("three", 0.0) >= policy.slack_s
