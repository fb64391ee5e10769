"""`upright program import FILE` and `upright program export FILE`: programme files, headless.

The arguments are defined in upright.cli; this module loads only when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from upright.cli import EXIT_BAD_INPUT, EXIT_OK, UsageError, open_cli_history
from upright.core.atomic import write_atomically
from upright.core.catalog import load_builtin_catalog
from upright.core.clock import SystemClock
from upright.core.fields import ValidationError
from upright.core.paths import DataPaths
from upright.core.profiles import find_profile
from upright.core.program import Catalog
from upright.core.programme_file import (
    ProgrammeFile,
    current_programme_file,
    install_programme,
    programme_file_text,
    read_programme_file,
)
from upright.core.progression import seconds_text
from upright.core.settings import load_settings

IMPORT_REASON = "Set from a programme file from your therapist."


def _profile(args: argparse.Namespace) -> str | None:
    """``upright program export F --profile A`` or ``upright --profile A program export F``."""
    return getattr(args, "profile_sub", None) or getattr(args, "profile", None)


def _summary(catalog: Catalog, pf: ProgrammeFile) -> str:
    return "; ".join(
        f"{catalog.exercise(item.exercise_id).name}: {p.reps} reps, hold {seconds_text(p.hold_s)}"
        for item, p in pf.pairs
    )


def run_import(args: argparse.Namespace, paths: DataPaths) -> int:
    catalog = load_builtin_catalog()
    try:
        pf = read_programme_file(args.file, catalog)  # everything is checked before any write
    except ValidationError as exc:
        for problem in exc.problems:
            print(f"upright: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    history = open_cli_history(paths, must_exist=False)
    try:
        wanted = _profile(args) or load_settings(paths.settings, catalog.level_ids)[0].profile
        profile = find_profile(history.connection, wanted) or wanted
        install_programme(history, catalog, profile, pf, SystemClock().wall(), IMPORT_REASON)
    finally:
        history.close()
    written_for = f" (written for {pf.person})" if pf.person and pf.person != profile else ""
    print(f"Installed the programme{written_for} for {profile}: {_summary(catalog, pf)}")
    return EXIT_OK


def run_export(args: argparse.Namespace, paths: DataPaths) -> int:
    target: Path = args.file.expanduser()
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {target}: the folder {target.parent} does not exist")
    catalog = load_builtin_catalog()
    settings = load_settings(paths.settings, catalog.level_ids)[0]
    profile = _profile(args) or settings.profile
    history = (
        open_cli_history(paths, must_exist=False, only_to_read=True)
        if paths.database.exists()
        else None
    )
    try:
        if history is not None:
            found = find_profile(history.connection, profile)
            if found is None:
                raise UsageError(f"there is no person called {profile} in {paths.root}")
            profile = found
        pf = current_programme_file(catalog, history, profile, settings.level)
    finally:
        if history is not None:
            history.close()
    try:
        write_atomically(target, programme_file_text(pf))
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror}") from exc
    print(f"Wrote the programme of {profile} to {target}: {_summary(catalog, pf)}")
    return EXIT_OK


def run_program(args: argparse.Namespace, paths: DataPaths) -> int:
    return run_import(args, paths) if args.program_command == "import" else run_export(args, paths)
