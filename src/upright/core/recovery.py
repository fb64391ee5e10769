"""Opening the history safely: a damaged file is moved aside (never deleted) and a new one begun."""

from __future__ import annotations

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
    """Open (or create) the history. NewerDatabaseError propagates: that file is left untouched."""
    try:
        history = History(path)
        if not _damaged(history):
            return Opened(history, None)
        history.close()
    except NewerDatabaseError:
        raise
    except sqlite3.DatabaseError:
        pass  # not a database at all, or too damaged to read its header
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
