"""Reading the history: sessions, their reps, and the per-rep rows for export."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from upright.core.session_end import SessionEnd
from upright.core.value import value

EXPORT_COLUMNS = (
    "session_id",
    "started_at",
    "profile",
    "exercise",
    "level",
    "rep",
    "target_hold_s",
    "held_s",
    "completed",
    "rep_started_at",
    "rep_ended_at",
    "session_ended",
)


@value
class SessionRow:
    """One past session as the home and history pages list it."""

    id: int
    profile: str
    level: str
    started_at: str
    local_day: str
    ended_how: SessionEnd
    reps_planned: int
    reps_done: int  # distinct reps completed at the full hold
    hold_target_s: float
    best_hold_s: float


@value
class RepRow:
    """One recorded rep, as the history page lists it."""

    exercise: str
    level: str
    rep: int
    target_hold_s: float
    held_s: float
    completed: bool
    started_at: str
    ended_at: str


def session_day(local_day: str, started_utc: float) -> date:
    """A session's calendar day; if its stored text was damaged, the day it began here
    (ValueError if that was damaged too)."""
    try:
        return date.fromisoformat(local_day)
    except (TypeError, ValueError):
        pass
    try:
        return datetime.fromtimestamp(started_utc).date()
    except (TypeError, OverflowError, OSError) as exc:  # OSError: out of the platform's range
        raise ValueError(f"no readable day ({local_day!r}, {started_utc!r})") from exc


_SESSION_SQL = """
SELECT s.id, s.profile, s.level, s.started_at, s.local_day, s.ended_how,
       (SELECT COALESCE(SUM(CAST(p.reps AS INTEGER)), 0) FROM planned p
         WHERE p.session_id = s.id) AS planned,
       (SELECT COUNT(DISTINCT r.exercise || ':' || r.rep) FROM reps r
         WHERE r.session_id = s.id AND r.completed) AS done,
       (SELECT COALESCE(MAX(CAST(p.hold_s AS REAL)), 0) FROM planned p
         WHERE p.session_id = s.id) AS target,
       (SELECT COALESCE(MAX(CAST(r.held_s AS REAL)), 0) FROM reps r
         WHERE r.session_id = s.id) AS best
FROM sessions s
"""
# The CASTs: SQLite keeps a value of another type where a damaged row holds one (text in a
# number's column); as numbers, a list of sessions can always be shown.


def _session(row: sqlite3.Row) -> SessionRow:
    return SessionRow(
        id=row["id"],
        profile=row["profile"],
        level=row["level"],
        started_at=row["started_at"],
        local_day=row["local_day"],
        ended_how=SessionEnd(row["ended_how"]),
        reps_planned=row["planned"],
        reps_done=row["done"],
        hold_target_s=row["target"],
        best_hold_s=row["best"],
    )


def sessions(db: sqlite3.Connection, profile: str, limit: int = 500) -> list[SessionRow]:
    """The person's sessions, newest first."""
    rows = db.execute(
        _SESSION_SQL + " WHERE s.profile = ? ORDER BY s.started_utc DESC, s.id DESC LIMIT ?",
        (profile, limit),
    )
    return [_session(r) for r in rows]


def session(db: sqlite3.Connection, session_id: int) -> SessionRow | None:
    row = db.execute(_SESSION_SQL + " WHERE s.id = ?", (session_id,)).fetchone()
    return _session(row) if row else None


def reps(db: sqlite3.Connection, session_id: int) -> list[RepRow]:
    rows = db.execute(
        "SELECT exercise, level, rep, target_hold_s, held_s, completed, started_at, ended_at"
        " FROM reps WHERE session_id = ? ORDER BY id",
        (session_id,),
    )
    return [
        RepRow(
            r["exercise"],
            r["level"],
            r["rep"],
            r["target_hold_s"],
            r["held_s"],
            bool(r["completed"]),
            r["started_at"],
            r["ended_at"],
        )
        for r in rows
    ]


def export_rows(db: sqlite3.Connection, profile: str | None = None) -> list[tuple[object, ...]]:
    """One row per rep, in EXPORT_COLUMNS order, oldest first."""
    sql = (
        "SELECT s.id, s.started_at, s.profile, r.exercise, r.level, r.rep, r.target_hold_s,"
        " r.held_s, r.completed, r.started_at, r.ended_at, s.ended_how"
        " FROM reps r JOIN sessions s ON s.id = r.session_id"
    )
    params: tuple[object, ...] = ()
    if profile is not None:
        sql += " WHERE s.profile = ?"
        params = (profile,)
    sql += " ORDER BY s.started_utc, s.id, r.id"
    return [tuple(row) for row in db.execute(sql, params)]
