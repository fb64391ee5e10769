"""A person's programme: which hold exercises, in which order, with a note for each."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from upright.core.fields import Problems, Reader
from upright.core.history import History
from upright.core.program import Catalog, ExerciseKind
from upright.core.value import value

MAX_EXERCISES = 8
MAX_NOTE = 500  # characters


@value
class ProgrammeItem:
    """One exercise of a person's programme, with the therapist's note."""

    exercise_id: str
    note: str = ""  # the therapist's words for this person, shown in the player and handout


@value
class Programme:
    """The exercises a therapist set for one person, in order."""

    items: tuple[ProgrammeItem, ...]
    warmups: bool = True

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        return tuple(item.exercise_id for item in self.items)

    def note_for(self, exercise_id: str) -> str:
        return next((i.note for i in self.items if i.exercise_id == exercise_id), "")


def level_programme(catalog: Catalog, level_id: str) -> Programme:
    """The one-exercise programme of a built-in level."""
    return Programme((ProgrammeItem(catalog.level(level_id).exercise_id),))


def programme_to_dict(programme: Programme) -> dict[str, object]:
    return {
        "exercises": [{"id": i.exercise_id, "note": i.note} for i in programme.items],
        "warmups": programme.warmups,
    }


def read_item(r: Reader, catalog: Catalog) -> ProgrammeItem:
    """One entry of a programme: a built-in hold exercise's id and the therapist's note."""
    ident = r.text("id", max_len=60)
    given = ident or r.data.get("id") == ""  # (a missing or non-text id is a problem already)
    if given and not any(e.id == ident and e.kind is ExerciseKind.HOLD for e in catalog.exercises):
        holds = ", ".join(e.id for e in catalog.exercises if e.kind is ExerciseKind.HOLD)
        r.problems.add(r._at("id"), f"{ident!r} is not one of Upright's exercises ({holds})")
    return ProgrammeItem(ident, r.text("note", default="", max_len=MAX_NOTE))


def check_items(r: Reader, items: list[ProgrammeItem]) -> None:
    ids = [i.exercise_id for i in items]
    if len(set(ids)) != len(ids):
        r.problems.add(r._at("exercises"), "lists the same exercise twice")


def read_programme(r: Reader, catalog: Catalog) -> Programme:
    """Validate a programme object; every problem names its field."""
    items = [read_item(c, catalog) for c in r.children("exercises", max_items=MAX_EXERCISES)]
    check_items(r, items)
    return Programme(tuple(items), r.boolean("warmups", default=True))


# A stored programme whose text was damaged (whole as SQL, so the file's checks pass).
UNREADABLE_PROGRAMME = (
    "The programme saved for this person could not be read, so the chosen level's exercises "
    "are used until a new programme is saved."
)


def load_programme(
    history: History | None, profile: str, catalog: Catalog
) -> tuple[Programme | None, str]:
    """The stored programme, or None when the person has none (the chosen level applies),
    and a note for the person if the one stored could not be read (the level applies then too:
    stopping the app at every start would leave them no way to save a new one)."""
    if history is None:
        return None, ""
    row = history.connection.execute(
        "SELECT data FROM programmes WHERE profile = ?", (profile,)
    ).fetchone()
    if row is None:
        return None, ""
    problems = Problems(f"programme of {profile}")
    try:
        programme = read_programme(Reader(json.loads(row["data"]), "", problems), catalog)
        problems.raise_if_any()
    except ValueError:  # not JSON, or not a programme this Upright can follow
        return None, UNREADABLE_PROGRAMME
    return programme, ""


def write_programme(
    db: sqlite3.Connection, profile: str, programme: Programme, at: datetime
) -> None:
    """Inside a caller's transaction."""
    db.execute(
        "INSERT INTO programmes (profile, data, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (profile) DO UPDATE SET data = excluded.data,"
        " updated_at = excluded.updated_at",
        (profile, json.dumps(programme_to_dict(programme)), at.isoformat(timespec="seconds")),
    )


def save_programme(history: History, profile: str, programme: Programme, at: datetime) -> None:
    with history.transaction() as db:
        write_programme(db, profile, programme, at)


def clear_programme(history: History, profile: str) -> None:
    """Back to the built-in level chosen on the home screen."""
    with history.transaction() as db:
        db.execute("DELETE FROM programmes WHERE profile = ?", (profile,))
