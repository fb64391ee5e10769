"""The history as CSV text, one row per rep (written to disk with upright.core.atomic)."""

from __future__ import annotations

import csv
import io
import sqlite3

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
