"""The Progress page: four charts over a chosen range, PNG and PDF export, and a first-use story.

pyqtgraph is imported when the charts are first built (the page's first showing), never at
start-up: it costs about a third of a second.
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from upright.core import hold_stats
from upright.core.progress import Progress, ProgressSource, exercises, hold_series, load_progress
from upright.core.progress_queries import ensure_indexes, first_day
from upright.core.progression import seconds_text
from upright.core.projection import project
from upright.core.today import TodayItem, TodayPlan
from upright.core.weeks import ChartRange
from upright.ui.dialogs import warn
from upright.ui.flow_layout import FlowLayout
from upright.ui.reflow import title_row
from upright.ui.shortcuts import page_shortcut
from upright.ui.theme import set_relative_font

if TYPE_CHECKING:
    from upright.context import AppContext
    from upright.ui.progress_cards import ProgressCards

EMPTY_STORY = (
    "<p>Your progress appears here after your first session.</p>"
    "<p>You will see:</p><ul>"
    "<li>your holds, session by session, against the hold planned for you;</li>"
    "<li>how many days a week you exercised, against your weekly goal;</li>"
    "<li>how it felt: your pain before and after, and your effort;</li>"
    "<li>the minutes you spent holding each week.</li></ul>"
)


PROJECTION_WEEKS = 26


def _prescription_words(item: TodayItem) -> str:
    p = item.prescription
    level = f" ({item.level.name})" if item.level else ""
    return (
        f"{item.exercise.name}{level}: {p.reps} reps, holds of {seconds_text(p.hold_s)}, "
        f"rest {seconds_text(p.rest_for_hold_s)}, {p.sessions_per_week} sessions a week"
    )


def progress_source(ctx: AppContext, today: TodayPlan) -> ProgressSource:
    """What the page and the report show, from the app's objects and today's plan."""
    first = today.first
    day = ctx.clock.wall().date()
    ahead = project(first.prescription, day, PROJECTION_WEEKS)
    return ProgressSource(
        db=ctx.readable.connection if ctx.readable else None,
        profile=ctx.settings.profile,
        today=day,
        goal_per_week=first.prescription.sessions_per_week,
        exercise_names={e.id: e.name for e in ctx.catalog.exercises},
        current_exercise=first.exercise.id,
        prescription="; ".join(_prescription_words(item) for item in today.items),
        reason=" ".join(item.reason for item in today.items if item.reason),
        projection=[(week.week_start, week.hold_s) for week in ahead],
    )


WARM_DELAY_MS = 400  # the page is on screen before the older years are summarised


# What reading the history for the charts may meet: a file another program holds, or a row
# whose text was damaged (a day that is not a date); the page says so, the app goes on.
UNREADABLE = (sqlite3.Error, ValueError, TypeError)


class ProgressPage(QWidget):
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.source: ProgressSource | None = None
        self.progress: Progress | None = None
        self.chart_range = ChartRange.MONTHS_3
        self.cards: ProgressCards | None = None
        self._warm_spans: list[tuple[date, date]] = []
        self._warm_timer = QTimer(self)  # starts after the page is painted; then back to back
        self._warm_timer.timeout.connect(self._warm_next)

        title = QLabel("Progress")
        set_relative_font(title, 2.0, bold=True)
        self.back_button = QPushButton("Back  (Esc)")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.report_button = QPushButton("Report (PDF)…")
        self.report_button.setAccessibleDescription("Save a report to bring to your clinician")
        self.report_button.clicked.connect(self._ask_report)
        self.title_row = title_row(title, [self.report_button, self.back_button])

        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[ChartRange, QPushButton] = {}
        controls = FlowLayout()  # large text on a small screen: the buttons wrap
        for key, chart_range in zip("1234", ChartRange, strict=True):
            button = QPushButton(f"{chart_range.label}  ({key})")
            button.setCheckable(True)
            button.setAccessibleName(f"Show {chart_range.label}")
            button.clicked.connect(lambda _=False, r=chart_range: self.set_range(r))
            self.range_group.addButton(button)
            self.range_buttons[chart_range] = button
            controls.addWidget(button)
            page_shortcut(self, key, lambda r=chart_range: self.set_range(r))
        self.range_buttons[self.chart_range].setChecked(True)
        choice = FlowLayout()
        choice.addWidget(QLabel("Exercise in the holds chart:"))
        self.exercise_box = QComboBox()
        self.exercise_box.setAccessibleName("Exercise shown in the holds chart")
        self.exercise_box.currentIndexChanged.connect(self._exercise_changed)
        choice.addWidget(self.exercise_box)

        self.controls = QWidget()
        controls_layout = QVBoxLayout(self.controls)
        controls_layout.setContentsMargins(0, 0, 0, 0)
        controls_layout.addLayout(controls)
        controls_layout.addLayout(choice)
        self.empty_label = QLabel(EMPTY_STORY)
        self.empty_label.setObjectName("card")
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_label.setStyleSheet("QLabel#card { padding: 24px; }")  # colours: the theme's
        set_relative_font(self.empty_label, 1.25)
        # The range and exercise choice scroll with the charts: with large text on a small
        # screen the wrapped buttons alone can be taller than the window.
        body = QWidget()
        body.setObjectName("screenText")  # the page's own background, as on other pages
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.addWidget(self.controls)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setObjectName("screenText")
        self.scroll.setWidget(body)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.scroll)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.title_row)
        layout.addWidget(self.stack, 1)

    # -- what to show -------------------------------------------------------------------------
    def show_progress(self, source: ProgressSource) -> None:
        """Show a person's progress (called each time the page is opened)."""
        self.source = source
        try:
            if source.db is not None:
                ensure_indexes(source.db)
            choices = exercises(source)
        except UNREADABLE as exc:
            self._unreadable(exc)
            return
        self.exercise_box.blockSignals(True)
        self.exercise_box.clear()
        for exercise in choices:
            self.exercise_box.addItem(source.name(exercise), exercise)
        self.exercise_box.blockSignals(False)
        self.refresh()
        self._start_warming()

    @property
    def exercise(self) -> str:
        data = self.exercise_box.currentData()
        return str(data) if data else (self.source.current_exercise if self.source else "")

    def set_range(self, chart_range: ChartRange) -> None:
        self.chart_range = chart_range
        self.range_buttons[chart_range].setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        if self.source is None:
            return
        try:
            progress = load_progress(
                self.source, self.chart_range, self.exercise, self._max_points()
            )
        except UNREADABLE as exc:
            self._unreadable(exc)
            return
        self.empty_label.setText(EMPTY_STORY)
        self.progress = progress
        self.report_button.setEnabled(progress.has_history)
        self.controls.setVisible(progress.has_history)
        if not progress.has_history:
            self.stack.setCurrentWidget(self.empty_label)
            return
        self._ensure_cards().show_progress(progress, self.source)
        self.stack.setCurrentWidget(self.scroll)

    def _unreadable(self, exc: Exception) -> None:
        """Degrade, never crash: say so in plain words; the rest of the app keeps working."""
        self.progress = None
        # Rich text here (the empty story has paragraphs): SQLite's words are escaped.
        self.empty_label.setText(
            f"<p>Your history could not be read just now ({html.escape(str(exc))}).</p>"
        )
        self.stack.setCurrentWidget(self.empty_label)
        self.controls.hide()
        self.report_button.setEnabled(False)

    def _exercise_changed(self) -> None:
        if self.source is None or self.progress is None or self.cards is None:
            return
        p = self.progress
        holds = hold_series(self.source, self.exercise, p.start, p.view_end, self._max_points())
        self.cards.show_holds(holds, p, self.source)

    def _max_points(self) -> int:
        """A point per 3 pixels of plot width: markers are wider, more could not be told apart."""
        return max(100, (self.width() - 200) // 3)

    def _ensure_cards(self) -> ProgressCards:
        if self.cards is None:
            from upright.ui.progress_cards import ProgressCards  # imports pyqtgraph

            self.cards = ProgressCards()
            self.cards.save_requested.connect(self._ask_png)
            self._body.addWidget(self.cards, 1)
        return self.cards

    # -- a long history is summarised a year at a time, after the page is shown ---------------
    def _start_warming(self) -> None:
        p, source = self.progress, self.source
        if p is None or source is None or source.db is None or not p.has_history:
            return
        oldest = first_day(source.db, source.profile)
        self._warm_spans = hold_stats.year_spans(oldest, p.start) if oldest else []
        self._warm_timer.start(WARM_DELAY_MS)

    def hideEvent(self, event: QHideEvent) -> None:
        """Summarising pauses while the page is not shown: a session may be running."""
        self._warm_timer.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._warm_spans:
            self._warm_timer.start()

    def _warm_next(self) -> None:
        if not self._warm_spans or self.source is None or self.source.db is None:
            self._warm_timer.stop()
            return
        start, end = self._warm_spans.pop(0)
        try:
            hold_stats.refresh(self.source.db, self.source.profile, start, end)
        except UNREADABLE:
            self._warm_spans.clear()  # each range computes what it shows when it is chosen
        self._warm_timer.setInterval(0)

    # -- saving -------------------------------------------------------------------------------
    def save_chart_png(self, name: str, path: Path) -> None:
        if self.cards is None:
            raise RuntimeError("no chart is shown yet")
        if not self.cards.figure_image(name).save(str(path), "PNG"):
            raise OSError(f"could not write {path}")

    def save_report(self, path: Path) -> None:
        from upright.ui.report import write_report  # imports pyqtgraph

        if self.source is not None:
            write_report(path, self.source, self.chart_range)

    def _ask_png(self, name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the chart as a picture", f"upright-{name}.png", "PNG pictures (*.png)"
        )
        if path:
            self._saving(lambda: self.save_chart_png(name, Path(path)), path)

    def _ask_report(self) -> None:
        if self.source is None:
            return
        suggested = f"upright-report-{self.source.profile}-{self.source.today}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, "Save a progress report", suggested, "PDF documents (*.pdf)"
        )
        if path:
            self._saving(lambda: self.save_report(Path(path)), path)

    def _saving(self, save: Callable[[], None], path: str) -> None:
        try:
            save()
        except OSError as exc:
            warn(self, "Not saved", f"Upright could not save {path}: {exc}")
