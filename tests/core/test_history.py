"""The history store on a real SQLite file: durability settings, privacy, migrations, recovery."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import stat
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from upright.core import records
from upright.core.atomic import write_atomically
from upright.core.events import RepCompleted
from upright.core.export import history_csv
from upright.core.history import (
    History,
    HistoryError,
    NewerDatabaseError,
    PlannedExercise,
    migrated_schema,
)
from upright.core.recovery import open_for_sessions, open_history
from upright.core.schema import CURRENT_KEYS, CURRENT_TABLES, SCHEMA_VERSION
from upright.core.session_end import SessionEnd

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC).astimezone()


def rep(n: int, held: float = 5.0, target: float = 5.0) -> RepCompleted:
    start = T0 + timedelta(seconds=20 * n)
    return RepCompleted("forearm-press-up", n, target, held, held >= target, start, start)


def a_session(history: History, reps: int = 3, profile: str = "default") -> int:
    sid = history.begin_session(
        profile, "beginner", T0, [PlannedExercise("forearm-press-up", "beginner", 5, 10)]
    )
    for n in range(1, reps + 1):
        history.add_rep(sid, "beginner", rep(n, held=5 if n < 3 else 2.5))
    return sid


def test_file_is_private_wal_and_fully_synchronous(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    mode = stat.S_IMODE(os.stat(tmp_path / "h.sqlite3").st_mode)
    assert mode == 0o600
    db = history.connection
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert history.version == SCHEMA_VERSION


def test_reps_are_visible_to_another_connection_at_once(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    sid = a_session(history, reps=2)
    other = sqlite3.connect(tmp_path / "h.sqlite3")
    assert other.execute("SELECT COUNT(*) FROM reps WHERE session_id=?", (sid,)).fetchone()[0] == 2


def test_session_rows_count_distinct_completed_reps(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    sid = a_session(history, reps=3)
    history.add_rep(sid, "beginner", rep(1))  # rep 1 redone: still one rep
    history.end_session(sid, SessionEnd.FINISHED, T0 + timedelta(minutes=5))
    row = records.session(history.connection, sid)
    assert row is not None
    assert (row.reps_planned, row.reps_done, row.ended_how) == (10, 2, SessionEnd.FINISHED)
    assert row.best_hold_s == 5
    assert [r.rep for r in records.reps(history.connection, sid)] == [1, 2, 3, 1]


def test_interrupted_sessions_are_marked_at_start(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    sid = a_session(history)
    history.close()
    again = History(tmp_path / "h.sqlite3")
    assert again.mark_interrupted() == 1
    row = records.session(again.connection, sid)
    assert row is not None and row.ended_how is SessionEnd.INTERRUPTED and row.reps_done == 2


def test_csv_export_has_the_contract_columns(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    a_session(history)
    a_session(history, profile="someone-else")
    rows = list(csv.DictReader(io.StringIO(history_csv(history.connection, "default"))))
    assert len(rows) == 3
    first = rows[0]
    for column in ("session_id", "started_at", "profile", "exercise", "level", "rep"):
        assert first[column]
    assert first["target_hold_s"] == "5.0" and first["completed"] == "true"
    assert rows[2]["held_s"] == "2.5" and rows[2]["completed"] == "false"
    assert datetime.fromisoformat(first["started_at"]).utcoffset() is not None


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer Upright"):
        open_history(path, T0)
    assert path.read_bytes() == before


@pytest.mark.parametrize("damage", ["random", "zeroed", "truncated"])
def test_damaged_database_is_moved_aside_and_a_new_one_started(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "h.sqlite3"
    history = History(path)
    for _ in range(40):
        a_session(history)
    history.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    history.close()
    data = path.read_bytes()
    if damage == "random":
        bad = os.urandom(len(data))
    elif damage == "zeroed":
        bad = bytes(len(data))
    else:
        bad = data[: len(data) // 3]
    path.write_bytes(bad)
    opened = open_history(path, T0)
    assert opened.notice and "damaged" in opened.notice
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == bad  # kept exactly as it was
    assert opened.history.integrity_ok()
    assert records.sessions(opened.history.connection, "default") == []


def test_what_can_still_be_read_of_a_damaged_history_is_kept(tmp_path: Path) -> None:
    """A zeroed page costs the rows on it: the sessions and reps on every other page are
    copied into the new history (the damaged file is only read)."""
    path = tmp_path / "history.sqlite3"
    history = History(path)
    for _ in range(150):
        a_session(history, reps=10)
    history.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = {r.id: r for r in records.sessions(history.connection, "default", 1000)}
    reps = {sid: records.reps(history.connection, sid) for sid in before}
    history.close()
    data = bytearray(path.read_bytes())
    page = 4096
    middle = len(data) // page // 2
    data[middle * page : (middle + 1) * page] = bytes(page)
    path.write_bytes(bytes(data))
    opened = open_history(path, T0)
    db = opened.history.connection
    after = {r.id: r for r in records.sessions(db, "default", 1000)}
    assert opened.notice is not None
    assert f"with the {len(after)} sessions it could still read" in opened.notice
    assert 150 - 60 <= len(after) < 150  # a page holds about fifty sessions, or 150 reps
    for sid, row in after.items():  # each copied as it was, with the reps that could be read
        assert row.started_at == before[sid].started_at and row.level == before[sid].level
        assert set(records.reps(db, sid)) <= set(reps[sid])
    assert sum(len(records.reps(db, sid)) for sid in after) >= 10 * len(after) - 150
    [kept] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]  # nothing made beside it
    assert kept.read_bytes() == bytes(data)
    assert opened.history.integrity_ok()


def _damaged_copy(tmp_path: Path, damage: Callable[[bytearray, History], None]) -> Path:
    path = tmp_path / "h.sqlite3"
    history = History(path)
    for _ in range(5):
        a_session(history)
    history.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    damage(data, history)
    history.close()
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_index_is_rebuilt_from_the_records_and_nothing_is_lost(tmp_path: Path) -> None:
    """A flipped bit in an index (found by integrity_check, not quick_check) would hide a
    session from the plan: the index is rebuilt, after a copy of the file is kept."""

    def flip_in_index(data: bytearray, history: History) -> None:
        db = history.connection
        [(root,)] = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'sessions_by_profile_time'"
        ).fetchall()
        [(page_size,)] = db.execute("PRAGMA page_size").fetchall()
        data[root * page_size - 1] ^= 1  # the last byte of its page: a key, not its structure

    path = _damaged_copy(tmp_path, flip_in_index)
    damaged = path.read_bytes()
    opened = open_history(path, T0)
    assert opened.notice and "rebuilt" in opened.notice and "nothing was lost" in opened.notice
    assert opened.history.integrity_ok()
    assert len(records.sessions(opened.history.connection, "default")) == 5
    [kept] = [p for p in tmp_path.iterdir() if p.name.endswith(".damaged-20260302-093000")]
    assert kept.name in opened.notice and kept.read_bytes() == damaged
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_damage_a_rebuilt_index_cannot_mend_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    """Two planned rows with one key: integrity_check names only the index, but rebuilding it
    fails. The rebuilding is done in a copy, so the file kept aside is exactly as it was."""

    def duplicate_planned_key(data: bytearray, history: History) -> None:
        db = history.connection
        [(root,)] = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'planned'")
        [(page_size,)] = db.execute("PRAGMA page_size").fetchall()
        page = bytes(data[(root - 1) * page_size : root * page_size])
        at = (root - 1) * page_size + page.index(b"\x02forearm-press-up")  # session 2's row
        data[at] = 1  # now a second row for (session 1, position 0)

    path = _damaged_copy(tmp_path, duplicate_planned_key)
    damaged = path.read_bytes()
    opened = open_history(path, T0)
    assert opened.notice and "damaged" in opened.notice and "Upright rebuilt" not in opened.notice
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "h.sqlite3-wal") == [
        "h.sqlite3",
        "h.sqlite3-shm",
        "h.sqlite3.damaged-20260302-093000",
    ]
    assert (tmp_path / "h.sqlite3.damaged-20260302-093000").read_bytes() == damaged
    assert opened.history.integrity_ok()


def test_a_garbled_schema_is_moved_aside(tmp_path: Path) -> None:
    """SQLite's own message then is not even text (UnicodeDecodeError, not DatabaseError)."""

    def garble_table_name(data: bytearray, _: History) -> None:
        at = bytes(data).index(b"CREATE TABLE sessions") + len(b"CREATE TABLE se")
        data[at] = 0xF3

    path = _damaged_copy(tmp_path, garble_table_name)
    damaged = path.read_bytes()
    opened = open_history(path, T0)
    assert opened.notice and "damaged" in opened.notice
    [kept] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert kept.read_bytes() == damaged
    assert records.sessions(opened.history.connection, "default") == []


