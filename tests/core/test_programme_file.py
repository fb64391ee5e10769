"""Programme files: export then import gives the same programme; anything malformed is refused
cleanly, each problem naming its field (and line), and a refused or failed import changes nothing.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programme_samples import (
    CATALOG,
    EXAMPLE,
    POOL,
    example,
    mutated_documents,
    programme_files,
)
from upright.core.fields import ValidationError
from upright.core.history import History
from upright.core.prescriptions import load_prescription
from upright.core.programme import MAX_EXERCISES, Programme, ProgrammeItem, load_programme
from upright.core.programme_file import (
    MAX_FILE_BYTES,
    ProgrammeFile,
    current_programme_file,
    install_programme,
    parse_programme_bytes,
    programme_file_text,
    read_programme_file,
)
from upright.core.value import replace

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


# -- helpers -----------------------------------------------------------------------------------
def rejected(raw: bytes) -> ValidationError:
    """Refused with a ValidationError whose every problem is one line naming where it is."""
    with pytest.raises(ValidationError) as caught:
        parse_programme_bytes(raw, CATALOG)
    assert_names_a_place(caught.value)
    return caught.value


def assert_names_a_place(exc: ValidationError) -> None:
    assert exc.problems and len(exc.problems) == len(exc.entries)
    for problem, (path, message) in zip(exc.problems, exc.entries, strict=True):
        assert "\n" not in problem and "\r" not in problem and message
        if path:
            assert problem.startswith(path)
        else:
            assert re.match(r"(line \d+(, column \d+)?: |the file )", message), problem


def outcome(raw: bytes) -> ProgrammeFile | ValidationError:
    try:
        return parse_programme_bytes(raw, CATALOG)
    except ValidationError as exc:
        assert_names_a_place(exc)
        return exc


def dumps(data: object) -> bytes:
    return json.dumps(data, indent=2).encode()


def db_dump(history: History) -> list[str]:
    return list(history.connection.iterdump())


# -- round trip --------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(pf=programme_files())
def test_export_then_import_gives_the_same_programme(pf: ProgrammeFile) -> None:
    assert parse_programme_bytes(programme_file_text(pf).encode("utf-8"), CATALOG) == pf


@settings(max_examples=100, deadline=None)
@given(pf=programme_files())
def test_installed_then_exported_gives_the_same_programme(pf: ProgrammeFile) -> None:
    history = History(":memory:")
    install_programme(history, CATALOG, "Anna", pf, T0, "set by a test")
    back = current_programme_file(CATALOG, history, "Anna", "beginner")
    assert back == replace(pf, person="Anna")


def test_the_documented_example_is_valid() -> None:
    pf = read_programme_file(EXAMPLE, CATALOG)
    assert pf.person == "Anna Example"
    assert [i.exercise_id for i in pf.programme.items] == ["forearm-press-up", "chest-raise"]
    # Left out, the optional numbers take their documented defaults.
    chest = pf.prescriptions[1]
    assert (chest.hold_s, chest.reps, chest.long_rest_s, chest.long_rest_from_s) == (5, 8, 10, 20)
    assert chest.sessions_per_week == 5


def test_a_utf8_byte_order_mark_is_allowed() -> None:
    raw = EXAMPLE.read_bytes()
    assert parse_programme_bytes(b"\xef\xbb\xbf" + raw, CATALOG) == parse_programme_bytes(
        raw, CATALOG
    )


# -- problems name their field and line --------------------------------------------------------
def test_each_problem_names_its_field_and_line() -> None:
    data = example()
    data["exercises"][0]["prescription"]["target_hold_s"] = 600  # a 10-minute hold
    data["exercises"][1]["id"] = "back-bend"
    data["exercises"][1]["prescription"]["hold_s"] = 30
    data["exercises"][1]["url"] = "https://example.org/x.json"
    problems = rejected(dumps(data)).problems
    assert problems == [
        "exercises[0].prescription.target_hold_s (line 13): must be between 1 and 120 s",
        "exercises[1].url (line 41): would refer to something outside the file, which Upright "
        "never follows",
        "exercises[1].id (line 27): 'back-bend' is not one of Upright's exercises "
        "(forearm-press-up, hand-press-up, chest-raise, chest-raise-legs)",
        "exercises[1].prescription.hold_s (line 39): must be between 5 and 20 s",
    ]


def test_a_missing_field_points_at_the_object_it_belongs_in() -> None:
    data = example()
    del data["exercises"][1]["prescription"]["lift_s"]
    assert rejected(dumps(data)).problems == [
        "exercises[1].prescription.lift_s (line 29): is required"
    ]


MALFORMED: list[tuple[str, bytes, str]] = [
    ("empty", b"", "line 1, column 1: not valid JSON"),
    ("not JSON", b"format: upright-programme\n", "not valid JSON"),
    ("YAML tag", b"!!python/object/apply:os.system ['touch /tmp/x']", "not valid JSON"),
    ("pickle", b"\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x94.", "not UTF-8"),
    ("UTF-16 with BOM", '{"format": 1}'.encode("utf-16"), "not UTF-8"),
    ("UTF-32 with BOM", '{"format": 1}'.encode("utf-32"), "not UTF-8"),
    ("invalid UTF-8", b'{"format": "upright-programme", "person": "\xc3\x28"}', "not UTF-8"),
    ("top is a list", b"[1, 2]", "(top level) (line 1): must be an object"),
    ("top is null", b"null", "(top level) (line 1): must be an object"),
    ("deep lists", b"[" * 5000 + b"]" * 5000, "nested more than 8 levels deep"),
    ("deep objects", b'{"a":' * 3000 + b"1" + b"}" * 3000, "nested more than 8 levels deep"),
    ("other format", b'{"format": "upright-catalog", "version": 1}', "format (line 1): must be"),
    ("version 2", b'{"format": "upright-programme", "version": 2}', "is 2: this Upright reads"),
    ("version text", b'{"format": "upright-programme", "version": "1"}', 'is "1": this'),
    ("no version", b'{"format": "upright-programme"}', "version (line 1): is missing"),
    ("version NaN", b'{"format": "upright-programme", "version": NaN}', "is NaN: this"),
    ("version huge", b'{"format": "upright-programme", "version": 1e999}', "is Infinity: this"),
    ("version list", b'{"format": "upright-programme", "version": [NaN]}', 'is ["NaN"]: this'),
    ("trailing text", dumps(example()) + b"\nrm -rf /", "not valid JSON (Extra data)"),
]


@pytest.mark.parametrize(("case", "raw", "expected"), MALFORMED, ids=[c for c, _, _ in MALFORMED])
def test_malformed_files_are_refused_with_a_plain_reason(
    case: str, raw: bytes, expected: str
) -> None:
    assert expected in " | ".join(rejected(raw).problems)


def _with(path: str, value: object) -> bytes:
    data = example()
    target: Any = data
    *parents, last = path.split("/")
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    target[int(last) if last.isdigit() else last] = value
    return json.dumps(data).encode()


FIELD_CASES: list[tuple[str, object, str]] = [
    ("exercises/0/prescription/hold_s", float("nan"), "hold_s (line 1): must be an ordinary"),
    ("exercises/0/prescription/rest_s", float("inf"), "rest_s (line 1): must be an ordinary"),
    ("exercises/0/prescription/reps", 10**400, "reps (line 1): must be an ordinary number"),
    ("exercises/0/prescription/reps", 10.5, "reps (line 1): must be a whole number"),
    ("exercises/0/prescription/lift_s", True, "lift_s (line 1): must be a number"),
    ("exercises/0/prescription/lift_s", "2", "lift_s (line 1): must be a number"),
    ("exercises/0/prescription/$ref", "/etc/passwd", "$ref (line 1): would refer to something"),
    ("exercises/0/image", "file:///etc/passwd", "image (line 1): would refer to something"),
    ("$schema", "https://example.org/s.json", "$schema (line 1): would refer to something"),
    ("exercises/0/id", "../../etc/passwd", "is not one of Upright's exercises"),
    ("exercises/0/id", "side-reach", "'side-reach' is not one of Upright's exercises"),
    ("exercises/0/id", "", "id (line 1): '' is not one of Upright's exercises"),
    ("exercises/0/note", "x" * 501, "note (line 1): is longer than 500 characters"),
    ("exercises/0/note", "bell\x07", "note (line 1): must not contain control characters"),
    ("exercises/0/note", "\ud800", "note (line 1): contains characters that are not valid text"),
    ("exercises/0/note", "abc\u202edef", "must not contain control characters (found U+202E)"),
    ("person", "x" * 41, "person (line 1): A name can be at most 40 characters"),
    ("person", 7, "person (line 1): must be text"),
    ("warmups", "yes", "warmups (line 1): must be true or false"),
    ("exercises", [], "exercises (line 1): must be a non-empty list"),
    ("exercises", {}, "exercises (line 1): must be a non-empty list"),
    ("exercises/1/id", "forearm-press-up", "exercises (line 1): lists the same exercise twice"),
    ("exercises/0/prescription", None, "prescription (line 1): must be an object"),
    ("exercises/0/prescription/target_hold_s", 3, "must not be shorter than start_hold_s"),
    ("exercises/0/prescription/target_reps", 5, "must not be fewer than start_reps"),
    ("exercises/0/prescription/sessions_per_week", 1, "must be between 2 and 7"),
]


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    FIELD_CASES,
    ids=[f"{p}={str(v)[:12]}" for p, v, _ in FIELD_CASES],
)
def test_bad_values_are_refused_naming_the_field(path: str, value: object, expected: str) -> None:
    assert expected in " | ".join(rejected(_with(path, value)).problems)


def test_too_many_exercises() -> None:
    data = example()
    data["exercises"] = [data["exercises"][0]] * (MAX_EXERCISES + 1)
    assert (
        "exercises (line 1): has more than 8 items" in rejected(json.dumps(data).encode()).problems
    )


def test_duplicate_keys_are_refused() -> None:
    raw = b'{"format": "upright-programme", "version": 1, "version": 1, "exercises": []}'
    assert "version (line 1): appears twice in the same object" in rejected(raw).problems


def test_big_files_are_refused_before_reading_them_whole(tmp_path: Path) -> None:
    padded = dumps(example())[:-1] + b" " * MAX_FILE_BYTES + b"}"
    assert "the file is larger than 64 KiB" in rejected(padded).problems[0]
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(2_000_000_000)  # sparse: costs no disk, and must not be read whole
    with pytest.raises(ValidationError, match="larger than 64 KiB"):
        read_programme_file(huge, CATALOG)
    with pytest.raises(ValidationError, match="it is not a file"):
        read_programme_file(tmp_path, CATALOG)
    with pytest.raises(ValidationError, match="there is no such file"):
        read_programme_file(tmp_path / "missing.json", CATALOG)


# -- thousands of generated malformed files ----------------------------------------------------
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=mutated_documents(), indent=st.sampled_from([None, 1, 2]))
def test_mutated_files_are_accepted_only_if_valid_else_refused_cleanly(
    doc: object, indent: int | None
) -> None:
    result = outcome(json.dumps(doc, indent=indent).encode())
    if isinstance(result, ProgrammeFile):  # the mutation happened to keep it valid
        assert parse_programme_bytes(programme_file_text(result).encode(), CATALOG) == result


@settings(max_examples=1500, deadline=None)
@given(
    pf=st.sampled_from(POOL),
    edits=st.lists(
        st.tuples(
            st.sampled_from(["insert", "delete", "replace"]),
            st.integers(min_value=0),
            st.binary(min_size=1, max_size=4),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_byte_damaged_files_are_refused_cleanly(
    pf: ProgrammeFile, edits: list[tuple[str, int, bytes]]
) -> None:
    raw = bytearray(programme_file_text(pf).encode("utf-8"))
    for action, where, data in edits:
        at = where % (len(raw) + 1)
        if action == "insert":
            raw[at:at] = data
        elif action == "delete":
            del raw[at : at + len(data)]
        else:
            raw[at : at + len(data)] = data
    outcome(bytes(raw))


# -- a refused or failed import changes nothing ------------------------------------------------
def test_install_is_all_or_nothing(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    first = read_programme_file(EXAMPLE, CATALOG)
    install_programme(history, CATALOG, "Anna", first, T0, "first")
    before = db_dump(history)
    second = ProgrammeFile(
        Programme((ProgrammeItem("hand-press-up", "new"), ProgrammeItem("chest-raise"))),
        (CATALOG.exercise("hand-press-up").defaults, CATALOG.exercise("chest-raise").defaults),  # type: ignore[arg-type]
    )
    # The second prescription's write fails: the programme and first one must not stay.
    history.connection.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.prescriptions"
        " WHEN NEW.exercise = 'chest-raise' BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    history.connection.execute(
        "CREATE TEMP TRIGGER refuse_update BEFORE UPDATE ON main.prescriptions"
        " WHEN NEW.exercise = 'chest-raise' BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(sqlite3.DatabaseError, match="disk full"):
        install_programme(history, CATALOG, "Anna", second, T0, "second")
    assert db_dump(history) == before
    programme = load_programme(history, "Anna", CATALOG)[0]
    assert programme == first.programme
    hand = load_prescription(history, "Anna", CATALOG.exercise("hand-press-up"))
    assert hand[1] == ""  # never stored
