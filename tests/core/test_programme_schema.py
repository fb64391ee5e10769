"""The JSON Schema in docs/ and Upright's own reader agree: whatever Upright accepts, the schema
accepts; what the schema refuses, Upright refuses; and the few rules only Upright can check are
listed (they are documented in docs/programme-format.md)."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from programme_samples import (
    CATALOG,
    HOLD_IDS,
    POOL,
    SCHEMA,
    example,
    mutated_documents,
    programme_files,
)
from upright.core.fields import ValidationError
from upright.core.program import Prescription
from upright.core.programme_file import (
    ProgrammeFile,
    parse_programme_bytes,
    programme_file_dict,
    programme_file_text,
)
from upright.core.value import field_names

VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def schema_ok(doc: object) -> bool:
    return VALIDATOR.is_valid(doc)


def upright_ok(doc: object) -> bool:
    try:
        parse_programme_bytes(json.dumps(doc).encode(), CATALOG)
    except ValidationError:
        return False
    return True


def changed(path: str, value: object) -> dict[str, Any]:
    doc = example()
    target: Any = doc
    *parents, last = path.split("/")
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    if value is DELETE:
        del target[int(last) if last.isdigit() else last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return doc


DELETE = object()
P = "exercises/0/prescription"

BOTH_REFUSE: list[tuple[str, object]] = [
    ("format", "upright-catalog"),
    ("version", 2),
    ("version", True),
    ("version", DELETE),
    ("exercises", []),
    ("exercises/0/id", "side-reach"),
    ("exercises/0/id", "../../etc/passwd"),
    ("exercises/0/note", "x" * 501),
    ("exercises/0/note", "bell\x07"),
    ("exercises/0/note", "abc\u202edef"),
    ("exercises/0/prescription", DELETE),
    ("exercises/0/url", "https://example.org"),
    ("$ref", "other.json"),
    ("person", ""),
    ("person", "  "),
    ("person", "Tab\there"),
    ("warmups", "yes"),
    (f"{P}/target_hold_s", 600),
    (f"{P}/start_hold_s", 0.5),
    (f"{P}/step_s", 0),
    (f"{P}/reps", 10.5),
    (f"{P}/reps", 31),
    (f"{P}/lift_s", True),
    (f"{P}/rest_s", "5"),
    (f"{P}/sessions_per_week", 8),
    (f"{P}/get_ready_s", -1),
    (f"{P}/lower_s", DELETE),
    (f"{P}/colour", "red"),
]


@pytest.mark.parametrize(("path", "value"), BOTH_REFUSE, ids=[p for p, _ in BOTH_REFUSE])
def test_both_refuse(path: str, value: object) -> None:
    doc = changed(path, value)
    assert not schema_ok(doc)
    assert not upright_ok(doc)


# Rules a JSON Schema cannot express; Upright checks them (docs: "Rules beyond the schema").
ONLY_UPRIGHT_REFUSES: list[tuple[str, object]] = [
    (f"{P}/target_hold_s", 3),  # shorter than start_hold_s (5)
    (f"{P}/hold_s", 40),  # beyond target_hold_s (30), within 1..120
    (f"{P}/target_reps", 5),  # fewer than start_reps (10)
    (f"{P}/reps", 12),  # beyond target_reps (10)
    ("exercises/1/id", "forearm-press-up"),  # the same exercise twice
    ("person", "x" * 41),  # longer than 40 characters
]


@pytest.mark.parametrize(
    ("path", "value"), ONLY_UPRIGHT_REFUSES, ids=[p for p, _ in ONLY_UPRIGHT_REFUSES]
)
def test_rules_beyond_the_schema(path: str, value: object) -> None:
    doc = changed(path, value)
    assert schema_ok(doc)
    assert not upright_ok(doc)


def test_valid_samples_pass_both() -> None:
    for doc in [example(), *(programme_file_dict(pf) for pf in POOL)]:
        assert schema_ok(doc), doc
        assert upright_ok(doc), doc
    whole_floats = changed(f"{P}/reps", 10.0)  # 10.0 is a whole number to both
    assert schema_ok(whole_floats) and upright_ok(whole_floats)


def test_the_schema_knows_the_same_exercises_and_fields() -> None:
    schema = VALIDATOR.schema
    assert schema["$defs"]["exercise"]["properties"]["id"]["enum"] == HOLD_IDS
    assert set(schema["$defs"]["prescription"]["properties"]) == set(field_names(Prescription))
    # A field is required by the schema exactly when Upright needs it.
    for name in schema["$defs"]["prescription"]["properties"]:
        doc = changed(f"{P}/{name}", DELETE)
        required = name in schema["$defs"]["prescription"]["required"]
        assert upright_ok(doc) is not required, name
        assert schema_ok(doc) is not required, name


@settings(max_examples=200, deadline=None)
@given(pf=programme_files())
def test_every_exported_file_matches_the_schema(pf: ProgrammeFile) -> None:
    assert schema_ok(json.loads(programme_file_text(pf)))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=mutated_documents())
def test_what_upright_accepts_the_schema_accepts(doc: object) -> None:
    if upright_ok(copy.deepcopy(doc)):
        assert schema_ok(doc)
