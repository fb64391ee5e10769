"""The command line: arguments, and the headless sub-commands that need no window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from upright import __version__
from upright.core.clock import SystemClock
from upright.core.export import history_csv, write_atomically
from upright.core.history import HistoryError
from upright.core.paths import DataPaths
from upright.core.recovery import open_history

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad arguments or bad input: exit 2 with one clear line."""


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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="upright", description="A guided timer for back-extensor exercises.")
    parser.add_argument("--version", action="version", version=f"upright {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where history and settings live")
    _window_options(parser)
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    from upright.cli_program import add_program_parser  # it imports this module

    add_program_parser(commands)
    start = commands.add_parser("start", help="open and go straight to today's session")
    start.add_argument("--data-dir", metavar="DIR", dest="data_dir_sub")
    _window_options(start)
    export = commands.add_parser("export", help="write the history as CSV, one row per rep")
    export.add_argument("--csv", required=True, type=Path, metavar="FILE")
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    args = build_parser().parse_args(list(argv))
    if getattr(args, "data_dir_sub", None):
        args.data_dir = args.data_dir_sub
    return args


def run_export(args: argparse.Namespace, paths: DataPaths) -> int:
    target: Path = args.csv.expanduser()
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {target}: the folder {target.parent} does not exist")
    if not paths.database.exists():
        raise UsageError(f"no history found in {paths.root} (use --data-dir to point at it)")
    try:
        opened = open_history(paths.database, SystemClock().wall())
    except HistoryError as exc:
        raise UsageError(str(exc)) from exc
    if opened.notice:
        print(opened.notice, file=sys.stderr)
    text = history_csv(opened.history.connection, getattr(args, "profile", None))
    opened.history.close()
    try:
        write_atomically(target, text)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror}") from exc
    rows = text.count("\n") - 1
    print(f"Wrote {rows} rep{'s' if rows != 1 else ''} to {target}")
    return EXIT_OK


def run_program(args: argparse.Namespace, paths: DataPaths) -> int:
    from upright.cli_program import run_program as run  # it imports this module

    return run(args, paths)


HEADLESS = {"export": run_export, "program": run_program}
