"""Reading untrusted JSON-like data field by field, collecting every problem with its path."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


class ValidationError(ValueError):
    """One or more problems in a document; each names the field it is about."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


@dataclass
class Problems:
    """Accumulates problems so a reader can report all of them at once."""

    source: str
    items: list[str] = field(default_factory=list)

    def add(self, path: str, message: str) -> None:
        self.items.append(f"{path}: {message}" if path else message)

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.source, list(self.items))


class Reader:
    """A view of one JSON object at ``path``; missing or ill-typed fields become problems.

    Each getter returns a usable fallback after recording the problem, so one pass finds
    every problem in the document instead of stopping at the first.
    """

    def __init__(self, data: object, path: str, problems: Problems) -> None:
        self.path = path
        self.problems = problems
        if isinstance(data, Mapping):
            self.data: Mapping[str, Any] = data
        else:
            problems.add(path or "(top level)", "must be an object")
            self.data = {}

    def _at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return key in self.data

    def reject_unknown(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                self.problems.add(self._at(str(key)), "is not a known field")

    def text(self, key: str, default: str | None = None, max_len: int = 2000) -> str:
        value = self.data.get(key, default)
        if value is None:
            self.problems.add(self._at(key), "is required")
            return ""
        if not isinstance(value, str):
            self.problems.add(self._at(key), "must be text")
            return ""
        if len(value) > max_len:
            self.problems.add(self._at(key), f"is longer than {max_len} characters")
            return value[:max_len]
        return value

    def number(
        self, key: str, low: float, high: float, default: float | None = None, unit: str = ""
    ) -> float:
        value = self.data.get(key, default)
        if value is None:
            self.problems.add(self._at(key), "is required")
            return low
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        if not is_number or not math.isfinite(value):
            self.problems.add(self._at(key), "must be a number")
            return low
        if not low <= value <= high:
            self.problems.add(self._at(key), f"must be between {low:g} and {high:g}{unit}")
            return min(max(float(value), low), high)
        return float(value)

    def integer(self, key: str, low: int, high: int, default: int | None = None) -> int:
        value = self.data.get(key, default)
        if value is None:
            self.problems.add(self._at(key), "is required")
            return low
        if isinstance(value, bool) or not isinstance(value, int):
            self.problems.add(self._at(key), "must be a whole number")
            return low
        if not low <= value <= high:
            self.problems.add(self._at(key), f"must be between {low} and {high}")
            return min(max(value, low), high)
        return value

    def boolean(self, key: str, default: bool | None = None) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self.problems.add(self._at(key), "must be true or false")
            return False
        return value

    def texts(self, key: str, max_items: int = 50, required: bool = True) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None and not required:
            return ()
        if not isinstance(value, list) or (required and not value):
            self.problems.add(self._at(key), "must be a non-empty list of text")
            return ()
        if len(value) > max_items:
            self.problems.add(self._at(key), f"has more than {max_items} items")
        out: list[str] = []
        for i, item in enumerate(value[:max_items]):
            if isinstance(item, str) and item.strip() and len(item) <= 2000:
                out.append(item)
            else:
                self.problems.add(f"{self._at(key)}[{i}]", "must be non-empty text")
        return tuple(out)

    def child(self, key: str, required: bool = True) -> Reader | None:
        if key not in self.data:
            if required:
                self.problems.add(self._at(key), "is required")
            return None
        return Reader(self.data[key], self._at(key), self.problems)

    def children(self, key: str, max_items: int = 100) -> Iterator[Reader]:
        value = self.data.get(key)
        if not isinstance(value, list) or not value:
            self.problems.add(self._at(key), "must be a non-empty list")
            return
        if len(value) > max_items:
            self.problems.add(self._at(key), f"has more than {max_items} items")
        for i, item in enumerate(value[:max_items]):
            yield Reader(item, f"{self._at(key)}[{i}]", self.problems)
