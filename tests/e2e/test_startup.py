"""What start-up leaves out until the window is up (bench/bench_startup.py measures the time)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from upright.core.checkins import SCREENING, record_checkin
from upright.core.clock import SystemClock
from upright.core.history import History

# Starts Upright through the command's entry point and reports, at the window's first paint,
# what had been done by then.
FIRST_PAINT = textwrap.dedent(
    """
    import gc, json, sys
    import PySide6.QtCore as core
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    import upright.ui.main_window as main_window
    from upright.launch import main

    seen = {}
    fits = []  # each fit of a check-in screen's type to the window, if counted (COUNT_FITS)

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if not seen and event.type() == QEvent.Type.Paint:
                seen.update(
                    qt_namespace="Qt" in vars(core),
                    dataclasses="dataclasses" in sys.modules,
                    collector_on=gc.isenabled(),
                    frozen=gc.get_freeze_count(),
                    modules=sorted(m for m in sys.modules if m.startswith("upright")),
                    page=type(shown[0].pages.currentWidget()).__name__,
                    pages=shown[0].pages.count(),
                    fits=fits,
                )
                QTimer.singleShot(0, QApplication.quit)
            return False

    probe = FirstPaint()
    launch_checks = main_window.MainWindow.launch_checks
    shown = []

    def watched_launch_checks(window):
        shown.append(window)
        launch_checks(window)
        for widget in (window, *window.findChildren(QWidget)):
            widget.installEventFilter(probe)

    main_window.MainWindow.launch_checks = watched_launch_checks
    # (more before the start)
    code = main(["--data-dir", sys.argv[1]])
    print(json.dumps(seen))
    sys.exit(code)
    """
)


# Counts each fit of a check-in screen: whether the screen was shown then, and its size.
COUNT_FITS = textwrap.dedent(
    """
    import upright.ui.checkin_screen as checkin_screen
    fit = checkin_screen.Screen.fit

    def counted_fit(screen):
        fits.append([screen.isVisible(), screen.width(), screen.height()])
        fit(screen)

    checkin_screen.Screen.fit = counted_fit
    """
)


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.fixture
def returning_user(tmp_path: Path) -> Path:
    history = History(tmp_path / "history.sqlite3")
    record_checkin(history, "default", SCREENING, SystemClock().wall(), {"version": 1})
    history.close()
    return tmp_path


def test_the_first_paint_comes_before_the_qt_namespace_and_the_session_modules(
    returning_user: Path,
) -> None:
    lazy = run("import PySide6.QtWidgets as w, PySide6.QtCore as c; print('Qt' in vars(c))")
    if lazy.stdout.strip() != "False":
        pytest.skip("this PySide6 builds the Qt namespace as soon as it is imported")
    out = run(FIRST_PAINT, str(returning_user))
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    # PySide6 builds all 93 enums of `Qt` the first time the name is used: about 20 ms.
    assert seen["qt_namespace"] is False
    # No class was made by dataclasses, which compile each class's methods (upright.core.value).
    assert seen["dataclasses"] is False
    # Nothing of a session, its sounds or its charts is loaded to show the home page, nor the
    # questions' flow when none is due (this person answered the first-run questions).
    for module in (
        "upright.core.events",
        "upright.core.session",
        "upright.ui.player_page",
        "upright.ui.checkin_flow",
    ):
        assert module not in seen["modules"]
    # The collector, paused by upright.launch, is back on with the start-up set aside.
    assert seen["collector_on"] is True and seen["frozen"] > 0
    assert seen["page"] == "HomePage" and seen["pages"] == 1


def test_a_daily_user_s_first_screen_is_the_next_day_question_without_the_qt_namespace(
    returning_user: Path,
) -> None:
    """After yesterday's session the window opens on "is your back worse?": every day's start
    for someone who exercises daily. Its pages name no `Qt` before a key is pressed, and the
    home page is built only when it is needed (after the answer)."""
    from datetime import timedelta

    from history_builder import add_session

    history = History(returning_user / "history.sqlite3")
    add_session(history, SystemClock().wall() - timedelta(days=1), [5.0] * 10)
    history.close()
    out = run(FIRST_PAINT.replace("# (more before the start)", COUNT_FITS), str(returning_user))
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["page"] == "NextDayPage" and seen["pages"] == 1
    # The question's type is fitted to the window once, as it shows: not as it is built (before
    # the window has its size), nor again for the font the style sheet gave it, nor for the
    # screen after a "yes", which is built only then.
    assert len(seen["fits"]) == 1 and seen["fits"][0][0] is True, seen["fits"]
    assert seen["qt_namespace"] is False
    # Only what this question shows is loaded: not the home page (nor the clinic pages' keys on
    # it), the scales or the screening.
    for module in (
        "upright.ui.home_page",
        "upright.ui.clinic",
        "upright.ui.scale_question",
        "upright.ui.screening_page",
    ):
        assert module not in seen["modules"]


def test_a_command_without_a_window_runs_with_the_collector_on(tmp_path: Path) -> None:
    from upright.launch import main

    assert main(["--data-dir", str(tmp_path), "--version"]) == 0
    assert gc.isenabled()


def test_a_settings_file_naming_a_level_this_upright_lacks_still_opens_the_window(
    returning_user: Path,
) -> None:
    """Before, the home page's plan stopped the start with KeyError: no window at all."""
    (returning_user / "settings.json").write_text('{"level": "expert", "text_scale": 1.5}')
    out = run(FIRST_PAINT, str(returning_user))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1])["modules"]  # it painted


def test_rows_damaged_inside_a_whole_file_still_let_the_window_open(returning_user: Path) -> None:
    """A flipped character in the programme, the numbers, a session's ending and the safety
    answers (SQLite's checks pass: the file is whole). Before, the start stopped at the first."""

    from history_builder import add_session
    from upright.core.catalog import load_builtin_catalog
    from upright.core.prescriptions import save_prescription
    from upright.core.programme import Programme, ProgrammeItem, save_programme

    exercise = load_builtin_catalog().exercise("chest-raise")
    assert exercise.defaults is not None
    now = SystemClock().wall()
    history = History(returning_user / "history.sqlite3")
    save_programme(history, "default", Programme((ProgrammeItem(exercise.id),)), now)
    save_prescription(history, "default", exercise.id, exercise.defaults, "", now)
    add_session(history, now, [5.0] * 10, exercise=exercise.id)
    for table, column in [
        ("programmes", "data"),
        ("prescriptions", "data"),
        ("sessions", "ended_how"),
        ("checkins", "answers"),
    ]:
        history.connection.execute(f"UPDATE {table} SET {column} = '~' || substr({column}, 2)")
    history.close()
    out = run(FIRST_PAINT, str(returning_user))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1])["modules"]  # it painted
