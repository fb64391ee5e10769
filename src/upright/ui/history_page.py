"""The history: every session with how it ended, and one session's reps; deleting asks first."""

from __future__ import annotations

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

from upright.core.records import RepRow, SessionRow
from upright.ui.home_page import session_line
from upright.ui.theme import set_relative_font


def rep_line(rep: RepRow) -> str:
    mark = "completed" if rep.completed else "came down early"
    return (
        f"{rep.exercise}  rep {rep.rep}: held {rep.held_s:g} s of {rep.target_hold_s:g} s ({mark})"
    )


class HistoryPage(QWidget):
    session_selected = Signal(int)
    delete_requested = Signal(int)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        title = QLabel("History")
        set_relative_font(title, 2.0, bold=True)
        self.sessions_list = QListWidget()
        self.sessions_list.setAccessibleName("Sessions, newest first")
        self.sessions_list.currentItemChanged.connect(self._selected)
        self.detail_list = QListWidget()
        self.detail_list.setAccessibleName("Reps of the chosen session")
        self.delete_button = QPushButton("Delete session…")
        self.delete_button.clicked.connect(self._delete)
        self.back_button = QPushButton("Back  (Esc)")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.empty_label = QLabel("No sessions yet. Each session you do is listed here.")
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(title)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.sessions_list, 3)
        layout.addWidget(QLabel("Reps"))
        layout.addWidget(self.detail_list, 2)
        layout.addLayout(row)

    def show_sessions(self, rows: list[SessionRow]) -> None:
        self.sessions_list.clear()
        self.detail_list.clear()
        for row in rows:
            item = QListWidgetItem(session_line(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.sessions_list.addItem(item)
        self.empty_label.setVisible(not rows)
        self.delete_button.setEnabled(bool(rows))
        if rows:
            self.sessions_list.setCurrentRow(0)

    def show_reps(self, reps: list[RepRow]) -> None:
        self.detail_list.clear()
        self.detail_list.addItems([rep_line(r) for r in reps] or ["No reps were recorded."])

    def current_session_id(self) -> int | None:
        item = self.sessions_list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _selected(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.session_selected.emit(int(current.data(Qt.ItemDataRole.UserRole)))

    def _delete(self) -> None:
        session_id = self.current_session_id()
        if session_id is not None:
            self.delete_requested.emit(session_id)
