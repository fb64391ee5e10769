"""Opening the history safely: a damaged file is moved aside (never deleted) and a new one begun."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from upright.core.history import (
    BUSY_TIMEOUT_S,
    DamagedHistoryError,
    ForeignDatabaseError,
    History,
    HistoryError,
    NewerDatabaseError,
    result_code,
)
from upright.core.value import value


@value
class Opened:
    """The history, opened, and anything the user must be told about how."""

    history: History
    notice: str | None  # what the user must be told, in plain words, or None


# SQLite's primary result codes for a file that is itself bad. Any other failure (busy, locked,
# read-only, cannot open, disk full, I/O error) is about where the file is or who else has it:
# moving a good file aside then would hide the person's history behind a false "damaged".
_DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
_IN_USE_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _unusable(path: Path, exc: sqlite3.Error) -> HistoryError:
    """Why a history file that is not damaged could not be used, in plain words."""
    if result_code(exc) in _IN_USE_CODES:
        return HistoryError(
            f"Your history file {path} is in use by another program, so Upright could not "
            "open it. It was left as it is: close that program, then try again."
        )
    return HistoryError(
        f"Upright could not open your history file {path} ({_reason(path, exc)}). "
        "It was left as it is."
    )


def _reason(path: Path, exc: sqlite3.Error) -> str:
    """SQLite says "unable to open" or "disk I/O error" for a read-only folder, a full disk, or
    a folder where the file should be."""
    if path.is_dir():
        return "it is a folder, not a file"
    if not os.access(path.parent, os.W_OK):
        return "its folder cannot be written to"
    try:
        if shutil.disk_usage(path.parent).free < 1_000_000:
            return "the disk is full"
    except OSError:
        pass
    return str(exc)


def _integrity_problems(db: sqlite3.Connection) -> list[str]:
    # integrity_check, not quick_check: only it compares each index with its table, and a
    # session missing from an index would be missing from the plan worked out from it.
    said = [str(row[0]) for row in db.execute("PRAGMA integrity_check(50)")]
    return [] if said == ["ok"] else said


# What SQLite says of an index that no longer matches its table: the rows themselves are whole,
# so rebuilding the index (REINDEX) repairs it without losing anything.
_INDEX_PROBLEM = re.compile(
    r"^(row \d+ missing from index |wrong # of entries in index |non-unique entry in index )"
)


def _rebuilt_indexes(path: Path, now: datetime, patience_s: float | None) -> Opened | None:
    """Only indexes damaged: rebuild them (REINDEX) in a copy of the file, then keep the file
    as it was aside and put the rebuilt copy in its place. None, with nothing changed, if the
    damage remains (it was not to the indexes alone)."""
    rebuilding = path.with_name(path.name + ".rebuilding")
    _remove_with_journal(rebuilding)  # left by a start that was stopped while rebuilding
    for suffix in ("", "-wal"):  # the history was opened but not written: as it was
        source = path.with_name(path.name + suffix)
        if source.exists():
            _copy_private(source, rebuilding.with_name(rebuilding.name + suffix))
    copy = History(rebuilding)
    try:
        copy.connection.execute("REINDEX")
        whole = not _integrity_problems(copy.connection)
    except sqlite3.DatabaseError:  # two rows with one key, say: then the table is damaged too
        whole = False
    finally:
        copy.close()  # the last connection: its -wal is written into the file
    if not whole:
        _remove_with_journal(rebuilding)
        return None
    kept = _move_aside(path, now)
    rebuilding.replace(path)
    _remove_with_journal(rebuilding)
    notice = (
        f"Part of your history file's index was damaged; Upright rebuilt it from your records, "
        f"so nothing was lost. A copy of the file as it was is kept as {kept.name} in "
        f"{kept.parent}."
    )
    return Opened(History(path, patience_s), notice)


def _remove_with_journal(path: Path) -> None:
    """Upright's own scratch copy, with its -wal and -shm files."""
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _copy_private(source: Path, target: Path) -> None:
    with (
        source.open("rb") as src,
        os.fdopen(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "wb") as dst,
    ):
        shutil.copyfileobj(src, dst)
        dst.flush()
        os.fsync(dst.fileno())


