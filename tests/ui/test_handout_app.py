"""`upright handout` from the command line (headless) and the home page's Print handout button."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from upright.app import build_context, main
from upright.core.catalog import load_builtin_catalog
from upright.core.clock import FakeClock
from upright.core.history import History
from upright.core.paths import resolve_data_dir
from upright.core.programme import Programme, ProgrammeItem, save_programme
from upright.core.settings import Settings, save_settings
from upright.ui import handout, handout_dialog
from upright.ui.main_window import MainWindow

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
CATALOG = load_builtin_catalog()
NOTE = "Stop at the height where it still feels easy."


def text_of(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())


def steps_of(exercise_id: str) -> list[str]:
    return [" ".join(s.split()) for s in CATALOG.exercise(exercise_id).steps]


@needs_pdftotext
def test_a_level_handout_works_headless(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "advanced.pdf"
    code = main(["--data-dir", str(tmp_path / "data"), "handout", "--pdf", str(target),
                 "--level", "advanced"])  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert re.fullmatch(rf"Wrote a \d+-page handout to {re.escape(str(target))}\n", out)
    text = text_of(target)
    assert all(step in text for step in steps_of("chest-raise"))
    assert "Exercise 1: Chest raise (Advanced)" in text and "Name: ____" in text
    assert not (tmp_path / "data" / "history.sqlite3").exists()  # a level needs no history


@needs_pdftotext
def test_the_default_handout_is_the_persons_programme(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    paths = resolve_data_dir(str(data))
    save_settings(paths.settings, Settings(level="beginner", profile="someone-else"))
    history = History(paths.database)
    at = datetime(2026, 3, 1, 9, tzinfo=ZoneInfo("Europe/Berlin"))
    items = (ProgrammeItem("hand-press-up", NOTE), ProgrammeItem("chest-raise-legs"))
    save_programme(history, "ann", Programme(items), at)
    history.close()
    target = tmp_path / "ann.pdf"
    args = ["--data-dir", str(data), "handout", "--pdf", str(target), "--profile", "ann"]
    assert main([*args, "--paper", "letter"]) == 0
    text = text_of(target)
    assert "Person: ann" in text and f"Note from your therapist: {NOTE}" in text
    for exercise_id in ("hand-press-up", "chest-raise-legs"):
        assert all(step in text for step in steps_of(exercise_id))
    assert "Forearm press-up" not in text  # the chosen level gives way to the programme
    # Without --profile: the settings' person, at the level chosen on the home screen.
    assert main(["--data-dir", str(data), "handout", "--pdf", str(target)]) == 0
    text = text_of(target)
    assert "Person: someone-else" in text and "Exercise 1: Forearm press-up (Beginner)" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--level", "expert"], "--level must be one of beginner, intermediate, advanced"),
        (["--paper", "a3"], "argument --paper: invalid choice: 'a3'"),
        (["--level", "beginner", "--program", "p.json"], "not allowed with argument"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture, args: list[str], message: str
) -> None:
    target = tmp_path / "h.pdf"
    assert main(["--data-dir", str(tmp_path), "handout", "--pdf", str(target), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert not target.exists()


def test_a_missing_folder_or_pdf_option_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    missing = tmp_path / "nowhere" / "h.pdf"
    assert main(["--data-dir", str(tmp_path), "handout", "--pdf", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"upright: cannot write {missing}: the folder {missing.parent} does not exist\n"
    )
    assert main(["--data-dir", str(tmp_path), "handout"]) == 2
    assert "the following arguments are required: --pdf" in capsys.readouterr().err


@needs_pdftotext
def test_the_home_page_button_saves_the_handout(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = resolve_data_dir(str(tmp_path / "data"))
    paths.ensure()
    ctx = build_context(paths, FakeClock(), profile="bea")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.choose_level("intermediate")
    asked: list[str] = []
    target = tmp_path / "from-the-button.pdf"

    def save_as(parent: object, title: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(handout_dialog, "ask_how", lambda parent: handout_dialog.SAVE)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    with qtbot.waitSignal(window.home.handout_requested):
        qtbot.mouseClick(window.home.handout_button, Qt.MouseButton.LeftButton)
    assert asked == [str(Path.home() / "upright-handout-bea.pdf")]
    text = text_of(target)
    assert "Person: bea" in text and "Exercise 1: Press-up on hands (Intermediate)" in text
    assert all(step in text for step in steps_of("hand-press-up"))
    if ctx.history is not None:
        ctx.history.close()


def test_cancelling_writes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = resolve_data_dir(str(tmp_path / "data"))
    paths.ensure()
    ctx = build_context(paths, FakeClock())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    asked: list[str] = []

    def cancel(parent: object, title: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append(suggested)
        return "", ""

    written: list[object] = []
    monkeypatch.setattr(handout, "write_handout", lambda *a: written.append(a))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
    monkeypatch.setattr(handout_dialog, "ask_how", lambda parent: None)
    window.offer_handout()  # "Cancel" in the first question: no file dialog
    assert asked == [] and written == []
    monkeypatch.setattr(handout_dialog, "ask_how", lambda parent: handout_dialog.SAVE)
    window.offer_handout()  # "Cancel" in the file dialog: nothing written
    assert asked == [str(Path.home() / "upright-handout-exercises.pdf")] and written == []
    if ctx.history is not None:
        ctx.history.close()


@needs_pdftotext
def test_a_programme_file_gives_its_exercises_numbers_and_notes(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "docs" / "examples" / "programme-example.json"
    target = tmp_path / "h.pdf"
    args = ["--data-dir", str(tmp_path), "handout", "--pdf", str(target), "--program", str(example)]
    assert main(args) == 0
    text = " ".join(text_of(target).split())
    assert "Anna Example" in text
    assert "Forearm press-up" in text and "Chest raise" in text
    assert "Pillow under your hips. Eyes on the floor, neck long." in text


def test_a_bad_programme_file_is_refused_naming_its_field(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "upright-programme", "version": 1, "exercises": [{"id": "sit-ups"}]}'
    )
    target = tmp_path / "h.pdf"
    args = ["--data-dir", str(tmp_path), "handout", "--pdf", str(target), "--program", str(bad)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "exercises[0].id" in err and "Traceback" not in err
    assert not target.exists()