def _another_programs_database(path: Path) -> None:
    db = sqlite3.connect(path)  # a whole SQLite file, in rollback-journal mode, not ours
    db.executescript("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');")
    db.close()


def _ours_then(change: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        history = History(path)
        for _ in range(3):
            a_session(history)
        history.connection.execute(change)
        history.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        history.close()

    return make


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (_another_programs_database, "held another program's data"),
        (_ours_then("DROP TABLE reps"), "was damaged"),
        (_ours_then("ALTER TABLE sessions DROP COLUMN next_day_worse"), "was damaged"),
        (_ours_then("PRAGMA user_version = 0"), "held another program's data"),  # never ours
        (_ours_then("PRAGMA user_version = -1"), "held another program's data"),
    ],
    ids=["another-programs", "missing-table", "missing-column", "version-0", "version-minus-1"],
)
def test_a_database_that_is_not_a_whole_history_is_moved_aside_unchanged(
    tmp_path: Path, make: Callable[[Path], None], said: str
) -> None:
    """Whole as an SQLite file, so integrity_check passes: before, the first rep failed on
    the missing table (or Upright's tables were written into another program's file)."""
    path = tmp_path / "h.sqlite3"
    make(path)
    before = path.read_bytes()
    opened, _ = open_for_sessions(path, T0)
    assert opened.notice and f"Your history file {said}," in opened.notice
    assert "Nothing was deleted" in opened.notice
    [kept] = [p for p in tmp_path.iterdir() if p.name.endswith(".damaged-20260302-093000")]
    assert kept.read_bytes() == before  # not even switched to WAL before it was moved
    sid = a_session(opened.history)  # the new history takes a session
    assert [r.rep for r in records.reps(opened.history.connection, sid)] == [1, 2, 3]


