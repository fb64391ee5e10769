"""The end of a session: how it ended, the reps done, and every hold achieved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from upright.core.events import RepCompleted
from upright.core.session_end import SessionEnd
from upright.ui.plain_text import as_plain_text
from upright.ui.theme import set_relative_font

HEADLINES = {
    SessionEnd.FINISHED: "Well done: session complete",
    SessionEnd.STOPPED: "Session stopped",
    SessionEnd.PAIN: "Session stopped for pain",
    SessionEnd.INTERRUPTED: "Session interrupted",
}


def summarize(reps: list[RepCompleted], planned: int) -> tuple[str, str]:
    """A headline count and one line per rep (a redone rep shows each attempt)."""
    done = len({(r.exercise_id, r.rep) for r in reps if r.completed})
    count = f"{done} of {planned} reps completed at the full hold"
    lines = [
        f"Rep {r.rep}: held {r.held_s:g} s of {r.target_hold_s:g} s"
        + ("" if r.completed else "  (came down early)")
        for r in reps
    ]
    return count, "\n".join(lines)


class SummaryPage(QWidget):
    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.headline = QLabel()
        set_relative_font(self.headline, 2.2, bold=True)
        self.count_label = QLabel()
        set_relative_font(self.count_label, 1.6)
        self.reps_label = as_plain_text(QLabel())
        set_relative_font(self.reps_label, 1.3)
        self.saved_label = as_plain_text(QLabel())
        self.saved_label.setWordWrap(True)
        # What changes next time, and why: the sentence people most need to read.
        set_relative_font(self.saved_label, 1.3)
        self.done_button = QPushButton("Back to the start  (Enter)")
        self.done_button.setObjectName("primary")
        self.done_button.setMinimumHeight(64)
        self.done_button.clicked.connect(self.done_requested.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        for widget in (self.headline, self.count_label, self.reps_label, self.saved_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.done_button)

    def show_result(
        self, how: SessionEnd, reps: list[RepCompleted], planned: int, saved_note: str
    ) -> None:
        self.headline.setText(HEADLINES.get(how, "Session ended"))
        count, lines = summarize(reps, planned)
        self.count_label.setText(count)
        self.reps_label.setText(lines or "No holds were recorded.")
        self.saved_label.setText(saved_note)
