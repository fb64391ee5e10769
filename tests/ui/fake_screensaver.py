"""A stand-in org.freedesktop.ScreenSaver service that writes each call, as JSON, to a file.

    python tests/ui/fake_screensaver.py RECORD_FILE OBJECT_PATH
Registers on the session bus in DBUS_SESSION_BUS_ADDRESS, prints "ready", and serves until
killed. Like the real services, UnInhibit accepts only a uint (D-Bus signature "u").
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

FIRST_COOKIE = 7


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class FakeScreenSaver(QObject):
    def __init__(self, record: Path) -> None:
        super().__init__()
        self._record = record
        self._next_cookie = FIRST_COOKIE

    def _write(self, entry: dict[str, object]) -> None:
        with self._record.open("a") as out:
            out.write(json.dumps(entry) + "\n")

    @Slot(str, str, result="uint")
    def Inhibit(self, app_name: str, reason: str) -> int:
        cookie = self._next_cookie
        self._next_cookie += 1
        self._write({"call": "Inhibit", "app": app_name, "reason": reason, "cookie": cookie})
        return cookie

    @Slot("uint")
    def UnInhibit(self, cookie: int) -> None:
        self._write({"call": "UnInhibit", "cookie": cookie})


def main(record: str, path: str) -> int:
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    saver = FakeScreenSaver(Path(record))
    exported = bus.registerObject(path, saver, QDBusConnection.RegisterOption.ExportAllSlots)
    if not (exported and bus.registerService("org.freedesktop.ScreenSaver")):
        print(f"could not register: {bus.lastError().message()}", flush=True)
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
