"""The Progress page's data: the history turned into ready-to-draw series for one date range.

x values are calendar days as ``date.toordinal()`` numbers: whole days, never timestamps.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from types import MappingProxyType

from upright.core import progress_queries as q
from upright.core.stats import (
    monthly_means,
    peak_decimate,
    per_week,
    step_changes,
    streak_weeks,
)
from upright.core.value import value
from upright.core.weeks import WEEK, ChartRange, Grain, grain_for, mondays, range_start

Point = tuple[float, float]


@value
class ProgressSource:
    """What the page and the report are shown: supplied by the composition root."""

    db: sqlite3.Connection | None
    profile: str
    today: date
    goal_per_week: int
    exercise_names: Mapping[str, str]  # exercise id -> the name people read
    current_exercise: str
    prescription: str = ""  # today's numbers, in words
    reason: str = ""  # the last progression decision's reason
    projection: Sequence[tuple[date, float]] = ()  # the planned ramp ahead: (week, hold_s)

    def name(self, exercise: str) -> str:
        return self.exercise_names.get(exercise, exercise)


@value
class HoldSeries:
    exercise: str
    sessions: tuple[q.SessionHold, ...]  # every session in range with this exercise
    achieved: tuple[int, ...]  # indices of sessions with at least one rep
    shown_median: tuple[int, ...]  # indices into sessions after decimation
    shown_best: tuple[int, ...]
    planned: tuple[Point, ...]  # step corners of the plan, to today
    projected: tuple[Point, ...]  # step corners of the ramp ahead, from today

    def xy(self, indices: Sequence[int], best: bool) -> tuple[list[float], list[float]]:
        xs = [float(self.sessions[i].day.toordinal()) for i in indices]
        ys = [
            (self.sessions[i].best_s if best else self.sessions[i].median_s) or 0.0 for i in indices
        ]
        return xs, ys


@value
class WeekSeries:
    """Days with a session and minutes held, per ISO week, or as each month's weekly average."""

    periods: tuple[date, ...]  # Mondays; or first days of months when the grain is MONTH
    days_active: tuple[float, ...]  # days in the week; or the month's average a week
    minutes_held: tuple[float, ...]  # time under tension, the same way
    goal: int  # days a week
    streak: int  # weeks in a row that met the goal, over the whole history
    this_week: float  # days so far in the current week
    grain: Grain = Grain.WEEK

    def span(self, i: int) -> tuple[date, date]:
        """Where period ``i`` begins, and where the next one does."""
        first = self.periods[i]
        if self.grain is Grain.MONTH:
            return first, (first + timedelta(days=32)).replace(day=1)
        return first, first + WEEK

    def index_at(self, x: float) -> int | None:
        """The period holding day number ``x`` (a ``date.toordinal()``), if any."""
        i = bisect_right([p.toordinal() for p in self.periods], x) - 1
        return i if i >= 0 and x < self.span(i)[1].toordinal() else None


@value
class FeelingSeries:
    recorded: bool  # there is a history to read answers from
    points: tuple[q.Feeling, ...]
    grain: Grain = Grain.SESSION  # one point per session, or a week's or month's average
    shown: Mapping[str, tuple[int, ...]] = MappingProxyType({})  # column -> indices

    def xy(self, column: str) -> tuple[list[float], list[float]]:
        rows = [self.points[i] for i in self.shown.get(column, ())]
        return [float(r.day.toordinal()) for r in rows], [float(getattr(r, column)) for r in rows]


@value
class Progress:
    chart_range: ChartRange
    start: date  # a Monday
    today: date
    view_end: date  # today, or later when the planned ramp ahead is shown
    has_history: bool
    holds: HoldSeries
    weeks: WeekSeries
    feelings: FeelingSeries


def _x(day: date) -> float:
    return float(day.toordinal())


