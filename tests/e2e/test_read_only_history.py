"""A history that can be read but not written at start-up, for real: the data folder on a small
tmpfs mounted for the test (root only), made read-only or filled up. The person's own numbers,
answers and sessions are still used, and what the session does is saved once it can be."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from history_builder import add_session
from upright.app import READ_AS_IT_IS, build_context
from upright.context import CANNOT_SAVE, AppContext, todays_plan
from upright.core import records
from upright.core.catalog import load_builtin_catalog
from upright.core.checkins import SCREENING, record_checkin
from upright.core.clock import FakeClock
from upright.core.history import History
from upright.core.paths import DataPaths
from upright.core.phases import Phase
from upright.core.prescriptions import load_prescription, save_prescription
from upright.ui.main_window import MainWindow

from .launch import offscreen_env, upright_command
from .stepping import advance_to


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a real read-only or full disk needs root to mount a small tmpfs")
    where = tmp_path / "disk"
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(where)],
        check=False,
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"no tmpfs can be mounted here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def remount(where: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(where)], check=True)


def fill(where: Path) -> Path:
    filler = where / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, bytes(65536))
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def a_returning_person(where: Path, clock: FakeClock) -> tuple[DataPaths, AppContext]:
    """Three weeks of sessions, each hold a little longer, and 20 s holds for today; the safety
    questions answered. The context is the writable history's, for comparison."""
    paths = DataPaths(where / "upright").ensure()
    history = History(paths.database)
    record_checkin(history, "default", SCREENING, clock.wall() - timedelta(days=30), {})
    for day in range(21):
        hold = min(5.0 + day, 20.0)
        started = clock.wall() - timedelta(days=21 - day)
        add_session(history, started, [hold] * 10, planned_hold_s=hold)
    catalog = load_builtin_catalog()
    exercise = catalog.exercise(catalog.level("beginner").exercise_id)
    p = load_prescription(history, "default", exercise)[0].with_hold(20.0)
    save_prescription(history, "default", exercise.id, p, "Held well: 20 s now.", clock.wall())
    history.close()
    return paths, build_context(paths, clock)


@pytest.mark.parametrize("trouble", ["read-only", "full"])
def test_a_history_that_cannot_be_written_still_plans_with_the_persons_own_numbers(
    qtbot: QtBot, small_disk: Path, trouble: str
) -> None:
    clock = FakeClock()
    paths, writable = a_returning_person(small_disk, clock)
    assert writable.history is not None
    own = todays_plan(writable).items[0].prescription
    assert own.hold_s > own.start_hold_s  # the person has come a long way from the start
    writable.history.close()
    if trouble == "read-only":
        remount(small_disk, "ro")
    else:
        fill(small_disk)

    ctx = build_context(paths, clock)
    assert ctx.history is None and ctx.read_only_history is not None
    assert todays_plan(ctx).items[0].prescription == own
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    notices = window.home.notice_label.text()
    assert READ_AS_IT_IS in notices and CANNOT_SAVE in notices
    assert window.home.recent_label.text().count("20 s") == 5  # the last five sessions
    window.show_progress()  # the charts read it too (their indexes cannot be added: not needed)
    qtbot.wait(600)  # ... and the older weeks, summarised a moment after the page shows
    progress = window.progress_page
    assert progress.cards is not None and progress.stack.currentWidget() is not progress.empty_label
    window.show_home()
    window.start_session()  # answered before: not asked again, straight to "how are you today?"
    assert not window.checkins.screening_due()
    if trouble == "read-only":
        remount(small_disk, "ro")  # still so: the session runs, nothing can be saved
    window.begin_session()
    advance_to(window, clock, 2, Phase.LIFT)
    assert window.flow is not None and "not saved yet" in window.player.save_label.text()
    window.flow.runner.stop()
    window.close()


def test_once_the_disk_has_space_the_session_is_saved_and_the_history_opened(
    qtbot: QtBot, small_disk: Path
) -> None:
    clock = FakeClock()
    paths, writable = a_returning_person(small_disk, clock)
    assert writable.history is not None
    writable.history.close()
    filler = fill(small_disk)
    ctx = build_context(paths, clock)
    view = ctx.read_only_history
    assert ctx.history is None and view is not None
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.begin_session()
    advance_to(window, clock, 3, Phase.LIFT)
    filler.unlink()  # space again: the next rep's save opens the history for writing
    advance_to(window, clock, 4, Phase.LIFT)
    assert window.flow is not None
    window.flow.runner.stop()
    assert ctx.history is not None and ctx.read_only_history is None
    db = ctx.history.connection
    last = records.sessions(db, "default", 1)[0]
    assert [r.rep for r in records.reps(db, last.id)] == [1, 2, 3]
    assert last.hold_target_s == 20.0  # the person's own hold, read while nothing could be written
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_history_can_be_exported_off_a_full_disk(small_disk: Path, tmp_path: Path) -> None:
    """Copying the history elsewhere is what a person does when their disk is full."""
    clock = FakeClock()
    paths, writable = a_returning_person(small_disk, clock)
    assert writable.history is not None
    writable.history.close()
    before = paths.database.read_bytes()
    fill(small_disk)
    target = tmp_path / "reps.csv"
    done = subprocess.run(
        [*upright_command(paths.root), "export", "--csv", str(target)],
        env=offscreen_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "(the disk is full)" in done.stderr and "It was read as it is." in done.stderr
    assert len(target.read_text().splitlines()) == 1 + 21 * 10  # a heading, then every rep
    assert paths.database.read_bytes() == before


def test_a_person_can_be_chosen_from_a_history_that_cannot_be_written(
    qtbot: QtBot, small_disk: Path
) -> None:
    """In clinic, on a computer whose disk filled up: the people are listed and one can be
    chosen (today's plan is theirs); adding, renaming and deleting wait for a history that
    can be written. Before, the list was empty."""
    clock = FakeClock()
    paths, writable = a_returning_person(small_disk, clock)
    assert writable.history is not None
    add_session(writable.history, clock.wall() - timedelta(days=1), [8.0] * 10, profile="Bea")
    writable.history.close()
    remount(small_disk, "ro")
    window = MainWindow(build_context(paths, clock))
    qtbot.addWidget(window)
    window.clinic.show_people()
    page = window.clinic.people
    listed = [page.people.item(row).data(Qt.ItemDataRole.UserRole) for row in range(2)]
    assert page.people.count() == 2 and sorted(listed) == ["Bea", "default"]
    assert "cannot be written just now" in page.status_label.text()
    assert page.use_button.isEnabled() and not page.new_button.isEnabled()
    page.people.setCurrentRow(listed.index("Bea"))
    page.use_selected()
    assert window.ctx.settings.profile == "Bea"
    assert window.pages.currentWidget() is window.home
    assert window.home.profile_label.text() == "Person: Bea"
    assert "8 s" in window.home.recent_label.text()  # Bea's own session, read as it is
