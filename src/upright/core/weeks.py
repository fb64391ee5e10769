"""Calendar weeks for the charts: ISO weeks of local days, chart ranges, and week-aligned ticks.

Everything here works on calendar dates (the stored ``local_day``), never on timestamps, so a
daylight-saving change cannot move a session into another week.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from enum import StrEnum

from upright.core.value import value

WEEK = timedelta(days=7)

# The Monday on or before a 'YYYY-MM-DD' column, in SQLite: 'weekday 0' moves forward to the
# next Sunday (or stays on one), and six days back from that Sunday is the ISO week's Monday.
WEEK_START_SQL = "date({day}, 'weekday 0', '-6 days')"

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def week_start(day: date) -> date:
    """The Monday that starts ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def iso_week(day: date) -> str:
    """'2026-W53': the ISO year and week number (1 January can belong to last year's week)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def day_text(day: date, *, weekday: bool = True, year: bool = True) -> str:
    """'Tue 3 Mar 2026': day first, month as a word, so no reader confuses 3/4 with 4/3."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    if year:
        text += f" {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def mondays(start: date, end: date) -> list[date]:
    """Every week's Monday from the week holding ``start`` to the week holding ``end``."""
    first, last = week_start(start), week_start(end)
    return [first + WEEK * i for i in range((last - first).days // 7 + 1)]


class ChartRange(StrEnum):
    WEEKS_4 = "4w"
    MONTHS_3 = "3m"
    YEAR = "1y"
    ALL = "all"

    @property
    def label(self) -> str:
        return _RANGE_LABELS[self]

    @property
    def weeks(self) -> int | None:
        """Whole ISO weeks shown, this week included; None for all of the history."""
        return _RANGE_WEEKS[self]


_RANGE_LABELS = {
    ChartRange.WEEKS_4: "4 weeks",
    ChartRange.MONTHS_3: "3 months",
    ChartRange.YEAR: "1 year",
    ChartRange.ALL: "All",
}
_RANGE_WEEKS = {
    ChartRange.WEEKS_4: 4,
    ChartRange.MONTHS_3: 13,
    ChartRange.YEAR: 52,
    ChartRange.ALL: None,
}


def range_start(chart_range: ChartRange, today: date, first_day: date | None) -> date:
    """The Monday a range begins on. 'All' begins at the first session (or 4 weeks if none)."""
    weeks = chart_range.weeks
    if weeks is None:
        if first_day is not None and first_day <= today:
            return week_start(first_day)
        weeks = ChartRange.WEEKS_4.weeks or 4
    return week_start(today) - WEEK * (weeks - 1)


class Grain(StrEnum):
    """What one point of a long series stands for: a session, or a week's or month's average."""

    SESSION = "session"
    WEEK = "week"
    MONTH = "month"


def grain_for(start: date, end: date) -> Grain:
    """Sessions up to about a quarter; a year as weeks; longer as months (points < pixels)."""
    days = (end - start).days
    return Grain.SESSION if days <= 130 else Grain.WEEK if days <= 400 else Grain.MONTH


def bucket_sql(grain: Grain, day: str) -> str:
    """The SQL for the first day of a 'YYYY-MM-DD' column's week or month."""
    if grain is Grain.MONTH:
        return f"substr({day}, 1, 8) || '01'"
    return WEEK_START_SQL.format(day=day)


@value
class Tick:
    day: date
    text: str


def axis_ticks(start: date, end: date, max_labels: int) -> tuple[list[Tick], list[date]]:
    """Labelled ticks (on Mondays, month starts or years) and unlabelled minor ticks.

    The tick step grows until at most ``max_labels`` labels fit between ``start`` and ``end``.
    """
    max_labels = max(max_labels, 2)
    weeks = mondays(start, end)
    weeks = [m for m in weeks if start <= m <= end]
    for step in (1, 2, 4):
        if len(weeks) / step <= max_labels:
            chosen = weeks[::step]
            return _with_years(chosen, lambda d, y: day_text(d, weekday=False, year=y)), (
                weeks if step > 1 else []
            )
    months = _month_starts(start, end)
    minor = weeks if len(weeks) <= 60 else months
    for step in (1, 2, 3, 6):
        if len(months) / step <= max_labels:
            chosen = [m for m in months if (m.month - 1) % step == 0]
            return _with_years(chosen, _month_text), minor
    years = [m for m in months if m.month == 1]
    step = 1
    while len(years) / step > max_labels:
        step *= 2
    chosen = [y for y in years if y.year % step == 0]
    return [Tick(y, str(y.year)) for y in chosen], years


def _month_text(day: date, with_year: bool) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}" if with_year else MONTHS[day.month - 1]


def _with_years(days: list[date], text: Callable[[date, bool], str]) -> list[Tick]:
    """The year is written on the first label and wherever it changes, not on every label."""
    out: list[Tick] = []
    for i, day in enumerate(days):
        new_year = i == 0 or days[i - 1].year != day.year
        out.append(Tick(day, text(day, new_year)))
    return out


def _month_starts(start: date, end: date) -> list[date]:
    out: list[date] = []
    year, month = start.year, start.month
    if start.day != 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while date(year, month, 1) <= end:
        out.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
