"""Undo and redo over immutable states, merging a run of edits to the same field into one step."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class UndoStack(Generic[T]):
    """Holds the current state and the states before (and, after an undo, after) it."""

    def __init__(self, initial: T, limit: int = 100) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self.limit = limit
        self.current = initial
        self._undo: list[T] = []
        self._redo: list[T] = []
        self._merge_key: Hashable | None = None

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def push(self, state: T, merge_key: Hashable | None = None) -> None:
        """Make ``state`` current. Edits with the same non-None ``merge_key`` in a row (typing
        "25" into one box) become one step, so one undo takes the whole run back."""
        if state == self.current:
            return
        if merge_key is None or merge_key != self._merge_key or not self._undo:
            self._undo.append(self.current)
            del self._undo[: -self.limit]
        self.current = state
        self._redo.clear()
        self._merge_key = merge_key

    def undo(self) -> T | None:
        if not self._undo:
            return None
        self._redo.append(self.current)
        self.current = self._undo.pop()
        self._merge_key = None
        return self.current

    def redo(self) -> T | None:
        if not self._redo:
            return None
        self._undo.append(self.current)
        self.current = self._redo.pop()
        self._merge_key = None
        return self.current
