"""People on one computer: names, create, rename in one go, delete after a backup, isolation."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from upright.core import records
from upright.core.catalog import load_builtin_catalog
from upright.core.checkins import BEFORE, record_checkin, set_after
from upright.core.events import RepCompleted
from upright.core.export import history_csv
from upright.core.history import History, PlannedExercise
from upright.core.outcomes import session_outcomes
from upright.core.prescriptions import load_prescription, save_prescription
from upright.core.profiles import (
    ProfileError,
    clean_name,
    create_profile,
    delete_profile,
    ensure_profile,
    person_tables,
    profile_names,
    rename_profile,
    summaries,
)
from upright.core.programme import Programme, ProgrammeItem, load_programme, save_programme
from upright.core.schema import MIGRATIONS
from upright.core.session_end import SessionEnd
from upright.core.today import plan_today

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC).astimezone()
CATALOG = load_builtin_catalog()


def a_session(history: History, profile: str, day: int = 0, held: float = 5.0) -> int:
    start = T0 + timedelta(days=day)
    sid = history.begin_session(
        profile, "beginner", start, [PlannedExercise("forearm-press-up", "beginner", 5, 2)]
    )
    for n in (1, 2):
        rep = RepCompleted("forearm-press-up", n, 5, held, held >= 5, start, start)
        history.add_rep(sid, "beginner", rep)
    history.end_session(sid, SessionEnd.FINISHED, start + timedelta(minutes=3))
    set_after(history, sid, 1, 4)
    return sid


def a_person(history: History, name: str, held: float = 5.0) -> None:
    ensure_profile(history, name, T0)
    a_session(history, name, held=held)
    record_checkin(history, name, BEFORE, T0, {"fall": False, "pain": 1})
    defaults = CATALOG.exercise("chest-raise").defaults
    assert defaults is not None
    save_prescription(history, name, "chest-raise", defaults.with_hold(9), "why", T0)
    save_programme(history, name, Programme((ProgrammeItem("chest-raise", f"For {name}"),)), T0)


def counts(history: History, name: str) -> dict[str, int]:
    db = history.connection
    out = {t: db.execute(f"SELECT COUNT(*) FROM {t} WHERE profile = ?", (name,)).fetchone()[0]
           for t in person_tables(db)}  # fmt: skip
    out["reps"] = db.execute(
        "SELECT COUNT(*) FROM reps JOIN sessions s ON s.id = reps.session_id WHERE s.profile = ?",
        (name,),
    ).fetchone()[0]
    return out


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "A name is needed."),
        ("    ", "A name is needed."),
        ("x" * 41, "at most 40 characters long (this one has 41)"),
        ("Anna\tB", "no tabs or line breaks"),
        ("Anna\nB", "no tabs or line breaks"),
        ("Anna\u202eB", "no tabs or line breaks"),
    ],
)
def test_bad_names_are_refused_in_plain_words(typed: str, problem: str) -> None:
    with pytest.raises(ProfileError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        clean_name(typed)


@pytest.mark.parametrize("typed", ["  Anna  ", "Zoë O'Brien-Smith", "x" * 40, "Mr. 李 (room 3)"])
def test_good_names_are_trimmed(typed: str) -> None:
    assert clean_name(typed) == typed.strip()


def test_migration_lists_everyone_already_in_the_history(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    db = sqlite3.connect(path)
    for version, script in enumerate(MIGRATIONS[:3], start=1):
        db.executescript(script)
        db.execute(f"PRAGMA user_version = {version}")
    db.execute(
        "INSERT INTO sessions (profile, level, started_at, started_utc, local_day)"
        " VALUES ('Anna', 'beginner', '2026-01-05T10:00:00+00:00', 0, '2026-01-05'),"
        " ('Anna', 'beginner', '2026-01-03T10:00:00+00:00', 0, '2026-01-03')"
    )
    db.execute(
        "INSERT INTO checkins (profile, kind, at, local_day, answers)"
        " VALUES ('Bob', 'screening', 'x', 'x', '{}')"
    )
    db.commit()
    db.close()
    history = History(path)
    assert profile_names(history.connection) == ["Anna", "Bob", "default"]
    created = dict(history.connection.execute("SELECT name, created_at FROM profiles").fetchall())
    assert created == {"Anna": "2026-01-03T10:00:00+00:00", "Bob": None, "default": None}


def test_create_refuses_the_same_name_in_other_letters_case(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    assert create_profile(history, " Anna ", T0) == "Anna"
    with pytest.raises(ProfileError, match="already a person called Anna"):
        create_profile(history, "ANNA", T0)
    assert ensure_profile(history, "anna", T0) == "Anna"  # --profile anna selects Anna
    assert profile_names(history.connection) == ["Anna", "default"]


def test_rename_moves_every_table_and_nothing_else(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    a_person(history, "Anna")
    a_person(history, "Bob")
    before_anna, before_bob = counts(history, "Anna"), counts(history, "Bob")
    assert min(before_anna.values()) >= 1

    assert rename_profile(history, "Anna", "  Anna Smith ") == "Anna Smith"
    assert counts(history, "Anna Smith") == before_anna
    assert set(counts(history, "Anna").values()) == {0}
    assert counts(history, "Bob") == before_bob
    assert profile_names(history.connection) == ["Anna Smith", "Bob", "default"]
    programme = load_programme(history, "Anna Smith", CATALOG)[0]
    assert programme is not None and programme.items[0].note == "For Anna"
    assert rename_profile(history, "Anna Smith", "anna smith") == "anna smith"  # case only
    with pytest.raises(ProfileError, match="already a person called Bob"):
        rename_profile(history, "anna smith", "BOB")
    with pytest.raises(ProfileError, match="no person called Carol"):
        rename_profile(history, "Carol", "Dan")


def test_a_rename_that_fails_half_way_changes_nothing(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    a_person(history, "Anna")
    before = counts(history, "Anna")
    # The last table to be renamed refuses: the earlier updates must be undone too.
    last = person_tables(history.connection)[-1]
    history.connection.execute(
        f"CREATE TEMP TRIGGER refuse BEFORE UPDATE ON main.{last}"
        " BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
    )
    with pytest.raises(sqlite3.DatabaseError, match="disk says no"):
        rename_profile(history, "Anna", "Anne")
    assert counts(history, "Anna") == before
    assert profile_names(history.connection) == ["Anna", "default"]


def test_delete_writes_a_private_backup_first_then_removes_only_that_person(
    tmp_path: Path,
) -> None:
    history = History(tmp_path / "h.sqlite3")
    a_person(history, "Anna")
    a_person(history, "Bob", held=3.0)
    bob_before = counts(history, "Bob")
    anna_reps = counts(history, "Anna")["reps"]
    backups = tmp_path / "backups"

    path = delete_profile(history, "Anna", backups, T0)

    assert path.parent == backups and path.name.startswith("Anna-20260302-")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["person"] == "Anna"
    tables = saved["tables"]
    assert len(tables["reps"]) == anna_reps == 2
    assert {r["profile"] for t in ("sessions", "checkins", "prescriptions") for r in tables[t]} == {
        "Anna"
    }
    assert json.loads(tables["programmes"][0]["data"])["exercises"][0]["note"] == "For Anna"
    assert {r["held_s"] for r in tables["reps"]} == {5.0}  # not Bob's 3 s reps

    assert set(counts(history, "Anna").values()) == {0}
    assert counts(history, "Bob") == bob_before
    assert profile_names(history.connection) == ["Bob", "default"]
    orphans = history.connection.execute(
        "SELECT COUNT(*) FROM reps WHERE session_id NOT IN (SELECT id FROM sessions)"
    ).fetchone()[0]
    assert orphans == 0


def test_no_backup_no_delete(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    a_person(history, "Anna")
    before = counts(history, "Anna")
    blocked = tmp_path / "backups"
    blocked.write_text("a file where the folder should be")
    with pytest.raises(OSError):
        delete_profile(history, "Anna", blocked, T0)
    assert counts(history, "Anna") == before


def test_the_last_person_cannot_be_deleted(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    rename_profile(history, "default", "Anna")
    with pytest.raises(ProfileError, match="last person"):
        delete_profile(history, "Anna", tmp_path / "backups", T0)
    assert profile_names(history.connection) == ["Anna"]
    assert not (tmp_path / "backups").exists()


def test_a_table_added_later_is_renamed_deleted_and_backed_up_too(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    a_person(history, "Anna")
    history.connection.execute("CREATE TABLE reminders (profile TEXT NOT NULL, at TEXT)")
    history.connection.execute("INSERT INTO reminders VALUES ('Anna', '09:00')")
    rename_profile(history, "Anna", "Anne")
    assert counts(history, "Anne")["reminders"] == 1
    path = delete_profile(history, "Anne", tmp_path / "b", T0)
    assert json.loads(path.read_text())["tables"]["reminders"] == [
        {"profile": "Anne", "at": "09:00"}
    ]
    assert counts(history, "Anne")["reminders"] == 0


def test_summaries_count_each_persons_sessions(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    a_person(history, "Anna")
    a_session(history, "Anna", day=3)
    ensure_profile(history, "Bob", T0)
    rows = {s.name: (s.sessions, s.last_day) for s in summaries(history.connection)}
    assert rows == {"Anna": (2, "2026-03-05"), "Bob": (0, None), "default": (0, None)}


# -- isolation ---------------------------------------------------------------------------------
def _csv_profiles(history: History, name: str) -> set[str]:
    return {
        r["profile"] for r in csv.DictReader(io.StringIO(history_csv(history.connection, name)))
    }


@settings(max_examples=40, deadline=None)
@given(owners=st.lists(st.sampled_from(["Anna", "Bob"]), min_size=1, max_size=12))
def test_one_persons_data_never_shows_in_anothers(owners: list[str]) -> None:
    history = History(":memory:")
    for name in ("Anna", "Bob"):
        ensure_profile(history, name, T0)
    held = {"Anna": 5.0, "Bob": 2.5}
    mine: dict[str, set[int]] = {"Anna": set(), "Bob": set()}
    for day, owner in enumerate(owners):
        mine[owner].add(a_session(history, owner, day=day, held=held[owner]))
    anna_base = CATALOG.exercise("forearm-press-up").defaults
    assert anna_base is not None
    save_prescription(history, "Anna", "forearm-press-up", anna_base.with_hold(20), "", T0)
    save_programme(history, "Anna", Programme((ProgrammeItem("forearm-press-up", "A"),)), T0)

    for name in ("Anna", "Bob"):
        db = history.connection
        assert {r.id for r in records.sessions(db, name)} == mine[name]
        assert all(r.profile == name for r in records.sessions(db, name))
        assert _csv_profiles(history, name) <= {name}
        rows = list(csv.DictReader(io.StringIO(history_csv(db, name))))
        assert {float(r["held_s"]) for r in rows} <= {held[name]}
        assert len(session_outcomes(history, name)) == len(mine[name])
    bob_today = plan_today(CATALOG, history, "Bob", "beginner", date(2026, 3, 2))
    assert not bob_today.custom and bob_today.first.note == ""
    bob_base = load_prescription(history, "Bob", CATALOG.exercise("forearm-press-up"))[0]
    assert bob_base == anna_base  # Anna's 20 s never leaks into Bob's numbers
