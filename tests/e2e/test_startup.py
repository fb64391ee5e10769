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

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if not seen and event.type() == QEvent.Type.Paint:
                seen.update(
                    qt_namespace="Qt" in vars(core),
                    collector_on=gc.isenabled(),
                    frozen=gc.get_freeze_count(),
                    modules=sorted(m for m in sys.modules if m.startswith("upright")),
                )
                QTimer.singleShot(0, QApplication.quit)
            return False

    probe = FirstPaint()
    launch_checks = main_window.MainWindow.launch_checks

    def watched_launch_checks(window):
        launch_checks(window)
        for widget in (window, *window.findChildren(QWidget)):
            widget.installEventFilter(probe)

    main_window.MainWindow.launch_checks = watched_launch_checks
    code = main(["--data-dir", sys.argv[1]])
    print(json.dumps(seen))
    sys.exit(code)
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
    # Nothing of a session, its sounds or its charts is loaded to show the home page.
    for module in ("upright.core.events", "upright.core.session", "upright.ui.player_page"):
        assert module not in seen["modules"]
    # The collector, paused by upright.launch, is back on with the start-up set aside.
    assert seen["collector_on"] is True and seen["frozen"] > 0


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
