"""The charts' SQL: per-session holds, weekly counts and time under tension, pain and effort.

Aggregation happens in SQLite (medians with window functions, weeks with date()), so a page
of ten years of history reads a few thousand summary rows, never the hundred thousand reps.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from upright.core.weeks import WEEK_START_SQL

CHECKIN_COLUMNS = ("pain_before", "pain_after", "effort")

# Indexes the charts need and schema 1 lacks. They live here, not in a migration, so adding
# them touches no one else's schema; IF NOT EXISTS makes every later call free.
#  - sessions by (profile, local_day): a range is a run of calendar days of one person;
#  - reps by (session_id, exercise, held_s): each session's holds of one exercise come out
#    of the index already sorted, which is the order the median's window function needs.
_INDEXES = (
    "CREATE INDEX IF NOT EXISTS charts_sessions_by_day ON sessions(profile, local_day)",
    "CREATE INDEX IF NOT EXISTS charts_reps_by_exercise"
    " ON reps(session_id, exercise, held_s, completed, rep)",
)

_WEEK = WEEK_START_SQL.format(day="s.local_day")


def ensure_indexes(db: sqlite3.Connection) -> bool:
    """Create the charts' indexes if missing; False if the file is read-only (charts still work)."""
    try:
        for statement in _INDEXES:
            db.execute(statement)
    except sqlite3.OperationalError:
        return False
    return True


def checkin_columns(db: sqlite3.Connection) -> frozenset[str]:
    """Which of pain_before, pain_after and effort this history has (schema 2 adds them)."""
    names = {str(row[1]) for row in db.execute("PRAGMA table_info(sessions)")}
    return frozenset(c for c in CHECKIN_COLUMNS if c in names)


@dataclass(frozen=True)
class SessionHold:
    """One session's holds of one exercise: what was planned and what was achieved."""

    session_id: int
    day: date
    planned_hold_s: float | None  # None: the exercise was done but not planned
    reps_planned: int
    attempts: int  # rep attempts recorded, a redone rep counting each time
    reps_done: int  # distinct reps held for the whole target
    median_s: float | None  # None: planned, but no rep was recorded
    best_s: float | None


_HOLDS_SQL = """
WITH chosen AS (
    SELECT id, local_day, started_utc FROM sessions
    WHERE profile = :profile AND local_day BETWEEN :start AND :end
),
ranked AS (
    SELECT r.session_id, r.held_s, r.completed, r.rep,
           ROW_NUMBER() OVER (PARTITION BY r.session_id ORDER BY r.held_s) AS k,
           COUNT(*) OVER (PARTITION BY r.session_id) AS n
    FROM chosen c JOIN reps r ON r.session_id = c.id AND r.exercise = :exercise
),
achieved AS (
    SELECT session_id, MAX(n) AS n,
           AVG(CASE WHEN k IN ((n + 1) / 2, (n + 2) / 2) THEN held_s END) AS median,
           MAX(held_s) AS best,
           COUNT(DISTINCT CASE WHEN completed THEN rep END) AS done
    FROM ranked GROUP BY session_id
),
plan AS (
    SELECT p.session_id, MAX(p.hold_s) AS hold_s, SUM(p.reps) AS reps
    FROM chosen c JOIN planned p ON p.session_id = c.id AND p.exercise = :exercise
    GROUP BY p.session_id
)
SELECT c.id, c.local_day, p.hold_s, COALESCE(p.reps, 0), COALESCE(a.n, 0),
       COALESCE(a.done, 0), a.median, a.best
FROM chosen c
LEFT JOIN plan p ON p.session_id = c.id
LEFT JOIN achieved a ON a.session_id = c.id
WHERE p.session_id IS NOT NULL OR a.session_id IS NOT NULL
ORDER BY c.local_day, c.started_utc, c.id
"""


def session_holds(
    db: sqlite3.Connection, profile: str, exercise: str, start: date, end: date
) -> list[SessionHold]:
    """Sessions between two local days (inclusive) that planned or did ``exercise``, in order."""
    params = {"profile": profile, "exercise": exercise, "start": str(start), "end": str(end)}
    return [
        SessionHold(
            session_id=row[0],
            day=date.fromisoformat(row[1]),
            planned_hold_s=row[2],
            reps_planned=row[3],
            attempts=row[4],
            reps_done=row[5],
            median_s=row[6],
            best_s=row[7],
        )
        for row in db.execute(_HOLDS_SQL, params)
    ]


def week_days_active(
    db: sqlite3.Connection, profile: str, start: date | None = None, end: date | None = None
) -> dict[date, int]:
    """Days with at least one recorded rep, per week (keyed by Monday).

    Days, not sessions: two short sessions on one day count once against a goal of so many
    days a week.
    """
    sql = (
        f"SELECT {_WEEK} AS week, COUNT(DISTINCT s.local_day) FROM sessions s"
        " WHERE s.profile = ? AND s.local_day BETWEEN ? AND ?"
        " AND EXISTS (SELECT 1 FROM reps r WHERE r.session_id = s.id) GROUP BY week"
    )
    rows = db.execute(sql, (profile, str(start or date.min), str(end or date.max)))
    return {date.fromisoformat(week): int(count) for week, count in rows}


def week_time_held(
    db: sqlite3.Connection, profile: str, start: date, end: date
) -> dict[date, float]:
    """Seconds spent holding (time under tension), every rep counted, per week."""
    sql = (
        f"SELECT {_WEEK} AS week, SUM(r.held_s) FROM sessions s"
        " JOIN reps r ON r.session_id = s.id"
        " WHERE s.profile = ? AND s.local_day BETWEEN ? AND ? GROUP BY week"
    )
    rows = db.execute(sql, (profile, str(start), str(end)))
    return {date.fromisoformat(week): float(total) for week, total in rows}


@dataclass(frozen=True)
class Feeling:
    """One session's check-in answers, 0 to 10; None where the question was not answered."""

    session_id: int
    day: date
    pain_before: int | None
    pain_after: int | None
    effort: int | None


def feelings(
    db: sqlite3.Connection, profile: str, start: date, end: date, columns: frozenset[str]
) -> list[Feeling]:
    """Sessions with at least one answer, in order. ``columns``: from checkin_columns()."""
    if not columns:
        return []
    picked = [c if c in columns else "NULL" for c in CHECKIN_COLUMNS]
    answered = " OR ".join(f"{c} IS NOT NULL" for c in CHECKIN_COLUMNS if c in columns)
    sql = (
        f"SELECT id, local_day, {', '.join(picked)} FROM sessions"
        f" WHERE profile = ? AND local_day BETWEEN ? AND ? AND ({answered})"
        " ORDER BY local_day, started_utc, id"
    )
    return [
        Feeling(row[0], date.fromisoformat(row[1]), row[2], row[3], row[4])
        for row in db.execute(sql, (profile, str(start), str(end)))
    ]


def first_day(db: sqlite3.Connection, profile: str) -> date | None:
    row = db.execute("SELECT MIN(local_day) FROM sessions WHERE profile = ?", (profile,)).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


def exercises_done(db: sqlite3.Connection, profile: str) -> list[str]:
    """Exercises this person has planned or done, the most recent first."""
    sql = (
        "SELECT p.exercise, MAX(s.local_day) AS last FROM planned p"
        " JOIN sessions s ON s.id = p.session_id WHERE s.profile = ?"
        " GROUP BY p.exercise ORDER BY last DESC, p.exercise"
    )
    return [str(row[0]) for row in db.execute(sql, (profile,))]
