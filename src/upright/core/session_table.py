"""One line per session for the history list and the report: plan, holds, pain, effort, ending."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from upright.core.events import SessionEnd
from upright.core.progress_queries import CHECKIN_COLUMNS, checkin_columns


@dataclass(frozen=True)
class SessionSummary:
    id: int
    started_at: str  # ISO 8601 local time with its offset
    day: date
    exercises: tuple[str, ...]  # exercise ids, in the order planned
    level: str
    reps_done: int  # distinct reps held for the whole target
    reps_planned: int
    planned_hold_s: float | None
    median_s: float | None  # None: no rep recorded
    best_s: float | None
    pain_before: int | None  # None: not asked, or not answered
    pain_after: int | None
    effort: int | None
    ended_how: SessionEnd


_SQL = """
WITH chosen AS (
    SELECT id, started_at, started_utc, local_day, level, ended_how, {checkins}
    FROM sessions
    WHERE profile = :profile AND local_day BETWEEN :start AND :end
    ORDER BY started_utc DESC, id DESC LIMIT :limit
),
ranked AS (
    SELECT r.session_id, r.held_s,
           ROW_NUMBER() OVER (PARTITION BY r.session_id ORDER BY r.held_s) AS k,
           COUNT(*) OVER (PARTITION BY r.session_id) AS n
    FROM chosen c JOIN reps r ON r.session_id = c.id
),
achieved AS (
    SELECT session_id, AVG(CASE WHEN k IN ((n + 1) / 2, (n + 2) / 2) THEN held_s END) AS median,
           MAX(held_s) AS best
    FROM ranked GROUP BY session_id
)
SELECT c.id, c.started_at, c.local_day, c.level, c.ended_how,
       c.pain_before, c.pain_after, c.effort,
       (SELECT group_concat(exercise, ' ') FROM
           (SELECT exercise FROM planned WHERE session_id = c.id ORDER BY position)) AS exercises,
       (SELECT COALESCE(SUM(reps), 0) FROM planned WHERE session_id = c.id) AS planned_reps,
       (SELECT MAX(hold_s) FROM planned WHERE session_id = c.id) AS planned_hold,
       (SELECT COUNT(DISTINCT r.exercise || ':' || r.rep) FROM reps r
         WHERE r.session_id = c.id AND r.completed) AS done,
       a.median, a.best
FROM chosen c LEFT JOIN achieved a ON a.session_id = c.id
ORDER BY c.started_utc DESC, c.id DESC
"""


def session_summaries(
    db: sqlite3.Connection,
    profile: str,
    limit: int = 500,
    start: date | None = None,
    end: date | None = None,
) -> list[SessionSummary]:
    """The person's sessions between two local days (inclusive), newest first."""
    present = checkin_columns(db)
    picked = ", ".join(c if c in present else f"NULL AS {c}" for c in CHECKIN_COLUMNS)
    params = {
        "profile": profile,
        "start": str(start or date.min),
        "end": str(end or date.max),
        "limit": limit,
    }
    rows = db.execute(_SQL.format(checkins=picked), params)
    return [
        SessionSummary(
            id=row[0],
            started_at=row[1],
            day=date.fromisoformat(row[2]),
            level=row[3],
            ended_how=SessionEnd(row[4]),
            pain_before=row[5],
            pain_after=row[6],
            effort=row[7],
            exercises=tuple((row[8] or "").split()),
            reps_planned=row[9],
            planned_hold_s=row[10],
            reps_done=row[11],
            median_s=row[12],
            best_s=row[13],
        )
        for row in rows
    ]
