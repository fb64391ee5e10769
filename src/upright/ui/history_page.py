"""The history: every session with how it ended, and one session's reps; deleting asks first."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from upright.core.records import RepRow
from upright.core.session_table import SessionSummary
from upright.core.weeks import day_text
from upright.ui.home_page import ENDED_WORDS
from upright.ui.theme import set_relative_font


def _n(value: float | None) -> str:
    return "–" if value is None else f"{round(value, 1):g}"


def session_text(row: SessionSummary, names: Mapping[str, str]) -> str:
    """A session in two lines that wrap at any text size: when, what and how it ended; then
    reps, holds, pain and effort."""
    exercise = ", ".join(names.get(e, e) for e in row.exercises) or "no exercise"
    first = (
        f"{day_text(row.day)}  {row.started_at[11:16]}   ·   {exercise} ({row.level.title()})"
        f"   ·   {ENDED_WORDS[row.ended_how.value]}"
    )
    nb = "\u00a0"  # a number stays on the line of its unit
    holds = (
        f"{_n(row.planned_hold_s)}{nb}s planned, typical {_n(row.median_s)}{nb}s, "
        f"best {_n(row.best_s)}{nb}s"
    )
    feel = ""
    if row.pain_before is not None or row.pain_after is not None:
        feel += f"   ·   pain {_n(row.pain_before)} before, {_n(row.pain_after)} after"
    if row.effort is not None:
        feel += f"   ·   effort {row.effort}"
    second = f"{row.reps_done} of {row.reps_planned} reps held in full   ·   holds: {holds}{feel}"
    return f"{first}\n{second}"


def rep_line(rep: RepRow, names: Mapping[str, str] | None = None) -> str:
    mark = "completed" if rep.completed else "came down early"
    name = (names or {}).get(rep.exercise, rep.exercise)
    return f"{name}  rep {rep.rep}: held {rep.held_s:g} s of {rep.target_hold_s:g} s ({mark})"


class HistoryPage(QWidget):
    session_selected = Signal(int)
    delete_requested = Signal(int)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.names: Mapping[str, str] = {}
        title = QLabel("History")
        set_relative_font(title, 2.0, bold=True)
        self.sessions_list = QListWidget()
        self.sessions_list.setWordWrap(True)
        self.sessions_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sessions_list.setAlternatingRowColors(True)
        # Side padding on the rows made them wider than the list once it scrolled, so a long
        # row's last line was cut off: the room at the sides is the list's own.
        self.sessions_list.setStyleSheet(
            "QListView { padding: 0 4px; } QListView::item { padding: 6px 0; }"
        )
        self.sessions_list.setAccessibleName("Sessions, newest first")
        self.sessions_list.currentItemChanged.connect(self._selected)
        self.detail_title = QLabel("Reps")
        set_relative_font(self.detail_title, 1.15, bold=True)
        self.detail_list = QListWidget()
        self.detail_list.setAccessibleName("Reps of the chosen session")
        self.delete_button = QPushButton("Delete session…")
        self.delete_button.clicked.connect(self._delete)
        self.back_button = QPushButton("Back  (Esc)")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.empty_label = QLabel("No sessions yet. Each session you do is listed here.")
        self.empty_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(title)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.sessions_list, 3)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail_list, 2)
        layout.addLayout(row)

    def show_sessions(self, rows: list[SessionSummary], names: Mapping[str, str]) -> None:
        self.names = names
        self.sessions_list.clear()
        self.detail_list.clear()
        for row in rows:
            item = QListWidgetItem(session_text(row, names))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.sessions_list.addItem(item)
        self.empty_label.setVisible(not rows)
        self.delete_button.setEnabled(bool(rows))
        if rows:
            self.sessions_list.setCurrentRow(0)

    def show_reps(self, reps: list[RepRow]) -> None:
        self.detail_list.clear()
        lines = [rep_line(r, self.names) for r in reps]
        self.detail_list.addItems(lines or ["No reps were recorded."])

    def current_session_id(self) -> int | None:
        item = self.sessions_list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _selected(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.session_selected.emit(int(current.data(Qt.ItemDataRole.UserRole)))
            when = current.text().split("   ·   ", 1)[0]
            self.detail_title.setText(f"Reps of the session on {when}")

    def _delete(self) -> None:
        session_id = self.current_session_id()
        if session_id is not None:
            self.delete_requested.emit(session_id)
