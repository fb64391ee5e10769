"""One exercise's numbers and note, as labelled boxes with a plain message under any wrong one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from upright.core.catalog import LIMITS
from upright.core.program import Catalog, Prescription
from upright.core.programme import MAX_NOTE
from upright.core.programme_edit import problems_of
from upright.core.programme_file import ProgrammeFile
from upright.ui.theme import DANGER, set_relative_font

# (field, label, unit) in rows of three, each row under a heading.
_S, _N = "s", ""  # seconds, or a count
ROWS: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    ("Today", (("hold_s", "Hold today", _S), ("reps", "Reps today", _N))),
    ("Holds", (("start_hold_s", "Start hold", _S), ("target_hold_s", "Target hold", _S),
               ("step_s", "Step up by", _S))),
    ("Reps", (("start_reps", "Start reps", _N), ("target_reps", "Target reps", _N),
              ("sessions_per_week", "Sessions a week", _N))),
    ("Rest", (("rest_s", "Rest between reps", _S), ("long_rest_s", "Longer rest", _S),
              ("long_rest_from_s", "Longer rest from hold", _S))),
    ("Timing", (("get_ready_s", "Get ready", _S), ("lift_s", "Lift", _S),
                ("lower_s", "Lower", _S))),
)  # fmt: skip
LABELS = {name: label for _, row in ROWS for name, label, _ in row}


def plain(message: str) -> str:
    """The reader's message with field names in words: "shorter than the start hold"."""
    for name in sorted(LABELS, key=len, reverse=True):
        message = message.replace(name, f"the {LABELS[name].lower()}")
    return message


def problem_lines(
    draft: ProgrammeFile, entries: list[tuple[str, str]], catalog: Catalog
) -> list[str]:
    """What to change before saving, one line per problem, in plain words; [] if nothing."""
    if not entries:
        return []
    lines = []
    for i, item in enumerate(draft.programme.items):
        name = catalog.exercise(item.exercise_id).name
        for field, message in problems_of(entries, i).items():
            lines.append(f"{name}, {LABELS.get(field, 'Note')}: {plain(message)}")
    if not draft.programme.items:
        lines.append("Add at least one exercise.")
    head = "To save, first change this:" if len(lines) == 1 else "To save, first change these:"
    return [f"⚠ {head}", *lines]


class UndoKeysToPage(QObject):
    """Ctrl+Z in a box would undo only its text; let it reach the page's Undo instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Z, Qt.Key.Key_Y):
                event.ignore()
                return True
        return False


class PrescriptionForm(QFrame):
    number_changed = Signal(str, object)  # field, value: int for counts, float for seconds
    note_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.heading = QLabel()
        set_relative_font(self.heading, 1.4, bold=True)
        self.heading.setWordWrap(True)
        self.boxes: dict[str, QAbstractSpinBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.undo_keys = UndoKeysToPage(self)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(2)
        self.columns = 0
        self.groups: list[tuple[QLabel, list[tuple[QLabel, QAbstractSpinBox, QLabel]]]] = []
        for heading, fields in ROWS:
            title = QLabel(heading)
            set_relative_font(title, 1.05, bold=True)
            cells = []
            for name, label, unit in fields:
                caption = QLabel(label)
                caption.setWordWrap(True)
                box = self._box(name, unit)
                caption.setBuddy(box)
                box.setAccessibleName(label)
                error = QLabel()
                error.setWordWrap(True)
                error.setStyleSheet(f"color: {DANGER}; font-weight: 600;")
                error.hide()
                self.boxes[name], self.errors[name] = box, error
                cells.append((caption, box, error))
            self.groups.append((title, cells))
        self._place(3)

        note_caption = QLabel(
            f"Note for this person, shown in the player (up to {MAX_NOTE} letters)"
        )
        note_caption.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab moves on: the form is usable by keyboard alone
        self.note.setAccessibleName("Note for this person")
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        self.note.installEventFilter(self.undo_keys)
        self.note.textChanged.connect(lambda: self.note_changed.emit(self.note.toPlainText()))
        self.note_error = QLabel()
        self.note_error.setStyleSheet(f"color: {DANGER}; font-weight: 600;")
        self.note_error.hide()
        self.errors["note"] = self.note_error

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addLayout(self.grid)
        layout.addSpacing(6)
        layout.addWidget(note_caption)
        layout.addWidget(self.note)
        layout.addWidget(self.note_error)
        layout.addStretch(1)

    def _place(self, columns: int) -> None:
        """Lay the boxes out in rows of ``columns``: three when there is room, fewer when not."""
        if columns == self.columns:
            return
        self.columns = columns
        while self.grid.count():
            self.grid.takeAt(0)
        line = 0
        for title, cells in self.groups:
            self.grid.addWidget(title, line, 0, 1, columns)
            line += 1
            for start in range(0, len(cells), columns):
                for column, (caption, box, error) in enumerate(cells[start : start + columns]):
                    self.grid.addWidget(caption, line, column)
                    self.grid.addWidget(box, line + 1, column)
                    self.grid.addWidget(error, line + 2, column)
                line += 3
        for column in range(3):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def minimumSizeHint(self) -> QSize:
        # As narrow as one column of boxes: the form takes its columns from the width it gets.
        return QSize(self._width_for(1), super().minimumSizeHint().height())

    def _width_for(self, columns: int) -> int:
        box = max(b.sizeHint().width() for b in self.boxes.values())
        margins = 2 * 16  # the card's own
        return columns * box + (columns - 1) * self.grid.horizontalSpacing() + margins

    def resizeEvent(self, event: QResizeEvent) -> None:
        fits = [c for c in (3, 2) if self._width_for(c) <= event.size().width()]
        self._place(fits[0] if fits else 1)
        super().resizeEvent(event)

    def _box(self, name: str, unit: str) -> QAbstractSpinBox:
        low, high = LIMITS[name]
        box: QAbstractSpinBox
        if unit:
            seconds = QDoubleSpinBox()
            seconds.setDecimals(1)
            seconds.setSingleStep(0.5 if high <= 30 else 1.0)
            seconds.setRange(low, high)
            seconds.setSuffix(" s")
            seconds.valueChanged.connect(lambda v, n=name: self.number_changed.emit(n, float(v)))
            box = seconds
        else:
            count = QSpinBox()
            count.setRange(int(low), int(high))
            count.valueChanged.connect(lambda v, n=name: self.number_changed.emit(n, int(v)))
            box = count
        # Changes count when the box is left or Enter is pressed, not at each key: typing 25
        # never passes through a hold of 2.
        box.setKeyboardTracking(False)
        box.setMinimumHeight(34)
        box.setMinimumWidth(90)
        box.installEventFilter(self.undo_keys)
        return box

    def show_exercise(self, heading: str, p: Prescription, note: str) -> None:
        self.heading.setText(heading)
        for name, box in self.boxes.items():
            value = getattr(p, name)
            box.blockSignals(True)
            if isinstance(box, QSpinBox):
                box.setValue(int(value))
            elif isinstance(box, QDoubleSpinBox):
                box.setValue(float(value))
            box.blockSignals(False)
        if self.note.toPlainText() != note:
            self.note.blockSignals(True)
            self.note.setPlainText(note)
            self.note.blockSignals(False)

    def show_problems(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            text = problems.get(name, "")
            label.setText(f"⚠ {plain(text)}" if text else "")
            label.setVisible(bool(text))
            widget = self.boxes.get(name, self.note)
            widget.setAccessibleDescription(plain(text))
