"""The programme editor: a therapist picks exercises, their order, numbers and notes, and saves."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from upright.core.history import HistoryError
from upright.core.prescriptions import load_prescription
from upright.core.programme import MAX_EXERCISES
from upright.core.programme_edit import (
    add_exercise,
    check,
    move_exercise,
    problems_of,
    remove_exercise,
    reset_numbers,
    set_note,
    set_number,
    set_warmups,
)
from upright.core.programme_file import (
    ProgrammeFile,
    current_programme_file,
    install_programme,
)
from upright.core.undo import UndoStack
from upright.ui.dialogs import confirm
from upright.ui.flow_layout import FlowLayout
from upright.ui.plain_text import as_plain_text
from upright.ui.prescription_form import PrescriptionForm, problem_lines
from upright.ui.programme_files import ProgrammeFiles
from upright.ui.programme_list import ProgrammeList
from upright.ui.reflow import Reflow
from upright.ui.scrolling import scrolling_content
from upright.ui.shortcuts import page_shortcut
from upright.ui.theme import set_relative_font

if TYPE_CHECKING:
    from upright.context import AppContext

SAVE_REASON = "Set in the programme editor."


class ProgrammeEditor(ProgrammeFiles, QWidget):
    back_requested = Signal()
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ctx = ctx
        self.stack: UndoStack[ProgrammeFile] | None = None
        self.saved_state: ProgrammeFile | None = None
        self.row = 0
        self.title = as_plain_text(QLabel())
        set_relative_font(self.title, 1.6, bold=True)
        self.title.setWordWrap(True)
        intro = QLabel(
            "Choose the exercises, their order and their numbers. Every number is a starting "
            "point that can be changed."
        )
        intro.setObjectName("muted")
        intro.setWordWrap(True)

        self.list = ProgrammeList()
        self.list.selected.connect(self._select)
        self.list.move_requested.connect(self.move)
        self.list.remove_requested.connect(self.remove)
        self.list.add_requested.connect(self.add)
        self.list.warmups_toggled.connect(lambda on: self._apply(set_warmups(self.draft, on)))

        self.form = PrescriptionForm()
        self.form.number_changed.connect(self._number)
        self.form.note_changed.connect(self._note)
        # The list beside the form while a third of the width holds the list; above it with
        # large text on a small screen. The whole page scrolls; the buttons stay below it.
        middle = Reflow(lambda width: 3 * self.list.sizeHint().width() <= width)
        middle.box.addWidget(self.list, 1, Qt.AlignmentFlag.AlignTop)  # its buttons close by
        middle.box.addWidget(self.form, 2)

        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.status_label = as_plain_text(QLabel())
        self.status_label.setObjectName("muted")
        self.status_label.setWordWrap(True)
        self.undo_button = self._button("Undo (Ctrl+Z)", self.undo)
        self.redo_button = self._button("Redo (Ctrl+Y)", self.redo)
        self.reset_button = self._button("Reset to defaults…", self.ask_reset)
        self.import_button = self._button("Import…", self.choose_import)
        self.export_button = self._button("Export…", self.choose_export)
        self.back_button = self._button("Back (Esc)", self.leave)
        self.save_button = self._button("Save (Ctrl+S)", self.save)
        self.save_button.setObjectName("primary")
        # The buttons wrap onto more rows rather than clip their words at a large text size.
        toolbar = QWidget()
        toolbar.setStyleSheet("QPushButton { padding: 6px 10px; }")
        buttons = FlowLayout(toolbar)
        for b in (
            self.undo_button,
            self.redo_button,
            self.reset_button,
            self.import_button,
            self.export_button,
            self.back_button,
            self.save_button,
        ):
            buttons.addWidget(b)

        page = QWidget()
        content = scrolling_content(page)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 8)
        layout.addWidget(self.title)
        layout.addWidget(intro)
        layout.addWidget(middle, 1)
        layout.addWidget(self.problems_label)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(page, 1)
        bottom = QVBoxLayout()
        bottom.setContentsMargins(24, 8, 24, 16)
        bottom.addWidget(self.status_label)  # pinned by the buttons: what Save did stays in sight
        bottom.addWidget(toolbar)
        outer.addLayout(bottom)

        for keys, slot in (
            (("Ctrl+Z",), self.undo),
            (("Ctrl+Y", "Ctrl+Shift+Z"), self.redo),
            (("Ctrl+S",), self.save),
            (("Escape",), self.leave),
            (("Alt+Up",), lambda: self.move(-1)),
            (("Alt+Down",), lambda: self.move(1)),
        ):
            page_shortcut(self, keys, slot)

    @staticmethod
    def _button(text: str, slot: Callable[[], object]) -> QPushButton:
        (button := QPushButton(text)).clicked.connect(slot)
        return button

    # -- state --------------------------------------------------------------------------------
    @property
    def draft(self) -> ProgrammeFile:
        assert self.stack is not None, "open() first"
        return self.stack.current

    @property
    def unsaved(self) -> bool:
        return self.stack is not None and self.draft != self.saved_state

    def open(self) -> None:
        """Start from the person's programme as stored (or their level's)."""
        ctx = self.ctx
        draft = current_programme_file(
            ctx.catalog, ctx.readable, ctx.settings.profile, ctx.settings.level
        )
        self.stack = UndoStack(draft)
        self.saved_state = draft
        self.row = 0
        self.title.setText(f"Programme for {ctx.settings.profile}")
        self.status_label.setText(
            ""
            if ctx.history
            else "Your history could not be opened: this programme can be exported, but not saved."
        )
        self._refresh()
        self.list.exercises.setFocus()

    def _apply(self, draft: ProgrammeFile, merge_key: Hashable | None = None) -> None:
        if self.stack is None or draft == self.draft:
            return
        self.stack.push(draft, merge_key)
        self.status_label.setText("Not saved yet.")
        self._refresh()

    def _refresh(self) -> None:
        draft, catalog = self.draft, self.ctx.catalog
        entries = check(draft, catalog)
        self.row = min(self.row, len(draft.pairs) - 1)
        wrong = {i for i in range(len(draft.pairs)) if problems_of(entries, i)}
        self.list.show_draft(draft, self.row, catalog, wrong)
        self.form.setEnabled(self.row >= 0)
        if self.row >= 0:
            item, p = draft.pairs[self.row]
            exercise = catalog.exercise(item.exercise_id)
            self.form.show_exercise(f"{exercise.name} ({exercise.label})", p, item.note)
            self.form.show_problems(problems_of(entries, self.row))
        self.problems_label.setText("\n".join(problem_lines(draft, entries, catalog)))
        self.problems_label.setVisible(bool(entries))
        self.save_button.setEnabled(self.ctx.history is not None and not entries and self.unsaved)
        assert self.stack is not None
        self.undo_button.setEnabled(self.stack.can_undo)
        self.redo_button.setEnabled(self.stack.can_redo)

    # -- commands -----------------------------------------------------------------------------
    def _select(self, row: int) -> None:
        if row >= 0 and row != self.row:
            self.row = row
            self._refresh()

    def _number(self, name: str, value: float) -> None:
        self._apply(set_number(self.draft, self.row, name, value), merge_key=(self.row, name))

    def _note(self, text: str) -> None:
        self._apply(set_note(self.draft, self.row, text), merge_key=(self.row, "note"))

    def add(self, exercise_id: str) -> None:
        if len(self.draft.pairs) >= MAX_EXERCISES:
            return
        exercise = self.ctx.catalog.exercise(exercise_id)
        p = load_prescription(self.ctx.readable, self.ctx.settings.profile, exercise)[0]
        self.row = len(self.draft.pairs)
        self._apply(add_exercise(self.draft, exercise, p))

    def remove(self) -> None:
        if self.row >= 0:
            self._apply(remove_exercise(self.draft, self.row))
            self.list.exercises.setFocus()

    def move(self, delta: int) -> None:
        if self.row >= 0:
            draft, self.row = move_exercise(self.draft, self.row, delta)
            self._apply(draft)
            self._refresh()  # the selection follows the exercise, even when nothing moved

    def undo(self) -> None:
        if self.stack is not None and self.stack.undo() is not None:
            self.status_label.setText("Undone. Not saved yet." if self.unsaved else "")
            self._refresh()

    def redo(self) -> None:
        if self.stack is not None and self.stack.redo() is not None:
            self.status_label.setText("Not saved yet." if self.unsaved else "")
            self._refresh()

    def ask_reset(self) -> None:
        if confirm(
            self,
            "Reset to defaults?",
            "Put every number of these exercises back to Upright's starting values? "
            "The exercises and notes stay. You can undo this.",
            "Reset numbers",
        ):
            self._apply(reset_numbers(self.draft, self.ctx.catalog))

    def save(self) -> bool:
        ctx = self.ctx
        if ctx.history is None or self.stack is None or check(self.draft, ctx.catalog):
            return False
        profile, when, draft = ctx.settings.profile, ctx.clock.wall(), self.draft
        try:
            ctx.write(
                lambda h: install_programme(h, ctx.catalog, profile, draft, when, SAVE_REASON)
            )
        except HistoryError as exc:
            self.status_label.setText(f"Not saved: {exc}.")
            return False
        self.saved_state = self.draft
        self.status_label.setText(f"Saved for {ctx.settings.profile}.")
        self._refresh()
        self.saved.emit()
        return True

    def leave(self) -> None:
        if self.unsaved and not confirm(
            self,
            "Leave without saving?",
            "Your changes to this programme are not saved. Leave anyway?",
            "Leave without saving",
        ):
            return
        self.back_requested.emit()
