"""`upright handout`: the printable handout of a programme as a PDF, with no display needed.

The arguments are defined in upright.cli; this module loads only when the command runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from upright.cli import EXIT_OK, UsageError, open_cli_history
from upright.core.catalog import load_builtin_catalog
from upright.core.clock import SystemClock
from upright.core.paths import DataPaths
from upright.core.settings import load_settings
from upright.core.value import replace

if TYPE_CHECKING:  # the content modules load only when a handout is asked for
    from upright.core.handout_content import Handout
    from upright.core.history import History


def _handout(args: argparse.Namespace, paths: DataPaths) -> Handout:
    """The content: a built-in level, or the person's current programme and numbers."""
    from upright.core.handout_content import build_handout, from_level, from_today, person_name

    catalog = load_builtin_catalog()
    today = SystemClock().wall().date()
    if args.program:
        return _from_file(args.program, today)
    if args.level:
        if args.level not in catalog.level_ids:
            raise UsageError(
                f"--level must be one of {', '.join(catalog.level_ids)}, not {args.level!r}"
            )
        items = from_level(catalog, args.level)
        return build_handout(catalog, items, today, person_name(args.profile))
    from upright.context import AppContext, todays_plan

    settings, note = load_settings(paths.settings, catalog.level_ids)
    if note:
        print(note, file=sys.stderr)
    if args.profile:
        settings = replace(settings, profile=args.profile)
    # Only read: the window's start-up work (marking running sessions interrupted) is not
    # done here, so a handout printed during a session leaves that session alone.
    history: History | None = (
        open_cli_history(paths, only_to_read=True) if paths.database.exists() else None
    )
    ctx = AppContext(catalog, SystemClock(), history, settings, settings_path=None)
    try:
        plan = todays_plan(ctx)
    finally:
        if history is not None:
            history.close()
    items = from_today(plan)
    person = person_name(settings.profile)
    return build_handout(catalog, items, today, person, warmups=plan.warmups)


def _from_file(path: Path, today: date) -> Handout:
    """A therapist's programme file, checked in full first (one line per problem on stderr)."""
    from upright.core.fields import ValidationError
    from upright.core.handout_content import HandoutExercise, build_handout, person_name
    from upright.core.programme_file import read_programme_file

    catalog = load_builtin_catalog()
    try:
        pf = read_programme_file(path.expanduser(), catalog)
    except ValidationError as exc:
        for problem in exc.problems[:-1]:
            print(f"upright: {problem}", file=sys.stderr)
        raise UsageError(exc.problems[-1] if exc.problems else str(exc)) from exc
    items = [
        HandoutExercise(catalog.exercise(item.exercise_id), prescription, item.note)
        for item, prescription in pf.pairs
    ]
    person = person_name(pf.person) if pf.person else None
    return build_handout(catalog, items, today, person, warmups=pf.programme.warmups)


def run(args: argparse.Namespace, paths: DataPaths) -> int:
    target: Path = args.pdf.expanduser()
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {target}: the folder {target.parent} does not exist")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from upright.ui.handout import write_handout

    _app = QApplication.instance() or QApplication(sys.argv[:1])  # fonts need an application
    handout = _handout(args, paths)
    try:
        layout = write_handout(target, handout, args.paper)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc}") from exc
    pages = len(layout.pages)
    print(f"Wrote a {pages}-page handout to {target}")
    return EXIT_OK
