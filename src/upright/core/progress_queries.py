"""The charts' SQL: per-session holds, weekly counts and time under tension, pain and effort.

Aggregation happens in SQLite (per-session statistics in upright.core.hold_stats, weeks with
date()), so a page of ten years of history reads a few thousand summary rows, never the reps.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from upright.core import hold_stats
from upright.core.weeks import WEEK_START_SQL

CHECKIN_COLUMNS = ("pain_before", "pain_after", "effort")

# Indexes the charts need and schema 1 lacks. They live here, not in a migration, so adding
# them touches no one else's schema; IF NOT EXISTS makes every later call free.
#  - sessions by (profile, local_day): a range is a run of calendar days of one person;
#  - reps by (session_id, exercise, held_s, ...): hold_stats reads a session's reps from this
#    covering index alone, already in the order its median needs.
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
SELECT s.id, s.local_day, MAX(p.hold_s), COALESCE(SUM(p.reps), 0),
       COALESCE(h.attempts, 0), COALESCE(h.done, 0), h.median, h.best
FROM sessions s
LEFT JOIN planned p ON p.session_id = s.id AND p.exercise = :exercise
LEFT JOIN temp.charts_holds h ON h.session_id = s.id AND h.exercise = :exercise
WHERE s.profile = :profile AND s.local_day BETWEEN :start AND :end
GROUP BY s.id
HAVING COUNT(p.session_id) > 0 OR h.session_id IS NOT NULL
ORDER BY s.local_day, s.started_utc, s.id
"""


def session_holds(
    db: sqlite3.Connection, profile: str, exercise: str, start: date, end: date
) -> list[SessionHold]:
    """Sessions between two local days (inclusive) that planned or did ``exercise``, in order."""
    hold_stats.refresh(db, profile, start, end)
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
    hold_stats.refresh(db, profile, start, end)
    sql = (
        f"SELECT {_WEEK} AS week, SUM(h.held) FROM sessions s"
        " JOIN temp.charts_holds h ON h.session_id = s.id"
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


def endings(db: sqlite3.Connection, profile: str, start: date, end: date) -> dict[str, int]:
    """How the sessions between two local days ended: 'finished', 'pain' ... -> count."""
    sql = (
        "SELECT ended_how, COUNT(*) FROM sessions WHERE profile = ? AND local_day BETWEEN ? AND ?"
        " GROUP BY ended_how"
    )
    return {str(how): int(n) for how, n in db.execute(sql, (profile, str(start), str(end)))}
