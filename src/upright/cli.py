"""The command line: arguments, and the headless sub-commands that need no window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from upright import __version__
from upright.core.atomic import write_atomically
from upright.core.clock import SystemClock
from upright.core.history import History, HistoryError, NewerDatabaseError
from upright.core.paths import DataPaths, unreachable_link
from upright.core.recovery import open_history
from upright.core.value import replace

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
PAPERS = ("a4", "letter")


class UsageError(Exception):
    """Bad arguments or bad input: exit 2 with one clear line."""


def one_line(text: str) -> str:
    """An error message fit for one line of stderr, whatever the user typed into it."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _time_scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--time-scale must be a number, not {text!r}") from None
    if not 0 < value <= 1000:
        raise argparse.ArgumentTypeError("--time-scale must be above 0 and at most 1000")
    return value


def data_folder(text: str) -> str:
    """--data-dir: an empty one (a shell variable that was not set) is refused, not taken to
    mean the usual folder, where a command would then read or change the person's own data."""
    if not text.strip():
        raise argparse.ArgumentTypeError("A folder is needed.")
    return text


def profile_name(text: str) -> str:
    """--profile: a person's name, trimmed; a bad one is refused in plain words."""
    from upright.core.profiles import name_problem

    problem = name_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return text.strip()


def _window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile", type=profile_name, metavar="NAME", help="whose programme and history to use"
    )
    parser.add_argument(
        "--time-scale",
        type=_time_scale,
        default=1.0,
        metavar="X",
        help="run every timer X times faster (demos and checks)",
    )
    parser.add_argument("--fullscreen", action="store_true", help="open full screen")


