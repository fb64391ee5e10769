"""Programme files: one person's programme and prescriptions as a versioned JSON text file.

The format is documented in docs/programme-format.md, with a JSON Schema beside it. Reading
checks everything before anything is stored, and installing writes it all in one transaction,
so a bad file changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from upright.core.catalog import read_prescription
from upright.core.fields import Problems, Reader, Unreadable, ValidationError
from upright.core.history import History
from upright.core.jsontext import read_json
from upright.core.prescriptions import load_prescription, write_prescription
from upright.core.profiles import DEFAULT_PROFILE, MAX_NAME, add_profile, name_problem
from upright.core.program import Catalog, Prescription
from upright.core.programme import (
    MAX_EXERCISES,
    Programme,
    ProgrammeItem,
    check_items,
    level_programme,
    load_programme,
    read_item,
    write_programme,
)
from upright.core.reading import read_small_file
from upright.core.value import as_dict, field_names, value

FORMAT = "upright-programme"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024
MAX_DEPTH = 8  # the format itself needs 4 levels
TOP_FIELDS = frozenset({"format", "version", "person", "exercises", "warmups"})
ITEM_FIELDS = frozenset({"id", "note", "prescription"})
PRESCRIPTION_FIELDS = frozenset(field_names(Prescription))


@value
class ProgrammeFile:
    """A programme and, for each of its exercises in order, the prescription to install."""

    programme: Programme
    prescriptions: tuple[Prescription, ...]
    person: str | None = None  # who it was written for; informative only

    @property
    def pairs(self) -> tuple[tuple[ProgrammeItem, Prescription], ...]:
        return tuple(zip(self.programme.items, self.prescriptions, strict=True))


def _shown(value: object) -> str:
    """A decoded value as the file wrote it, for a message (NaN and friends included)."""
    if isinstance(value, Unreadable):
        return value.text
    return json.dumps(value, default=lambda unreadable: unreadable.text)


def _format_problem(data: Mapping[str, object]) -> tuple[str, str] | None:
    fmt, version = data.get("format"), data.get("version")
    if fmt != FORMAT:
        return "format", f"must be {FORMAT!r} (is this an Upright programme file?)"
    if isinstance(version, bool) or not isinstance(version, int | float) or version != VERSION:
        shown = "missing" if version is None else _shown(version)

        return (
            "version",
            f"is {shown[:20]}: this Upright reads programme files of version {VERSION} only",
        )
    return None


def parse_programme_data(data: object, catalog: Catalog, problems: Problems) -> ProgrammeFile:
    """Validate decoded data; ValidationError lists every problem, each naming its field."""
    root = Reader(data, "", problems)
    wrong = _format_problem(data) if isinstance(data, Mapping) else ("", "")
    if wrong is not None:
        # Nothing else in a file of another format or version can be trusted to mean the same.
        if wrong[0]:
            problems.add(*wrong)
        problems.raise_if_any()
    root.reject_unknown(TOP_FIELDS)
    person = None
    if root.has("person"):
        raw = root.data["person"]
        if isinstance(raw, str) and (why := name_problem(raw)) is not None:
            problems.add("person", why)
        else:
            person = root.text("person", max_len=MAX_NAME).strip()
    items: list[ProgrammeItem] = []
    prescriptions: list[Prescription] = []
    for child in root.children("exercises", max_items=MAX_EXERCISES):
        child.reject_unknown(ITEM_FIELDS)
        items.append(read_item(child, catalog))
        p = child.child("prescription")
        if p is not None and isinstance(child.data["prescription"], Mapping):
            p.reject_unknown(PRESCRIPTION_FIELDS)
            prescriptions.append(read_prescription(p))
    check_items(root, items)
    programme = Programme(tuple(items), root.boolean("warmups", default=True))
    problems.raise_if_any()
    return ProgrammeFile(programme, tuple(prescriptions), person or None)


def parse_programme_bytes(
    raw: bytes, catalog: Catalog, source: str = "programme file"
) -> ProgrammeFile:
    problems = Problems(source)
    data = read_json(raw, problems, MAX_FILE_BYTES, MAX_DEPTH)
    if data is None:
        problems.raise_if_any()  # unreadable text (JSON null goes on, to be refused as such)
    return parse_programme_data(data, catalog, problems)


def read_programme_file(path: Path, catalog: Catalog) -> ProgrammeFile:
    """Read and validate a file; reads at most a little over the size limit."""
    path = path.expanduser()
    try:
        raw = read_small_file(path, MAX_FILE_BYTES)
    except OSError as exc:
        raise ValidationError(str(path), [f"cannot read {path}: {exc.strerror}"]) from exc
    return parse_programme_bytes(raw, catalog, str(path))


def programme_file_dict(pf: ProgrammeFile) -> dict[str, object]:
    out: dict[str, object] = {"format": FORMAT, "version": VERSION}
    if pf.person:
        out["person"] = pf.person
    out["exercises"] = [
        {"id": item.exercise_id, "note": item.note, "prescription": as_dict(p)}
        for item, p in pf.pairs
    ]
    out["warmups"] = pf.programme.warmups
    return out


def programme_file_text(pf: ProgrammeFile) -> str:
    return json.dumps(programme_file_dict(pf), indent=2, ensure_ascii=False) + "\n"


def current_programme_file(
    catalog: Catalog, history: History | None, profile: str, level_id: str
) -> ProgrammeFile:
    """The person's programme (or their level's) with each exercise's stored prescription."""
    programme = load_programme(history, profile, catalog)[0] or level_programme(catalog, level_id)
    prescriptions = tuple(
        load_prescription(history, profile, catalog.exercise(item.exercise_id))[0]
        for item in programme.items
    )
    return ProgrammeFile(programme, prescriptions, None if profile == DEFAULT_PROFILE else profile)


def install_programme(
    history: History, catalog: Catalog, profile: str, pf: ProgrammeFile, at: datetime, reason: str
) -> None:
    """The programme and every prescription, for ``profile``, in one transaction.

    Checked again first (ValidationError), so no draft with a wrong number is ever stored.
    """
    parse_programme_data(programme_file_dict(pf), catalog, Problems(f"programme of {profile}"))
    with history.transaction() as db:
        add_profile(db, profile, at)
        write_programme(db, profile, pf.programme, at)
        for item, prescription in pf.pairs:
            write_prescription(db, profile, item.exercise_id, prescription, reason, at)
