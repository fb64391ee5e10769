"""The people who use Upright on one computer: list, create, rename, and delete with a backup."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from upright.core.atomic import write_atomically
from upright.core.history import History
from upright.core.value import value

MAX_NAME = 40
DEFAULT_PROFILE = "default"
BACKUP_FORMAT = "upright-person-backup"


class ProfileError(ValueError):
    """A person cannot be created, renamed or deleted as asked; the message says why."""


@value
class ProfileSummary:
    """A person, as the people page lists them."""

    name: str
    sessions: int
    last_day: str | None  # YYYY-MM-DD of the latest session


def name_problem(name: str) -> str | None:
    """Why ``name`` (trimmed) cannot be a person's name, in plain words, or None."""
    name = name.strip()
    if not name:
        return "A name is needed."
    if len(name) > MAX_NAME:
        return f"A name can be at most {MAX_NAME} characters long (this one has {len(name)})."
    if not name.isprintable():
        return "A name can use letters, digits, spaces and punctuation, but no tabs or line breaks."
    return None


def clean_name(name: str) -> str:
    """The trimmed name, or ProfileError saying what is wrong with it."""
    problem = name_problem(name)
    if problem is not None:
        raise ProfileError(problem)
    return name.strip()


def profile_names(db: sqlite3.Connection) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM profiles ORDER BY name COLLATE NOCASE")]


def summaries(db: sqlite3.Connection) -> list[ProfileSummary]:
    rows = db.execute(
        "SELECT p.name, COUNT(s.id), MAX(s.local_day) FROM profiles p"
        " LEFT JOIN sessions s ON s.profile = p.name GROUP BY p.name ORDER BY p.name COLLATE NOCASE"
    )
    return [ProfileSummary(r[0], r[1], r[2]) for r in rows]


def find_profile(db: sqlite3.Connection, name: str) -> str | None:
    """The stored name that is ``name``, exactly or but for upper and lower case."""
    rows = db.execute("SELECT name FROM profiles WHERE name = ? COLLATE NOCASE", (name,)).fetchall()
    names = [r[0] for r in rows]
    return name if name in names else (names[0] if names else None)


def add_profile(db: sqlite3.Connection, name: str, at: datetime) -> None:
    """Inside a caller's transaction: make sure ``name`` is listed."""
    db.execute(
        "INSERT OR IGNORE INTO profiles (name, created_at) VALUES (?, ?)",
        (name, at.isoformat(timespec="seconds")),
    )


def ensure_profile(history: History, name: str, at: datetime) -> str:
    """Select ``name`` at start: the existing person of that name, or a new one."""
    existing = find_profile(history.connection, name.strip())
    if existing is not None:
        return existing
    name = clean_name(name)
    with history.transaction() as db:
        add_profile(db, name, at)
    return name


def create_profile(history: History, name: str, at: datetime) -> str:
    name = clean_name(name)
    if (existing := find_profile(history.connection, name)) is not None:
        raise ProfileError(f"There is already a person called {existing}.")
    with history.transaction() as db:
        add_profile(db, name, at)
    return name


def person_tables(db: sqlite3.Connection) -> list[str]:
    """Every table that holds a person's own rows (it has a ``profile`` column)."""
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    return [
        t
        for t in tables
        if t != "profiles"
        and any(c[1] == "profile" for c in db.execute(f'PRAGMA table_info("{t}")'))
    ]


def _children(db: sqlite3.Connection, parents: list[str]) -> list[tuple[str, str, str, str]]:
    """(child table, its column, parent table, parent column) for rows hanging off a person's."""
    out = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for fk in db.execute(f'PRAGMA foreign_key_list("{table}")'):
            if fk[2] in parents:
                out.append((table, fk[3], fk[2], fk[4]))
    return sorted(out)


def rename_profile(history: History, old: str, new: str) -> str:
    """Every table's rows move to the new name in one transaction, or none do."""
    new = clean_name(new)
    db = history.connection
    if find_profile(db, old) != old:
        raise ProfileError(f"There is no person called {old}.")
    clash = find_profile(db, new)
    if clash is not None and clash != old:
        raise ProfileError(f"There is already a person called {clash}.")
    with history.transaction() as tx:
        tx.execute("UPDATE profiles SET name = ? WHERE name = ?", (new, old))
        for table in person_tables(tx):
            tx.execute(f'UPDATE "{table}" SET profile = ? WHERE profile = ?', (new, old))
    return new


def _rows(db: sqlite3.Connection, sql: str, name: str) -> list[dict[str, object]]:
    cursor = db.execute(sql, (name,))
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]


def profile_backup(db: sqlite3.Connection, name: str, at: datetime) -> dict[str, object]:
    """Everything stored for the person: sessions with their reps, check-ins, prescriptions."""
    parents = person_tables(db)
    tables = {"profiles": _rows(db, "SELECT * FROM profiles WHERE name = ?", name)}
    for table in parents:
        tables[table] = _rows(db, f'SELECT * FROM "{table}" WHERE profile = ?', name)
    for child, column, parent, key in _children(db, parents):
        tables[child] = _rows(
            db,
            f'SELECT c.* FROM "{child}" c JOIN "{parent}" p ON c."{column}" = p."{key}"'
            " WHERE p.profile = ?",
            name,
        )
    return {
        "format": BACKUP_FORMAT,
        "person": name,
        "saved_at": at.isoformat(timespec="seconds"),
        "data_version": int(db.execute("PRAGMA user_version").fetchone()[0]),
        "tables": tables,
    }


def backup_path(folder: Path, name: str, at: datetime) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_")[:40] or "person"
    path = folder / f"{safe}-{at.strftime('%Y%m%d-%H%M%S')}.json"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{safe}-{at.strftime('%Y%m%d-%H%M%S')}-{n}.json"
    return path


def delete_profile(history: History, name: str, backups: Path, at: datetime) -> Path:
    """Write the person's backup file first, then delete all their rows in one transaction.

    Returns where the backup went. The last remaining person cannot be deleted.
    """
    db = history.connection
    if find_profile(db, name) != name:
        raise ProfileError(f"There is no person called {name}.")
    if len(profile_names(db)) <= 1:
        raise ProfileError("The last person cannot be deleted: Upright needs at least one.")
    backups.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = backup_path(backups, name, at)
    write_atomically(path, json.dumps(profile_backup(db, name, at), indent=1) + "\n")
    with history.transaction() as tx:
        parents = person_tables(tx)
        for child, column, parent, key in _children(tx, parents):
            tx.execute(
                f'DELETE FROM "{child}" WHERE "{column}" IN'
                f' (SELECT "{key}" FROM "{parent}" WHERE profile = ?)',
                (name,),
            )
        for table in parents:
            tx.execute(f'DELETE FROM "{table}" WHERE profile = ?', (name,))
        tx.execute("DELETE FROM profiles WHERE name = ?", (name,))
    return path
