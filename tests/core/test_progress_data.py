"""Known histories give known chart series: holds against the plan, weeks, pain and effort."""

from __future__ import annotations

import itertools
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from history_builder import EXERCISE, add_session
from upright.core import hold_stats
from upright.core import progress_queries as q
from upright.core.events import RepCompleted
from upright.core.history import History, PlannedExercise
from upright.core.hold_stats import year_spans
from upright.core.progress import ProgressSource, exercises, load_progress
from upright.core.session_end import SessionEnd
from upright.core.session_table import session_summaries
from upright.core.weeks import ChartRange, Grain

TZ = ZoneInfo("Europe/London")
D = date.fromisoformat
TODAY = D("2026-03-26")  # a Thursday


def at(day: str, hour: int = 9) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=TZ)


def source(history: History | None, **kw: object) -> ProgressSource:
    values: dict[str, object] = {
        "db": history.connection if history else None,
        "profile": "default",
        "today": TODAY,
        "goal_per_week": 3,
        "exercise_names": {EXERCISE: "Forearm press-up"},
        "current_exercise": EXERCISE,
    }
    values.update(kw)
    return ProgressSource(**values)  # type: ignore[arg-type]


@pytest.fixture
def history(tmp_path: Path) -> History:
    """Three weeks: 3 sessions at 5 s, then 3 at 10 s (one stopped for pain), then 1 at 10 s."""
    h = History(tmp_path / "h.sqlite3")
    add_session(h, at("2026-03-09"), [5, 5, 5])
    add_session(h, at("2026-03-11"), [5, 5, 4])
    add_session(h, at("2026-03-13"), [5, 5, 5])
    add_session(h, at("2026-03-16"), [10, 8, 10, 10], planned_hold_s=10)
    add_session(h, at("2026-03-18"), [10, 10, 6], planned_hold_s=10)
    add_session(h, at("2026-03-20"), [3], planned_hold_s=10, how=SessionEnd.PAIN)
    add_session(h, at("2026-03-24"), [10, 10, 10, 9, 12], planned_hold_s=10)
    return h


def test_hold_series_against_the_plan(history: History) -> None:
    p = load_progress(source(history), ChartRange.WEEKS_4, EXERCISE)
    assert p.start == D("2026-03-02") and p.view_end == TODAY and p.has_history
    days = [s.day for s in p.holds.sessions]
    assert days[0] == D("2026-03-09") and len(days) == 7
    xs, medians = p.holds.xy(p.holds.shown_median, best=False)
    assert medians == [5, 5, 5, 10, 10, 3, 10]
    assert xs == [float(d.toordinal()) for d in days]
    _, bests = p.holds.xy(p.holds.shown_best, best=True)
    assert bests == [5, 5, 5, 10, 10, 3, 12]
    x = lambda s: float(D(s).toordinal())  # noqa: E731
    assert p.holds.planned == ((x("2026-03-09"), 5), (x("2026-03-16"), 10), (x("2026-03-26"), 10))
    assert p.holds.projected == ()


def test_weeks_sessions_goal_streak_and_time_held(history: History) -> None:
    p = load_progress(source(history), ChartRange.WEEKS_4, EXERCISE)
    w = p.weeks
    assert w.periods == (D("2026-03-02"), D("2026-03-09"), D("2026-03-16"), D("2026-03-23"))
    assert w.grain is Grain.WEEK and w.this_week == 1
    assert w.days_active == (0, 3, 3, 1)
    assert w.minutes_held == pytest.approx((0, 44 / 60, 67 / 60, 51 / 60))
    assert (w.goal, w.streak) == (3, 2)  # this week (1 so far) does not break it
    assert w.span(3) == (D("2026-03-23"), D("2026-03-30"))
    assert w.index_at(D("2026-03-29").toordinal() + 0.9) == 3 and w.index_at(0) is None
    harder = load_progress(source(history, goal_per_week=4), ChartRange.WEEKS_4, EXERCISE)
    assert harder.weeks.streak == 0