def view_end(start: date, today: date, projection: Sequence[tuple[date, float]]) -> date:
    """Show the ramp ahead for a quarter of the range (at least 2 weeks), where there is one."""
    if not projection:
        return today
    horizon = today + timedelta(days=max(14, (today - start).days // 4))
    return min(max(day for day, _ in projection) + WEEK, horizon)


def hold_series(
    source: ProgressSource, exercise: str, start: date, end: date, max_points: int
) -> HoldSeries:
    rows = (
        q.session_holds(source.db, source.profile, exercise, start, source.today)
        if source.db
        else []
    )
    achieved = [i for i, r in enumerate(rows) if r.attempts]
    medians = [rows[i].median_s or 0.0 for i in achieved]
    bests = [rows[i].best_s or 0.0 for i in achieved]
    plan = [(_x(r.day), r.planned_hold_s) for r in rows if r.planned_hold_s is not None]
    planned = step_changes([*plan, (_x(source.today), plan[-1][1])] if plan else [])
    projected: list[Point] = []
    ahead = [(d, h) for d, h in source.projection if source.today < d <= end]
    if ahead and exercise == source.current_exercise:
        first = planned[-1][1] if planned else ahead[0][1]
        steps = [
            (_x(source.today), first),
            *((_x(d), h) for d, h in ahead),
            (_x(end), ahead[-1][1]),
        ]
        projected = step_changes(steps)
    return HoldSeries(
        exercise=exercise,
        sessions=tuple(rows),
        achieved=tuple(achieved),
        shown_median=tuple(achieved[i] for i in peak_decimate(medians, max_points)),
        shown_best=tuple(achieved[i] for i in peak_decimate(bests, max_points)),
        planned=tuple(planned),
        projected=tuple(projected),
    )


def week_series(source: ProgressSource, start: date) -> WeekSeries:
    weeks = mondays(start, source.today)
    active: dict[date, int] = {}
    held: dict[date, float] = {}
    if source.db is not None:
        active = q.week_days_active(source.db, source.profile, end=source.today)
        held = q.week_time_held(source.db, source.profile, start, source.today)
    every_week = mondays(min(active, default=start), source.today)
    days = per_week(weeks, active)
    minutes = [s / 60 for s in per_week(weeks, held)]
    periods, grain = weeks, Grain.WEEK
    if grain_for(start, source.today) is Grain.MONTH:
        periods, days = monthly_means(weeks, days)
        _, minutes = monthly_means(weeks, minutes)
        grain = Grain.MONTH
    return WeekSeries(
        periods=tuple(periods),
        days_active=tuple(days),
        minutes_held=tuple(minutes),
        goal=source.goal_per_week,
        streak=streak_weeks(per_week(every_week, active), source.goal_per_week),
        this_week=float(active.get(weeks[-1], 0)) if weeks else 0.0,
        grain=grain,
    )


def feeling_series(source: ProgressSource, start: date, max_points: int) -> FeelingSeries:
    if source.db is None:
        return FeelingSeries(False, ())
    grain = grain_for(start, source.today)
    rows = q.feelings(source.db, source.profile, start, source.today, grain)
    shown: dict[str, tuple[int, ...]] = {}
    for column in sorted(q.CHECKIN_COLUMNS):
        present = [i for i, r in enumerate(rows) if getattr(r, column) is not None]
        values = [float(getattr(rows[i], column)) for i in present]
        shown[column] = tuple(present[i] for i in peak_decimate(values, max_points))
    return FeelingSeries(True, tuple(rows), grain, shown)


def load_progress(
    source: ProgressSource, chart_range: ChartRange, exercise: str, max_points: int = 1000
) -> Progress:
    """Everything the Progress page draws for one range. ``max_points``: about the plot's width."""
    first = q.first_day(source.db, source.profile) if source.db else None
    start = range_start(chart_range, source.today, first)
    end = view_end(start, source.today, source.projection)
    return Progress(
        chart_range=chart_range,
        start=start,
        today=source.today,
        view_end=end,
        has_history=first is not None,
        holds=hold_series(source, exercise, start, end, max_points),
        weeks=week_series(source, start),
        feelings=feeling_series(source, start, max_points),
    )


def exercises(source: ProgressSource) -> list[str]:
    """The exercises to offer: today's first, then the others in the history, latest first."""
    done = q.exercises_done(source.db, source.profile) if source.db else []
    return [source.current_exercise, *(e for e in done if e != source.current_exercise)]
