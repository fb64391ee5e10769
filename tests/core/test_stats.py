"""Chart arithmetic: ISO weeks of local days (across DST and year ends), streaks, decimation."""

from __future__ import annotations

import sqlite3
import statistics
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from history_builder import add_session
from upright.core import progress_queries as q
from upright.core.history import History
from upright.core.stats import monthly_means, peak_decimate, per_week, step_changes, streak_weeks
from upright.core.weeks import (
    WEEK_START_SQL,
    ChartRange,
    Grain,
    axis_ticks,
    day_text,
    grain_for,
    iso_week,
    mondays,
    range_start,
    week_start,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
D = date.fromisoformat


# -- weeks ------------------------------------------------------------------------------------
@given(st.dates(min_value=date(1971, 1, 1), max_value=date(9998, 12, 1)))
def test_sql_week_start_is_the_iso_monday(day: date) -> None:
    sql = "SELECT " + WEEK_START_SQL.format(day="?")
    [(monday,)] = sqlite3.connect(":memory:").execute(sql, (str(day),)).fetchall()
    assert D(monday) == week_start(day)
    assert D(monday).weekday() == 0
    assert D(monday).isocalendar()[:2] == day.isocalendar()[:2]


@pytest.mark.parametrize(
    ("day", "monday", "label"),
    [
        ("2026-12-31", "2026-12-28", "2026-W53"),  # 2026 has 53 ISO weeks
        ("2027-01-01", "2026-12-28", "2026-W53"),  # New Year's Day is in last year's week
        ("2027-01-03", "2026-12-28", "2026-W53"),
        ("2027-01-04", "2027-01-04", "2027-W01"),
        ("2025-12-29", "2025-12-29", "2026-W01"),  # and 29 December can be next year's week 1
        ("2026-03-29", "2026-03-23", "2026-W13"),  # Europe's spring DST change (a Sunday)
        ("2026-03-30", "2026-03-30", "2026-W14"),
    ],
)
def test_iso_weeks_at_year_ends(day: str, monday: str, label: str) -> None:
    assert week_start(D(day)) == D(monday)
    assert iso_week(D(day)) == label


def test_sessions_keep_their_local_week_across_dst_changes(tmp_path: Path) -> None:
    """Near midnight on a DST weekend, UTC would put these sessions in the wrong week."""
    history = History(tmp_path / "h.sqlite3")
    starts = [
        datetime(2026, 3, 29, 23, 30, tzinfo=BERLIN),  # Sun, after spring forward (21:30 UTC)
        datetime(2026, 3, 30, 0, 30, tzinfo=BERLIN),  # Mon 00:30 CEST is still Sunday in UTC
        datetime(2026, 3, 8, 23, 30, tzinfo=NEW_YORK),  # Sun, US spring forward: Mon in UTC
        datetime(2026, 10, 25, 23, 30, tzinfo=BERLIN),  # Sun, Europe falls back
        datetime(2026, 10, 26, 0, 15, tzinfo=BERLIN),  # Mon 00:15 CET: Sunday 23:15 in UTC
    ]
    for start in starts:
        add_session(history, start, [5.0])
    active = q.week_days_active(history.connection, "default")
    assert active == {
        D("2026-03-02"): 1,
        D("2026-03-23"): 1,
        D("2026-03-30"): 1,
        D("2026-10-19"): 1,
        D("2026-10-26"): 1,
    }
    utc_weeks = {week_start(s.astimezone(ZoneInfo("UTC")).date()) for s in starts}
    assert utc_weeks != set(active)  # the test would catch a UTC-based bucketing


def test_a_year_end_week_holds_both_years(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    for day in ("2026-12-31", "2027-01-01", "2027-01-03", "2027-01-04"):
        add_session(history, datetime.fromisoformat(day + "T09:00").replace(tzinfo=BERLIN), [5.0])
    held = q.week_time_held(history.connection, "default", D("2026-12-01"), D("2027-01-31"))
    assert held == {D("2026-12-28"): 15.0, D("2027-01-04"): 5.0}
    assert q.week_days_active(history.connection, "default") == {
        D("2026-12-28"): 3,
        D("2027-01-04"): 1,
    }


def test_mondays_and_ranges() -> None:
    today = D("2026-03-05")  # a Thursday
    assert mondays(D("2026-02-25"), today) == [D("2026-02-23"), D("2026-03-02")]
    assert range_start(ChartRange.WEEKS_4, today, None) == D("2026-02-09")
    assert range_start(ChartRange.MONTHS_3, today, None) == D("2025-12-08")
    assert range_start(ChartRange.YEAR, today, None) == D("2025-03-10")
    assert range_start(ChartRange.ALL, today, D("2020-06-17")) == D("2020-06-15")
    assert range_start(ChartRange.ALL, today, None) == D("2026-02-09")
    assert len(mondays(range_start(ChartRange.MONTHS_3, today, None), today)) == 13


def test_day_text_is_unambiguous() -> None:
    assert day_text(D("2026-03-04")) == "Wed 4 Mar 2026"
    assert day_text(D("2026-03-04"), weekday=False, year=False) == "4 Mar"


def test_axis_ticks_are_mondays_with_the_year_where_it_changes() -> None:
    majors, minors = axis_ticks(D("2026-12-14"), D("2027-01-14"), max_labels=8)
    assert [t.text for t in majors] == ["14 Dec 2026", "21 Dec", "28 Dec", "4 Jan 2027", "11 Jan"]
    assert all(t.day.weekday() == 0 for t in majors) and minors == []


def test_axis_ticks_thin_out_then_switch_to_months_and_years() -> None:
    majors, minors = axis_ticks(D("2025-12-08"), D("2026-03-05"), max_labels=7)
    assert len(majors) <= 7 and all(t.day.weekday() == 0 for t in majors)
    assert len(minors) == 13  # every week still has its grid line
    majors, _ = axis_ticks(D("2025-03-10"), D("2026-03-05"), max_labels=6)
    assert [t.text for t in majors] == ["May 2025", "Jul", "Sep", "Nov", "Jan 2026", "Mar"]
    majors, _ = axis_ticks(D("2016-03-07"), D("2026-03-05"), max_labels=6)
    assert [t.text for t in majors] == ["2018", "2020", "2022", "2024", "2026"]


# -- stats ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("counts", "goal", "streak"),
    [
        ([], 3, 0),
        ([3, 3, 3, 0], 3, 3),  # this week has only begun: it does not break the streak
        ([3, 3, 3, 3], 3, 4),  # and counts once it meets the goal
        ([5, 2, 3, 4, 1], 3, 2),  # a finished week below the goal breaks it
        ([3, 3, 2, 0], 3, 0),
        ([7, 7, 0, 0], 3, 0),
        ([3] * 60 + [1], 3, 60),  # 3 sessions a week is never a broken streak
    ],
)
def test_streaks_count_weeks_that_met_the_goal(counts: list[int], goal: int, streak: int) -> None:
    assert streak_weeks(counts, goal) == streak


def test_per_week_fills_empty_weeks_with_zero() -> None:
    weeks = [D("2026-03-02"), D("2026-03-09"), D("2026-03-16")]
    assert per_week(weeks, {D("2026-03-09"): 4}) == [0.0, 4.0, 0.0]


@pytest.mark.parametrize(
    ("points", "corners"),
    [
        ([], []),
        ([(1, 5)], [(1, 5)]),
        ([(1, 5), (2, 5), (3, 5)], [(1, 5), (3, 5)]),
        ([(1, 5), (2, 5), (3, 10), (4, 10), (5, 10)], [(1, 5), (3, 10), (5, 10)]),
        ([(1, 5), (2, 10), (3, 5)], [(1, 5), (2, 10), (3, 5)]),
    ],
)
def test_step_changes_keep_the_corners(points: list[tuple[float, float]], corners: list) -> None:
    assert step_changes(points) == corners


@given(st.lists(st.floats(0, 60), max_size=400), st.integers(2, 100))
def test_decimation_keeps_peaks_and_real_points(values: list[float], max_points: int) -> None:
    kept = peak_decimate(values, max_points)
    assert len(kept) <= max_points
    assert kept == sorted(set(kept))
    assert all(0 <= i < len(values) for i in kept)
    if values:
        assert max(values) in [values[i] for i in kept]
        assert min(values) in [values[i] for i in kept]
    if len(values) <= max_points:
        assert kept == list(range(len(values)))


@given(st.lists(st.floats(0.0, 60.0).map(lambda x: round(x, 1)), min_size=1, max_size=15))
def test_sql_median_matches_statistics_median(held: list[float]) -> None:
    history = History(":memory:")
    add_session(history, datetime(2026, 3, 4, 9, tzinfo=BERLIN), held)
    [row] = q.session_holds(
        history.connection, "default", "forearm-press-up", D("2026-03-01"), D("2026-03-31")
    )
    assert row.median_s == pytest.approx(statistics.median(held))
    assert row.best_s == max(held) and row.attempts == len(held)
    history.close()


def test_session_holds_reads_plan_and_achievement(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    day = datetime(2026, 3, 2, 9, tzinfo=BERLIN)
    add_session(history, day, [5, 5, 5, 3], planned_hold_s=5, reps=4)
    add_session(history, day + timedelta(days=2), [10, 8, 10], planned_hold_s=10, reps=3)
    add_session(history, day + timedelta(days=3), [], planned_hold_s=10, reps=3)  # no rep at all
    add_session(history, day + timedelta(days=3), [20], exercise="chest-raise", level="advanced")
    rows = q.session_holds(
        history.connection, "default", "forearm-press-up", D("2026-03-02"), D("2026-03-08")
    )
    assert [
        (r.day, r.planned_hold_s, r.median_s, r.best_s, r.reps_done, r.reps_planned) for r in rows
    ] == [
        (D("2026-03-02"), 5, 5, 5, 3, 4),
        (D("2026-03-04"), 10, 10, 10, 2, 3),
        (D("2026-03-05"), 10, None, None, 0, 3),
    ]
    assert q.exercises_done(history.connection, "default") == ["chest-raise", "forearm-press-up"]
    assert q.first_day(history.connection, "default") == D("2026-03-02")
    assert q.first_day(history.connection, "nobody") is None


def test_monthly_means_average_the_weeks_of_each_month() -> None:
    weeks = [D("2024-01-22"), D("2024-01-29"), D("2024-02-05"), D("2024-02-12")]
    assert monthly_means(weeks, [2, 4, 5, 0]) == ([D("2024-01-01"), D("2024-02-01")], [3, 2.5])
    assert monthly_means([], []) == ([], [])


@pytest.mark.parametrize(
    ("days", "grain"),
    [(27, Grain.SESSION), (90, Grain.SESSION), (363, Grain.WEEK), (800, Grain.MONTH)],
)
def test_long_ranges_use_coarser_points(days: int, grain: Grain) -> None:
    assert grain_for(D("2026-01-01"), D("2026-01-01") + timedelta(days=days)) is grain
