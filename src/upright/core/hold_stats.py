"""Each session's hold statistics (median, best, reps done, time held), computed once per session.

A median needs each session's holds in order, which SQLite does with window functions: correct,
but about 100 ms over ten years of reps on this machine, too slow to repeat on every change of
range. So the statistics of each session are computed once into a TEMP table (it lives with
the connection, never in the file, and so needs no migration and works on a read-only file) and
every chart reads that table. A session is computed again only while it is still running, or
if its id now belongs to another session (an id can be reused after the newest one is deleted).
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

_TABLES = (
    """CREATE TEMP TABLE IF NOT EXISTS charts_seen (
        session_id INTEGER PRIMARY KEY,
        started_utc REAL NOT NULL
    )""",
    # One row per session and exercise, planned or done, with the session's person and day
    # copied in, so that a chart's series is one index range scan of this table.
    """CREATE TEMP TABLE IF NOT EXISTS charts_holds (
        session_id INTEGER NOT NULL,
        exercise TEXT NOT NULL,
        profile TEXT NOT NULL,
        local_day TEXT NOT NULL,
        started_utc REAL NOT NULL,
        planned_hold REAL,              -- NULL: done but not planned
        planned_reps INTEGER NOT NULL,
        attempts INTEGER NOT NULL,      -- rep attempts, a redone rep counting each time
        done INTEGER NOT NULL,          -- distinct reps held for the whole target
        median REAL,                    -- NULL: planned, but no rep recorded
        best REAL,
        held REAL NOT NULL,             -- seconds held in all: time under tension
        PRIMARY KEY (session_id, exercise)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS temp.charts_holds_by_day"
    " ON charts_holds(profile, exercise, local_day, started_utc, session_id)",
)

_STALE = """
INSERT INTO temp.charts_stale
SELECT s.id, s.profile, s.local_day, s.started_utc FROM sessions s
LEFT JOIN temp.charts_seen c ON c.session_id = s.id AND c.started_utc = s.started_utc
WHERE s.profile = ? AND s.local_day BETWEEN ? AND ?
  AND (c.session_id IS NULL OR s.ended_how = 'running')
"""

_COMPUTE = (
    # What was done: the median from each session's holds in order, by window functions.
    # (As numbers even where a damaged row holds text: see upright.core.records.)
    """
    INSERT INTO temp.charts_holds
    SELECT r.session_id, r.exercise, st.profile, st.local_day, st.started_utc, NULL, 0,
           MAX(n), COUNT(DISTINCT CASE WHEN completed THEN rep END),
           AVG(CASE WHEN k IN ((n + 1) / 2, (n + 2) / 2) THEN held_s END),
           MAX(held_s), SUM(held_s)
    FROM (
        SELECT session_id, exercise, CAST(held_s AS REAL) AS held_s, completed, rep,
               ROW_NUMBER() OVER (PARTITION BY session_id, exercise ORDER BY held_s) AS k,
               COUNT(*) OVER (PARTITION BY session_id, exercise) AS n
        FROM reps WHERE session_id IN (SELECT id FROM temp.charts_stale)
    ) r JOIN temp.charts_stale st ON st.id = r.session_id
    GROUP BY r.session_id, r.exercise
    """,
    # What was planned but not done at all.
    """
    INSERT OR IGNORE INTO temp.charts_holds
    SELECT DISTINCT p.session_id, p.exercise, st.profile, st.local_day, st.started_utc, NULL, 0,
           0, 0, NULL, NULL, 0
    FROM planned p JOIN temp.charts_stale st ON st.id = p.session_id
    """,
    # And the plan of each.
    """
    UPDATE temp.charts_holds SET
        planned_hold = (SELECT MAX(CAST(p.hold_s AS REAL)) FROM planned p
                        WHERE p.session_id = charts_holds.session_id
                          AND p.exercise = charts_holds.exercise),
        planned_reps = (SELECT COALESCE(SUM(CAST(p.reps AS INTEGER)), 0) FROM planned p
                        WHERE p.session_id = charts_holds.session_id
                          AND p.exercise = charts_holds.exercise)
    WHERE session_id IN (SELECT id FROM temp.charts_stale)
    """,
)


def refresh(db: sqlite3.Connection, profile: str, start: date, end: date) -> int:
    """Bring the statistics of the person's sessions between two local days up to date.

    Returns how many sessions were (re)computed. The connection must be in autocommit mode
    (as History's is); only TEMP tables are written.
    """
    for statement in _TABLES:
        db.execute(statement)
    db.execute("DROP TABLE IF EXISTS temp.charts_stale")
    db.execute(
        "CREATE TEMP TABLE charts_stale (id INTEGER PRIMARY KEY, profile TEXT NOT NULL,"
        " local_day TEXT NOT NULL, started_utc REAL NOT NULL)"
    )  # keyed by id: every rep of the sessions is joined to it
    db.execute(_STALE, (profile, str(start), str(end)))
    try:
        count = int(db.execute("SELECT COUNT(*) FROM temp.charts_stale").fetchone()[0])
        if count:
            stale = "(SELECT id FROM temp.charts_stale)"
            db.execute(f"DELETE FROM temp.charts_holds WHERE session_id IN {stale}")
            for statement in _COMPUTE:
                db.execute(statement)
            db.execute(
                "INSERT OR REPLACE INTO temp.charts_seen SELECT id, started_utc"
                " FROM temp.charts_stale"
            )
    finally:
        db.execute("DROP TABLE temp.charts_stale")
    return count


def year_spans(first: date, before: date) -> list[tuple[date, date]]:
    """Spans of a year each, newest first, from the day before ``before`` back to ``first``.

    For computing a long history in steps the user does not notice, a year at a time.
    """
    spans: list[tuple[date, date]] = []
    end = before - timedelta(days=1)
    while end >= first:
        start = max(first, end - timedelta(days=364))
        spans.append((start, end))
        end = start - timedelta(days=1)
    return spans
