"""Which characters a programme's or a person's text may hold, checked over all of Unicode."""

from __future__ import annotations

import unicodedata

from upright.core.fields import text_problem

DIRECTION_OVERRIDES = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def expected(char: str) -> str | None:
    """The rule in Unicode's own words: no control character but tab and newline, no lone
    surrogate, no direction override."""
    category = unicodedata.category(char)
    if category == "Cs":
        return "contains characters that are not valid text"
    if (category == "Cc" and char not in "\n\t") or char in DIRECTION_OVERRIDES:
        return f"must not contain control characters (found U+{ord(char):04X})"
    return None


def test_every_character_is_judged_by_its_unicode_category() -> None:
    wrong = [
        f"U+{code:04X}"
        for code in range(0x110000)
        if text_problem(f"ab {chr(code)} cd") != expected(chr(code))
    ]
    assert wrong == []


def test_the_first_character_that_cannot_be_shown_is_named() -> None:
    assert text_problem("Lift\u202e slowly\x07") == (
        "must not contain control characters (found U+202E)"
    )
    assert text_problem("Hold\tthen\nlower") is None
    assert text_problem("x\ud800y\x01") == "contains characters that are not valid text"
