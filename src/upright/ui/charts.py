"""The four progress charts: holds against the plan, days a week, how it felt, and time held."""

from __future__ import annotations

from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from upright.core.progress import FeelingSeries, HoldSeries, WeekSeries
from upright.core.progress_queries import Feeling, SessionHold
from upright.core.weeks import MONTH_NAMES, Grain, day_text, iso_week
from upright.ui.chart_base import Chart
from upright.ui.theme import OKABE_ITO as C

WHITE = "#ffffff"


def _pen(colour: str, width: float = 3.0, dashed: bool = False) -> object:
    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    return pg.mkPen(colour, width=width, style=style)


def _s(seconds: float | None) -> str:
    return "none" if seconds is None else f"{round(seconds, 1):g} s"


def hold_text(s: SessionHold) -> str:
    planned = f"planned {_s(s.planned_hold_s)}" if s.planned_hold_s is not None else "not planned"
    return (
        f"{day_text(s.day)}: {planned} · typical hold (median) {_s(s.median_s)} · best "
        f"{_s(s.best_s)} · {s.reps_done} of {s.reps_planned} reps held in full"
    )


class HoldChart(Chart):
    """The planned hold as a step line (dashed ahead of today) against each session's holds."""

    def __init__(self, text_pt: float | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Seconds", 2, text_pt, parent)
        size = self.marker_size()
        self.planned = self.plot.plot(pen=_pen(C["black"]), stepMode="left")
        self.projected = self.plot.plot(pen=_pen(C["black"], dashed=True), stepMode="left")
        self.best = self.plot.plot(
            pen=None, symbol="t1", symbolSize=size * 1.5, symbolBrush=C["orange"],
            symbolPen=pg.mkPen(C["black"], width=1),
        )  # fmt: skip
        self.median = self.plot.plot(
            pen=None, symbol="o", symbolSize=size, symbolBrush=C["blue"],
            symbolPen=pg.mkPen(WHITE, width=1.5),
        )  # fmt: skip
        self.add_legend(self.planned, "Planned hold")
        self.add_legend(self.median, "Typical hold (median)")
        self.add_legend(self.best, "Best hold")
        self.series: HoldSeries | None = None

    def show_series(self, holds: HoldSeries, first: date, last: date) -> bool:
        self.series = holds
        self.planned.setData(*_columns(holds.planned))
        self.projected.setData(*_columns(holds.projected))
        self.median.setData(*holds.xy(holds.shown_median, best=False))
        self.best.setData(*holds.xy(holds.shown_best, best=True))
        self.projected.setVisible(bool(holds.projected))
        self.legend.removeItem(self.projected)
        if holds.projected:
            self.add_legend(self.projected, "Planned ahead")
        tops = [y for _, y in (*holds.planned, *holds.projected)]
        tops += [s.best_s for s in holds.sessions if s.best_s is not None]
        self.show_days(first, last)
        self.show_values(max([5.0, *tops]) * 1.15)
        return bool(holds.sessions)

    def text_at(self, x: float, y: float) -> tuple[float, float, str] | None:
        holds = self.series
        if holds is None:
            return None
        hits = []
        for shown, best in ((holds.shown_median, False), (holds.shown_best, True)):
            xs, ys = holds.xy(shown, best)
            hit = self.nearest(x, y, xs, ys)
            if hit is not None:
                hits.append((hit[1], xs[hit[0]], ys[hit[0]], holds.sessions[shown[hit[0]]]))
        if not hits:
            return None
        _, px, py, session = min(hits, key=lambda h: h[0])
        return px, py, hold_text(session)


class WeekBarsChart(Chart):
    """Bars per ISO week (Monday to Sunday), or per month for a range of years."""

    series: WeekSeries | None = None

    @staticmethod
    def bars(colour: str) -> pg.BarGraphItem:
        return pg.BarGraphItem(x0=[], height=[], width=5.6, brush=colour, pen=pg.mkPen(WHITE))

    def bar_data(self, values: list[float]) -> dict[str, object]:
        """Bars from a period's second day to its last: the gap marks where periods meet."""
        assert self.series is not None
        spans = [self.series.span(i) for i in range(len(self.series.periods))]
        x0 = [first.toordinal() + 0.7 for first, _ in spans]
        widths = [(end - first).days - 1.4 for first, end in spans]
        return {"x0": x0, "height": values, "width": widths, "pen": pg.mkPen(WHITE)}

    def period_at(self, x: float) -> tuple[int, str] | None:
        """The bar under day ``x``, and how to name its period."""
        series = self.series
        i = series.index_at(x) if series else None
        if series is None or i is None:
            return None
        first = series.periods[i]
        if series.grain is Grain.MONTH:
            return i, f"{MONTH_NAMES[first.month - 1]} {first.year}, a week on average"
        return i, f"Week of {day_text(first, weekday=False)} ({iso_week(first)})"

    def middle(self, i: int) -> float:
        assert self.series is not None
        first, end = self.series.span(i)
        return (first.toordinal() + end.toordinal()) / 2


class ConsistencyChart(WeekBarsChart):
    """Days with a session each week, coloured by whether the week met the goal."""

    def __init__(self, text_pt: float | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Days", 3, text_pt, parent)
        self.met = self.bars(C["bluish_green"])
        self.below = self.bars(C["sky_blue"])
        self.goal = self.plot.plot(pen=_pen(C["vermillion"], dashed=True))
        for item in (self.met, self.below):
            self.plot.addItem(item)
        self.add_legend(self.met, "Met the goal")
        self.add_legend(self.below, "Below the goal")
        self.add_legend(self.goal, "Weekly goal")

    def show_series(self, weeks: WeekSeries, first: date, last: date) -> bool:
        self.series = weeks
        met = [v if v >= weeks.goal else 0.0 for v in weeks.days_active]
        below = [v if v < weeks.goal else 0.0 for v in weeks.days_active]
        self.met.setOpts(**self.bar_data(met))
        self.below.setOpts(**self.bar_data(below))
        self.goal.setData([first.toordinal() - 0.5, last.toordinal() + 0.5], [weeks.goal] * 2)
        self.show_days(first, last)
        self.show_values(max(7.0, weeks.goal) + 0.5)
        return any(weeks.days_active)

    def text_at(self, x: float, y: float) -> tuple[float, float, str] | None:
        found = self.period_at(x)
        if found is None or self.series is None:
            return None
        i, when = found
        days, goal = self.series.days_active[i], self.series.goal
        verdict = "met the goal" if days >= goal else "below the goal"
        text = (
            f"{when}: {round(days, 1):g} day{'s' if days != 1 else ''} with a session; "
            f"goal {goal}: {verdict}"
        )
        return self.middle(i), days, text


class TimeHeldChart(WeekBarsChart):
    """Minutes spent holding each week: the time under tension."""

    def __init__(self, text_pt: float | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Minutes", 1, text_pt, parent)
        self.minutes = self.bars(C["blue"])
        self.plot.addItem(self.minutes)
        self.add_legend(self.minutes, "Minutes holding a week (time under tension)")

    def show_series(self, weeks: WeekSeries, first: date, last: date) -> bool:
        self.series = weeks
        self.minutes.setOpts(**self.bar_data(list(weeks.minutes_held)))
        self.show_days(first, last)
        self.show_values(max([1.0, *weeks.minutes_held]) * 1.15)
        return any(weeks.minutes_held)

    def text_at(self, x: float, y: float) -> tuple[float, float, str] | None:
        found = self.period_at(x)
        if found is None or self.series is None:
            return None
        i, when = found
        minutes = self.series.minutes_held[i]
        return self.middle(i), minutes, f"{when}: {minutes:.1f} minutes holding"


FEELINGS = (
    ("pain_before", "Pain before", C["sky_blue"], "o", False),
    ("pain_after", "Pain after", C["vermillion"], "s", False),
    ("effort", "Effort", C["reddish_purple"], "t1", True),
)


def feeling_text(f: Feeling, grain: Grain) -> str:
    def v(value: float | None) -> str:
        return "not answered" if value is None else f"{round(value, 1):g}"

    values = f"pain before {v(f.pain_before)}, pain after {v(f.pain_after)}, effort {v(f.effort)}"
    if grain is Grain.SESSION:
        return f"{day_text(f.day)}: {values} (0 to 10)"
    sessions = f"{f.sessions} session{'s' if f.sessions != 1 else ''}"
    when = (
        f"{MONTH_NAMES[f.day.month - 1]} {f.day.year}"
        if grain is Grain.MONTH
        else (f"Week of {day_text(f.day, weekday=False)}")
    )
    return f"{when}, {sessions}: on average {values} (0 to 10)"


class FeelingChart(Chart):
    """Pain before and after, and effort, for each session (0 to 10)."""

    def __init__(self, text_pt: float | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Score, 0 to 10", 3, text_pt, parent)
        size = self.marker_size()
        self.lines: dict[str, pg.PlotDataItem] = {}
        for column, name, colour, symbol, dashed in FEELINGS:
            item = self.plot.plot(
                pen=_pen(colour, 2.5, dashed), symbol=symbol, symbolSize=size,
                symbolBrush=colour, symbolPen=pg.mkPen(C["black"], width=1),
            )  # fmt: skip
            self.lines[column] = item
            self.add_legend(item, name)
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])
        self.series: FeelingSeries | None = None

    def show_series(self, feelings: FeelingSeries, first: date, last: date) -> bool:
        self.series = feelings
        for column, item in self.lines.items():
            item.setData(*feelings.xy(column))
        self.show_days(first, last)
        self.show_values(10.5, -0.5)
        return bool(feelings.points)

    def text_at(self, x: float, y: float) -> tuple[float, float, str] | None:
        feelings = self.series
        if feelings is None:
            return None
        hits = []
        for column in self.lines:
            xs, ys = feelings.xy(column)
            hit = self.nearest(x, y, xs, ys)
            if hit is not None:
                index = feelings.shown[column][hit[0]]
                hits.append((hit[1], xs[hit[0]], ys[hit[0]], feelings.points[index]))
        if not hits:
            return None
        _, px, py, row = min(hits, key=lambda h: h[0])
        return px, py, feeling_text(row, feelings.grain)


def _columns(points: tuple[tuple[float, float], ...]) -> tuple[list[float], list[float]]:
    return [x for x, _ in points], [y for _, y in points]
