"""One line per session for the history list and the report: plan, holds, pain, effort, ending."""

from __future__ import annotations

import sqlite3
from datetime import date

from upright.core import hold_stats
from upright.core.progress_queries import CHECKIN_COLUMNS
from upright.core.records import session_day
from upright.core.session_end import SessionEnd
from upright.core.value import value


@value
class SessionSummary:
    id: int
    started_at: str  # ISO 8601 local time with its offset
    day: date
    exercises: tuple[str, ...]  # exercise ids, in the order planned
    level: str
    reps_done: int  # distinct reps held for the whole target
    reps_planned: int
    planned_hold_s: float | None
    median_s: float | None  # of the first planned exercise's holds; None: no rep recorded
    best_s: float | None
    pain_before: int | None  # None: not asked, or not answered
    pain_after: int | None
    effort: int | None
    ended_how: SessionEnd


_SQL = """
SELECT s.id, s.started_at, s.local_day, s.level, s.ended_how, {checkins},
       (SELECT group_concat(exercise, ' ') FROM
           (SELECT exercise FROM planned WHERE session_id = s.id ORDER BY position)),
       (SELECT COALESCE(SUM(CAST(reps AS INTEGER)), 0) FROM planned WHERE session_id = s.id),
       (SELECT MAX(CAST(hold_s AS REAL)) FROM planned WHERE session_id = s.id),
       (SELECT COALESCE(SUM(done), 0) FROM temp.charts_holds WHERE session_id = s.id),
       h.median, (SELECT MAX(best) FROM temp.charts_holds WHERE session_id = s.id),
       s.started_utc
FROM sessions s
LEFT JOIN temp.charts_holds h ON h.session_id = s.id AND h.exercise =
    (SELECT exercise FROM planned WHERE session_id = s.id ORDER BY position LIMIT 1)
WHERE s.profile = :profile AND s.local_day BETWEEN :start AND :end
ORDER BY s.started_utc DESC, s.id DESC LIMIT :limit
"""


def session_summaries(
    db: sqlite3.Connection,
    profile: str,
    limit: int = 500,
    start: date | None = None,
    end: date | None = None,
) -> list[SessionSummary]:
    """The person's sessions between two local days (inclusive), newest first."""
    newest_first = (
        "SELECT local_day, started_utc FROM sessions WHERE profile = ? AND local_day <= ?"
        " ORDER BY started_utc DESC, id DESC LIMIT 1 OFFSET ?"
    )
    oldest = db.execute(newest_first, (profile, str(end or date.max), limit - 1)).fetchone()
    first = max(start or date.min, session_day(*oldest) if oldest else date.min)
    hold_stats.refresh(db, profile, first, end or date.max)
    picked = ", ".join(CHECKIN_COLUMNS)
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
            day=session_day(row[2], row[14]),
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