def test_the_written_out_tables_are_those_the_migrations_make(tmp_path: Path) -> None:
    assert migrated_schema(SCHEMA_VERSION) == (CURRENT_TABLES, CURRENT_KEYS)
    History(tmp_path / "h.sqlite3").close()  # and a real file made by History has them too
    db = sqlite3.connect(tmp_path / "h.sqlite3")
    found = {
        table: frozenset(c for (_, c, *_) in db.execute(f"PRAGMA table_info({table})"))
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    db.close()
    assert found == CURRENT_TABLES


def test_read_only_refuses_a_history_missing_a_table(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    _ours_then("DROP TABLE checkins")(path)
    with pytest.raises(HistoryError, match="is missing checkins"):
        History(path, read_only=True)


def test_a_file_too_short_to_be_a_database_is_kept_not_written_over(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + bytes(30))  # SQLite would take it as empty
    opened = open_history(path, T0)
    assert opened.notice and "damaged" in opened.notice
    [kept] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert kept.read_bytes() == b"SQLite format 3\x00" + bytes(30)
    assert opened.history.integrity_ok()


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_history_another_program_is_writing_to_is_left_alone(
    tmp_path: Path, journal: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Busy is not damaged: moving the file aside would hide every rep behind a false alarm."""
    monkeypatch.setattr("upright.core.history.BUSY_TIMEOUT_S", 0.05)
    path = tmp_path / "h.sqlite3"
    history = History(path)
    a_session(history)
    history.close()
    other = sqlite3.connect(path, isolation_level=None)  # a backup tool or a database browser
    other.execute(f"PRAGMA journal_mode = {journal}")
    other.execute("BEGIN EXCLUSIVE")
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(HistoryError, match="in use by another program"):
        open_for_sessions(path, T0)  # in WAL mode reading works: its first write fails
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    other.execute("ROLLBACK")
    other.close()
    assert len(records.sessions(History(path).connection, "default")) == 1


def test_a_history_that_cannot_be_opened_is_not_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.mkdir()  # anything SQLite cannot open: here a folder where the file should be
    with pytest.raises(HistoryError, match="could not open your history file") as error:
        open_history(path, T0)
    assert "damaged" not in str(error.value)
    assert "(it is a folder, not a file)" in str(error.value)  # not SQLite's "unable to open"
    assert [p.name for p in tmp_path.iterdir()] == ["h.sqlite3"]


def test_atomic_write_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_atomically(target, "a,b\n")
    assert target.read_text() == "a,b\n"
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "missing" / "x.csv", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_migration_from_version_1_keeps_every_rep(tmp_path: Path) -> None:
    from upright.core.history import _statements
    from upright.core.schema import MIGRATIONS

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO sessions (id, profile, level, started_at, started_utc, local_day, ended_how)"
        " VALUES (1, 'default', 'beginner', '2026-01-05T09:00:00+00:00', 0, '2026-01-05',"
        " 'finished')"
    )
    db.execute(
        "INSERT INTO reps (session_id, exercise, level, rep, target_hold_s, held_s, completed,"
        " started_at, ended_at) VALUES (1, 'forearm-press-up', 'beginner', 1, 5, 5, 1, 'a', 'b')"
    )
    db.commit()
    db.close()
    history = History(path)
    assert history.version == SCHEMA_VERSION >= 2
    assert len(records.reps(history.connection, 1)) == 1
    columns = {r[1] for r in history.connection.execute("PRAGMA table_info(sessions)")}
    assert {"pain_before", "pain_after", "effort", "next_day_worse"} <= columns


def test_read_only_reads_the_file_as_it_is_and_never_writes(tmp_path: Path) -> None:
    folder = tmp_path / "a folder ?#% é"  # opened by URI: its name must come through whole
    folder.mkdir()
    path = folder / "history.sqlite3"
    history = History(path)
    sid = a_session(history)
    history.close()
    before = path.read_bytes()
    view = History(path, read_only=True)
    assert [r.rep for r in records.reps(view.connection, sid)] == [1, 2, 3]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        a_session(view)
    view.close()
    assert path.read_bytes() == before


def test_read_only_refuses_a_missing_or_earlier_file_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite3"
    with pytest.raises(HistoryError, match="cannot be read"):
        History(missing, read_only=True)
    assert not missing.exists()
    earlier = tmp_path / "earlier.sqlite3"
    sqlite3.connect(earlier).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(HistoryError, match="earlier version"):
        History(earlier, read_only=True)


def test_read_only_refuses_a_damaged_file(tmp_path: Path) -> None:
    """Read-only, a damaged file cannot be moved aside: it is not read at all (the plan would
    otherwise fail, or be worked out from part of the history)."""
    path = tmp_path / "history.sqlite3"
    history = History(path)
    for _ in range(30):
        a_session(history, reps=10)
    history.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    history.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page : 3 * page] = bytes(page)  # a page of the tables zeroed
    path.write_bytes(bytes(data))
    with pytest.raises(HistoryError, match="is damaged"):
        History(path, read_only=True)


def test_the_integrity_check_runs_on_its_own_thread_while_the_caller_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start loads the window's toolkit while a long history is checked (Opening)."""
    import threading

    from upright.core import recovery

    path = tmp_path / "history.sqlite3"
    history = History(path)
    a_session(history)
    history.close()
    may_finish, checked_on = threading.Event(), []
    real_check = recovery._integrity_problems

    def slow_check(db: sqlite3.Connection) -> list[str]:
        checked_on.append(threading.current_thread())
        assert may_finish.wait(10)
        return real_check(db)

    monkeypatch.setattr(recovery, "_integrity_problems", slow_check)
    opening = recovery.Opening(path)  # returns while the check still waits
    assert not may_finish.is_set()
    may_finish.set()
    opened, interrupted = open_for_sessions(path, T0, opening=opening)
    assert checked_on and checked_on[0] is not threading.current_thread()
    assert opened.notice is None and interrupted == 1  # marked only once found whole
    opened.history.close()


def test_damage_found_by_the_check_on_its_thread_is_handled_as_before(tmp_path: Path) -> None:
    from upright.core.recovery import Opening

    path = tmp_path / "history.sqlite3"
    history = History(path)
    for _ in range(30):
        a_session(history, reps=10)
    history.close()
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 4] = bytes(4096)  # a zeroed page in the middle of the tables
    path.write_bytes(bytes(data))
    opened = open_history(path, T0, opening=Opening(path))
    assert opened.notice and "damaged" in opened.notice
    [kept] = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert kept.read_bytes() == bytes(data)
    assert opened.history.integrity_ok()
    opened.history.close()


def test_a_schema_whose_key_a_flipped_bit_undid_is_moved_aside_and_every_session_kept(
    tmp_path: Path,
) -> None:
    """Found by an outside bit-flip sweep: "PRIMARY" read "PSIMARY". SQLite's checks pass, but
    every session's id read NULL: the history page failed, and a new session's reps would have
    been written under an id no session has."""
    path = tmp_path / "history.sqlite3"
    history = History(path)
    ids = [a_session(history, reps=3) for _ in range(4)]
    history.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA writable_schema = ON")
    db.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'id INTEGER PRIMARY KEY', "
        "'id INTEGER PSIMARY KEY') WHERE name = 'sessions'"
    )
    db.commit()
    db.close()
    damaged = path.read_bytes()
    assert sqlite3.connect(path).execute("SELECT id FROM sessions").fetchall()[0] == (None,)
    opened = open_history(path, T0)
    assert opened.notice and "with the 4 sessions it could still read" in opened.notice
    [kept] = [p for p in tmp_path.iterdir() if p.name.endswith(".damaged-20260302-093000")]
    assert kept.read_bytes() == damaged
    for sid in ids:  # each session with its own reps, under its own id
        assert [r.rep for r in records.reps(opened.history.connection, sid)] == [1, 2, 3]
    opened.history.close()
