"""The composition root: parse arguments, find the data, build the core objects and the window."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sqlite3
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from upright.cli import EXIT_BAD_INPUT, EXIT_FAILURE, HEADLESS, UsageError, one_line, parse
from upright.context import CANNOT_SAVE, AppContext
from upright.core.catalog import load_builtin_catalog
from upright.core.clock import Clock, SystemClock
from upright.core.history import SAVE_PATIENCE_S, History, HistoryError, NewerDatabaseError
from upright.core.instance_lock import InstanceLock
from upright.core.paths import DataPaths, resolve_data_dir, unreachable_link
from upright.core.profiles import DEFAULT_PROFILE, ProfileError, ensure_profile
from upright.core.recovery import Opened, Opening, open_for_sessions
from upright.core.settings import load_settings
from upright.core.value import replace, value

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from upright.ui.main_window import MainWindow

log = logging.getLogger("upright")


LOG_MAX_BYTES = 256_000
# Without the history neither the person's numbers nor their programme can be read.
STARTING_NUMBERS = (
    "Until your history can be read, today's plan uses your level's starting numbers."
)
# ... but while it can still be read, the person's own numbers and sessions are shown.
READ_AS_IT_IS = "It can still be read, so today's plan is your own."


def setup_logging(paths: DataPaths) -> None:
    """A small log in the data folder, rotated at start-up once it grows past LOG_MAX_BYTES."""
    try:
        if paths.log.exists() and paths.log.stat().st_size > LOG_MAX_BYTES:
            paths.log.replace(paths.log.with_name(paths.log.name + ".1"))
        if not paths.log.exists():  # private to the user, like everything in the folder
            os.close(os.open(paths.log, os.O_CREAT | os.O_WRONLY, 0o600))
        handler: logging.Handler = logging.FileHandler(paths.log, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)  # a read-only folder: log to the terminal
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def open_history_for_app(
    paths: DataPaths, notices: list[str], clock: Clock | None = None
) -> History | None:
    """The history, or None with a plain notice; the app runs either way."""
    return _first_open(paths, notices, clock or SystemClock()).history


@value
class FirstOpen:
    history: History | None  # None: said in the notices
    may_open_later: bool  # busy, read-only or full may pass during a session; a newer version not
    read_only: History | None = None  # while it cannot be opened to write: the file as it is


def _first_open(
    paths: DataPaths, notices: list[str], clock: Clock, opening: Opening | None = None
) -> FirstOpen:
    try:
        opened, interrupted = _open_for_app(paths, clock, opening=opening)
    except NewerDatabaseError as exc:
        log.warning("history refused: %s", exc)
        notices.append(f"{exc} {STARTING_NUMBERS} Sessions will run, but cannot be saved.")
        return FirstOpen(None, may_open_later=False)
    except HistoryError as exc:
        log.warning("history unavailable: %s", exc)
        read_only = _read_only(paths)
        notices.append(
            f"{exc} {STARTING_NUMBERS if read_only is None else READ_AS_IT_IS} {CANNOT_SAVE}"
        )
        return FirstOpen(None, may_open_later=True, read_only=read_only)
    if opened.notice:
        notices.append(opened.notice)
    if interrupted:
        notices.append(
            "Your last session was interrupted before it finished. "
            "Every rep you completed is saved in your history."
        )
    return FirstOpen(opened.history, may_open_later=False)


def _read_only(paths: DataPaths) -> History | None:
    try:
        return History(paths.database, read_only=True)
    except HistoryError as exc:
        log.warning("history unreadable too: %s", exc)
        return None


def build_context(
    paths: DataPaths,
    clock: Clock,
    profile: str | None = None,
    time_scale: float = 1.0,
    opening: Opening | None = None,
) -> AppContext:
    """The one place the app's objects are made: used by the real app and by the e2e tests.
    ``opening``: the history's opening, begun earlier (run_window)."""
    notices: list[str] = []
    catalog = load_builtin_catalog()
    settings, note = load_settings(paths.settings, catalog.level_ids)
    if note:
        notices.append(note)
    if profile:
        settings = replace(settings, profile=profile)
    first = _first_open(paths, notices, clock, opening)
    if first.history is not None:  # the person chosen at start (--profile) is listed
        settings = replace(
            settings, profile=_listed(first.history, settings.profile, clock, notices)
        )
    return AppContext(
        catalog=catalog,
        clock=clock,
        history=first.history,
        read_only_history=first.read_only,
        settings=settings,
        settings_path=paths.settings,
        time_scale=time_scale,
        notices=notices,
        backups=paths.backups,
        reopen_history=(
            (lambda: _open_for_app(paths, clock, SAVE_PATIENCE_S)[0].history)
            if first.may_open_later
            else None
        ),
    )


