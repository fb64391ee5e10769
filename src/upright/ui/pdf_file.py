"""Qt's PDF writer set up as Upright's documents use it: the folder checked, title, creator,
paper, margins and resolution; and the check that a finished file was really written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from upright import __version__


def pdf_writer(
    path: Path, title: str, paper: QPageSize, margins_mm: float, resolution: int
) -> QPdfWriter:
    """A writer for ``path`` (OSError if its folder does not exist); portrait pages."""
    if not path.parent.is_dir():
        raise OSError(f"the folder {path.parent} does not exist")
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator(f"Upright {__version__}")
    margins = QMarginsF(margins_mm, margins_mm, margins_mm, margins_mm)
    layout = QPageLayout(
        paper, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter
    )
    writer.setPageLayout(layout)
    writer.setResolution(resolution)
    return writer


def check_written(path: Path) -> None:
    """After the writer is gone (which finishes the file): OSError if nothing reached disk."""
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"could not write {path}")
