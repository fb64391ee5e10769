"""Reading untrusted JSON-like data field by field, collecting every problem with its path."""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

from upright.core.value import value

_PLAIN_KEY = re.compile(r"[A-Za-z0-9_$-]{1,60}")
_PARENT = re.compile(r"(\.[^.\[]*|\[\d+\])$")
# Keys that would point outside the document; Upright never follows them.
REFERENCE_KEYS = frozenset(
    {"include", "import", "href", "url", "uri", "src", "file", "path", "image", "video", "link"}
)
# What text may not hold: control characters but tab and newline (Unicode's category Cc is
# exactly U+0000-001F and U+007F-009F), lone surrogates (Cs), and the direction overrides, which
# can make text read differently from what it says. One search, not a Python loop over every
# character: the built-in programme is read at every start. It is ASCII, as most text is, and
# ASCII needs only the ASCII part: 0.03 ms to compile where the whole set takes 0.5 ms (a set
# reaching past U+00FF makes `re` build a map of all 65,536 BMP characters).
_NOT_SHOWN_ASCII = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


@functools.cache
def _not_shown() -> re.Pattern[str]:
    return re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


class ValidationError(ValueError):
    """One or more problems in a document; each names the field it is about."""

    def __init__(
        self, source: str, problems: list[str], entries: list[tuple[str, str]] | None = None
    ) -> None:
        self.source = source
        self.problems = problems
        # (field path, message) pairs, for showing each problem beside its field
        self.entries = entries if entries is not None else [("", p) for p in problems]
        super().__init__(f"{source}: " + "; ".join(problems))


@value
class Unreadable:
    """A JSON value that is not an ordinary number (NaN, Infinity, or hundreds of digits)."""

    text: str


def field_name(key: object) -> str:
    """A key as it appears in a field path: plain keys as they are, others quoted and short."""
    text = str(key)
    return text if _PLAIN_KEY.fullmatch(text) else json.dumps(text[:40])


def parent_path(path: str) -> str:
    """``a.b[2].c`` -> ``a.b[2]`` -> ``a.b`` -> ``a`` -> ``""``."""
    return _PARENT.sub("", path) if _PARENT.search(path) else ""


class Problems:
    """Accumulates problems so a reader can report all of them at once.

    ``lines`` maps field paths to their line in the source text, when there is one, so each
    problem can say where to look.
    """

    def __init__(self, source: str, lines: Mapping[str, int] | None = None) -> None:
        self.source = source
        self.lines: Mapping[str, int] = lines if lines is not None else {}
        self.entries: list[tuple[str, str]] = []

    def add(self, path: str, message: str) -> None:
        self.entries.append((path, message))

    def line_of(self, path: str) -> int | None:
        """The line of the field, or of its nearest enclosing field that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = parent_path(path)

    def describe(self, path: str, message: str) -> str:
        line = self.line_of(path) if self.lines else None
        where = f"{path} (line {line})" if path and line else path
        return f"{where}: {message}" if where else message

    @property
    def items(self) -> list[str]:
        return [self.describe(path, message) for path, message in self.entries]

    def raise_if_any(self) -> None:
        if self.entries:
            raise ValidationError(self.source, self.items, list(self.entries))


def text_problem(value: str) -> str | None:
    """Why a piece of text cannot be shown as it is, or None."""
    found = (_NOT_SHOWN_ASCII if value.isascii() else _not_shown()).search(value)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        return "contains characters that are not valid text"
    return f"must not contain control characters (found U+{ord(char):04X})"


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

    def reject_unknown(self, allowed: set[str] | frozenset[str]) -> None:
        for key in self.data:
            if key in allowed:
                continue
            if str(key).startswith("$") or str(key).lower() in REFERENCE_KEYS:
                message = "would refer to something outside the file, which Upright never follows"
            else:
                message = "is not a known field"
            self.problems.add(self._at(field_name(key)), message)

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
        if (problem := text_problem(value)) is not None:
            self.problems.add(self._at(key), problem)
            return ""
        return value

    def number(
        self, key: str, low: float, high: float, default: float | None = None, unit: str = ""
    ) -> float:
        value = self.data.get(key, default)
        if value is None:
            self.problems.add(self._at(key), "is required")
            return low
        if isinstance(value, Unreadable) or (isinstance(value, float) and not math.isfinite(value)):
            self.problems.add(self._at(key), "must be an ordinary number (not NaN or Infinity)")
            return low
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problems.add(self._at(key), "must be a number")
            return low
        if not low <= value <= high:
            self.problems.add(self._at(key), f"must be between {low:g} and {high:g}{unit}")
            # Clamp before converting: an int too big for a float must not raise here.
            return float(min(max(value, low), high))
        return float(value)

    def integer(self, key: str, low: int, high: int, default: int | None = None) -> int:
        value = self.data.get(key, default)
        if value is None:
            self.problems.add(self._at(key), "is required")
            return low
        if isinstance(value, Unreadable):
            self.problems.add(self._at(key), "must be an ordinary number (not NaN or Infinity)")
            return low
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 10.0 is a whole number, as JSON Schema says too
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
                if (problem := text_problem(item)) is not None:
                    self.problems.add(f"{self._at(key)}[{i}]", problem)
                else:
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
