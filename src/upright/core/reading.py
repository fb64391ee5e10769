"""Reading a small file a person may point Upright at (a programme, the settings), safely."""

from __future__ import annotations

import errno
from pathlib import Path


def read_small_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, at most ``max_bytes`` + 1 of them (enough to tell it is too large).

    Only a regular file is opened: a FIFO would block the start for good, and a device such as
    /dev/zero never ends. OSError otherwise, its ``strerror`` in plain words.
    """
    if not path.is_file():
        if not path.exists():
            raise FileNotFoundError(errno.ENOENT, "there is no such file", str(path))
        raise OSError(errno.EINVAL, "it is not a file", str(path))
    with path.open("rb") as handle:
        return handle.read(max_bytes + 1)
