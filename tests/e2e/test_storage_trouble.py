"""A full or read-only store: the session goes on, the problem is said, and no rep is lost."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from upright.app import build_context
from upright.context import CANNOT_SAVE
from upright.core import records
from upright.core.checkins import BEFORE, NEXT_DAY, SCREENING, record_checkin
from upright.core.clock import FakeClock
from upright.core.paths import DataPaths, resolve_data_dir
from upright.core.phases import Phase
from upright.core.safety import AfterCheck, BeforeCheck
from upright.core.screening import ScreeningResult
from upright.ui.checkin_pages import AfterSessionPage, BeforeSessionPage, NextDayPage
from upright.ui.main_window import MainWindow
from upright.ui.screening_page import ScreeningPage

from .stepping import advance_to


def test_a_store_that_refuses_writes_mid_session_keeps_the_reps_and_saves_them_later(
    qtbot: QtBot, data_dir: Path
) -> None:
    clock = FakeClock()
    ctx = build_context(resolve_data_dir(str(data_dir)).ensure(), clock)
    assert ctx.history is not None
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.begin_session()
    advance_to(window, clock, 3, Phase.LIFT)  # reps 1 and 2 are saved
    db = ctx.history.connection
    db.execute("PRAGMA query_only = ON")  # SQLite now refuses every write, as on a read-only disk
    advance_to(window, clock, 5, Phase.LIFT)
    assert window.flow is not None and window.flow.recorder.problem
    assert "not saved yet" in window.player.save_label.text()
    assert not window.player.save_label.isHidden()
    assert len(window.flow.recorder.pending) == 2  # reps 3 and 4 wait in memory
    db.execute("PRAGMA query_only = OFF")  # writable again
    advance_to(window, clock, 6, Phase.LIFT)
    assert window.flow.recorder.pending == [] and window.flow.recorder.problem is None
    assert window.player.save_label.isHidden()
    [row] = records.sessions(db, "default")
    assert [r.rep for r in records.reps(db, row.id)] == [1, 2, 3, 4, 5]


def test_a_data_folder_that_cannot_be_written_still_runs_a_session_saved_later(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Blocked all through the session (here a file where the folder should be, as a full or
    read-only disk would): the session waits in memory, said on the summary and the home page,
    and is saved, as and when it was done, once the folder can be used."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    clock = FakeClock()
    ctx = build_context(DataPaths(blocker / "data"), clock)
    assert ctx.history is None
    assert any("cannot write to its data folder" in n for n in ctx.notices)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert CANNOT_SAVE in window.home.notice_label.text()
    window.begin_session(2, BeforeCheck(fall_or_new_pain=False, pain_now=2))
    started = clock.wall()
    advance_to(window, clock, 3, Phase.LIFT)
    assert window.flow is not None and window.pages.currentWidget() is window.player
    assert "Not a directory" in window.player.save_label.text()  # said during the session too
    assert not window.player.save_label.isHidden()
    window.flow.runner.stop()
    after = window.pages.currentWidget()  # asked all the same: its advice on pain matters
    assert isinstance(after, AfterSessionPage)
    after.completed.emit(AfterCheck(6, 7, 2))
    assert "2 reps of this session are not saved yet. Upright will try again." in (
        window.summary.saved_label.text()
    )
    window.show_home()
    assert (
        "Not saved yet (your history could not be opened): your answers before the session, the"
        " rest of this session, your answers after the session and your hold and reps for next"
        " time. Upright will try again." in window.home.notice_label.text()
    )
    assert blocker.read_text() == "a file where the data folder should be"

    clock.advance(3600)  # an hour later the way is clear
    blocker.unlink()
    window.show_home()
    assert ctx.history is not None and ctx.unsaved == []
    db = ctx.history.connection
    [row] = records.sessions(db, "default")
    assert datetime.fromisoformat(row.started_at) - started < timedelta(seconds=1)
    assert row.ended_how.value == "stopped"
    assert [r.rep for r in records.reps(db, row.id)] == [1, 2]
    answers = "SELECT pain_before, pain_after, effort FROM sessions WHERE id = ?"
    assert tuple(db.execute(answers, (row.id,)).fetchone()) == (2, 6, 7)
    before = db.execute("SELECT answers FROM checkins WHERE kind = ?", (BEFORE,)).fetchone()[0]
    assert f'"session_id": {row.id}' in before
    stored = db.execute("SELECT COUNT(*) FROM prescriptions WHERE profile = 'default'")
    assert stored.fetchone()[0] == 1  # the next numbers, worked out from this session
    assert "Not saved yet" not in window.home.notice_label.text()


def test_a_history_that_can_be_opened_later_gets_every_rep_of_the_session(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Blocked at start-up (here a file where the folder should be, as a full or read-only
    disk would): the reps wait in memory, and are saved once the folder can be used."""
    root = tmp_path / "upright"
    root.write_text("in the way")
    clock = FakeClock()
    ctx = build_context(DataPaths(root), clock)
    assert ctx.history is None and ctx.reopen_history is not None
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.begin_session()
    advance_to(window, clock, 3, Phase.LIFT)
    assert window.flow is not None
    assert "2 reps not saved yet" in window.player.save_label.text()
    root.unlink()  # the way is clear: the next rep's save opens the history
    advance_to(window, clock, 4, Phase.LIFT)
    assert window.flow.recorder.pending == [] and window.player.save_label.isHidden()
    window.flow.runner.stop()
    assert ctx.history is not None and ctx.reopen_history is None
    assert not any(n.endswith(CANNOT_SAVE) for n in ctx.notices)
    [row] = records.sessions(ctx.history.connection, "default")
    assert [r.rep for r in records.reps(ctx.history.connection, row.id)] == [1, 2, 3]
    after = window.pages.currentWidget()  # the questions that follow a saved session
    assert isinstance(after, AfterSessionPage)
    after.completed.emit(AfterCheck(1, 3, None))
    assert window.pages.currentWidget() is window.summary
    assert "Every rep is saved" in window.summary.saved_label.text()
    pain_after = "SELECT pain_after FROM sessions WHERE id = ?"
    assert ctx.history.connection.execute(pain_after, (row.id,)).fetchone()[0] == 1


