"""What can still be read of a damaged history, copied into the new one that replaces it.

A damaged page costs the rows on it, not the whole history: each table is read in rowid order,
and where a page cannot be read, the reading goes on from the first row after it that can be.
The damaged file is only read, never written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from upright.core.history import History, expected_tables
from upright.core.schema import SCHEMA_VERSION

# Parents first: a session's planned exercises and reps are copied only with the session.
_ORDER = ("profiles", "sessions", "planned", "reps", "checkins", "prescriptions", "programmes")
_OF_A_SESSION = ("planned", "reps")
# A page that cannot be read (UnicodeDecodeError: SQLite's own message about it is not text).
_UNREADABLE = (sqlite3.DatabaseError, UnicodeDecodeError)
# How far past a page that cannot be read to look for one that can (rowids).
_FURTHEST_JUMP = 1 << 40


def salvage(damaged: Path, into: History) -> int:
    """Copy every row of ``damaged`` that can still be read into ``into`` (a new history, in
    one transaction); the number of sessions copied. Nothing, if it is of another version."""
    try:
        source = _open_as_it_is(damaged)
    except sqlite3.Error:
        return 0
    source.text_factory = into.connection.text_factory  # damaged text reads, as in `into`
    try:
        if source.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return 0
        tables = {name: sorted(cols) for name, cols in expected_tables(SCHEMA_VERSION).items()}
        rows = {table: list(_readable_rows(source, table, tables[table])) for table in _ORDER}
    except _UNREADABLE:  # not even the schema can be read
        return 0
    finally:
        source.close()
    sessions: set[object] = set()
    with into.transaction() as db:
        for table in _ORDER:
            columns = tables[table]
            insert = (
                f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})"
            )
            parent = columns.index("session_id") if table in _OF_A_SESSION else None
            for row in rows[table]:
                if parent is not None and row[parent] not in sessions:
                    continue
                try:
                    copied = db.execute(insert, row).rowcount
                except sqlite3.IntegrityError:  # a value the damage made NULL, say
                    continue
                if table == "sessions" and copied:
                    sessions.add(row[columns.index("id")])
    return len(sessions)


def _open_as_it_is(path: Path) -> sqlite3.Connection:
    """Read only, creating nothing beside it: ``immutable`` unless a -wal file was kept with it
    (then ``mode=ro``, which reads that too, with its -shm file)."""
    wal = path.with_name(path.name + "-wal").exists()
    uri = f"{path.absolute().as_uri()}?{'mode=ro' if wal else 'immutable=1'}"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def _readable_rows(
    db: sqlite3.Connection, table: str, columns: list[str]
) -> Iterator[tuple[object, ...]]:
    # An `id` is its table's INTEGER PRIMARY KEY, which is the rowid: read as such, it survives
    # a schema whose key a flipped bit undid (where `id` itself reads NULL).
    read = ", ".join("rowid" if column == "id" else column for column in columns)
    select = f"SELECT rowid, {read} FROM {table} WHERE rowid > ? ORDER BY rowid"
    after: int | None = 0  # every table's rowids here begin at 1
    while after is not None:
        try:
            for row in db.execute(select, (after,)):
                if row[0] <= after:  # a damaged page can lead back: never read in circles
                    raise sqlite3.DatabaseError(f"{table}: rowid {row[0]} out of order")
                after = row[0]
                yield tuple(row[1:])
            return  # the end of the table
        except _UNREADABLE:
            after = _next_readable(db, select, after)


def _next_readable(db: sqlite3.Connection, select: str, bad: int) -> int | None:
    """The first rowid past ``bad`` from which the table reads again: jumps of 1, 2, 4 ...
    past the damaged page, then back by halves to the first row after it (None: none)."""
    jump = 1
    while not _reads_from(db, select, bad + jump):
        jump *= 2
        if jump > _FURTHEST_JUMP:
            return None
    low, high = bad + jump // 2, bad + jump
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if _reads_from(db, select, middle) else (middle, high)
    return high


def _reads_from(db: sqlite3.Connection, select: str, after: int) -> bool:
    try:
        db.execute(select, (after,)).fetchone()
    except _UNREADABLE:
        return False
    return True
