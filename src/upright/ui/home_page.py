"""The home screen: today's session with its numbers and reason, the level, and a big Start."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from upright.core.program import Catalog
from upright.core.progression import seconds_text
from upright.core.records import SessionRow
from upright.core.today import TodayPlan, minutes_text
from upright.ui.flow_layout import FlowLayout
from upright.ui.plain_text import as_plain_text
from upright.ui.scrolling import scrolling_content
from upright.ui.theme import set_relative_font
from upright.ui.wrapped_label import WrappedLabel

ENDED_WORDS = {
    "finished": "finished",
    "stopped": "stopped early",
    "pain": "stopped for pain",
    "interrupted": "interrupted",
    "running": "in progress",
}


def session_line(row: SessionRow) -> str:
    return (
        f"{row.started_at[:16].replace('T', ' ')}   {row.level.title()}   "
        f"{row.reps_done} of {row.reps_planned} reps   best hold {row.best_hold_s:g} s   "
        f"{ENDED_WORDS[row.ended_how.value]}"
    )


class HomePage(QWidget):
    start_requested = Signal()
    people_requested = Signal()
    programme_requested = Signal()
    demo_requested = Signal()
    level_chosen = Signal(str)
    history_requested = Signal()
    settings_requested = Signal()
    progress_requested = Signal()
    handout_requested = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        title = QLabel("Upright")
        set_relative_font(title, 1.9, bold=True)
        self.profile_label = as_plain_text(WrappedLabel())
        self.profile_label.setObjectName("muted")
        set_relative_font(self.profile_label, 1.2, bold=True)  # whose session this is, at a glance
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.profile_label)

        self.notice_label = as_plain_text(WrappedLabel())
        self.notice_label.setObjectName("notice")  # the theme's colours, high contrast too
        self.notice_label.hide()

        # Checked shows today's level: show_today sets each one (after every choice), so the
        # buttons need no exclusive group.
        levels = FlowLayout()
        self.level_buttons: dict[str, QPushButton] = {}
        for level in catalog.levels:
            button = QPushButton(level.name)
            button.setCheckable(True)
            button.setAccessibleName(f"Level: {level.name}")
            button.setAccessibleDescription(level.description)
            button.clicked.connect(lambda _=False, lid=level.id: self.level_chosen.emit(lid))
            self.level_buttons[level.id] = button
            levels.addWidget(button)

        card = QFrame()
        card.setObjectName("card")
        self.exercise_label = WrappedLabel()
        set_relative_font(self.exercise_label, 1.45, bold=True)
        self.numbers_label = WrappedLabel()
        set_relative_font(self.numbers_label, 1.3)
        self.numbers_label.setAccessibleName("Today's numbers")
        self.reason_label = as_plain_text(WrappedLabel())
        self.description_label = as_plain_text(WrappedLabel())
        self.description_label.setObjectName("muted")
        self.start_button = QPushButton("Start today's session  (Enter)")
        self.start_button.setObjectName("primary")
        self.start_button.setMinimumHeight(72)
        # Never the widest thing on the page: at 200% text on a small screen the card wraps. (A
        # minimum width of its own is used instead of its words' width; no QSizePolicy type,
        # which PySide6 takes ~0.4 ms to make at start-up.)
        self.start_button.setMinimumWidth(1)
        set_relative_font(self.start_button, 1.15)
        self.start_button.setAccessibleDescription("Starts the warm-ups, then the exercise")
        self.start_button.clicked.connect(self.start_requested.emit)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(22, 18, 22, 18)
        for widget in (self.exercise_label, self.numbers_label, self.reason_label):
            inner.addWidget(widget)
        inner.addWidget(self.description_label)
        inner.addSpacing(8)
        inner.addWidget(self.start_button)

        self.extension_label = WrappedLabel(catalog.extension_note)

        recent_title = QLabel("Recent sessions")
        set_relative_font(recent_title, 1.15, bold=True)
        self.recent_label = as_plain_text(WrappedLabel())
        self.recent_label.setObjectName("muted")
        # A session's line is wider than a small screen at large text: it wraps (WrappedLabel),
        # never widening the page.
        self.history_button = QPushButton("History (H)")
        self.history_button.clicked.connect(self.history_requested.emit)
        pages_row = FlowLayout()
        self.progress_button = QPushButton("Progress (G)")
        self.progress_button.setAccessibleDescription("Charts of your holds over the weeks")
        self.progress_button.clicked.connect(self.progress_requested.emit)
        pages_row.addWidget(self.progress_button)
        pages_row.addWidget(self.history_button)
        self.handout_button = QPushButton("Print handout…  (Ctrl+P)")
        self.handout_button.setAccessibleDescription(
            "A large-print handout of your exercises and numbers, with a log sheet"
        )
        self.handout_button.clicked.connect(self.handout_requested.emit)
        pages_row.addWidget(self.handout_button)
        self.settings_button = QPushButton("Settings (S)")
        self.settings_button.clicked.connect(self.settings_requested.emit)
        pages_row.addWidget(self.settings_button)

        layout = QVBoxLayout(scrolling_content(self))
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.notice_label)
        layout.addLayout(levels)
        layout.addWidget(card)
        layout.addLayout(pages_row)
        layout.addWidget(self.extension_label)
        layout.addWidget(recent_title)
        layout.addWidget(self.recent_label)
        layout.addStretch(1)

        # Setting up, rather than exercising: at the bottom, out of the way of the session.
        self.person_button = QPushButton("Change person (W)")
        self.person_button.clicked.connect(self.people_requested.emit)
        self.programme_button = QPushButton("Programme (E)")
        self.programme_button.setAccessibleDescription("Choose the exercises and their numbers")
        self.programme_button.clicked.connect(self.programme_requested.emit)
        self.demo_button = QPushButton("Demo (D)")
        self.demo_button.setAccessibleDescription("Show any exercise; nothing is recorded")
        self.demo_button.clicked.connect(self.demo_requested.emit)
        setup = FlowLayout()
        for button in (self.person_button, self.programme_button, self.demo_button):
            setup.addWidget(button)
        layout.addLayout(setup)

    def show_today(self, today: TodayPlan, duration_s: float) -> None:
        for level_id, button in self.level_buttons.items():
            button.setChecked(not today.custom and level_id == today.level_id)
        first = today.first
        names = " + ".join(item.exercise.name for item in today.items)
        level = f" ({first.level.name})" if first.level and len(today.items) == 1 else ""
        self.exercise_label.setText(f"Today: {names}{level}")
        lines = [
            (f"{item.exercise.name}: " if len(today.items) > 1 else "")
            + f"{item.prescription.reps} reps  ·  hold {seconds_text(item.prescription.hold_s)}"
            f"  ·  rest {seconds_text(item.prescription.rest_for_hold_s)}"
            for item in today.items
        ]
        lines[-1] += f"  ·  {minutes_text(duration_s)}"
        self.numbers_label.setText("\n".join(lines))
        reasons = [today.note] if today.note else []
        reasons += [item.reason for item in today.items if item.reason]
        self.reason_label.setText("\n".join(reasons))
        self.reason_label.setVisible(bool(reasons))
        notes = [f"Note from your therapist: {i.note}" for i in today.items if i.note]
        description = first.level.description if first.level and not today.custom else ""
        if today.custom:
            description = "A programme set for you by your therapist."
        self.description_label.setText("\n".join([description, *notes]).strip())

    def show_profile(self, name: str) -> None:
        self.profile_label.setText(f"Person: {name}")

    def show_recent(self, rows: list[SessionRow]) -> None:
        # A bullet starts each session, so a line wrapped at large text is not read as another.
        lines = [f"•  {session_line(r)}" for r in rows[:5]]
        self.recent_label.setText("\n".join(lines) or "No sessions yet. Your sessions appear here.")

    def show_notices(self, notices: list[str]) -> None:
        self.notice_label.setText("\n".join(notices))
        self.notice_label.setVisible(bool(notices))
