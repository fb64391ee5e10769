"""The composition root: parse arguments, find the data, build the core objects and the window."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from dataclasses import replace
from logging.handlers import RotatingFileHandler
from types import TracebackType
from typing import TYPE_CHECKING

from upright.cli import EXIT_BAD_INPUT, EXIT_FAILURE, HEADLESS, UsageError, parse
from upright.core.catalog import load_builtin_catalog
from upright.core.clock import Clock, SystemClock
from upright.core.history import History, HistoryError
from upright.core.paths import DataPaths, resolve_data_dir
from upright.core.recovery import open_history
from upright.core.settings import load_settings

if TYPE_CHECKING:
    from upright.ui.main_window import AppContext

log = logging.getLogger("upright")


def setup_logging(paths: DataPaths) -> None:
    try:
        handler: logging.Handler = RotatingFileHandler(
            paths.log, maxBytes=256_000, backupCount=2, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)  # a read-only folder: log to the terminal
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def open_history_for_app(paths: DataPaths, notices: list[str]) -> History | None:
    """The history, or None with a plain notice; the app runs either way."""
    try:
        opened = open_history(paths.database, SystemClock().wall())
    except (HistoryError, OSError) as exc:
        log.warning("history unavailable: %s", exc)
        notices.append(f"{exc} Sessions will run, but cannot be saved.")
        return None
    if opened.notice:
        notices.append(opened.notice)
    interrupted = opened.history.mark_interrupted()
    if interrupted:
        notices.append(
            "Your last session was interrupted before it finished. "
            "Every rep you completed is saved in your history."
        )
    return opened.history


def build_context(
    paths: DataPaths, clock: Clock, profile: str | None = None, time_scale: float = 1.0
) -> AppContext:
    """The one place the app's objects are made: used by the real app and by the e2e tests."""
    from upright.ui.main_window import AppContext

    notices: list[str] = []
    settings, note = load_settings(paths.settings)
    if note:
        notices.append(note)
    if profile:
        settings = replace(settings, profile=profile)
    return AppContext(
        catalog=load_builtin_catalog(),
        clock=clock,
        history=open_history_for_app(paths, notices),
        settings=settings,
        settings_path=paths.settings,
        time_scale=time_scale,
        notices=notices,
        backups=paths.backups,
    )


def run_window(args: argparse.Namespace, paths: DataPaths) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from upright.ui.main_window import MainWindow
    from upright.ui.single_instance import InstanceServer, ask_running_instance

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Upright")
    app.setDesktopFileName("upright")

    def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        QMessageBox.critical(
            None,
            "Something went wrong",
            f"Upright hit an unexpected problem: {exc}\n\nYour saved reps are safe. "
            f"Details are in {paths.log}.",
        )

    sys.excepthook = excepthook
    message = "start" if args.command == "start" else "raise"
    if ask_running_instance(paths.root, message):
        print("Upright is already open; it has been brought to the front.", file=sys.stderr)
        return 0
    instance = InstanceServer(paths.root, app)
    ctx = build_context(paths, SystemClock(), args.profile, args.time_scale)
    window = MainWindow(ctx)
    instance.message_received.connect(window.handle_instance_message)
    window.resize(1280, 800)
    if args.fullscreen:
        window.showFullScreen()
    else:
        window.show()
    if args.command == "start":
        window.start_session()
    code = app.exec()
    if ctx.history is not None:
        ctx.history.close()
    return int(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = parse(argv)
        paths = resolve_data_dir(args.data_dir)
        try:
            paths.ensure()
        except OSError as exc:
            raise UsageError(f"cannot use the data folder {paths.root}: {exc.strerror}") from exc
        setup_logging(paths)
        headless = HEADLESS.get(args.command or "")
        return headless(args, paths) if headless else run_window(args, paths)
    except UsageError as exc:
        print(f"upright: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SystemExit as exc:  # argparse's --version and --help
        return int(exc.code or 0)
    except Exception as exc:
        log.exception("unexpected failure")
        where = f" (details in {paths.log})" if "paths" in locals() else ""
        print(f"upright: unexpected error: {exc}{where}", file=sys.stderr)
        return EXIT_FAILURE
