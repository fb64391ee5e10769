"""What the window and the commands share: the app's core objects, made once by upright.app.

No Qt here, so the composition root can open the history and work out today's plan before the
toolkit loads.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from upright.core.checkins import SCREENING, latest_checkin, session_awaiting_next_day_check
from upright.core.clock import Clock
from upright.core.history import SAVE_PATIENCE_S, History, HistoryError, refused
from upright.core.plan import Plan, build_plan
from upright.core.program import Catalog
from upright.core.settings import Settings
from upright.core.today import TodayPlan, plan_today

T = TypeVar("T")


class AppContext:
    """Everything the window needs, built once by the composition root (upright.app).

    A plain class, not a dataclass: it is state that changes, and is never compared or copied
    (a dataclass would cost the start-up ~1 ms to define; see upright.core.value)."""

    def __init__(
        self,
        catalog: Catalog,
        clock: Clock,
        history: History | None,
        settings: Settings,
        settings_path: Path | None,
        *,
        time_scale: float = 1.0,
        notices: list[str] | None = None,
        backups: Path | None = None,
        reopen_history: Callable[[], History] | None = None,
        read_only_history: History | None = None,
    ) -> None:
        self.catalog, self.clock, self.settings = catalog, clock, settings
        self.history = history
        self.settings_path = settings_path
        self.time_scale = time_scale
        self.notices = notices if notices is not None else []
        self.backups = backups  # where a deleted person's data is kept
        # While the history could not be opened (in use, read-only, disk full): how to try
        # again.
        self.reopen_history = reopen_history
        # Writes the history refused, in order, with what each keeps in words: tried again.
        self.unsaved: list[tuple[str, Callable[[History], object]]] = []
        self.refusal = ""  # why the history last refused one, in plain words
        # While the history cannot be opened to write (a read-only folder, a full disk): the
        # file read as it is, so today's plan, the questions already answered and past
        # sessions are still the person's own.
        self.read_only_history = read_only_history

    @property
    def readable(self) -> History | None:
        """The history to read from: the open one, else the read-only one (or None)."""
        return self.history if self.history is not None else self.read_only_history

    def adopt_history(self, history: History) -> None:
        """The history could be opened after all (a session's recorder tried again)."""
        self.history, self.reopen_history = history, None
        self.notices = [n for n in self.notices if not n.endswith(CANNOT_SAVE)]
        if self.read_only_history is not None:
            self.read_only_history.close()
            self.read_only_history = None

    def write(self, write: Callable[[History], T]) -> T:
        """`write` on the history, waiting half a second at most for another program that has
        the file (the window waits meanwhile). If the history refuses (a disk that filled or
        went read-only while Upright was open, a program holding the file), or still cannot be
        opened: HistoryError."""
        history = self._writable()
        try:
            with history.patience(SAVE_PATIENCE_S):
                return write(history)
        except sqlite3.Error as exc:
            raise refused(exc) from exc

    def _writable(self) -> History:
        """The history, opened now if it could not be at start (a disk with space again)."""
        history = self.history
        if history is None:
            if self.reopen_history is None:
                raise HistoryError("your history could not be opened")
            try:
                history = self.reopen_history()
            except (HistoryError, sqlite3.Error, OSError) as exc:
                raise HistoryError("your history could not be opened") from exc
            self.adopt_history(history)
        return history

    def save(self, what: str, write: Callable[[History], T]) -> T | None:
        """Write `what` (in words, e.g. "Your answers after the session"). If the history
        refuses, or cannot be opened yet, the person goes on (None: answers are never worth
        stopping a session for), the home page says what is not saved yet, and the write is
        tried again, after those before it, at the next save or retry_unsaved(). Only a
        history that will never be opened (a newer Upright's) saves nothing."""
        if self.history is None and self.reopen_history is None:
            return None
        try:
            self._write_unsaved()
            return self.write(write)
        except HistoryError as exc:
            self.unsaved.append((what, write))
            self.refusal = str(exc)
            return None

    def retry_unsaved(self) -> None:
        """Try the refused writes again, in order, as far as the history lets them."""
        try:
            self._write_unsaved()
        except HistoryError as exc:
            self.refusal = str(exc)

    def _write_unsaved(self) -> None:
        while self.unsaved:
            self.write(self.unsaved[0][1])
            self.unsaved.pop(0)

    def unsaved_words(self) -> str:
        """What is waiting to be saved, and why, in words ("" when nothing is)."""
        if not self.unsaved:
            return ""
        whats = list(dict.fromkeys(what[0].lower() + what[1:] for what, _ in self.unsaved))
        listed = ", ".join(whats[:-1]) + f" and {whats[-1]}" if len(whats) > 1 else whats[0]
        return f"Not saved yet ({self.refusal}): {listed}."

    def unsaved_notices(self) -> list[str]:
        """For the home page: what is waiting to be saved, and why (empty when nothing is)."""
        words = self.unsaved_words()
        return [f"{words} Upright will try again."] if words else []

    def say(self, notice: str) -> None:
        """A notice for the home page, once."""
        if notice not in self.notices:
            self.notices.append(notice)


# The end of the notice shown while the history cannot be opened.
CANNOT_SAVE = "Sessions will run; each rep is saved as soon as the history can be opened."


def todays_plan(ctx: AppContext) -> TodayPlan:
    return plan_today(
        ctx.catalog, ctx.readable, ctx.settings.profile, ctx.settings.level, ctx.clock.wall().date()
    )


def session_plan(ctx: AppContext, today: TodayPlan) -> Plan:
    pairs = [(item.exercise, item.prescription) for item in today.items]
    return build_plan(ctx.catalog, pairs, warmups=today.warmups and ctx.settings.warmups)


def screening_answered(ctx: AppContext) -> bool:
    """Whether the person answered the first-run questions (read even where nothing can be
    written: answered before is answered)."""
    history = ctx.readable
    return (
        history is not None and latest_checkin(history, ctx.settings.profile, SCREENING) is not None
    )


def next_day_session(ctx: AppContext) -> int | None:
    """The session to ask "is your back worse today?" about, if one is waiting."""
    if ctx.history is None:
        return None
    today = ctx.clock.wall().date().isoformat()
    return session_awaiting_next_day_check(ctx.history, ctx.settings.profile, today)
