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
    """Write to a private temporary file beside ``path``, flush it to disk, rename it into place.

    On disk before it is in place: a backup written before a delete survives a power cut.
    """
    path = path.expanduser()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # POSIX: make the rename itself durable
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
