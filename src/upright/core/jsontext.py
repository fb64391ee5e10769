"""Reading untrusted JSON text safely: size, encoding, nesting, duplicates, and each field's line.

Only the standard library's JSON decoder reads the text: nothing in it is ever executed or
followed. NaN, Infinity and numbers too long to be sensible come back as ``Unreadable``
values, so the field reader reports them against the field they are in.
"""

from __future__ import annotations

import bisect
import json
import re

from upright.core.fields import Problems, Unreadable, field_name

_WS = re.compile(r"[ \t\n\r]*")
_UTF8_BOM = b"\xef\xbb\xbf"
MAX_NUMBER_CHARS = 40


def _number(text: str) -> object:
    if len(text) > MAX_NUMBER_CHARS:
        return Unreadable(text[:12] + "...")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _decoder() -> json.JSONDecoder:
    return json.JSONDecoder(
        parse_constant=Unreadable,
        parse_int=_number,
        parse_float=_number,
    )


def _line_starts(text: str) -> list[int]:
    return [m.end() for m in re.finditer("\n", text)]


def _line(starts: list[int], index: int) -> int:
    return bisect.bisect_right(starts, index) + 1


def _too_deep(text: str, max_depth: int) -> int | None:
    """The index where nesting first goes deeper than ``max_depth``, or None.

    Checked before decoding: the decoder recurses once per level, and a few thousand
    brackets would exhaust Python's stack.
    """
    depth = 0
    in_string = escaped = False
    for i, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > max_depth:
                return i
        elif char in "]}":
            depth -= 1
    return None


class _Walker:
    """Walks text already known to be valid JSON, noting where each field path begins."""

    def __init__(self, text: str, decoder: json.JSONDecoder) -> None:
        self.text = text
        self.decoder = decoder
        self.starts = _line_starts(text)
        self.lines: dict[str, int] = {}
        self.duplicates: list[str] = []

    def skip(self, i: int) -> int:
        match = _WS.match(self.text, i)
        return match.end() if match else i

    def value(self, i: int, path: str) -> int:
        i = self.skip(i)
        self.lines.setdefault(path, _line(self.starts, i))
        char = self.text[i]
        if char == "{":
            return self.members(i + 1, path)
        if char == "[":
            return self.elements(i + 1, path)
        return int(self.decoder.raw_decode(self.text, i)[1])

    def members(self, i: int, path: str) -> int:
        seen: set[str] = set()
        i = self.skip(i)
        if self.text[i] == "}":
            return i + 1
        while True:
            i = self.skip(i)
            decoded, end = self.decoder.raw_decode(self.text, i)
            key = str(decoded)
            sub = f"{path}.{field_name(key)}" if path else field_name(key)
            if key in seen:
                self.duplicates.append(sub)
            seen.add(key)
            self.lines.setdefault(sub, _line(self.starts, i))
            i = self.value(self.skip(end) + 1, sub)  # past the ':'
            i = self.skip(i)
            if self.text[i] == "}":
                return i + 1
            i += 1  # the ','

    def elements(self, i: int, path: str) -> int:
        i = self.skip(i)
        if self.text[i] == "]":
            return i + 1
        n = 0
        while True:
            i = self.skip(self.value(i, f"{path}[{n}]"))
            n += 1
            if self.text[i] == "]":
                return i + 1
            i += 1


def read_json(raw: bytes, problems: Problems, max_bytes: int, max_depth: int) -> object | None:
    """Decode ``raw``; on success set ``problems.lines`` and note duplicate keys as problems.

    Returns None, with the reason added to ``problems``, when the text cannot be read at all.
    A UTF-8 byte order mark is allowed (RFC 8259 lets a reader ignore it; Notepad writes one).
    """
    if len(raw) > max_bytes:
        problems.add("", f"the file is larger than {max_bytes // 1024} KiB ({len(raw)} bytes)")
        return None
    raw = raw.removeprefix(_UTF8_BOM)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add("", f"line {line}: the file is not UTF-8 text (byte {exc.start})")
        return None
    deep = _too_deep(text, max_depth)
    if deep is not None:
        line = _line(_line_starts(text), deep)
        problems.add("", f"line {line}: nested more than {max_depth} levels deep")
        return None
    decoder = _decoder()
    try:
        data: object = decoder.decode(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        problems.add("", f"{where}: not valid JSON ({exc.msg})")
        return None
    walker = _Walker(text, decoder)
    walker.value(0, "")
    problems.lines = walker.lines
    for path in walker.duplicates:
        problems.add(path, "appears twice in the same object")
    return data
