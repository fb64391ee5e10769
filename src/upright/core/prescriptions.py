"""Each person's prescription per exercise, stored with the reason it last changed."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from upright.core.catalog import read_prescription
from upright.core.fields import Problems, Reader
from upright.core.history import History
from upright.core.program import Exercise, Prescription
from upright.core.value import as_dict

# A stored prescription whose text was damaged (whole as SQL, so the file's checks pass);
# the next session's numbers are saved over it.
UNREADABLE_NUMBERS = (
    "The numbers saved for this exercise could not be read, so it starts again from its first "
    "numbers."
)


def prescription_from_json(text: str, source: str) -> Prescription:
    """Parse and validate stored or imported prescription fields (ValidationError if bad)."""
    problems = Problems(source)
    prescription = read_prescription(Reader(json.loads(text), "", problems))
    problems.raise_if_any()
    return prescription


def load_prescription(
    history: History | None, profile: str, exercise: Exercise
) -> tuple[Prescription, str]:
    """The stored prescription and its reason, or the exercise's defaults if none is stored."""
    if exercise.defaults is None:
        raise ValueError(f"{exercise.id} is not a hold exercise")
    if history is None:
        return exercise.defaults, ""
    row = history.connection.execute(
        "SELECT data, reason FROM prescriptions WHERE profile = ? AND exercise = ?",
        (profile, exercise.id),
    ).fetchone()
    if row is None:
        return exercise.defaults, ""
    try:
        return prescription_from_json(row["data"], f"prescription for {exercise.id}"), row["reason"]
    except ValueError:  # its text damaged: the first numbers are the safe ones to go on from
        return exercise.defaults, UNREADABLE_NUMBERS


def write_prescription(
    db: sqlite3.Connection,
    profile: str,
    exercise_id: str,
    p: Prescription,
    reason: str,
    at: datetime,
) -> None:
    """Inside a caller's transaction."""
    db.execute(
        "INSERT INTO prescriptions (profile, exercise, data, reason, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (profile, exercise) DO UPDATE SET"
        " data = excluded.data, reason = excluded.reason, updated_at = excluded.updated_at",
        (profile, exercise_id, json.dumps(as_dict(p)), reason, at.isoformat(timespec="seconds")),
    )


def save_prescription(
    history: History, profile: str, exercise_id: str, p: Prescription, reason: str, at: datetime
) -> None:
    with history.transaction() as db:
        write_prescription(db, profile, exercise_id, p, reason, at)
