"""Loading a speech engine without freezing the window.

Qt's speechd engine takes 1.4 to 1.7 s to load here: it asks the daemon for every voice (about
1,500 with espeak-ng). Called from Python, QTextToSpeech holds the GIL all that time, so the
window froze just after it appeared, and a Python thread would freeze it just the same. Qt's
own event loop needs no GIL: a QTextToSpeech made with the instant "mock" engine is moved to a
thread of its own, where a queued call of its setEngine() loads the real engine, C++ from end to
end. A second queued call, run after that one, moves the QTextToSpeech back to the thread that
asked and hands it over (bench/speech_null_sink.py measures the window's longest pause).

The engine stays on the loading thread (QTextToSpeech keeps it unparented, out of reach) and the
daemon's callbacks reach it through that thread's event loop, so the thread runs until the
application quits.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Q_ARG, QCoreApplication, QMetaObject, QObject, Qt, QThread, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

PLACEHOLDER = "mock"  # Qt's engine that loads at once and needs nothing; replaced on the thread
STOP_WAIT_MS = 2000

# Each loading thread, with its hand-back object: kept (never destroyed while the thread runs)
# until stop_threads().
_running: list[tuple[QThread, QObject]] = []
_apps_stopping_them: set[int] = set()  # ids: holding the application would change its lifetime


class _HandBack(QObject):
    """Lives on the loading thread, so its slot runs there once setEngine() has returned."""

    done = Signal(QObject)

    def __init__(self, tts: QTextToSpeech, home: QThread) -> None:
        super().__init__()
        # Held here until the thread stops: a queued signal carries a pointer, not a reference,
        # and the receiver, once it has the engine, takes it over by parenting it.
        self._tts = tts
        self._home = home

    @Slot()
    def run(self) -> None:
        self._tts.moveToThread(self._home)  # only the object's own thread may move it
        self.done.emit(self._tts)


def load_engine(engine: str | None, receiver: Callable[[QObject], None]) -> None:
    """Load `engine` (None: the platform's default) off this thread; `receiver`, a slot of a
    QObject on this thread, then gets the QTextToSpeech, on this thread, whatever its state
    (Error if the engine failed). Raises ImportError if Qt's speech module cannot load."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    tts = QTextToSpeech(PLACEHOLDER)
    hand_back = _HandBack(tts, QThread.currentThread())
    thread = _start_thread(hand_back)
    hand_back.done.connect(receiver)  # queued: the receiver's object lives on this thread
    hand_back.moveToThread(thread)
    tts.moveToThread(thread)
    queued = Qt.ConnectionType.QueuedConnection
    QMetaObject.invokeMethod(tts, "setEngine", queued, Q_ARG(str, engine or ""))
    QMetaObject.invokeMethod(hand_back, "run", queued)


def _start_thread(hand_back: QObject) -> QThread:
    app = QCoreApplication.instance()
    if app is not None and id(app) not in _apps_stopping_them:
        app.aboutToQuit.connect(stop_threads)
        _apps_stopping_them.add(id(app))
    thread = QThread()
    thread.setObjectName("speech engine")
    thread.start()
    _running.append((thread, hand_back))
    return thread


@atexit.register  # also for a process that never quits its application (tests)
def stop_threads() -> None:
    """End the loading threads (a QThread destroyed while running aborts the process). One
    stuck in a daemon that never answers is cut off: the application is ending anyway."""
    while _running:
        thread, _ = _running.pop()
        thread.quit()
        if not thread.wait(STOP_WAIT_MS):
            thread.terminate()
            thread.wait()