def _listed(history: History, name: str, clock: Clock, notices: list[str]) -> str:
    """``name`` as a listed person (created if new), or the default person if it cannot be."""
    try:
        return ensure_profile(history, name, clock.wall())
    except ProfileError as exc:
        notices.append(f"The person {name!r} cannot be used ({exc}); using {DEFAULT_PROFILE}.")
        return ensure_profile(history, DEFAULT_PROFILE, clock.wall())
    except sqlite3.Error as exc:  # the history refused the write (full, busy): still their sessions
        log.warning("could not list the person %r: %s", name, exc)
        return name


def _open_for_app(
    paths: DataPaths, clock: Clock, patience_s: float | None = None, opening: Opening | None = None
) -> tuple[Opened, int]:
    """The history and how many sessions were marked interrupted; HistoryError in plain
    words if it cannot be opened. At start-up, and again during a session if it could not."""
    try:
        paths.ensure()
        return open_for_sessions(paths.database, clock.wall(), patience_s, opening)
    except OSError as exc:
        if link := unreachable_link(paths.database):
            raise HistoryError(
                f"Upright cannot open your history: {link}. If it is on a drive or a shared "
                "folder, connect it."
            ) from exc
        raise HistoryError(
            f"Upright cannot write to its data folder {paths.root} ({exc.strerror or exc})."
        ) from exc


@value
class FolderClaim:
    lock: InstanceLock | None  # held while this Upright runs (None: another has it, or no lock)
    other_open: bool  # another Upright has this folder: this launch must not open it too
    answered: bool  # ... and it has been asked to come to the front


def claim_data_folder(paths: DataPaths, message: str, patience_s: float = 5.0) -> FolderClaim:
    """Take the folder, or ask the Upright that has it to come forward (``message`` is "raise"
    or "start"): a second launch never opens the history a second time. The one holding the
    folder may still be starting up: it has ``patience_s`` to answer."""
    try:
        lock = InstanceLock.acquire(paths.lock)
        held_elsewhere = lock is None
    except OSError:  # no lock in this folder (it cannot be written): all we can do is ask
        lock, held_elsewhere = None, False
    if lock is not None:
        return FolderClaim(lock, other_open=False, answered=False)
    from upright.ui.single_instance import ask_running_instance

    answered = ask_running_instance(
        paths.root, message, patience_s=patience_s if held_elsewhere else 0
    )
    return FolderClaim(None, other_open=answered or held_elsewhere, answered=answered)


def after_first_paint(app: QApplication, window: MainWindow, paths: DataPaths) -> None:
    """The window icon, listening for later launches, then sound, voice and screen-awake: none
    of them is needed to show the window (speech goes on loading on its own thread after
    this)."""
    from upright.ui.desktop import set_window_icon
    from upright.ui.hands_free import HandsFree
    from upright.ui.single_instance import InstanceServer

    set_window_icon(app)
    server = InstanceServer(paths.root, window)
    server.message_received.connect(window.handle_instance_message)
    window.attach_hands_free(HandsFree.create(window))


def no_display() -> str | None:
    """Why a window cannot open here (Linux with no display), said plainly, or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set). "
        "Start Upright from your desktop; the commands export, report, handout, program "
        "and --self-check work without one."
    )


def load_toolkit() -> None:
    """PySide6 and the window's modules, imported (show_window uses them)."""
    from upright.ui.toolkit import import_pyside

    import_pyside()  # first: each module after it is then imported quicker
    import upright.ui.desktop
    import upright.ui.main_window  # noqa: F401


