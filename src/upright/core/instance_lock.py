"""One Upright per data folder: an exclusive lock on a file in the folder, held while it runs.

The operating system lets go of the lock when the process ends, however it ends (a crash,
SIGKILL, a power cut), so a stale lock can never keep Upright from starting. Taking it costs a
system call, so a first launch knows at once that it is alone; only a second launch has to talk
to the first (upright.ui.single_instance).
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path


class InstanceLock:
    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, path: Path) -> InstanceLock | None:
        """The lock, or None if another process holds it.

        Raises OSError if there can be no lock here (a folder that cannot be written, a file
        system without locks): the caller cannot tell whether it is alone.
        """
        # Private like the rest of the folder; not inherited by processes Upright starts.
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            taken = _try_lock(fd)
        except OSError:
            os.close(fd)
            raise
        if not taken:
            os.close(fd)
            return None
        return cls(fd)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file lets go of the lock
            self._fd = None


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLOCK):  # held by another process
                return False
            raise
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # held by another process
            return False
        return True
