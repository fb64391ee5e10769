"""Demo mode: any exercise or step, repeat, step and pause freely, nothing recorded; the big view
goes to a second screen when there is one."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from upright.app import build_context
from upright.core.clock import FakeClock
from upright.core.phases import Phase
from upright.core.session import RunState
from upright.ui.big_view import second_screen
from upright.ui.demo import DemoPage
from upright.ui.main_window import MainWindow

K = Qt.Key


def fingerprint(data_dir: Path, window: MainWindow) -> tuple[dict[str, int], dict[str, str]]:
    """Every table's row count, and the bytes of the database files."""
    assert window.ctx.history is not None
    db = window.ctx.history.connection
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    counts = {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    files = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data_dir.glob("history.sqlite3*"))
    }
    return counts, files


def make(qtbot: QtBot, data_dir: Path, clock: FakeClock) -> MainWindow:
    from upright.core.paths import resolve_data_dir

    w = MainWindow(build_context(resolve_data_dir(str(data_dir)).ensure(), clock))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


def run_for(demo: DemoPage, clock: FakeClock, seconds: float, step: float = 0.1) -> None:
    for _ in range(round(seconds / step)):
        clock.advance(step)
        if demo.flow is None:
            return
        demo.flow.runner.tick()


def choose(demo: DemoPage, exercise: str, step: str) -> None:
    names = [demo.exercise_list.item(i).text() for i in range(demo.exercise_list.count())]
    demo.exercise_list.setCurrentRow(next(i for i, n in enumerate(names) if n.startswith(exercise)))
    labels = [c.label for c in demo.choices]
    demo.step_list.setCurrentRow(next(i for i, c in enumerate(labels) if c.startswith(step)))


def test_every_exercise_can_be_shown_including_warm_ups_and_getting_down(
    qtbot: QtBot, data_dir: Path, clock: FakeClock
) -> None:
    w = make(qtbot, data_dir, clock)
    qtbot.keyClick(w.home, K.Key_D)
    demo = w.clinic.demo
    assert w.pages.currentWidget() is demo
    shown = [demo.exercise_list.item(i).text() for i in range(demo.exercise_list.count())]
    assert shown[:3] == [
        "Side reaches (Warm-up)",
        "Hip circles (Warm-up)",
        "Getting down to the mat (Get down)",
    ]
    assert "Chest raise with legs (Advanced + legs)" in shown
    choose(demo, "Forearm press-up", "Only: hold")
    qtbot.keyClick(demo.step_list, K.Key_Return)
    assert demo.flow is not None
    assert [s.phase for s in demo.flow.plan.segments] == [Phase.HOLD]
    qtbot.keyClick(demo.player, K.Key_Escape)  # ends at once: there is nothing to lose
    assert demo.flow is None and demo.pages.currentIndex() == 0


def test_a_demo_records_nothing_while_repeating_stepping_and_pausing(
    qtbot: QtBot, data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = make(qtbot, data_dir, clock)
    before = fingerprint(data_dir, w)
    w.clinic.show_demo()
    demo = w.clinic.demo
    choose(demo, "Forearm press-up", "One rep")
    qtbot.keyClick(demo.step_list, K.Key_R)
    assert demo.repeat_box.isChecked()
    demo.start()
    assert "DEMO: nothing is recorded" in demo.banner.text()
    run_for(demo, clock, 5 + 2 + 5 + 2 + 1)  # the whole rep, and into the next showing
    assert demo.flow is not None and demo.shown == 2
    assert "shown 2×" in demo.banner.text()

    flow = demo.flow
    qtbot.keyClick(demo.player, K.Key_Right)  # skip the get-ready
    qtbot.keyClick(demo.player, K.Key_Right)  # and the lift
    assert flow.session.segment.phase is Phase.HOLD
    run_for(demo, clock, 2)
    qtbot.keyClick(demo.player, K.Key_Space)  # pause anywhere: here, mid-hold
    left = flow.session.snapshot().remaining_s
    run_for(demo, clock, 30)
    assert flow.session.state is RunState.PAUSED
    assert flow.session.snapshot().remaining_s == pytest.approx(left)
    qtbot.keyClick(demo.player, K.Key_Space)
    qtbot.keyClick(demo.player, K.Key_Left)  # back: the rep again, from its lift
    assert flow.session.segment.phase is Phase.LIFT

    explained: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: explained.append(box.text()) or 0)
    qtbot.keyClick(demo.player, K.Key_P)  # the pain button is explained, not recorded
    assert demo.flow is None
    assert explained and explained[0].startswith("In a real session this button stops at once")
    assert "sharp or stabbing back or rib pain" in explained[0]

    qtbot.keyClick(demo.step_list, K.Key_R)  # repeat off: a finished demo goes back
    choose(demo, "Side reaches", "Whole warm-up")
    demo.start()
    run_for(demo, clock, 40)
    assert demo.flow is None and demo.shown == 1 and demo.pages.currentIndex() == 0
    assert fingerprint(data_dir, w) == before


