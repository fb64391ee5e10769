"""The charts' SQL: per-session holds, weekly counts and time under tension, pain and effort.

Aggregation happens in SQLite (per-session statistics in upright.core.hold_stats, weeks with
date()), so a page of ten years of history reads a few thousand summary rows, never the reps.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import NamedTuple

from upright.core import hold_stats
from upright.core.weeks import WEEK_START_SQL, Grain, bucket_sql

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


class SessionHold(NamedTuple):
    """One session's holds of one exercise: what was planned and what was achieved.

    A NamedTuple, not a value class: ten years of sessions are thousands of these, made fast.
    """

    session_id: int
    day: date
    planned_hold_s: float | None  # None: the exercise was done but not planned
    reps_planned: int
    attempts: int  # rep attempts recorded, a redone rep counting each time
    reps_done: int  # distinct reps held for the whole target
    median_s: float | None  # None: planned, but no rep was recorded
    best_s: float | None


# Joined to sessions so a deleted session's kept statistics never show.
_HOLDS_SQL = """
SELECT h.session_id, h.local_day, h.planned_hold, h.planned_reps, h.attempts, h.done,
       h.median, h.best
FROM temp.charts_holds h JOIN sessions s ON s.id = h.session_id AND s.started_utc = h.started_utc
WHERE h.profile = ? AND h.exercise = ? AND h.local_day BETWEEN ? AND ?
ORDER BY h.local_day, h.started_utc, h.session_id
"""


def session_holds(
    db: sqlite3.Connection, profile: str, exercise: str, start: date, end: date
) -> list[SessionHold]:
    """Sessions between two local days (inclusive) that planned or did ``exercise``, in order."""
    hold_stats.refresh(db, profile, start, end)
    day = date.fromisoformat
    rows = db.execute(_HOLDS_SQL, (profile, exercise, str(start), str(end)))
    return [SessionHold(r[0], day(r[1]), r[2], r[3], r[4], r[5], r[6], r[7]) for r in rows]


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
    week = WEEK_START_SQL.format(day="h.local_day")
    sql = (
        f"SELECT {week} AS week, SUM(h.held) FROM temp.charts_holds h"
        " JOIN sessions s ON s.id = h.session_id AND s.started_utc = h.started_utc"
        " WHERE h.profile = ? AND h.local_day BETWEEN ? AND ? GROUP BY week"
    )
    rows = db.execute(sql, (profile, str(start), str(end)))
    return {date.fromisoformat(week): float(total) for week, total in rows}


class Feeling(NamedTuple):
    """Check-in answers, 0 to 10, of one session or averaged over a week or a month.

    None where no answer was given. ``day`` is the session's day or the period's first day.
    """

    day: date
    pain_before: float | None
    pain_after: float | None
    effort: float | None
    sessions: int  # how many sessions answered: 1 for a single session


def feelings(
    db: sqlite3.Connection,
    profile: str,
    start: date,
    end: date,
    grain: Grain = Grain.SESSION,
) -> list[Feeling]:
    """Sessions (or weeks, or months) with at least one answer, in order; SQLite averages."""
    picked = [f"AVG({c})" for c in CHECKIN_COLUMNS]
    answered = " OR ".join(f"{c} IS NOT NULL" for c in CHECKIN_COLUMNS)
    if grain is Grain.SESSION:
        key, order = "id", "MIN(local_day), MIN(started_utc), id"
        day_sql = "MIN(local_day)"
    else:
        key = order = day_sql = bucket_sql(grain, "local_day")
    sql = (
        f"SELECT {day_sql}, {', '.join(picked)}, COUNT(*) FROM sessions"
        f" WHERE profile = ? AND local_day BETWEEN ? AND ? AND ({answered})"
        f" GROUP BY {key} ORDER BY {order}"
    )
    day = date.fromisoformat
    rows = db.execute(sql, (profile, str(start), str(end)))
    return [Feeling(day(r[0]), r[1], r[2], r[3], r[4]) for r in rows]


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
