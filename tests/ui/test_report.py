"""The PDF report, read back with pdftotext: it names the person, exercises, dates and plan."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from history_builder import EXERCISE, add_session
from upright.app import main
from upright.core.history import History
from upright.core.progress import ProgressSource
from upright.core.session_end import SessionEnd
from upright.core.weeks import ChartRange
from upright.ui.report import write_report

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

TZ = ZoneInfo("America/New_York")


def pdf_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    # One line (a table cell may wrap), ligatures such as "ﬀ" as plain letters, and one
    # spacing around "/" (pdftotext keeps or drops those narrow spaces as the glyphs fall).
    text = " ".join(unicodedata.normalize("NFKC", out.stdout).split())
    return re.sub(r" ?/ ?", " / ", text)


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=TZ)


@pytest.fixture
def history(tmp_path: Path) -> History:
    h = History(tmp_path / "h.sqlite3")
    add_session(h, at("2026-02-23"), [5, 5, 5], profile="ann", checkin=(1, 2, 4))
    add_session(h, at("2026-03-09"), [10, 10, 7], planned_hold_s=10, profile="ann")
    add_session(
        h,
        at("2026-03-10"),
        [3],
        planned_hold_s=10,
        profile="ann",
        how=SessionEnd.PAIN,
        checkin=(2, 5, 7),
    )
    add_session(h, at("2026-03-11"), [12], exercise="chest-raise", level="advanced", profile="ann")
    add_session(h, at("2026-03-11"), [30], profile="someone-else")
    return h


def source(history: History) -> ProgressSource:
    return ProgressSource(
        db=history.connection,
        profile="ann",
        today=date(2026, 3, 12),
        goal_per_week=3,
        exercise_names={EXERCISE: "Forearm press-up", "chest-raise": "Chest raise"},
        current_exercise=EXERCISE,
        prescription="Forearm press-up (Beginner): 10 reps, holds of 10 s",
        reason="Next time: 15 s holds.",
    )


def test_the_report_names_person_exercises_dates_and_prescription(
    qtbot: QtBot, history: History, tmp_path: Path
) -> None:
    target = tmp_path / "report.pdf"
    write_report(target, source(history), ChartRange.WEEKS_4)
    text = pdf_text(target)
    assert "Upright progress report" in text
    assert "Person: ann" in text
    assert "Period: Mon 16 Feb 2026 to Thu 12 Mar 2026 (4 weeks)" in text
    assert "Holds: Forearm press-up" in text and "Holds: Chest raise" in text
    assert "Current prescription: Forearm press-up (Beginner): 10 reps, holds of 10 s" in text
    assert "Last progression reason: Next time: 15 s holds." in text
    assert "In this period: 4 sessions (1 stopped for pain)." in text
    # The table of recent sessions, newest first: date, exercise, holds, pain, ending.
    table = text[text.index("Recent sessions") :]
    days = ["11 Mar 2026", "10 Mar 2026", "9 Mar 2026", "23 Feb 2026"]
    assert sorted(table.index(d) for d in days) == [table.index(d) for d in days]
    assert "Chest raise (Advanced)" in table and "Forearm press-up (Beginner)" in table
    assert "10 / 3 / 3" in table and "2 / 5" in table and "stopped for pain" in table
    assert "someone-else" not in text and "30 s" not in text


def test_without_answers_the_report_has_no_feelings_points(qtbot: QtBot, tmp_path: Path) -> None:
    h = History(tmp_path / "plain.sqlite3")
    add_session(h, at("2026-03-09"), [5, 5], profile="ann")
    target = tmp_path / "report.pdf"
    write_report(target, source(h))
    text = pdf_text(target)
    assert "Pain: 0 = no pain" in text
    assert "(3 months)" in text


def test_upright_report_works_headless(history: History, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    history.close()  # its write-ahead log is folded into the file
    shutil.copy(history.path, data / "history.sqlite3")
    target = tmp_path / "cli.pdf"
    args = ["--data-dir", str(data), "report", "--pdf", str(target), "--profile", "ann"]
    assert main([*args, "--range", "all"]) == 0
    text = pdf_text(target)
    assert "Person: ann" in text and "Holds: Forearm press-up" in text
    assert "(all)" in text


def test_upright_report_refuses_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    missing = tmp_path / "nowhere" / "r.pdf"
    assert main(["--data-dir", str(tmp_path), "report", "--pdf", str(missing)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path), "report", "--pdf", str(tmp_path / "r.pdf")]) == 2
    assert "no history found" in capsys.readouterr().err
