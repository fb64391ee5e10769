"""A row whose text was damaged (a flipped bit that leaves the file whole, so SQLite's checks
pass) costs that row only: Upright still starts, says what it could not read, and goes on
from the safe side. Before, each of these stopped the window at every start."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from history_builder import add_session
from upright.core import records
from upright.core.catalog import load_builtin_catalog
from upright.core.checkins import SCREENING, latest_checkin, record_checkin
from upright.core.history import History
from upright.core.outcomes import session_outcomes
from upright.core.prescriptions import UNREADABLE_NUMBERS, save_prescription
from upright.core.programme import UNREADABLE_PROGRAMME, Programme, ProgrammeItem, save_programme
from upright.core.session_end import SessionEnd
from upright.core.session_table import session_summaries
from upright.core.today import plan_today
from upright.core.value import replace

CATALOG = load_builtin_catalog()
T0 = datetime(2026, 11, 2, 9, tzinfo=UTC)
TODAY = date(2026, 11, 3)


@pytest.fixture
def history(tmp_path: Path) -> History:
    history = History(tmp_path / "history.sqlite3")
    yield history
    history.close()


def damage(history: History, table: str, column: str) -> None:
    """One character of every value in the column changed, as a flipped bit would."""
    history.connection.execute(f"UPDATE {table} SET {column} = '~' || substr({column}, 2)")


def test_a_damaged_programme_gives_the_level_and_says_so(history: History) -> None:
    chest = CATALOG.exercise("chest-raise")
    save_programme(history, "default", Programme((ProgrammeItem(chest.id, "Slowly"),)), T0)
    assert plan_today(CATALOG, history, "default", "beginner", TODAY).custom
    damage(history, "programmes", "data")
    today = plan_today(CATALOG, history, "default", "beginner", TODAY)
    assert today.note == UNREADABLE_PROGRAMME and not today.custom
    assert [item.exercise.id for item in today.items] == ["forearm-press-up"]


def test_damaged_numbers_start_again_from_the_first_ones(history: History) -> None:
    exercise = CATALOG.exercise("forearm-press-up")
    assert exercise.defaults is not None
    further = replace(exercise.defaults, hold_s=20.0)
    save_prescription(history, "default", exercise.id, further, "Up by 5 s.", T0)
    damage(history, "prescriptions", "data")
    [item] = plan_today(CATALOG, history, "default", "beginner", TODAY).items
    assert item.prescription == exercise.defaults  # 5 s, the easier side, not 20 s
    assert item.reason == UNREADABLE_NUMBERS


def test_a_session_with_a_damaged_ending_reads_as_interrupted(history: History) -> None:
    add_session(history, T0, [5.0] * 10)
    damage(history, "sessions", "ended_how")
    [row] = records.sessions(history.connection, "default")
    assert row.ended_how is SessionEnd.INTERRUPTED  # not done: it cannot count towards a step up
    [outcome] = session_outcomes(history, "default")
    assert outcome.ended is SessionEnd.INTERRUPTED


def test_damaged_safety_answers_are_asked_again(history: History) -> None:
    record_checkin(history, "default", SCREENING, T0, {"version": 1})
    assert latest_checkin(history, "default", SCREENING) is not None
    damage(history, "checkins", "answers")
    assert latest_checkin(history, "default", SCREENING) is None
    record_checkin(history, "default", SCREENING, T0 + timedelta(minutes=1), {"version": 1})
    assert latest_checkin(history, "default", SCREENING) is not None


def test_a_session_with_a_damaged_day_keeps_the_day_it_began(history: History) -> None:
    add_session(history, T0, [5.0] * 10)
    history.connection.execute("UPDATE sessions SET local_day = '2p' || substr(local_day, 3)")
    began = T0.astimezone().date()  # from its start time, in this computer's zone
    [outcome] = session_outcomes(history, "default")
    assert outcome.day == began
    [summary] = session_summaries(history.connection, "default")  # the history page's list
    assert summary.day == began
    history.connection.execute("UPDATE sessions SET started_utc = 1e300")  # and its time too
    assert session_outcomes(history, "default") == []  # left out of the rules, not a stop


def test_a_session_whose_numbers_were_damaged_is_left_out_of_the_rules(history: History) -> None:
    add_session(history, T0, [5.0] * 10)
    add_session(history, T0 + timedelta(days=1), [5.0] * 10)
    history.connection.execute("UPDATE planned SET hold_s = 0 WHERE session_id = 1")
    history.connection.execute("UPDATE sessions SET pain_after = 130 WHERE id = 2")
    assert session_outcomes(history, "default") == []
    add_session(history, T0 + timedelta(days=2), [5.0] * 10)
    assert len(session_outcomes(history, "default")) == 1
    plan_today(CATALOG, history, "default", "beginner", TODAY)  # and today's plan is made


def test_a_held_time_stored_as_text_still_lists_its_session(history: History) -> None:
    add_session(history, T0, [5.0] * 10)
    history.connection.execute("UPDATE reps SET held_s = 'x' WHERE rep = 1")  # SQLite keeps text
    [row] = records.sessions(history.connection, "default")
    assert row.best_hold_s == 5.0 and row.reps_planned == 10
    [summary] = session_summaries(history.connection, "default")  # the history page's list
    assert (summary.planned_hold_s, summary.median_s, summary.best_s) == (5.0, 5.0, 5.0)


def test_text_a_flipped_bit_left_invalid_as_utf8_is_read(history: History) -> None:
    """SQLite stores the bytes and its checks pass; Python's decoding stopped the start."""
    add_session(history, T0, [5.0] * 10)
    for table in ("planned", "reps"):
        history.connection.execute(f"UPDATE {table} SET exercise = CAST(X'666FF2' AS TEXT)")
    [outcome] = session_outcomes(history, "default")
    assert outcome.exercise_id == "fo\ufffd"
    plan_today(CATALOG, history, "default", "beginner", TODAY)
