"""Editing a person's programme for the therapist: pure operations on a draft, and its checks.

A draft is a ProgrammeFile that may hold wrong numbers while it is being edited; ``check``
runs the same reader as an imported file, so the editor and import can never disagree.
"""

from __future__ import annotations

import re
from typing import Any

from upright.core.fields import Problems, ValidationError
from upright.core.program import Catalog, Exercise, Prescription
from upright.core.programme import ProgrammeItem
from upright.core.programme_file import ProgrammeFile, parse_programme_data, programme_file_dict
from upright.core.value import replace

_ITEM_PATH = re.compile(r"exercises\[(\d+)\](?:\.prescription)?\.(\w+)$")


def _with_items(
    draft: ProgrammeFile, pairs: list[tuple[ProgrammeItem, Prescription]]
) -> ProgrammeFile:
    programme = replace(draft.programme, items=tuple(item for item, _ in pairs))
    return replace(draft, programme=programme, prescriptions=tuple(p for _, p in pairs))


def add_exercise(draft: ProgrammeFile, exercise: Exercise, p: Prescription) -> ProgrammeFile:
    return _with_items(draft, [*draft.pairs, (ProgrammeItem(exercise.id), p)])


def remove_exercise(draft: ProgrammeFile, index: int) -> ProgrammeFile:
    pairs = list(draft.pairs)
    del pairs[index]
    return _with_items(draft, pairs)


def move_exercise(draft: ProgrammeFile, index: int, delta: int) -> tuple[ProgrammeFile, int]:
    """Move one place up (-1) or down (+1); returns the new draft and where the exercise went."""
    pairs = list(draft.pairs)
    to = min(max(index + delta, 0), len(pairs) - 1)
    pairs.insert(to, pairs.pop(index))
    return _with_items(draft, pairs), to


def set_number(draft: ProgrammeFile, index: int, name: str, value: float) -> ProgrammeFile:
    pairs = list(draft.pairs)
    item, p = pairs[index]
    changes: dict[str, Any] = {name: value}
    pairs[index] = (item, replace(p, **changes))
    return _with_items(draft, pairs)


def set_note(draft: ProgrammeFile, index: int, note: str) -> ProgrammeFile:
    pairs = list(draft.pairs)
    item, p = pairs[index]
    pairs[index] = (replace(item, note=note), p)
    return _with_items(draft, pairs)


def set_warmups(draft: ProgrammeFile, on: bool) -> ProgrammeFile:
    return replace(draft, programme=replace(draft.programme, warmups=on))


def reset_numbers(draft: ProgrammeFile, catalog: Catalog) -> ProgrammeFile:
    """Every exercise's numbers back to Upright's starting values; the list and notes stay."""
    pairs = []
    for item, p in draft.pairs:
        defaults = catalog.exercise(item.exercise_id).defaults
        pairs.append((item, defaults if defaults is not None else p))
    return _with_items(draft, pairs)


def check(draft: ProgrammeFile, catalog: Catalog) -> list[tuple[str, str]]:
    """Every problem as (field path, plain message); empty when the draft can be saved."""
    problems = Problems("programme")
    try:
        parse_programme_data(programme_file_dict(draft), catalog, problems)
    except ValidationError as exc:
        return exc.entries
    return []


def problems_of(entries: list[tuple[str, str]], index: int) -> dict[str, str]:
    """The problems of exercise ``index``, by field name (``note``, ``hold_s`` ...)."""
    out: dict[str, str] = {}
    for path, message in entries:
        match = _ITEM_PATH.match(path)
        if match and int(match.group(1)) == index:
            out.setdefault(match.group(2), message)
    return out
