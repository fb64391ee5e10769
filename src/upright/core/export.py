"""Writes the history as CSV, one row per rep, atomically (a failed export leaves no half file)."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import tempfile
from pathlib import Path

from upright.core.records import EXPORT_COLUMNS, export_rows


def history_csv(db: sqlite3.Connection, profile: str | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    completed = EXPORT_COLUMNS.index("completed")
    for row in export_rows(db, profile):
        cells = list(row)
        cells[completed] = "true" if cells[completed] else "false"
        writer.writerow(cells)
    return buffer.getvalue()


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path`` and rename it into place."""
    path = path.expanduser()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
