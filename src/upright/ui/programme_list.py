"""The programme's exercises in order, with move, remove, add and the warm-ups choice."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from upright.core.program import Catalog, ExerciseKind
from upright.core.programme import MAX_EXERCISES
from upright.core.programme_file import ProgrammeFile
from upright.ui.theme import set_relative_font


class ProgrammeList(QWidget):
    """Shows a draft's exercises; every button only asks (the editor decides and redraws)."""

    selected = Signal(int)
    move_requested = Signal(int)  # -1 up, +1 down
    remove_requested = Signal()
    add_requested = Signal(str)  # exercise id
    warmups_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("QPushButton { padding: 6px 6px; }")  # room for the key hints
        heading = QLabel("Exercises, in order")
        set_relative_font(heading, 1.1, bold=True)
        self.exercises = QListWidget()
        self.exercises.setAccessibleName("Exercises in this programme, in order")
        self.exercises.setWordWrap(True)
        self.exercises.setSpacing(3)
        self.exercises.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.exercises.currentRowChanged.connect(self._row_changed)
        self.up_button = QPushButton("Up (Alt+↑)")
        self.up_button.setAccessibleName("Move up")
        self.up_button.clicked.connect(lambda: self.move_requested.emit(-1))
        self.down_button = QPushButton("Down (Alt+↓)")
        self.down_button.setAccessibleName("Move down")
        self.down_button.clicked.connect(lambda: self.move_requested.emit(1))
        self.remove_button = QPushButton("Remove (Del)")
        self.remove_button.clicked.connect(self.remove_requested.emit)
        delete = QShortcut(QKeySequence("Delete"), self.exercises)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_requested.emit)
        self.add_choice = QComboBox()
        self.add_choice.setAccessibleName("Exercise to add")
        self.add_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.add_choice.setMinimumContentsLength(10)
        self.add_button = QPushButton("Add")
        self.add_button.clicked.connect(self._add)
        self.warmups_box = QCheckBox("Warm-ups first")
        self.warmups_box.setToolTip("Start each session with the standing warm-ups")
        self.warmups_box.setAccessibleName("Start each session with the warm-ups")
        self.warmups_box.toggled.connect(self.warmups_toggled.emit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.exercises, 1)
        moves = QHBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        layout.addLayout(moves)
        layout.addWidget(self.remove_button)
        adding = QHBoxLayout()
        adding.addWidget(self.add_choice, 1)
        adding.addWidget(self.add_button)
        layout.addLayout(adding)
        layout.addWidget(self.warmups_box)

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.selected.emit(row)

    def _add(self) -> None:
        exercise_id = self.add_choice.currentData()
        if exercise_id:
            self.add_requested.emit(str(exercise_id))

    def show_draft(self, draft: ProgrammeFile, row: int, catalog: Catalog, wrong: set[int]) -> None:
        """``wrong``: the rows with something to change before saving."""
        self.exercises.blockSignals(True)
        self.exercises.clear()
        for i, item in enumerate(draft.programme.items):
            exercise = catalog.exercise(item.exercise_id)
            mark = "\n    ⚠ needs a change" if i in wrong else ""
            self.exercises.addItem(f"{i + 1}. {exercise.name} ({exercise.label}){mark}")
        self.exercises.setCurrentRow(row)
        self.exercises.blockSignals(False)
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(row >= 0)
        self.warmups_box.blockSignals(True)
        self.warmups_box.setChecked(draft.programme.warmups)
        self.warmups_box.blockSignals(False)
        chosen = set(draft.programme.exercise_ids)
        self.add_choice.clear()
        for exercise in catalog.exercises:
            if exercise.kind is ExerciseKind.HOLD and exercise.id not in chosen:
                self.add_choice.addItem(f"{exercise.name} ({exercise.label})", exercise.id)
        room = len(chosen) < MAX_EXERCISES and self.add_choice.count() > 0
        self.add_choice.setEnabled(room)
        self.add_button.setEnabled(room)