def test_a_history_linked_to_a_drive_not_connected_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A history kept on a drive or a shared folder, linked from the data folder: while the
    drive is away, the person is told where the history is, not that the folder cannot be
    written; the link stays as it was, and nothing is made where it points."""
    from upright.app import main

    data = tmp_path / "data"
    data.mkdir()
    target = tmp_path / "usb-drive" / "upright" / "history.sqlite3"
    (data / "history.sqlite3").symlink_to(target)
    ctx = build_context(DataPaths(data), FakeClock())
    assert ctx.history is None
    [notice] = ctx.notices
    assert f"is a link to {target}, which cannot be reached" in notice
    assert "connect it" in notice and "cannot write" not in notice
    assert main(["--data-dir", str(data), "export", "--csv", str(tmp_path / "x.csv")]) == 2
    err = capsys.readouterr().err
    assert f"is a link to {target}, which cannot be reached" in err and "no history" not in err
    assert (data / "history.sqlite3").readlink() == target and not target.parent.exists()


def test_a_newer_history_is_not_tried_again(tmp_path: Path) -> None:
    paths = resolve_data_dir(str(tmp_path)).ensure()
    db = sqlite3.connect(paths.database)
    db.execute("PRAGMA user_version = 999")
    db.close()
    ctx = build_context(paths, FakeClock())
    assert ctx.history is None and ctx.reopen_history is None
    assert any("newer Upright" in n and "cannot be saved" in n for n in ctx.notices)


def test_answers_that_cannot_be_saved_are_said_and_the_person_goes_on(
    qtbot: QtBot, data_dir: Path
) -> None:
    """The store refuses writes from mid-session on (a disk that filled or went read-only while
    Upright was open): the questions after the session, and the next day's, still lead on, the
    home page says which answers are not saved yet, and they are saved once the store takes
    writes again."""
    clock = FakeClock()
    ctx = build_context(resolve_data_dir(str(data_dir)).ensure(), clock)
    assert ctx.history is not None
    record_checkin(ctx.history, "default", SCREENING, clock.wall(), {"version": 1})
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.begin_session()
    advance_to(window, clock, 2, Phase.LIFT)
    db = ctx.history.connection
    db.execute("PRAGMA query_only = ON")
    assert window.flow is not None
    window.flow.runner.stop()
    after = window.pages.currentWidget()
    assert isinstance(after, AfterSessionPage)
    after.completed.emit(AfterCheck(1, 3, None))
    assert window.pages.currentWidget() is window.summary
    saved = window.summary.saved_label.text()
    assert "only the session's end is not recorded yet. Upright will try again." in saved
    window.show_home()
    assert window.home.notice_label.text() == (
        "Not saved yet (your history could not be written: its file or disk cannot be written"
        " to): the rest of this session, your answers after the session and your hold and reps"
        " for next time. Upright will try again."
    )

    clock.advance(24 * 3600)  # the next day: "is your back worse?" cannot be saved either
    assert window.checkins.next_day_due() is not None
    window.launch_checks()
    page = window.pages.currentWidget()
    assert isinstance(page, NextDayPage)
    page.answered.emit(False)
    assert window.pages.currentWidget() is window.home
    notices = window.home.notice_label.text()
    assert notices.endswith(
        "the rest of this session, your answers after the session, your hold and reps for next"
        " time and your answer about today. Upright will try again."
    )
    [row] = records.sessions(db, "default")
    assert [r.rep for r in records.reps(db, row.id)] == [1]  # what was saved stays saved

    answered_at = clock.wall().isoformat(timespec="seconds")
    clock.advance(3600)  # an hour later there is space again: the answers are saved, in order,
    db.execute("PRAGMA query_only = OFF")  # as given and when they were given
    window.show_home()
    answers = "SELECT ended_how, pain_after, effort, next_day_worse FROM sessions WHERE id = ?"
    assert tuple(db.execute(answers, (row.id,)).fetchone()) == ("stopped", 1, 3, 0)
    stored = "SELECT profile, at FROM checkins WHERE kind = ?"
    assert tuple(db.execute(stored, (NEXT_DAY,)).fetchone()) == ("default", answered_at)
    assert "Not saved yet" not in window.home.notice_label.text()
    assert window.ctx.unsaved == []


def test_safety_answers_that_cannot_be_saved_are_asked_once_per_run(
    qtbot: QtBot, data_dir: Path
) -> None:
    ctx = build_context(resolve_data_dir(str(data_dir)).ensure(), FakeClock())
    assert ctx.history is not None
    ctx.history.connection.execute("PRAGMA query_only = ON")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.start_session()
    screening = window.pages.currentWidget()
    assert isinstance(screening, ScreeningPage)
    screening.completed.emit(ScreeningResult(answers=()))
    assert isinstance(window.pages.currentWidget(), BeforeSessionPage)  # on, not asked again
    window.show_home()
    notices = window.home.notice_label.text()
    assert "Not saved yet" in notices and "your answers to the safety questions." in notices


def test_what_waits_to_be_saved_is_tried_once_more_as_the_window_closes(
    qtbot: QtBot, data_dir: Path
) -> None:
    ctx = build_context(resolve_data_dir(str(data_dir)).ensure(), FakeClock())
    assert ctx.history is not None
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    db = ctx.history.connection
    db.execute("PRAGMA query_only = ON")
    ctx.save(
        "Your answers", lambda h: record_checkin(h, "default", SCREENING, ctx.clock.wall(), {})
    )
    assert len(ctx.unsaved) == 1
    db.execute("PRAGMA query_only = OFF")  # space again, and the person closes Upright at once
    window.close()
    assert ctx.unsaved == []
    assert db.execute("SELECT COUNT(*) FROM checkins").fetchone()[0] == 1


class PersonCloses(QCloseEvent):
    """The window manager's close (its button, Alt+F4) is a spontaneous event, which a test
    cannot send through Qt: this one says it is."""

    def spontaneous(self) -> bool:
        return True


def person_closes(window: MainWindow) -> bool:
    """Whether the window closed."""
    event = PersonCloses()
    window.closeEvent(event)
    return event.isAccepted()


def answer_close_question(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[str]:
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(f"{box.text()} {box.informativeText()}")
        next(b for b in box.buttons() if b.text() == choice).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def window_with_unsaved_answers(qtbot: QtBot, data_dir: Path) -> MainWindow:
    ctx = build_context(resolve_data_dir(str(data_dir)).ensure(), FakeClock())
    assert ctx.history is not None
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    ctx.history.connection.execute("PRAGMA query_only = ON")  # the disk is full, say
    ctx.save(
        "Your answers", lambda h: record_checkin(h, "default", SCREENING, ctx.clock.wall(), {})
    )
    assert len(ctx.unsaved) == 1
    return window


def test_closing_while_answers_wait_asks_first_and_keeping_open_saves_them_later(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_with_unsaved_answers(qtbot, data_dir)
    asked = answer_close_question(monkeypatch, "Keep Upright open")
    assert not person_closes(window)
    [question] = asked
    assert question.startswith(
        "Not saved yet (your history could not be written: its file or disk cannot be written"
        " to): your answers. If Upright closes now, this is lost."
    )
    assert "Not saved yet" in window.home.notice_label.text()
    assert window.ctx.history is not None
    db = window.ctx.history.connection
    db.execute("PRAGMA query_only = OFF")  # space again: the next close saves, and asks nothing
    assert person_closes(window) and len(asked) == 1
    assert window.ctx.unsaved == []
    assert db.execute("SELECT COUNT(*) FROM checkins").fetchone()[0] == 1


def test_closing_while_answers_wait_can_still_close(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_with_unsaved_answers(qtbot, data_dir)
    asked = answer_close_question(monkeypatch, "Close and lose it")
    assert person_closes(window) and len(asked) == 1


def test_upright_quitting_for_a_logout_never_waits_for_an_answer(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_with_unsaved_answers(qtbot, data_dir)
    asked = answer_close_question(monkeypatch, "Keep Upright open")
    window.show()
    assert window.close()  # as Qt closes each window when the app quits: not spontaneous
    assert asked == [] and not window.isVisible()
