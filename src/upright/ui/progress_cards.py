"""The Progress page's four chart cards: a title, a plain-words line, the chart and its read-out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from upright.core.progress import HoldSeries, Progress, ProgressSource
from upright.core.weeks import ChartRange, Grain
from upright.ui.chart_base import Chart, render_image
from upright.ui.charts import ConsistencyChart, FeelingChart, HoldChart, TimeHeldChart
from upright.ui.theme import INK, set_relative_font

HOVER_HINT = "Point at a dot or a bar to read its exact values."
FEELING_SCALES = (
    "Pain: 0 = no pain, 10 = worst possible pain. Effort: 0 = rest, 10 = maximum effort."
)
NO_CHECKINS = "Your history could not be opened, so your pain and effort answers cannot be shown."
EACH_POINT = {
    Grain.SESSION: "Each point is one session.",
    Grain.WEEK: "Each point is the average of a week.",
    Grain.MONTH: "Each point is the average of a month.",
}
EACH_BAR = {
    Grain.WEEK: "Each bar is a week, Monday to Sunday.",
    Grain.MONTH: "Each bar is a month: the average of its weeks.",
}
TIME_HELD = "All exercises together: the minutes you spent holding (time under tension)."
PERIOD = {
    ChartRange.WEEKS_4: "in the last 4 weeks",
    ChartRange.MONTHS_3: "in the last 3 months",
    ChartRange.YEAR: "in the last year",
    ChartRange.ALL: "yet",
}


class ChartFigure(QWidget):
    """What a saved PNG or the report shows: the title, the plain-words line and the chart."""

    def __init__(self, title: str, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Paper, as saved and printed: dark ink on white in the high-contrast look too.
        self.setStyleSheet(f"background: white; color: {INK};")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # white between its parts too
        self.chart = chart
        self.title = QLabel(title)
        set_relative_font(self.title, 1.35, bold=True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("muted")
        set_relative_font(self.note, 1.1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        for widget in (self.title, self.subtitle, self.note, chart):
            layout.addWidget(widget)

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


class ChartCard(QFrame):
    def __init__(self, figure: ChartFigure, on_save: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("card")
        self.figure = figure
        self.readout = QLabel(HOVER_HINT)
        self.readout.setWordWrap(True)
        self.readout.setObjectName("muted")
        self.readout.setAccessibleName("Values at the pointer")
        self.save_button = QPushButton("Save as PNG…")
        self.save_button.setAccessibleName(f"Save the chart “{figure.title.text()}” as a picture")
        self.save_button.clicked.connect(lambda _checked=False: on_save())
        figure.chart.hovered.connect(lambda text: self.readout.setText(text or HOVER_HINT))
        row = QHBoxLayout()
        row.addWidget(self.readout, 1)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 16, 12)
        layout.addWidget(figure)
        layout.addLayout(row)


class ProgressCards(QWidget):
    save_requested = Signal(str)  # the chart's file-name stem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hold = HoldChart()
        self.days = ConsistencyChart()
        self.feelings = FeelingChart()
        self.time = TimeHeldChart()
        self.figures = {
            "holds": ChartFigure("Holds", self.hold),
            "days-per-week": ChartFigure("Days a week", self.days),
            "how-it-felt": ChartFigure("How it felt", self.feelings),
            "time-holding": ChartFigure("Time holding", self.time),
        }
        self.cards: dict[str, ChartCard] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 8, 4)
        layout.setSpacing(16)
        for name, figure in self.figures.items():
            card = ChartCard(figure, lambda n=name: self.save_requested.emit(n))
            self.cards[name] = card
            layout.addWidget(card)

    def show_progress(self, p: Progress, source: ProgressSource) -> None:
        first = p.start
        self.show_holds(p.holds, p, source)
        days = self.figures["days-per-week"]
        days.subtitle.setText(f"{streak_text(p)} {EACH_BAR[p.weeks.grain]}")
        has_days = self.days.show_series(p.weeks, first, p.today)
        days.show_note("" if has_days else f"No sessions {PERIOD[p.chart_range]}.")
        felt = self.figures["how-it-felt"]
        felt.subtitle.setText(f"{FEELING_SCALES} {EACH_POINT[p.feelings.grain]}")
        has_feelings = self.feelings.show_series(p.feelings, first, p.today)
        if not p.feelings.recorded:
            felt.show_note(NO_CHECKINS)
        else:
            felt.show_note("" if has_feelings else f"No answers {PERIOD[p.chart_range]}.")
        time = self.figures["time-holding"]
        time.subtitle.setText(f"{TIME_HELD} {EACH_BAR[p.weeks.grain]}")
        has_time = self.time.show_series(p.weeks, first, p.today)
        time.show_note("" if has_time else f"No holds {PERIOD[p.chart_range]}.")

    def show_holds(self, holds: HoldSeries, p: Progress, source: ProgressSource) -> None:
        figure = self.figures["holds"]
        name = source.name(holds.exercise)
        figure.title.setText(f"Holds: {name}")
        ahead = "; dashed, the plan ahead" if holds.projected else ""
        figure.subtitle.setText(
            f"Each mark is one session. The black line is the hold planned for you{ahead}."
        )
        has = self.hold.show_series(holds, p.start, p.view_end)
        figure.show_note("" if has else f"No sessions of {name} {PERIOD[p.chart_range]}.")

    def figure_image(self, name: str, scale: float = 2.0) -> QImage:
        return render_image(self.figures[name], scale)


def streak_text(p: Progress) -> str:
    w = p.weeks
    this_week = w.this_week
    weeks = f"{w.streak} week{'s' if w.streak != 1 else ''}"
    return (
        f"Goal: {w.goal} days a week. Streak: {weeks} in a row that met it. "
        f"This week so far: {this_week:g} day{'s' if this_week != 1 else ''}."
    )