def test_the_planned_ramp_ahead_extends_the_plan(history: History) -> None:
    ramp = [(D("2026-03-30"), 15.0), (D("2026-04-06"), 20.0), (D("2026-04-13"), 25.0)]
    p = load_progress(source(history, projection=ramp), ChartRange.WEEKS_4, EXERCISE)
    assert p.view_end == D("2026-04-09")  # a quarter of the range ahead, at least 2 weeks
    x = lambda s: float(D(s).toordinal())  # noqa: E731
    assert p.holds.projected == (
        (x("2026-03-26"), 10),
        (x("2026-03-30"), 15),
        (x("2026-04-06"), 20),
        (x("2026-04-09"), 20),
    )
    other = load_progress(source(history, projection=ramp), ChartRange.WEEKS_4, "chest-raise")
    assert other.holds.projected == ()  # the ramp belongs to today's exercise


def test_feelings_are_the_sessions_with_answers(tmp_path: Path) -> None:
    h = History(tmp_path / "h.sqlite3")
    add_session(h, at("2026-03-16"), [5])  # no answers: not a point
    add_session(h, at("2026-03-17"), [5], checkin=(2, 3, 5))
    add_session(h, at("2026-03-19"), [5], checkin=(1, None, 4))
    f = load_progress(source(h), ChartRange.WEEKS_4, EXERCISE).feelings
    assert f.recorded and [r.day for r in f.points] == [D("2026-03-17"), D("2026-03-19")]
    assert f.xy("pain_before")[1] == [2, 1]
    assert f.xy("pain_after") == ([float(D("2026-03-17").toordinal())], [3])
    assert f.xy("effort")[1] == [5, 4]


def test_ranges_select_their_weeks(history: History) -> None:
    add_session(history, at("2025-06-02"), [5, 5])
    year = load_progress(source(history), ChartRange.YEAR, EXERCISE)
    assert len(year.weeks.periods) == 52 and year.weeks.days_active[-3:] == (3, 3, 1)
    assert year.holds.sessions[0].day == D("2025-06-02")
    everything = load_progress(source(history), ChartRange.ALL, EXERCISE)
    assert everything.start == D("2025-06-02")
    assert len(load_progress(source(history), ChartRange.MONTHS_3, EXERCISE).weeks.periods) == 13


def test_many_sessions_are_decimated_to_the_pixels(tmp_path: Path) -> None:
    h = History(tmp_path / "h.sqlite3")
    for n in range(120):
        add_session(h, at("2025-12-01") + timedelta(days=n), [5 + n % 7, 5])
    p = load_progress(source(h), ChartRange.MONTHS_3, EXERCISE, max_points=40)
    assert len(p.holds.shown_best) <= 40 < len(p.holds.achieved)
    _, bests = p.holds.xy(p.holds.shown_best, best=True)
    assert max(bests) == 11 and min(bests) == 5


def test_no_history_at_all() -> None:
    p = load_progress(source(None), ChartRange.MONTHS_3, EXERCISE)
    assert not p.has_history and p.holds.sessions == () and p.weeks.streak == 0
    assert len(p.weeks.periods) == 13 and not p.feelings.recorded
    assert exercises(source(None)) == [EXERCISE]


def test_session_summaries_for_the_history_list(history: History) -> None:
    rows = session_summaries(history.connection, "default")
    assert [r.day for r in rows][:2] == [D("2026-03-24"), D("2026-03-20")]
    newest, pain = rows[0], rows[1]
    assert newest.exercises == (EXERCISE,) and newest.level == "beginner"
    assert (newest.reps_done, newest.reps_planned, newest.planned_hold_s) == (4, 10, 10)
    assert (newest.median_s, newest.best_s) == (10, 12)
    assert pain.ended_how is SessionEnd.PAIN and pain.pain_before is None
    history.connection.execute(
        "UPDATE sessions SET pain_before = 2, effort = 6 WHERE id = ?", (newest.id,)
    )
    again = session_summaries(history.connection, "default", limit=1)
    assert [(r.pain_before, r.pain_after, r.effort) for r in again] == [(2, None, 6)]
    march = session_summaries(
        history.connection, "default", start=D("2026-03-16"), end=D("2026-03-20")
    )
    assert len(march) == 3