def test_the_second_screen_is_any_screen_but_the_one_with_the_controls() -> None:
    assert second_screen([], None) is None
    assert second_screen(["laptop"], "laptop") is None
    assert second_screen(["laptop", "projector"], "laptop") == "projector"
    assert second_screen(["projector", "laptop"], "laptop") == "projector"
    assert second_screen(["a", "b", "c"], "b") == "a"
    assert second_screen(["laptop", "projector"], None) == "projector"  # not placed yet


def test_one_screen_uses_the_players_big_view_with_hover_controls(
    qtbot: QtBot, data_dir: Path, clock: FakeClock
) -> None:
    w = make(qtbot, data_dir, clock)
    demo = DemoPage(w.ctx, screens=lambda: [QGuiApplication.primaryScreen()])
    w.pages.addWidget(demo)
    w.pages.setCurrentWidget(demo)
    demo.open()
    demo.start()
    assert demo.player.distance
    assert not demo.player.button_bar.isVisible()  # until the mouse moves; keys always work
    assert not demo.big_view.isVisible()
    demo.stop()
    assert not demo.player.distance


TWO_SCREENS = {
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800},
        {"name": "projector", "x": 1280, "y": 0, "width": 1920, "height": 1080},
    ]
}
TWO_SCREEN_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from upright.app import build_context
    from upright.core.clock import FakeClock
    from upright.core.paths import resolve_data_dir
    from upright.ui.main_window import MainWindow
    clock = FakeClock()
    window = MainWindow(build_context(resolve_data_dir(sys.argv[1]).ensure(), clock))
    window.resize(1280, 800)
    window.show()
    window.clinic.show_demo()
    demo = window.clinic.demo
    demo.step_list.setCurrentRow(0)
    demo.start()
    for _ in range(25):
        clock.advance(0.1)
        demo.flow.runner.tick()
    app.processEvents()
    big = demo.big_view
    print(json.dumps({
        "screens": [s.name() for s in app.screens()],
        "window_on": window.screen().name(),
        "big_on": big.screen().name(),
        "big_visible": big.isVisible(),
        "big_fullscreen": big.isFullScreen(),
        "big_geometry": [big.x(), big.y(), big.width(), big.height()],
        "big_countdown": big.countdown_label.text(),
        "player_countdown": demo.player.countdown_label.text(),
        "big_phase": big.phase_label.text(),
        "controls_on_laptop": demo.player.button_bar.isVisible() and not demo.player.distance,
    }))
    demo.stop()
    print(json.dumps({"big_visible_after": big.isVisible()}))
    """
)


@pytest.mark.slow
def test_two_screens_put_the_big_view_on_the_other_screen(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    data = tmp_path / "data"
    out = subprocess.run(
        [sys.executable, "-c", TWO_SCREEN_SCRIPT, str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    during, after = (json.loads(line) for line in out.stdout.strip().splitlines()[-2:])
    assert during["screens"] == ["laptop", "projector"]
    assert during["window_on"] == "laptop"
    assert (during["big_on"], during["big_visible"], during["big_fullscreen"]) == (
        "projector",
        True,
        True,
    )
    assert during["big_geometry"] == [1280, 0, 1920, 1080]
    assert during["big_countdown"] == during["player_countdown"]
    assert during["big_phase"] == "WARM UP"
    assert during["controls_on_laptop"]
    assert after == {"big_visible_after": False}
