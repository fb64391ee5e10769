"""`upright program import/export` through the real entry point: files, exit codes, stderr lines."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from programme_samples import CATALOG, EXAMPLE, example
from upright.app import main
from upright.core.history import History, PlannedExercise
from upright.core.programme_file import parse_programme_bytes, read_programme_file


def dump(data_dir: Path) -> list[str]:
    db = sqlite3.connect(data_dir / "history.sqlite3")
    try:
        return list(db.iterdump())
    finally:
        db.close()


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_export_without_a_history_writes_the_levels_defaults(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine.json"
    assert run(data_dir, "program", "export", str(out)) == 0
    pf = read_programme_file(out, CATALOG)
    assert pf.programme.exercise_ids == ("forearm-press-up",)
    assert pf.prescriptions == (CATALOG.exercise("forearm-press-up").defaults,)
    assert pf.person is None
    assert "Wrote the programme of default" in capsys.readouterr().out
    assert not (data_dir / "history.sqlite3").exists()  # exporting never creates a history


def test_import_installs_for_the_person_and_export_gives_it_back(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "program", "import", str(EXAMPLE), "--profile", "Anna") == 0
    said = capsys.readouterr()
    assert said.err == ""
    assert said.out.startswith("Installed the programme (written for Anna Example) for Anna:")
    assert "Forearm press-up: 10 reps, hold 10 s; Chest raise: 8 reps, hold 5 s" in said.out

    out = tmp_path / "back.json"
    assert run(data_dir, "program", "export", str(out), "--profile", "anna") == 0
    back = read_programme_file(out, CATALOG)
    original = read_programme_file(EXAMPLE, CATALOG)
    assert (back.programme, back.prescriptions, back.person) == (
        original.programme,
        original.prescriptions,
        "Anna",
    )
    history = History(data_dir / "history.sqlite3")
    reasons = history.connection.execute(
        "SELECT DISTINCT reason FROM prescriptions WHERE profile = 'Anna'"
    ).fetchall()
    assert [r[0] for r in reasons] == ["Set from a programme file from your therapist."]
    assert history.connection.execute("SELECT COUNT(*) FROM programmes").fetchone()[0] == 1


def test_a_bad_file_exits_2_with_one_line_per_problem_and_changes_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "program", "import", str(EXAMPLE)) == 0
    before = dump(data_dir)
    capsys.readouterr()

    doc = example()
    doc["exercises"][0]["prescription"]["target_hold_s"] = 600
    doc["exercises"][1]["id"] = "back-bend"
    doc["$ref"] = "/etc/passwd"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    assert run(data_dir, "program", "import", str(bad)) == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.splitlines() == [
        "upright: $ref (line 43): would refer to something outside the file, which Upright never "
        "follows",
        "upright: exercises[0].prescription.target_hold_s (line 13): must be between 1 and 120 s",
        "upright: exercises[1].id (line 27): 'back-bend' is not one of Upright's exercises "
        "(forearm-press-up, hand-press-up, chest-raise, chest-raise-legs)",
    ]
    assert dump(data_dir) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe{\x00}\x00", "upright: line 1: the file is not UTF-8 text (byte 0)"),
        (b"{" * 20, "upright: line 1: nested more than 8 levels deep"),
        (b" " * 70_000, "upright: the file is larger than 64 KiB (65537 bytes)"),
        (b'{"format": "upright-programme", "version": 9}', "upright: version (line 1): is 9:"),
    ],
)
def test_unreadable_files_exit_2_and_create_nothing(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    expected: str,
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert run(data_dir, "program", "import", str(bad)) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(expected)
    assert not (data_dir / "history.sqlite3").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["program"], "upright: the following arguments are required: ACTION"),
        (["program", "import"], "upright: the following arguments are required: FILE"),
        (["program", "import", "nowhere.json"], "upright: cannot read nowhere.json: there is"),
        (["program", "export", "no/such/folder/x.json"], "upright: cannot write no/such/folder"),
        (["program", "export", "x.json", "--profile", " "], "upright: argument --profile: A name"),
        (["--profile", "x" * 41, "program", "export", "x.json"], "upright: argument --profile: A"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    expected: str,
) -> None:
    monkeypatch.chdir(data_dir)
    assert run(data_dir, *args) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(expected)


def test_export_refuses_a_person_who_is_not_there(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    History(data_dir / "history.sqlite3").close()
    assert run(data_dir, "program", "export", str(tmp_path / "x.json"), "--profile", "Bob") == 2
    assert capsys.readouterr().err.startswith("upright: there is no person called Bob in ")
    assert not (tmp_path / "x.json").exists()


def test_a_utf8_bom_file_from_notepad_imports(data_dir: Path, tmp_path: Path) -> None:
    with_bom = tmp_path / "notepad.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert run(data_dir, "program", "import", str(with_bom)) == 0
    out = tmp_path / "out.json"
    assert run(data_dir, "program", "export", str(out)) == 0
    exported = parse_programme_bytes(out.read_bytes(), CATALOG)
    assert exported.prescriptions == read_programme_file(EXAMPLE, CATALOG).prescriptions


def test_csv_export_of_a_person_holds_their_reps_only(data_dir: Path, tmp_path: Path) -> None:
    history = History(data_dir / "history.sqlite3")
    from datetime import UTC, datetime

    from upright.core.events import RepCompleted

    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    for name, held in (("default", 5.0), ("Anna", 7.0)):
        sid = history.begin_session(
            name, "beginner", at, [PlannedExercise("forearm-press-up", "beginner", 5, 1)]
        )
        history.add_rep(sid, "beginner", RepCompleted("forearm-press-up", 1, 5, held, True, at, at))
    history.close()
    for who, held in (("default", "5.0"), ("Anna", "7.0")):
        out = tmp_path / f"{who}.csv"
        assert run(data_dir, "--profile", who, "export", "--csv", str(out)) == 0
        rows = list(csv.DictReader(out.open()))
        assert [(r["profile"], r["held_s"]) for r in rows] == [(who, held)]
