"""One Upright per data folder: a second launch asks the first to come forward, then exits.

Who is first is settled by a lock file (upright.core.instance_lock); this is only the message.
QtNetwork loads after the first window is up, or in a second launch.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500


def server_name(data_dir: Path) -> str:
    """A local (Unix-domain) socket name, per user and data folder; never a network address."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
    return f"upright-{user}-{digest}"


def ask_running_instance(data_dir: Path, message: str, patience_s: float = 0.0) -> bool:
    """True if an Upright already runs on this folder (it has been sent ``message``).

    With ``patience_s``, keep trying that long: the first may still be starting up.
    """
    give_up = time.monotonic() + patience_s
    while True:
        socket = QLocalSocket()
        socket.connectToServer(server_name(data_dir))
        if socket.waitForConnected(CONNECT_TIMEOUT_MS):
            socket.write(message.encode() + b"\n")
            socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
            socket.disconnectFromServer()
            return True
        if time.monotonic() >= give_up:
            return False
        time.sleep(0.1)


class InstanceServer(QObject):
    """Listens for later launches. ``message_received`` carries "raise" or "start"."""

    message_received = Signal(str)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(data_dir)
        if not self._server.listen(name):
            QLocalServer.removeServer(name)  # left behind by a crash: nobody answered on it
            self._server.listen(name)
        self._server.newConnection.connect(self._accept)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            text = bytes(socket.readLine().data()).decode(errors="replace").strip()
            if text in ("raise", "start"):
                self.message_received.emit(text)
