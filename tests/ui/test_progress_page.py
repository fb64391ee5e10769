"""The Progress page draws known series from a known history; ranges, hover, PNG, empty state."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from history_builder import EXERCISE, add_session
from upright.core.history import History
from upright.core.progress import ProgressSource
from upright.core.weeks import ChartRange
from upright.ui.progress_page import ProgressPage

TZ = ZoneInfo("Europe/London")
TODAY = date(2026, 4, 2)  # a Thursday; Europe's clocks went forward on Sunday 29 March
NAMES = {EXERCISE: "Forearm press-up", "chest-raise": "Chest raise"}


def at(day: str, hour: int = 9) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=TZ)


def x(day: str) -> float:
    return float(date.fromisoformat(day).toordinal())


def source(history: History | None, **kw: object) -> ProgressSource:
    values: dict[str, object] = {
        "db": history.connection if history else None,
        "profile": "default",
        "today": TODAY,
        "goal_per_week": 3,
        "exercise_names": NAMES,
        "current_exercise": EXERCISE,
        "prescription": "Forearm press-up (Beginner): 10 reps, holds of 10 s",
    }
    values.update(kw)
    return ProgressSource(**values)  # type: ignore[arg-type]


@pytest.fixture
def history(tmp_path: Path) -> History:
    h = History(tmp_path / "h.sqlite3")
    add_session(h, at("2025-11-03"), [5, 5], checkin=(1, 1, 4))  # only in the longer ranges
    add_session(h, at("2026-03-16"), [5, 5, 5], checkin=(2, 3, 5))
    add_session(h, at("2026-03-18"), [5, 4, 5], checkin=(1, None, 6))
    add_session(h, at("2026-03-20"), [5, 5, 5])
    add_session(h, at("2026-03-23"), [10, 8, 10, 10], planned_hold_s=10, checkin=(2, 2, 5))
    add_session(h, at("2026-03-29", 23), [10, 10, 9], planned_hold_s=10)  # DST Sunday, late
    add_session(h, at("2026-03-31"), [12, 10, 10], planned_hold_s=10, checkin=(0, 1, 4))
    add_session(h, at("2026-03-31", 18), [20], exercise="chest-raise", level="advanced")
    return h


@pytest.fixture
def page(qtbot: QtBot) -> ProgressPage:
    widget = ProgressPage()
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    return widget


def data(item: object) -> tuple[list[float], list[float]]:
    xs, ys = item.getData()  # type: ignore[attr-defined]
    return ([] if xs is None else list(xs)), ([] if ys is None else list(ys))


def test_holds_against_the_plan(page: ProgressPage, history: History) -> None:
    page.show_progress(source(history))
    page.set_range(ChartRange.WEEKS_4)
    cards = page.cards
    assert cards is not None
    hold = cards.hold
    days = ["2026-03-16", "2026-03-18", "2026-03-20", "2026-03-23", "2026-03-29", "2026-03-31"]
    assert data(hold.median) == ([x(d) for d in days], [5, 5, 5, 10, 10, 10])
    assert data(hold.best) == ([x(d) for d in days], [5, 5, 5, 10, 10, 12])
    assert data(hold.planned) == (
        [x("2026-03-16"), x("2026-03-23"), x("2026-04-02")],
        [5, 10, 10],
    )
    assert data(hold.projected) == ([], [])
    assert cards.figures["holds"].title.text() == "Holds: Forearm press-up"
    low, high = hold.plot.vb.viewRange()[0]
    assert (low, high) == (x("2026-03-09") - 0.5, x("2026-04-02") + 0.5)


def test_weeks_bars_goal_and_streak(page: ProgressPage, history: History) -> None:
    page.show_progress(source(history))
    page.set_range(ChartRange.WEEKS_4)
    cards = page.cards
    assert cards is not None
    mondays = [x(d) + 0.7 for d in ("2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30")]
    assert list(cards.days.met.opts["x0"]) == mondays
    # The late Sunday session of 29 March is in the week of 23 March, though 22:00 UTC.
    assert list(cards.days.met.opts["height"]) == [0, 3, 0, 0]
    assert list(cards.days.below.opts["height"]) == [0, 0, 2, 1]
    assert data(cards.days.goal)[1] == [3, 3]
    assert "Streak: 0 weeks" in cards.figures["days-per-week"].subtitle.text()
    assert list(cards.time.minutes.opts["height"]) == pytest.approx(
        [0, 44 / 60, 67 / 60, (32 + 20) / 60]
    )


def test_how_it_felt_reads_the_checkins(page: ProgressPage, history: History) -> None:
    page.show_progress(source(history))
    page.set_range(ChartRange.WEEKS_4)
    cards = page.cards
    assert cards is not None
    lines = cards.feelings.lines
    days = [x(d) for d in ("2026-03-16", "2026-03-18", "2026-03-23", "2026-03-31")]
    assert data(lines["pain_before"]) == (days, [2, 1, 2, 0])
    assert data(lines["pain_after"])[1] == [3, 2, 1]  # 18 March left it unanswered
    assert data(lines["effort"]) == (days, [5, 6, 5, 4])
    assert cards.figures["how-it-felt"].note.isHidden()


def test_without_answers_the_feelings_chart_says_so(page: ProgressPage, tmp_path: Path) -> None:
    h = History(tmp_path / "plain.sqlite3")
    add_session(h, at("2026-03-31"), [5, 5])
    page.show_progress(source(h))
    assert page.cards is not None
    felt = page.cards.figures["how-it-felt"]
    assert felt.note.text().startswith("No answers") and not felt.note.isHidden()
    assert data(page.cards.feelings.lines["effort"]) == ([], [])


def test_switching_ranges_and_exercises(page: ProgressPage, history: History) -> None:
    page.show_progress(source(history))
    assert page.cards is not None
    hold = page.cards.hold
    assert page.range_buttons[ChartRange.MONTHS_3].isChecked()
    assert len(data(hold.median)[0]) == 6  # 3 months: 13 weeks, from 5 January
    page.set_range(ChartRange.YEAR)
    assert len(data(hold.median)[0]) == 7 and page.range_buttons[ChartRange.YEAR].isChecked()
    page.set_range(ChartRange.ALL)
    assert hold.plot.vb.viewRange()[0][0] == x("2025-11-03") - 0.5
    assert len(page.cards.days.met.opts["x0"]) == 22  # every week since the first session
    page.exercise_box.setCurrentIndex(page.exercise_box.findData("chest-raise"))
    assert data(hold.median) == ([x("2026-03-31")], [20])
    assert page.cards.figures["holds"].title.text() == "Holds: Chest raise"


def test_the_planned_ramp_ahead_is_drawn_dashed(page: ProgressPage, history: History) -> None:
    ramp = [(date(2026, 4, 6), 15.0), (date(2026, 4, 13), 20.0)]
    page.show_progress(source(history, projection=ramp))
    page.set_range(ChartRange.WEEKS_4)
    assert page.cards is not None
    projected = page.cards.hold.projected
    xs = [x("2026-04-02"), x("2026-04-06"), x("2026-04-13"), x("2026-04-16")]
    assert data(projected) == (xs, [10, 15, 20, 20])  # two weeks ahead of today are shown
    assert projected.isVisible()
    assert projected.opts["pen"].style() == Qt.PenStyle.DashLine


def test_hover_reads_out_exact_values(page: ProgressPage, history: History) -> None:
    page.show_progress(source(history))
    page.set_range(ChartRange.WEEKS_4)
    assert page.cards is not None
    hold, card = page.cards.hold, page.cards.cards["holds"]
    text = hold.hover_at(x("2026-03-31"), 12)
    assert text.startswith("Tue 31 Mar 2026: planned 10 s")
    assert "best 12 s" in text and "3 of 10 reps held in full" in text
    assert card.readout.text() == text
    # Through the real mouse path: a scene position over the 23 March point.
    scene_pos = hold.plot.vb.mapViewToScene(QPointF(x("2026-03-23"), 10))
    hold.scene().sigMouseMoved.emit(scene_pos)
    assert card.readout.text().startswith("Mon 23 Mar 2026")
    assert hold.hover_at(x("2026-03-12"), 25) == ""  # nothing near
    days_text = page.cards.days.hover_at(x("2026-03-25"), 1)
    assert days_text == (
        "Week of 23 Mar 2026 (2026-W13): 2 days with a session; goal 3: below the goal"
    )


def test_save_a_chart_as_png(page: ProgressPage, history: History, tmp_path: Path) -> None:
    page.show_progress(source(history))
    target = tmp_path / "holds.png"
    page.save_chart_png("holds", target)
    image = QImage(str(target))
    assert not image.isNull()
    figure = page.cards.figures["holds"]  # type: ignore[union-attr]
    assert (image.width(), image.height()) == (figure.width() * 2, figure.height() * 2)


def test_empty_state_tells_a_new_user_what_will_appear(page: ProgressPage, tmp_path: Path) -> None:
    for db_source in (source(None), source(History(tmp_path / "new.sqlite3"))):
        page.show_progress(db_source)
        assert page.stack.currentWidget() is page.empty_label
        assert "after your first session" in page.empty_label.text()
        assert "against the hold planned for you" in page.empty_label.text()
        assert not page.report_button.isEnabled() and page.controls.isHidden()
    assert page.cards is None  # nothing was drawn, so nothing was built


def test_a_long_history_is_summarised_in_the_background(
    page: ProgressPage, history: History
) -> None:
    for month in range(1, 13):
        add_session(history, at(f"2024-{month:02d}-10"), [5, 5])
    page.show_progress(source(history))
    db = history.connection
    seen = lambda: db.execute("SELECT COUNT(*) FROM temp.charts_seen").fetchone()[0]  # noqa: E731
    assert seen() < 20
    while page._warm_spans:
        page._warm_next()
    assert seen() == 20


def test_pyqtgraph_is_imported_only_when_progress_is_first_shown(data_dir: Path) -> None:
    history = History(data_dir / "history.sqlite3")
    add_session(history, at("2026-01-05"), [5, 5])
    history.close()
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from upright.app import build_context
        from upright.core.clock import FakeClock
        from upright.core.paths import resolve_data_dir
        from upright.ui.main_window import MainWindow
        paths = resolve_data_dir({str(data_dir)!r}).ensure()
        window = MainWindow(build_context(paths, FakeClock()))
        window.show()
        app.processEvents()
        window.show_history()
        window.show_home()
        print("before", "pyqtgraph" in sys.modules)
        window.show_progress()
        shown = window.pages.currentWidget() is window.progress_page
        print("after", "pyqtgraph" in sys.modules, shown)
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "before False" in out.stdout
    assert "after True True" in out.stdout


def test_g_opens_progress_from_home_and_escape_goes_back(qtbot: QtBot, data_dir: Path) -> None:
    from upright.app import build_context
    from upright.core.clock import FakeClock
    from upright.core.paths import resolve_data_dir
    from upright.ui.main_window import MainWindow

    history = History(data_dir / "history.sqlite3")
    add_session(history, at("2026-03-31"), [5, 5])
    history.close()
    clock = FakeClock(at("2026-04-02"))
    window = MainWindow(build_context(resolve_data_dir(str(data_dir)).ensure(), clock))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # keyboard shortcuts need an active window
    assert window.home.progress_button.text() == "Progress (G)"
    qtbot.keyClick(window.home, Qt.Key.Key_G)
    page = window.progress_page
    assert window.pages.currentWidget() is page and page.cards is not None
    assert page.source is not None and page.source.today == TODAY
    assert data(page.cards.hold.median) == ([x("2026-03-31")], [5])
    qtbot.keyClick(page, Qt.Key.Key_1)
    assert page.chart_range is ChartRange.WEEKS_4
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.home


def test_an_unreadable_history_is_said_in_plain_words(page: ProgressPage, history: History) -> None:
    history.close()
    page.show_progress(source(history))
    assert page.stack.currentWidget() is page.empty_label
    assert "could not be read" in page.empty_label.text()
    assert not page.report_button.isEnabled()