def _free_name(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    return target


def _move_aside(path: Path, now: datetime) -> Path:
    target = _free_name(path, now)
    for suffix in ("-wal", "-shm"):  # keep the journal with the file it belongs to
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    path.rename(target)
    return target


# A database's smallest page is 512 bytes: a shorter file that is not empty holds no records,
# and SQLite would take it for a new database and write over it.
_SMALLEST_DATABASE = 512


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


class Opening:
    """A history file being opened: open at once, and its integrity checked on a thread of its
    own, with a connection of its own. SQLite lets go of Python's lock while it checks, so the
    check of a long history (about 50 ms for ten years, bench/bench_history.py) can run while
    the window's toolkit loads: ``open_history`` then waits only for what is left of it.
    Nothing writes to the file before the check has said it is whole."""

    def __init__(self, path: Path, patience_s: float | None = None) -> None:
        self.path, self.patience_s = path, patience_s
        self._history: History | None = None
        # What opening or checking raised: raised again by unless_damaged(), where the open's
        # caller expects it, and judged there as if raised there.
        self._failure: Exception | None = None
        self._problems: list[str] = []
        self._checking: threading.Thread | None = None
        self.foreign = False  # another program's database, found by unless_damaged()
        if 0 < _size(path) < _SMALLEST_DATABASE:
            return
        try:
            self._history = History(path, patience_s)
        except Exception as exc:
            self._failure = exc
            return
        self._checking = threading.Thread(target=self._check, name="history-check", daemon=True)
        self._checking.start()

    def _check(self) -> None:
        try:
            patience = BUSY_TIMEOUT_S if self.patience_s is None else self.patience_s
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            db = sqlite3.connect(uri, uri=True, timeout=patience)  # as patient as the open
            try:
                self._problems = _integrity_problems(db)
            finally:
                db.close()
        except Exception as exc:
            self._failure = exc

    def unless_damaged(self, now: datetime) -> Opened | None:
        """The history, once the check has ended; None if it is damaged (beyond what
        rebuilding its indexes repairs); NewerDatabaseError or HistoryError (in use, out of
        reach) as the file is left as it is."""
        if self._checking is not None:
            self._checking.join()
        history, opened = self._history, None
        try:
            if self._failure is not None:
                raise self._failure
            if history is None:  # too short to be a database
                return None
            if not self._problems:
                opened = Opened(history, None)
            elif all(_INDEX_PROBLEM.match(problem) for problem in self._problems):
                history.close()
                history = None
                opened = _rebuilt_indexes(self.path, now, self.patience_s)
        except NewerDatabaseError:
            raise
        except DamagedHistoryError as exc:
            # Whole as a file, but not a whole history: moved aside like any damage.
            self.foreign = isinstance(exc, ForeignDatabaseError)
        except UnicodeDecodeError:
            pass  # a garbled schema: even SQLite's message about it is not text
        except sqlite3.DatabaseError as exc:
            if result_code(exc) not in _DAMAGE_CODES:
                raise _unusable(self.path, exc) from exc
        finally:
            if opened is None and history is not None:
                history.close()  # however it ended: the file may be moved aside next
        return opened


def open_history(
    path: Path, now: datetime, patience_s: float | None = None, opening: Opening | None = None
) -> Opened:
    """Open (or create) the history. A damaged file is moved aside (or, if only an index is
    damaged, copied and repaired); one that is newer, in use or out of reach raises
    HistoryError and is left untouched. ``patience_s``: how long to wait for another program
    that has the file (BUSY_TIMEOUT_S if None). ``opening``: the file's opening, begun
    earlier (see Opening), for ``path``."""
    opening = opening or Opening(path, patience_s)
    opened = opening.unless_damaged(now)
    if opened is not None:
        return opened
    try:
        moved = _move_aside(path, now)
    except OSError as exc:
        raise HistoryError(
            f"The history file {path} is damaged and could not be moved aside ({exc.strerror})."
        ) from exc
    from upright.core.salvage import salvage  # only ever needed here: not loaded at every start

    history = History(path)
    sessions = salvage(moved, history)
    kept = (
        f" with the {sessions} session{'' if sessions == 1 else 's'} it could still read from it"
        if sessions
        else ""
    )
    what = "held another program's data" if opening.foreign else "was damaged"
    notice = (
        f"Your history file {what}, so Upright kept it as {moved.name} in {moved.parent} "
        f"and started a new one{kept}. Nothing was deleted."
    )
    return Opened(history, notice)


def open_for_sessions(
    path: Path, now: datetime, patience_s: float | None = None, opening: Opening | None = None
) -> tuple[Opened, int]:
    """The history for the app, with the sessions a crash or kill left running marked
    interrupted: that write is the first, so it also tells whether the file can be written."""
    opened = open_history(path, now, patience_s, opening)
    try:
        return opened, opened.history.mark_interrupted()
    except sqlite3.Error as exc:  # another program writing to it this moment, say
        opened.history.close()
        raise _unusable(path, exc) from exc
