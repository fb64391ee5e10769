"""Play the short cue tones, and say in plain words whether sound works here and, if not, why.

QtMultimedia is imported only inside functions: the import raises ImportError when the system
library libpulse.so.0 is missing, and Upright must then keep working without sound. Whether sound
is available is decided from QMediaDevices.audioOutputs() (empty means no device), never from a
player, because with no sound server some players pretend to play. Call these after the
QApplication exists.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal

from upright.core.assets import asset_path
from upright.core.cues import Tone
from upright.core.value import value

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

NO_DEVICE = (
    "No sound device was found, so Upright will show cues on screen only. Check that your "
    "speakers are on and PulseAudio/PipeWire is running."
)
NO_LIBPULSE = (
    "Sound needs the system library libpulse0, which is missing, so Upright will show cues on "
    "screen only. To get sound: sudo apt install libpulse0"
)


@value
class AudioStatus:
    """What sound can do on this computer; `message` says it in plain words."""

    ok: bool
    multimedia: bool  # Qt's sound module could be loaded
    device: str  # the default output's name, "" when there is none
    message: str


def load_multimedia() -> ModuleType:
    """Import QtMultimedia (separate so tests can make it fail as a machine without libpulse)."""
    from PySide6 import QtMultimedia

    return QtMultimedia


def missing_library_message(error: ImportError, feature: str = "Sound") -> str:
    """Plain words for a failed import of a Qt sound or speech module."""
    if "libpulse" in str(error):
        return NO_LIBPULSE.replace("Sound", feature, 1)
    return (
        f"{feature} is off because a Qt module could not be loaded ({error}). "
        "Reinstalling Upright should fix it."
    )


def audio_status() -> AudioStatus:
    """Check, without ever raising, whether tones can be played and on which device."""
    try:
        multimedia = load_multimedia()
    except ImportError as error:
        return AudioStatus(False, False, "", missing_library_message(error))
    outputs = multimedia.QMediaDevices.audioOutputs()
    if not outputs:
        return AudioStatus(False, True, "", NO_DEVICE)
    device = multimedia.QMediaDevices.defaultAudioOutput().description() or outputs[0].description()
    return AudioStatus(True, True, device, f"Sound plays on {device}.")


class TonePlayer(QObject):
    """One preloaded QSoundEffect per Tone; play() never blocks and never raises.

    `available` is True when there is a device and every tone file loaded; `message` says why not.
    `enabled` is the user's choice (tones on or off). The effects are rebuilt when the list of
    sound devices changes, so plugging in speakers mid-session brings sound back.
    """

    status_changed = Signal()

    def __init__(self, parent: QObject | None = None, *, volume: float = 0.8) -> None:
        super().__init__(parent)
        self._enabled = True
        self._volume = min(1.0, max(0.0, volume))
        self._effects: dict[Tone, QSoundEffect] = {}
        self._multimedia: ModuleType | None = None
        self._status = audio_status()
        self._devices: QMediaDevices | None = None
        if self._status.multimedia:
            self._multimedia = load_multimedia()
            self._devices = self._multimedia.QMediaDevices(self)
            self._devices.audioOutputsChanged.connect(self._reload)
        self._load_effects()

    def _load_effects(self) -> None:
        for effect in self._effects.values():
            effect.deleteLater()
        self._effects = {}
        if self._multimedia is None or not self._status.ok:
            return
        for tone in Tone:
            effect = self._multimedia.QSoundEffect(self)
            effect.setVolume(self._volume)
            effect.statusChanged.connect(self.status_changed)
            effect.setSource(QUrl.fromLocalFile(str(asset_path("sounds", f"{tone.value}.wav"))))
            self._effects[tone] = effect

    def _reload(self) -> None:
        self._status = audio_status()
        self._load_effects()
        self.status_changed.emit()

    def _failed_tones(self) -> list[Tone]:
        assert self._multimedia is not None
        error = self._multimedia.QSoundEffect.Status.Error
        return [tone for tone, effect in self._effects.items() if effect.status() == error]

    @property
    def available(self) -> bool:
        """A device exists and no tone failed to load (tones still loading count as available)."""
        return self._status.ok and not self._failed_tones()

    @property
    def message(self) -> str:
        """Plain words: where sound plays, or what is missing and how to get it."""
        if not self._status.ok:
            return self._status.message
        failed = self._failed_tones()
        if failed:
            names = ", ".join(t.value for t in failed)
            return (
                f"The sound device {self._status.device} refused the tones ({names}), so "
                "Upright will show those cues on screen only. Try another output in your "
                "system's sound settings."
            )
        return self._status.message

    @property
    def enabled(self) -> bool:
        """The user's choice: tones on or off."""
        return self._enabled

    @enabled.setter
    def enabled(self, on: bool) -> None:
        if on != self._enabled:
            self._enabled = on
            self.status_changed.emit()

    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        """Loudness from 0 (silent) to 1 (full), applied to every tone at once."""
        self._volume = min(1.0, max(0.0, volume))
        for effect in self._effects.values():
            effect.setVolume(self._volume)

    def can_play(self, tone: Tone, *, fallback: bool = False) -> bool:
        """Whether play(tone) would reach the speakers now (enabled, device, file loaded)."""
        if not (self._enabled or fallback) or self._multimedia is None or tone not in self._effects:
            return False
        ready = self._multimedia.QSoundEffect.Status.Ready
        return bool(self._effects[tone].status() == ready)

    def play(self, tone: Tone, *, fallback: bool = False) -> bool:
        """Start the tone (restarting it if it is already playing); False if it cannot sound.

        fallback=True plays even when tones are switched off: the tone stands in for words that
        could not be spoken.
        """
        if not self.can_play(tone, fallback=fallback):
            return False
        self._effects[tone].play()
        return True
