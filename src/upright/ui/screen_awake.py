"""Keep the screen from blanking during a session: one interface, one implementation per platform.

inhibit(reason) and release() never raise: a failure leaves `active` False and says why in
`message`. release() is idempotent. make_screen_awake() picks the implementation for this system:
- Linux (and other freedesktop systems): org.freedesktop.ScreenSaver Inhibit/UnInhibit on the
  session bus (KDE, Xfce, and GNOME through gsd-screensaver-proxy). Calls block for at most
  DBUS_TIMEOUT_MS each.
- Windows: SetThreadExecutionState (call both methods from the same thread).
- macOS: a `caffeinate -d -i -w <our pid>` process, which also ends if Upright crashes.
- Anything else: NoScreenAwake, which says why it cannot help.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

APP_NAME = "Upright"
DBUS_TIMEOUT_MS = 2000
SERVICE = "org.freedesktop.ScreenSaver"
PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
ADVICE = "the screen may blank during a session; turn off screen blanking in your settings."


class ScreenAwake(ABC):
    """Asks the system not to blank the screen while `active`."""

    def __init__(self) -> None:
        self.active = False
        self.message = ""

    def inhibit(self, reason: str) -> bool:
        """Keep the screen on (reason is shown by some desktops); True if the system agreed."""
        if self.active:
            return True
        try:
            self._inhibit(reason)
        except Exception as error:  # never let a platform call break a session
            self.active = False
            self.message = f"Could not keep the screen awake ({error}); {ADVICE}"
        return self.active

    def release(self) -> None:
        """Let the screen blank again; safe to call any number of times."""
        if not self.active:
            return
        self.active = False
        try:
            self._release()
        except Exception as error:
            self.message = f"Could not release the screen-saver block ({error})."

    @abstractmethod
    def _inhibit(self, reason: str) -> None:
        """Set `active` and `message`, or raise."""

    @abstractmethod
    def _release(self) -> None: ...


class NoScreenAwake(ScreenAwake):
    """Used where nothing can keep the screen on; `message` says why."""

    def __init__(self, why: str) -> None:
        super().__init__()
        self.message = f"{why}; {ADVICE}"

    def _inhibit(self, reason: str) -> None:
        """Nothing to do: `message` already explains."""

    def _release(self) -> None:
        """Nothing was inhibited."""


class DBusScreenAwake(ScreenAwake):
    """org.freedesktop.ScreenSaver on the session bus, or on the QDBusConnection given."""

    def __init__(self, bus: QDBusConnection | None = None) -> None:
        super().__init__()
        from PySide6.QtDBus import QDBusConnection

        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._cookie: int | None = None
        self._path = PATHS[0]

    def _inhibit(self, reason: str) -> None:
        from PySide6.QtDBus import QDBus, QDBusMessage

        if not self._bus.isConnected():
            self.message = f"There is no D-Bus session bus, so {ADVICE}"
            return
        errors = []
        for path in PATHS:
            call = QDBusMessage.createMethodCall(SERVICE, path, SERVICE, "Inhibit")
            call.setArguments([APP_NAME, reason])
            reply = self._bus.call(call, QDBus.CallMode.Block, DBUS_TIMEOUT_MS)
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
                self._cookie, self._path = int(reply.arguments()[0]), path
                self.active = True
                self.message = "The screen will stay on during the session."
                return
            errors.append(reply.errorMessage() or reply.errorName())
        self.message = f"No screen saver answered on the session bus ({errors[0]}); {ADVICE}"

    def _release(self) -> None:
        from PySide6.QtCore import Q_ARG, QMetaObject, Qt
        from PySide6.QtDBus import QDBusInterface

        cookie, self._cookie = self._cookie, None
        if cookie is None:
            return
        # UnInhibit takes a uint; plain Python ints go out as int32, which services reject. The
        # interface's introspected method marshals the argument with the right type.
        saver = QDBusInterface(SERVICE, self._path, SERVICE, self._bus)
        saver.setTimeout(DBUS_TIMEOUT_MS)
        invoked = QMetaObject.invokeMethod(
            saver, "UnInhibit", Qt.ConnectionType.DirectConnection, Q_ARG("uint", cookie)
        )
        error = saver.lastError()
        if not invoked or error.isValid():
            raise RuntimeError(error.message() or "UnInhibit could not be called")


ES_CONTINUOUS, ES_SYSTEM_REQUIRED, ES_DISPLAY_REQUIRED = 0x80000000, 0x1, 0x2


class WindowsScreenAwake(ScreenAwake):
    """SetThreadExecutionState; set_state is injectable so the logic can be tested anywhere."""

    def __init__(self, set_state: Callable[[int], int] | None = None) -> None:
        super().__init__()
        if set_state is None:
            import ctypes

            set_state = ctypes.windll.kernel32.SetThreadExecutionState  # type: ignore[attr-defined]
        self._set_state = set_state

    def _inhibit(self, reason: str) -> None:
        if self._set_state(ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED) == 0:
            self.message = f"Windows refused to keep the display on, so {ADVICE}"
            return
        self.active = True
        self.message = "The screen will stay on during the session."

    def _release(self) -> None:
        self._set_state(ES_CONTINUOUS)


class CaffeinateScreenAwake(ScreenAwake):
    """Runs `caffeinate -d -i -w <pid>` (macOS) while active; the command is injectable."""

    def __init__(self, command: Sequence[str] = ("caffeinate", "-d", "-i", "-w")) -> None:
        super().__init__()
        self._command = list(command)
        self._process: subprocess.Popen[bytes] | None = None

    def _inhibit(self, reason: str) -> None:
        self._process = subprocess.Popen(
            [*self._command, str(os.getpid())],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.active = True
        self.message = "The screen will stay on during the session."

    def _release(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=2)


def make_screen_awake(platform: str = sys.platform) -> ScreenAwake:
    """The implementation for this system; never raises."""
    try:
        if platform == "win32":
            return WindowsScreenAwake()
        if platform == "darwin":
            if shutil.which("caffeinate"):
                return CaffeinateScreenAwake()
            return NoScreenAwake("macOS's caffeinate command is missing")
        return DBusScreenAwake()
    except Exception as error:
        return NoScreenAwake(f"Keeping the screen awake is not available here ({error})")
