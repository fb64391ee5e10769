"""Writes a running session's events to the history, keeping anything it could not save yet."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar

from upright.core.clock import Clock
from upright.core.events import Event, RepCompleted, SessionFinished
from upright.core.history import (
    SAVE_PATIENCE_S,
    History,
    HistoryError,
    PlannedExercise,
    refusal_words,
    refused,
)
from upright.core.session_end import SessionEnd


@dataclass
class SessionRecorder:
    """One per session. Every rep is written the moment its hold ends, before the next rep.

    If the disk refuses (read-only, full), the rep is kept in memory, the problem is reported
    in ``problem``, and every later event retries, so nothing is silently dropped. A history
    that could not be opened at all is tried again the same way, if ``reopen`` says how.
    """

    history: History | None
    clock: Clock
    profile: str
    level: str
    planned: list[PlannedExercise]
    time_scale: float = 1.0
    reopen: Callable[[], History] | None = None
    REOPEN_EVERY_S: ClassVar[float] = 10.0  # a failed open is not tried at every phase
    session_id: int | None = None
    cause: str | None = None  # why the last try to save failed, in plain words
    _refusal: sqlite3.Error | OSError | None = None  # the history's own error for that try
    pending: list[RepCompleted] = field(default_factory=list)
    saved_reps: list[RepCompleted] = field(default_factory=list)
    _ended: tuple[SessionEnd, datetime] | None = None
    _levels: dict[str, str] = field(default_factory=dict)
    _next_reopen_s: float = float("-inf")
    _started_at: datetime | None = None  # its row keeps this, even when written later

    def __post_init__(self) -> None:
        self._levels = {p.exercise: p.level for p in self.planned}

    @property
    def all_reps(self) -> list[RepCompleted]:
        return [*self.saved_reps, *self.pending]

    def begin(self) -> None:
        self._started_at = self.clock.wall()
        self._flush()

    def handle(self, events: Iterable[Event]) -> None:
        for event in events:
            if isinstance(event, RepCompleted):
                self.pending.append(event)
            elif isinstance(event, SessionFinished):
                self._ended = (event.how, self.clock.wall())
        self._flush()

    @property
    def problem(self) -> str | None:
        """While the session runs: what is not saved yet, and why (None when all is saved)."""
        if self.cause is None:
            return None
        count = len(self.pending)
        waiting = f"{count} rep{'s' if count != 1 else ''} not saved yet; " if count else ""
        return f"{self.cause} {waiting}Upright keeps trying."

    def unsaved_at_end(self, retried: bool) -> str | None:
        """For the summary: what this session could not save, and whether the app will try
        again (`retried`: save_rest() is queued) or it is lost."""
        if self.cause is None:
            return None
        count = len(self.pending)
        reps = f"{count} rep{'s' if count != 1 else ''} of this session"
        if count:
            what = f"{reps} {'are not saved yet' if retried else 'could not be saved'}."
        elif self.session_id is None:
            what = f"This session {'is not saved yet' if retried else 'could not be saved'}."
        else:
            end = "is not recorded yet" if retried else "could not be recorded"
            what = f"Every rep is saved; only the session's end {end}."
        return f"{self.cause} {what}{' Upright will try again.' if retried else ''}"

    def save_rest(self, history: History) -> None:
        """After the session: save what is still waiting into ``history`` (the app's, which
        may have been opened since); HistoryError, in plain words, while it still cannot."""
        self.history = history
        self._flush()
        if self._refusal is not None:
            raise refused(self._refusal)

    def session_row(self, history: History) -> int:
        """The session's id in ``history``; if it has no row yet (it could not be saved when it
        began), it is saved now with all that waits. HistoryError while it cannot be."""
        if self.session_id is None:
            self.save_rest(history)
        if self.session_id is None:  # the history took none of it
            raise HistoryError("your history could not be written")
        return self.session_id

    def _flush(self) -> None:
        if self.session_id is not None and not self.pending and self._ended is None:
            return  # nothing to write: most phase changes
        if self.history is None:
            if self.reopen is None:
                return  # demo mode: nothing is to be saved
            if self.clock.monotonic() < self._next_reopen_s:
                return
            try:
                self.history = self.reopen()
            except (HistoryError, sqlite3.Error, OSError) as exc:
                self.cause = str(exc)
                self._next_reopen_s = self.clock.monotonic() + self.REOPEN_EVERY_S
                return
        try:
            with self.history.patience(SAVE_PATIENCE_S):  # what fails is tried again later
                if self.session_id is None:
                    started = self._started_at or self.clock.wall()
                    self.session_id = self.history.begin_session(
                        self.profile, self.level, started, self.planned, self.time_scale
                    )
                while self.pending:
                    rep = self.pending[0]
                    level = self._levels.get(rep.exercise_id, "")
                    self.history.add_rep(self.session_id, level, rep)
                    self.saved_reps.append(self.pending.pop(0))
                if self._ended is not None:
                    self.history.end_session(self.session_id, *self._ended)
            self.cause, self._refusal = None, None
        except (sqlite3.Error, OSError) as exc:
            self._refusal = exc
            self.cause = f"Upright could not save to your history ({refusal_words(exc)})."
