"""The exercise illustration on screen: a figure that moves in time with the session's phases.

It repaints only while something moves: ~30 frames a second during a lift, a lower or a
warm-up, ~10 during a hold's gentle breathing, and not at all when the picture is still,
paused or hidden. Time comes from the injected monotonic clock, never from counting ticks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from upright.core.figure import Figure, build
from upright.core.illustration import Scene
from upright.core.motion import Frame, frame_at
from upright.core.palette import palette
from upright.ui.figure_painter import paint_figure, paint_pose

__all__ = ["IllustrationView", "paint_pose"]


class IllustrationView(QWidget):
    """Shows a Scene. ``monotonic`` is the session's clock (seconds)."""

    def __init__(self, monotonic: Callable[[], float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self._scene: Scene | None = None
        self._started_at = 0.0
        self._duration_s = 1.0
        self._paused_at: float | None = None
        self._dark: bool | None = None  # None: follow the palette
        self._frame: Frame | None = None
        self._figure: Figure | None = None
        self._timer = QTimer(self)  # redraws while the picture moves
        self._timer.timeout.connect(self.advance)
        self._wake = QTimer(self)  # ends a pause inside a sequence
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.PreciseTimer)
        self._wake.timeout.connect(self.advance)
        self.setAccessibleName("Exercise illustration")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(150, 100)

    # -- commands ---------------------------------------------------------------------------

    def show_scene(self, scene: Scene, started_at: float, duration_s: float) -> None:
        """Shows ``scene`` as if it began at ``started_at`` (the same clock).

        ``duration_s`` is real seconds: the whole phase for "once" and "sequence", one
        repetition for "loop" and "circle" (a warm-up's seconds per rep, after any time
        scale); it is ignored for "still".
        """
        self._scene = scene
        self._started_at = started_at
        self._duration_s = duration_s
        if self._paused_at is not None:
            self._paused_at = self._monotonic()
        self.setAccessibleDescription(scene.description)
        self.advance()

    def set_paused(self, paused: bool) -> None:
        """Freezes the picture where it is; on resume it carries on from the same moment."""
        now = self._monotonic()
        if paused and self._paused_at is None:
            self._paused_at = now
            self.advance()
        elif not paused and self._paused_at is not None:
            self._started_at += now - self._paused_at
            self._paused_at = None
            self.advance()

    def set_dark(self, dark: bool | None) -> None:
        """Colours for a dark (True) or light (False) background; None follows the palette."""
        self._dark = dark
        self.update()

    # -- state for tests and callers ---------------------------------------------------------

    @property
    def frame(self) -> Frame | None:
        """What is on screen now."""
        return self._frame

    @property
    def animating(self) -> bool:
        """Whether the widget is redrawing on a timer."""
        return self._timer.isActive()

    def is_dark(self) -> bool:
        if self._dark is not None:
            return self._dark
        return self.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5

    # -- Qt ----------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(480, 300)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._figure is None:
            return
        painter = QPainter(self)
        paint_figure(painter, QRectF(self.rect()), self._figure, palette(self.is_dark()))
        painter.end()

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        self.advance()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._dark is None:
            self.update()  # following the palette: a new palette may mean a dark background
        super().changeEvent(event)

    def hideEvent(self, event: object) -> None:  # type: ignore[override]
        self._timer.stop()  # nothing to see: nothing to draw
        self._wake.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    # -- drawing ------------------------------------------------------------------------------

    def advance(self) -> None:
        """Looks at the clock and redraws if the picture changed (the timers call this)."""
        if self._scene is None:
            return
        now = self._paused_at if self._paused_at is not None else self._monotonic()
        frame = frame_at(self._scene, now - self._started_at, self._duration_s)
        if frame != self._frame:
            self._frame = frame
            self._figure = build(
                frame.pose,
                highlight=frame.highlight,
                breath=frame.breath,
                mirrored=frame.mirrored,
                cue_direction=frame.cue_direction,
            )
            self.update()
        self._schedule(frame, now)

    def _schedule(self, frame: Frame, now: float) -> None:
        if self._paused_at is not None or not self.isVisible() or frame.fps == 0:
            self._timer.stop()
        else:
            interval = round(1000 / frame.fps)
            if self._timer.interval() != interval or not self._timer.isActive():
                self._timer.start(interval)
        self._wake.stop()
        if frame.still_until_s is not None and self._paused_at is None and self.isVisible():
            wait_s = self._started_at + frame.still_until_s - now
            self._wake.start(max(1, round(wait_s * 1000)))