def run_window(args: argparse.Namespace, paths: DataPaths) -> int:
    problem = no_display()
    if problem:  # Qt would abort with a long message; say it in one line instead
        print(f"upright: {problem}", file=sys.stderr)
        return EXIT_FAILURE
    claim = claim_data_folder(paths, "start" if args.command == "start" else "raise")
    if claim.answered:
        print("Upright is already open; it has been brought to the front.", file=sys.stderr)
        return 0
    if claim.other_open:
        print(
            f"upright: Upright is already open on {paths.root} but does not answer; "
            "close it (or wait for it to finish starting), then try again.",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    # The history is opened, then checked on a thread while the toolkit loads: SQLite lets go
    # of Python's lock while it checks, so a long history's check (50 ms for ten years) costs
    # the start nothing. Upright's own modules were all imported before PySide6, which reads
    # the source of every module imported after it.
    opening = Opening(paths.database)  # main() made its folder (or build_context says why not)
    load_toolkit()
    ctx = build_context(paths, SystemClock(), args.profile, args.time_scale, opening)
    try:
        return show_window(args, paths, ctx)
    finally:
        for history in (ctx.history, ctx.read_only_history):
            if history is not None:
                history.close()
        if claim.lock is not None:
            claim.lock.release()


def show_window(args: argparse.Namespace, paths: DataPaths, ctx: AppContext) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from upright.ui.desktop import set_desktop_identity
    from upright.ui.main_window import MainWindow

    # The timer's Python slots must get the GIL back quickly even if some library thread
    # is busy in Python: 1 ms instead of 5 ms (bench/bench_timer.py shows the difference).
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_desktop_identity(app)

    def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        from PySide6.QtWidgets import QMessageBox

        from upright.ui.dialogs import warn

        warn(
            None,
            "Something went wrong",
            f"Upright hit an unexpected problem: {exc}\n\nYour saved reps are safe. "
            f"Details are in {paths.log}.",
            QMessageBox.Icon.Critical,
        )

    sys.excepthook = excepthook
    window = MainWindow(ctx, first="session" if args.command == "start" else "checks")
    screen = app.primaryScreen()
    room = screen.availableGeometry().size() if screen else None
    # 1280x800, or no more than the screen holds on a small laptop (1366x768 is common).
    window.resize(
        min(1280, room.width()) if room else 1280, min(800, room.height()) if room else 800
    )
    if args.fullscreen:
        window.showFullScreen()
    else:
        window.show()
    # The start-up's objects will live as long as the app: set them aside for good, so that
    # collecting garbage from now on (upright.launch paused it) never walks through them.
    gc.freeze()
    gc.enable()
    QTimer.singleShot(300, lambda: after_first_paint(app, window, paths))
    return int(app.exec())


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = parse(argv)
        if args.self_check:  # uses a temporary data folder: never touches the user's
            from upright.selfcheck import run_self_check

            gc.enable()
            return run_self_check()
        paths = resolve_data_dir(args.data_dir)
        headless = HEADLESS.get(args.command or "")
        try:
            paths.ensure()
        except OSError as exc:
            if headless:
                raise UsageError(
                    f"cannot use the data folder {paths.root}: {exc.strerror}"
                ) from exc
            # The window still runs a session; build_context says why nothing can be saved.
        setup_logging(paths)
        if headless:
            gc.enable()  # upright.launch turned it off for the start-up only
            return headless(args, paths)
        return run_window(args, paths)
    except UsageError as exc:
        print(f"upright: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SystemExit as exc:  # argparse's --version and --help
        return int(exc.code or 0)
    except Exception as exc:
        log.exception("unexpected failure")
        where = f" (details in {paths.log})" if "paths" in locals() else ""
        print(f"upright: unexpected error: {exc}{where}", file=sys.stderr)
        return EXIT_FAILURE
