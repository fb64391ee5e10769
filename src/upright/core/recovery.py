"""Opening the history safely: a damaged file is moved aside (never deleted) and a new one begun."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from upright.core.history import History, HistoryError, NewerDatabaseError


@dataclass(frozen=True)
class Opened:
    """The history, opened, and anything the user must be told about how."""

    history: History
    notice: str | None  # what the user must be told, in plain words, or None


# SQLite's primary result codes for a file that is itself bad. Any other failure (busy, locked,
# read-only, cannot open, disk full, I/O error) is about where the file is or who else has it:
# moving a good file aside then would hide the person's history behind a false "damaged".
_DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
_IN_USE_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", -1)) & 0xFF  # an extended code's low byte


def _unusable(path: Path, exc: sqlite3.Error) -> HistoryError:
    """Why a history file that is not damaged could not be used, in plain words."""
    if _code(exc) in _IN_USE_CODES:
        return HistoryError(
            f"Your history file {path} is in use by another program, so Upright could not "
            "open it. It was left as it is: close that program and start Upright again."
        )
    return HistoryError(
        f"Upright could not open your history file {path} ({_reason(path, exc)}). "
        "It was left as it is."
    )


def _reason(path: Path, exc: sqlite3.Error) -> str:
    """SQLite says "unable to open" or "disk I/O error" for a read-only folder or a full disk."""
    if not os.access(path.parent, os.W_OK):
        return "its folder cannot be written to"
    try:
        if shutil.disk_usage(path.parent).free < 1_000_000:
            return "the disk is full"
    except OSError:
        pass
    return str(exc)


def _damaged(history: History) -> bool:
    return str(history.connection.execute("PRAGMA quick_check").fetchone()[0]) != "ok"


def _move_aside(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    for suffix in ("-wal", "-shm"):  # keep the journal with the file it belongs to
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    path.rename(target)
    return target


def open_history(path: Path, now: datetime) -> Opened:
    """Open (or create) the history. A damaged file is moved aside; one that is newer, in use
    or out of reach raises HistoryError and is left untouched."""
    try:
        history = History(path)
        if not _damaged(history):
            return Opened(history, None)
        history.close()
    except NewerDatabaseError:
        raise
    except sqlite3.DatabaseError as exc:
        if _code(exc) not in _DAMAGE_CODES:
            raise _unusable(path, exc) from exc
        # not a database at all, or too damaged to read its header: moved aside below
    try:
        moved = _move_aside(path, now)
    except OSError as exc:
        raise HistoryError(
            f"The history file {path} is damaged and could not be moved aside ({exc.strerror})."
        ) from exc
    notice = (
        f"Your history file was damaged, so Upright kept it as {moved.name} in {moved.parent} "
        "and started a new one. Nothing was deleted."
    )
    return Opened(History(path), notice)


def open_for_sessions(path: Path, now: datetime) -> tuple[Opened, int]:
    """The history for the app, with the sessions a crash or kill left running marked
    interrupted: that write is the first, so it also tells whether the file can be written."""
    opened = open_history(path, now)
    try:
        return opened, opened.history.mark_interrupted()
    except sqlite3.Error as exc:  # another program writing to it this moment, say
        opened.history.close()
        raise _unusable(path, exc) from exc