def build_parser(commands_too: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without ``commands_too``, only the options before a command."""
    parser = _Parser(prog="upright", description="A guided timer for back-extensor exercises.")
    parser.add_argument("--version", action="version", version=f"upright {__version__}")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation (assets, Qt, database, drawing) without a display; exit",
    )
    parser.add_argument(
        "--data-dir", type=data_folder, metavar="DIR", help="where history and settings live"
    )
    _window_options(parser)
    if not commands_too:
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    _program_parser(commands)
    start = commands.add_parser("start", help="open and go straight to today's session")
    start.add_argument("--data-dir", type=data_folder, metavar="DIR", dest="data_dir_sub")
    _window_options(start)
    export = commands.add_parser("export", help="write the history as CSV, one row per rep")
    export.add_argument("--csv", required=True, type=Path, metavar="FILE")
    export.add_argument("--profile", type=profile_name, metavar="NAME", dest="profile_sub")
    export.add_argument("--data-dir", type=data_folder, metavar="DIR", dest="data_dir_sub")
    report = commands.add_parser("report", help="write a progress report with charts (PDF)")
    report.add_argument("--pdf", required=True, type=Path, metavar="FILE")
    report.add_argument(
        "--profile", type=profile_name, metavar="NAME", dest="profile_sub", help="whose progress"
    )
    report.add_argument(
        "--range",
        choices=("4w", "3m", "1y", "all"),
        default="3m",
        help="the period the report covers (default: the last 3 months)",
    )
    report.add_argument("--data-dir", type=data_folder, metavar="DIR", dest="data_dir_sub")
    _handout_parser(commands)
    return parser


def _program_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    program = commands.add_parser("program", help="import or export a programme file")
    actions = program.add_subparsers(dest="program_command", required=True, metavar="ACTION")
    for name, help_text in (
        ("import", "check a programme file and install it for a person"),
        ("export", "write a person's programme and prescriptions to a file"),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("file", type=Path, metavar="FILE")
        action.add_argument("--profile", type=profile_name, metavar="NAME", dest="profile_sub")
        action.add_argument("--data-dir", type=data_folder, metavar="DIR", dest="data_dir_sub")


def _handout_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    handout = commands.add_parser(
        "handout", help="write a large-print handout with illustrations and a log sheet (PDF)"
    )
    handout.add_argument("--pdf", required=True, type=Path, metavar="FILE")
    source = handout.add_mutually_exclusive_group()
    source.add_argument(
        "--level",
        metavar="L",
        help="a built-in level at its starting numbers (default: your current programme)",
    )
    source.add_argument(
        "--program", type=Path, metavar="FILE", help="a programme file (upright-programme)"
    )
    handout.add_argument("--paper", choices=PAPERS, default="a4", help="a4 (default) or letter")
    handout.add_argument(
        "--profile", type=profile_name, metavar="NAME", dest="profile_sub", help="whose programme"
    )
    handout.add_argument("--data-dir", type=data_folder, metavar="DIR", dest="data_dir_sub")


# What no arguments at all mean (tests/e2e/test_cli_errors.py checks it against the parser).
NO_ARGUMENTS = {
    "self_check": False,
    "data_dir": None,
    "profile": None,
    "time_scale": 1.0,
    "fullscreen": False,
    "command": None,
}


def parse(argv: Sequence[str]) -> argparse.Namespace:
    if not argv:  # a launch from the desktop: no parser to build (argparse's ~3 ms)
        return argparse.Namespace(**NO_ARGUMENTS)
    # Options alone (a launch from the desktop has none at all) need none of the commands'
    # parsers, which take most of the time to build; any other word may name a command.
    options_only = all(a.startswith("-") and a not in ("-h", "--help") for a in argv)
    args = build_parser(commands_too=not options_only).parse_args(list(argv))
    if getattr(args, "data_dir_sub", None):
        args.data_dir = args.data_dir_sub
    if getattr(args, "profile_sub", None):
        args.profile = args.profile_sub
    if args.self_check and args.command:
        raise UsageError(f"--self-check runs alone, not with {args.command!r}")
    return args


def settings_profile(paths: DataPaths) -> str:
    """The person the settings name, for a command given no --profile."""
    from upright.core.catalog import load_builtin_catalog
    from upright.core.settings import load_settings

    return load_settings(paths.settings, load_builtin_catalog().level_ids)[0].profile


def run_export(args: argparse.Namespace, paths: DataPaths) -> int:
    from upright.core.export import history_csv  # only this command needs the csv module

    target: Path = args.csv.expanduser()
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {target}: the folder {target.parent} does not exist")
    from upright.core.profiles import find_profile

    history = open_cli_history(paths, only_to_read=True)
    # One person's history only: on a shared computer nobody exports someone else's by accident.
    wanted = getattr(args, "profile", None) or settings_profile(paths)
    profile = find_profile(history.connection, wanted)
    if profile is None:
        history.close()
        raise UsageError(f"there is no person called {wanted!r} in {paths.root}")
    text = history_csv(history.connection, profile)
    history.close()
    try:
        write_atomically(target, text)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror}") from exc
    rows = text.count("\n") - 1
    print(f"Wrote {rows} rep{'s' if rows != 1 else ''} of {profile} to {target}")
    return EXIT_OK


def open_cli_history(
    paths: DataPaths, must_exist: bool = True, *, only_to_read: bool = False
) -> History:
    """The history for a headless command; its problems become one-line usage errors. A command
    that only reads still reads it when it cannot be written (a read-only folder, a full disk):
    copying the history off a full disk is when an export matters most."""
    if must_exist and not paths.database.exists():
        if link := unreachable_link(paths.database):
            raise UsageError(
                f"cannot open the history: {link} (connect the drive or folder it is on)"
            )
        raise UsageError(f"no history found in {paths.root} (use --data-dir to point at it)")
    try:
        opened = open_history(paths.database, SystemClock().wall())
    except NewerDatabaseError as exc:
        raise UsageError(str(exc)) from exc
    except HistoryError as exc:
        if not only_to_read:
            raise UsageError(str(exc)) from exc
        try:
            read_only = History(paths.database, read_only=True)
        except HistoryError:
            raise UsageError(str(exc)) from exc
        print(f"upright: {exc} It was read as it is.", file=sys.stderr)
        return read_only
    if opened.notice:
        print(opened.notice, file=sys.stderr)
    return opened.history


def run_report(args: argparse.Namespace, paths: DataPaths) -> int:
    """The PDF report, offscreen: Qt draws the charts without a display."""
    target: Path = args.pdf.expanduser()
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {target}: the folder {target.parent} does not exist")
    history = open_cli_history(paths, only_to_read=True)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from upright.context import AppContext, todays_plan
    from upright.core.catalog import load_builtin_catalog
    from upright.core.settings import load_settings
    from upright.core.weeks import ChartRange
    from upright.ui.progress_page import progress_source
    from upright.ui.report import write_report

    _app = QApplication.instance() or QApplication(sys.argv[:1])  # alive while drawing
    catalog = load_builtin_catalog()
    settings, note = load_settings(paths.settings, catalog.level_ids)
    if note:
        print(note, file=sys.stderr)
    if args.profile:
        settings = replace(settings, profile=args.profile)
    clock = SystemClock()
    ctx = AppContext(catalog, clock, history, settings, settings_path=None)
    try:
        write_report(target, progress_source(ctx, todays_plan(ctx)), ChartRange(args.range))
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc}") from exc
    finally:
        history.close()
    print(f"Wrote the progress report of {settings.profile} to {target}")
    return EXIT_OK


# The programme and handout commands load their modules only when they run (they import this one).
def run_program(args: argparse.Namespace, paths: DataPaths) -> int:
    from upright.cli_program import run_program as run

    return run(args, paths)


def run_handout(args: argparse.Namespace, paths: DataPaths) -> int:
    from upright.cli_handout import run

    return run(args, paths)


HEADLESS = {
    "export": run_export,
    "report": run_report,
    "program": run_program,
    "handout": run_handout,
}
