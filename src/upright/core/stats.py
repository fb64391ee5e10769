"""Chart arithmetic on plain values: step lines, peak-keeping decimation, weekly goals, streaks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date


def step_changes(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """A step line's corners: the first point, each point where the value changes, the last.

    ``points`` are in x order. Runs of an unchanged plan collapse to their first point, so ten
    years of daily sessions at a handful of hold times draw as a handful of steps.
    """
    out: list[tuple[float, float]] = []
    for x, y in points:
        if not out or y != out[-1][1]:
            out.append((x, y))
    if points and out[-1] != points[-1]:
        out.append(points[-1])
    return out


def peak_decimate(values: Sequence[float], max_points: int) -> list[int]:
    """Indices of at most ``max_points`` values that keep every bucket's lowest and highest.

    Used where there are more points than pixels: what stays is real data (each kept index is
    an actual session, so hovering still shows exact values) and no peak or dip is lost.
    """
    n = len(values)
    if n <= max_points:
        return list(range(n))
    buckets = max(max_points // 2, 1)
    kept: list[int] = []
    for b in range(buckets):
        lo, hi = b * n // buckets, (b + 1) * n // buckets
        if lo >= hi:
            continue
        low = high = lo
        for i in range(lo + 1, hi):  # one pass: this runs over thousands of sessions
            v = values[i]
            if v < values[low]:
                low = i
            elif v > values[high]:
                high = i
        kept.extend((low, high) if low < high else (high, low) if high < low else (low,))
    return kept


def per_week(weeks: Sequence[date], values: Mapping[date, float]) -> list[float]:
    """One value per week (keyed by its Monday), 0 for a week with nothing recorded."""
    return [float(values.get(monday, 0.0)) for monday in weeks]


def monthly_means(weeks: Sequence[date], values: Sequence[float]) -> tuple[list[date], list[float]]:
    """Weekly values averaged per calendar month; a week counts in the month of its Monday.

    For ranges of years, where a bar a week would be thinner than the eye can follow.
    """
    months: list[date] = []
    sums: list[float] = []
    counts: list[int] = []
    for monday, value in zip(weeks, values, strict=True):
        first = monday.replace(day=1)
        if not months or months[-1] != first:
            months.append(first)
            sums.append(0.0)
            counts.append(0)
        sums[-1] += value
        counts[-1] += 1
    return months, [total / n for total, n in zip(sums, counts, strict=True)]


def streak_weeks(counts: Sequence[float], goal: int) -> int:
    """Weeks in a row that met the weekly goal, up to now.

    ``counts`` are per week, oldest first, and the last is the current week. Days off never
    break a streak: only a finished week below the goal does. The current week, still under
    way, adds to the streak once it meets the goal and cannot break it before it ends.
    """
    if not counts:
        return 0
    streak = 1 if counts[-1] >= goal else 0
    for count in reversed(counts[:-1]):
        if count < goal:
            break
        streak += 1
    return streak