def test_indexes_are_made_once_and_a_read_only_file_still_charts(tmp_path: Path) -> None:
    h = History(tmp_path / "h.sqlite3")
    add_session(h, at("2026-03-16"), [5, 6])
    h.close()
    ro = sqlite3.connect(f"file:{tmp_path / 'h.sqlite3'}?mode=ro", uri=True)
    assert not q.ensure_indexes(ro)  # cannot write: the charts work without them
    p = load_progress(source(None, db=ro), ChartRange.WEEKS_4, EXERCISE)
    assert p.weeks.days_active[-2:] == (1, 0)
    rw = History(tmp_path / "h.sqlite3")
    assert q.ensure_indexes(rw.connection) and q.ensure_indexes(rw.connection)
    sql = "SELECT name FROM sqlite_master WHERE type = 'index'"
    names = {r[0] for r in rw.connection.execute(sql)}
    assert {"charts_sessions_by_day", "charts_reps_by_exercise"} <= names


def test_session_statistics_are_computed_once_and_kept_current(tmp_path: Path) -> None:
    h = History(tmp_path / "h.sqlite3")
    db, first, last = h.connection, D("2026-03-01"), D("2026-03-31")
    add_session(h, at("2026-03-16"), [5, 5])
    assert hold_stats.refresh(db, "default", first, last) == 1
    assert hold_stats.refresh(db, "default", first, last) == 0  # finished: never again
    # A session still running is computed again each time: its reps are still coming.
    start = at("2026-03-17")
    running = h.begin_session(
        "default", "beginner", start, [PlannedExercise(EXERCISE, "beginner", 5, 3)]
    )
    assert hold_stats.refresh(db, "default", first, last) == 1
    for n, held in ((1, 5.0), (2, 2.0)):
        h.add_rep(running, "beginner", RepCompleted(EXERCISE, n, 5, held, held >= 5, start, start))
    [_, now] = q.session_holds(db, "default", EXERCISE, first, last)
    assert (now.attempts, now.median_s, now.best_s, now.reps_done) == (2, 3.5, 5, 1)
    # The newest session deleted, its id reused by the next: that one is computed afresh.
    h.delete_session(running)
    again = add_session(h, at("2026-03-18"), [4, 4, 4])
    assert again == running
    [_, fresh] = q.session_holds(db, "default", EXERCISE, first, last)
    assert (fresh.day, fresh.attempts, fresh.median_s) == (D("2026-03-18"), 3, 4)


def test_year_spans_cover_a_long_history_newest_first() -> None:
    spans = year_spans(D("2024-06-01"), D("2026-01-05"))
    assert spans[0] == (D("2025-01-05"), D("2026-01-04"))
    assert spans[-1][0] == D("2024-06-01")
    assert all(b[1] + timedelta(days=1) == a[0] for a, b in itertools.pairwise(spans))
    assert year_spans(D("2026-01-05"), D("2026-01-05")) == []


def test_years_are_shown_as_months_and_feelings_as_averages(tmp_path: Path) -> None:
    h = History(tmp_path / "h.sqlite3")
    add_session(h, at("2024-01-03"), [5], checkin=(1, 2, 4))  # Wed: week of Mon 1 January
    add_session(h, at("2024-01-04"), [5], checkin=(3, None, 6))
    add_session(h, at("2024-01-29"), [5])  # the week of 29 January counts in January
    add_session(h, at("2024-02-01"), [5, 5], checkin=(2, 2, 5))
    p = load_progress(source(h), ChartRange.ALL, EXERCISE)
    assert p.weeks.grain is Grain.MONTH and p.feelings.grain is Grain.MONTH
    assert p.weeks.periods[:2] == (D("2024-01-01"), D("2024-02-01"))
    # January 2024 has 5 Mondays; the week of 29 January holds 1 February too.
    assert p.weeks.days_active[:2] == (4 / 5, 0)
    assert p.weeks.span(0) == (D("2024-01-01"), D("2024-02-01"))
    [january, february] = p.feelings.points
    assert (january.day, january.sessions) == (D("2024-01-01"), 2)
    assert (january.pain_before, january.pain_after, january.effort) == (2, 2, 5)
    assert (february.day, february.pain_before) == (D("2024-02-01"), 2)
