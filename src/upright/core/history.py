"""The history store: a private SQLite file where every completed rep is durable at once."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from upright.core.schema import CURRENT_KEYS, CURRENT_TABLES, MIGRATIONS, SCHEMA_VERSION
from upright.core.session_end import SessionEnd
from upright.core.value import value

if TYPE_CHECKING:  # only for annotations: opening the history needs no session events
    from upright.core.events import RepCompleted


# How long a write waits for another program that has the file (a backup tool, say) to finish.
BUSY_TIMEOUT_S = 5.0
# ... and a session's saves, which are tried again at the next phase: the window must not wait.
SAVE_PATIENCE_S = 0.5


class HistoryError(RuntimeError):
    """The history cannot be used as it is; the message says why in plain words."""


class NewerDatabaseError(HistoryError):
    pass


class DamagedHistoryError(HistoryError):
    """A readable SQLite file that is not a whole Upright history: tables or columns its data
    version has are missing, or it holds tables but no data version (another program's file)."""


class ForeignDatabaseError(DamagedHistoryError):
    """A readable SQLite file that was never an Upright history: it holds another program's
    tables (or a data version Upright never writes)."""


# What SQLite's commonest refusals of a write mean, for the person (primary result codes).
_REFUSALS = {
    sqlite3.SQLITE_READONLY: "its file or disk cannot be written to",
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_BUSY: "another program is using it",
    sqlite3.SQLITE_LOCKED: "another program is using it",
    sqlite3.SQLITE_IOERR: "the disk reported an error",
}


def result_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code of an error (an extended code's low byte)."""
    return int(getattr(exc, "sqlite_errorcode", -1)) & 0xFF


def refusal_words(exc: sqlite3.Error | OSError) -> str:
    """Why the history refused a write, in plain words (the error's own message otherwise)."""
    if isinstance(exc, OSError):
        return str(exc)
    return _REFUSALS.get(result_code(exc), str(exc))


def refused(exc: sqlite3.Error | OSError) -> HistoryError:
    """A refused write as the HistoryError the window shows."""
    return HistoryError(f"your history could not be written: {refusal_words(exc)}")


@value
class PlannedExercise:
    """One exercise of a session as planned: stored with the session, so history shows what was
    asked."""

    exercise: str
    level: str
    hold_s: float
    reps: int


def _create_private(path: Path) -> None:
    """Create the file readable by its owner alone before SQLite first opens it."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _connect_read_only(path: Path, patience_s: float) -> sqlite3.Connection:
    """``mode=ro`` also reads what the last session left in the -wal file, but needs the -shm
    file, which a read-only folder or a full disk may not give; then ``immutable`` reads the
    main file alone (as of the last checkpoint: every session closed cleanly is in it)."""
    uri = path.absolute().as_uri()
    problem: sqlite3.Error | None = None
    for mode in ("mode=ro", "immutable=1"):
        try:
            db = sqlite3.connect(
                f"{uri}?{mode}", uri=True, isolation_level=None, timeout=patience_s
            )
        except sqlite3.Error as exc:  # no such file
            raise HistoryError(f"{path} cannot be read ({exc})") from exc
        try:
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # opening is lazy
            return db
        except sqlite3.Error as exc:
            db.close()
            problem = exc
    raise HistoryError(f"{path} cannot be read ({problem})")


class History:
    """One connection to one history file. Writes are small, immediate transactions."""

    def __init__(
        self, path: Path | str, patience_s: float | None = None, *, read_only: bool = False
    ) -> None:
        """``read_only``: the file as it is, for when it cannot be opened to write (a read-only
        folder, a full disk); HistoryError if it cannot be read, or is of another version (an
        older one cannot be brought up to date without writing)."""
        self.path = Path(path)
        self._patience_s = BUSY_TIMEOUT_S if patience_s is None else patience_s
        if read_only:
            self._db = _connect_read_only(self.path, self._patience_s)
        else:
            if str(path) != ":memory:":
                _create_private(self.path)
            self._db = sqlite3.connect(str(path), isolation_level=None, timeout=self._patience_s)
        self._db.row_factory = sqlite3.Row
        self._db.text_factory = _text
        try:
            self._refuse_newer()  # before anything, even a PRAGMA, writes to the file
            if read_only:
                self._check_readable()
            else:
                self._check_tables()
                self._configure()
                self._migrate()
        except BaseException:
            self._db.close()
            raise

    # -- set-up ------------------------------------------------------------------------------
    def _configure(self) -> None:
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.execute("PRAGMA journal_mode = WAL")
        # FULL: a rep that was reported saved survives a power cut, not just a crash.
        self._db.execute("PRAGMA synchronous = FULL")

    @property
    def version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _refuse_newer(self) -> None:
        version = self.version
        if version > SCHEMA_VERSION:
            raise NewerDatabaseError(
                f"{self.path} was written by a newer Upright (data version {version}; this one "
                f"reads up to {SCHEMA_VERSION}). It was left untouched: please update Upright."
            )

    def _check_tables(self) -> None:
        """Only a whole Upright history is used: another program's database, or one missing
        tables or columns its version has, would fail at the first session (or be written
        into). Checked before any write, so a file moved aside is kept as it was."""
        version, (found, keys) = self.version, _schema(self._db)
        if version < 0 or (version == 0 and found):
            raise ForeignDatabaseError(
                f"{self.path} is not an Upright history (data version {version}, "
                f"tables {', '.join(sorted(found)) or 'none'})"
            )
        missing: list[str] = []
        for table, columns in expected_tables(version).items():
            if table not in found:
                missing.append(table)
            else:
                missing += [f"{table}.{column}" for column in sorted(columns - found[table])]
        if missing:
            raise DamagedHistoryError(f"{self.path} is missing {', '.join(missing)}")
        lost = [table for table, key in expected_keys(version).items() if keys.get(table) != key]
        if lost:
            raise DamagedHistoryError(f"{self.path} has lost the keys of {', '.join(lost)}")

    def _check_readable(self) -> None:
        """Read-only, nothing can be brought up to date or moved aside: only a whole file of
        this version is read (bench_history.py times it on ten years' history)."""
        if self.version != SCHEMA_VERSION:
            raise HistoryError(f"{self.path} is of an earlier version: it cannot be read")
        try:
            self._check_tables()
            whole = self.integrity_ok()
        except sqlite3.DatabaseError:  # too damaged even to be checked
            whole = False
        if not whole:
            raise HistoryError(f"{self.path} is damaged: it cannot be read")

    def _migrate(self) -> None:
        for target in range(self.version + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                for statement in _statements(MIGRATIONS[target - 1]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {target}")

    def close(self) -> None:
        self._db.close()

    def integrity_ok(self) -> bool:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0]) == "ok"

    @contextmanager
    def patience(self, seconds: float) -> Iterator[None]:
        """Within: wait at most ``seconds`` for another program that has the file."""
        self._db.execute(f"PRAGMA busy_timeout = {round(seconds * 1000)}")
        try:
            yield
        finally:
            self._db.execute(f"PRAGMA busy_timeout = {round(self._patience_s * 1000)}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @property
    def connection(self) -> sqlite3.Connection:
        """For read-only queries (see upright.core.records)."""
        return self._db

    # -- writes ------------------------------------------------------------------------------
    def begin_session(
        self,
        profile: str,
        level: str,
        started: datetime,
        planned: list[PlannedExercise],
        time_scale: float = 1.0,
    ) -> int:
        with self.transaction() as db:
            cur = db.execute(
                "INSERT INTO sessions (profile, level, started_at, started_utc, local_day,"
                " time_scale) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    profile,
                    level,
                    started.isoformat(timespec="seconds"),
                    started.timestamp(),
                    started.date().isoformat(),
                    time_scale,
                ),
            )
            session_id = int(cur.lastrowid or 0)
            db.execute(  # every session's person is listed among the people
                "INSERT OR IGNORE INTO profiles (name, created_at) VALUES (?, ?)",
                (profile, started.isoformat(timespec="seconds")),
            )
            db.executemany(
                "INSERT INTO planned (session_id, position, exercise, level, hold_s, reps)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (session_id, i, p.exercise, p.level, p.hold_s, p.reps)
                    for i, p in enumerate(planned)
                ],
            )
        return session_id

    def add_rep(self, session_id: int, level: str, rep: RepCompleted) -> None:
        """Durable on return (WAL, synchronous=FULL): safe to start the next rep."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO reps (session_id, exercise, level, rep, target_hold_s, held_s,"
                " completed, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    rep.exercise_id,
                    level,
                    rep.rep,
                    rep.target_hold_s,
                    rep.held_s,
                    int(rep.completed),
                    rep.started_at.isoformat(timespec="milliseconds"),
                    rep.ended_at.isoformat(timespec="milliseconds"),
                ),
            )

    def end_session(self, session_id: int, how: SessionEnd, ended: datetime) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE sessions SET ended_how = ?, ended_at = ? WHERE id = ?",
                (how.value, ended.isoformat(timespec="seconds"), session_id),
            )

    def mark_interrupted(self) -> int:
        """Sessions left running by a crash or kill: called once at start-up."""
        with self.transaction() as db:
            cur = db.execute(
                "UPDATE sessions SET ended_how = ? WHERE ended_how = ?",
                (SessionEnd.INTERRUPTED.value, SessionEnd.RUNNING.value),
            )
        return cur.rowcount

    def delete_session(self, session_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))


def _text(raw: bytes) -> str:
    """A TEXT value. Bytes a flipped bit left invalid as UTF-8 read as U+FFFD: SQLite's own
    checks pass such a file, and an error would stop whatever reads the row (today's plan)."""
    return raw.decode("utf-8", "replace")


def _schema(
    db: sqlite3.Connection,
) -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """Each table of a database with its columns, and each one's primary key columns in the
    key's order (SQLite's own tables left out; a table without a key has none listed)."""
    columns: dict[str, set[str]] = {}
    keys: dict[str, list[tuple[int, str]]] = {}
    for table, column, position in db.execute(
        "SELECT m.name, c.name, c.pk FROM sqlite_master AS m, pragma_table_info(m.name) AS c "
        "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite!_%' ESCAPE '!'"
    ):
        columns.setdefault(table, set()).add(column)
        if position > 0:
            keys.setdefault(table, []).append((position, column))
    return (
        {table: frozenset(names) for table, names in columns.items()},
        {table: tuple(column for _, column in sorted(key)) for table, key in keys.items()},
    )


def expected_tables(version: int) -> dict[str, frozenset[str]]:
    """The tables and columns a history of ``version`` has: CURRENT_TABLES for this Upright's
    own version, else those the migrations up to it make in a database in memory."""
    return CURRENT_TABLES if version == SCHEMA_VERSION else migrated_schema(version)[0]


def expected_keys(version: int) -> dict[str, tuple[str, ...]]:
    """Each table's primary key in a history of ``version`` (as expected_tables)."""
    return CURRENT_KEYS if version == SCHEMA_VERSION else migrated_schema(version)[1]


@cache
def migrated_schema(
    version: int,
) -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """The tables with their columns, and their keys, that the migrations up to ``version``
    make."""
    db = sqlite3.connect(":memory:")
    try:
        for script in MIGRATIONS[:version]:
            for statement in _statements(script):
                db.execute(statement)
        return _schema(db)
    finally:
        db.close()


def _statements(script: str) -> list[str]:
    """Split a migration into statements, so each runs inside our own transaction."""
    out: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line.split("--", 1)[0] + ("\n" if "--" in line else "")
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                out.append(buffer.strip())
            buffer = ""
    return out
