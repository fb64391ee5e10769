"""People on this computer: switch to, create, rename or delete (after a backup) a person."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from upright.core.history import HistoryError
from upright.core.profiles import (
    ProfileError,
    create_profile,
    delete_profile,
    profile_names,
    rename_profile,
    summaries,
)
from upright.ui.dialogs import confirm
from upright.ui.plain_text import as_plain_text
from upright.ui.scrolling import scrolling_content
from upright.ui.shortcuts import page_shortcut
from upright.ui.theme import set_relative_font

if TYPE_CHECKING:
    from upright.context import AppContext


def describe(name: str, sessions: int, last_day: str | None, current: bool) -> str:
    done = f"{sessions} session{'s' if sessions != 1 else ''}" if sessions else "no sessions yet"
    last = f", last on {last_day}" if last_day else ""
    return f"{name}{'   (using now)' if current else ''}\n      {done}{last}"


class ProfilesPage(QWidget):
    """Each person keeps their own programme, check-ins and history; one is in use at a time."""

    switched = Signal(str)  # the person now in use (chosen, renamed, or after a delete)
    chosen = Signal()  # "Use this person": done here
    back_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ctx = ctx
        title = QLabel("People on this computer")
        set_relative_font(title, 1.9, bold=True)
        title.setWordWrap(True)
        intro = QLabel(
            "Each person has their own programme, check-in answers and history. "
            "Nobody else's sessions appear in their charts, exports or reports."
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.people = QListWidget()
        self.people.setAccessibleName("People")
        self.people.setSpacing(6)
        self.people.setWordWrap(True)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        set_relative_font(self.people, 1.2)
        self.people.itemActivated.connect(lambda _item: self.use_selected())
        self.status_label = as_plain_text(QLabel())
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.use_button = self._button("Use this person (Enter)", self.use_selected)
        self.use_button.setObjectName("primary")
        self.new_button = self._button("New person… (N)", self.ask_new)
        self.rename_button = self._button("Rename… (R)", self.ask_rename)
        self.delete_button = self._button("Delete… (Del)", self.ask_delete)
        self.back_button = self._button("Back (Esc)", self.back_requested.emit)
        buttons = QVBoxLayout()  # a column beside the list: fits 800 px at any text size
        for b in (self.use_button, self.new_button, self.rename_button, self.delete_button):
            b.setMinimumHeight(48)
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        middle = QHBoxLayout()
        middle.addWidget(self.people, 1)
        middle.addSpacing(12)
        middle.addLayout(buttons)

        layout = QVBoxLayout(scrolling_content(self))
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status_label)
        for key, slot in (
            ("N", self.ask_new),
            ("R", self.ask_rename),
            ("Delete", self.ask_delete),
            ("Escape", self.back_requested.emit),
        ):
            page_shortcut(self, key, slot)

    @staticmethod
    def _button(text: str, slot: Callable[[], object]) -> QPushButton:
        (button := QPushButton(text)).clicked.connect(slot)
        return button

    # -- showing ------------------------------------------------------------------------------
    @property
    def selected(self) -> str | None:
        item = self.people.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def show_people(self, status: str = "", select: str | None = None) -> None:
        readable, writable = self.ctx.readable, self.ctx.history is not None
        self.people.clear()
        current = self.ctx.settings.profile
        if readable is None:
            status = "Your history could not be opened, so people cannot be changed just now."
        else:
            for s in summaries(readable.connection):
                item = QListWidgetItem(describe(s.name, s.sessions, s.last_day, s.name == current))
                item.setData(Qt.ItemDataRole.UserRole, s.name)
                self.people.addItem(item)
                if s.name == (select or current):
                    self.people.setCurrentItem(item)
            if not writable:  # read as it is (a full disk, a read-only folder)
                status = status or (
                    "Your history cannot be written just now: a person can be chosen, but not "
                    "added, renamed or deleted."
                )
        self.use_button.setEnabled(readable is not None)
        for b in (self.new_button, self.rename_button, self.delete_button):
            b.setEnabled(writable)
        self.status_label.setText(status)
        self.people.setFocus()

    # -- commands (the ask_ ones open a dialog first) ------------------------------------------
    def use_selected(self) -> None:
        if self.selected is not None:
            self.switched.emit(self.selected)
            self.chosen.emit()

    def create(self, name: str) -> str | None:
        """The new person's name, or None with the reason shown."""
        at = self.ctx.clock.wall()
        try:
            made = self.ctx.write(lambda h: create_profile(h, name, at))
        except ProfileError as exc:
            self.status_label.setText(str(exc))
            return None
        except HistoryError as exc:
            self.status_label.setText(f"{name.strip()} was not added: {exc}.")
            return None
        self.show_people(f"{made} was added. Press Enter to use {made}.", select=made)
        return made

    def rename(self, old: str, new: str) -> str | None:
        try:
            renamed = self.ctx.write(lambda h: rename_profile(h, old, new))
        except ProfileError as exc:
            self.status_label.setText(str(exc))
            return None
        except HistoryError as exc:
            self.status_label.setText(f"{old} was not renamed: {exc}.")
            return None
        if old == self.ctx.settings.profile:
            self.switched.emit(renamed)  # still the same person in use, by the new name
        self.show_people(f"{old} is now called {renamed}.", select=renamed)
        return renamed

    def delete(self, name: str) -> bool:
        """Delete without asking (``ask_delete`` asks); switches away first if in use."""
        history, backups = self.ctx.history, self.ctx.backups
        if history is None or backups is None:
            return False
        at = self.ctx.clock.wall()
        try:
            saved = self.ctx.write(lambda h: delete_profile(h, name, backups, at))
        except (ProfileError, HistoryError, OSError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.status_label.setText(f"{name} was not deleted: {why}")
            return False
        status = f"{name} was deleted. A backup of all their data is in {saved}"
        if name == self.ctx.settings.profile:
            now = profile_names(history.connection)[0]
            self.switched.emit(now)
            status += f"\nNow using {now}."
        self.show_people(status)
        return True

    def _ask_name(self, title: str, label: str, text: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name if ok else None

    def ask_new(self) -> None:
        name = self._ask_name("New person", "Name (up to 40 letters):", "")
        if name is not None:
            self.create(name)

    def ask_rename(self) -> None:
        old = self.selected
        if old is not None and (new := self._ask_name("Rename", f"New name for {old}:", old)):
            self.rename(old, new)

    def ask_delete(self) -> None:
        name = self.selected
        if name is None or self.ctx.backups is None:
            return
        if confirm(
            self,
            f"Delete {name}?",
            f"Delete {name} and all of their sessions, check-ins and programme from this "
            f"computer?\n\nA backup file is saved first, in {self.ctx.backups}.",
            f"Delete {name}",
        ):
            self.delete(name)
