"""From the home screen: save the handout as a PDF, or print it on paper.

The handout's modules load on the first click, not with the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from upright.ui.dialogs import warn

if TYPE_CHECKING:
    from upright.context import AppContext
    from upright.core.handout_content import Handout

SAVE, PRINT = "save", "print"


def handout_for(ctx: AppContext) -> Handout:
    """The person's current programme, with today's numbers."""
    from upright.context import todays_plan
    from upright.core.handout_content import build_handout, from_today, person_name

    plan = todays_plan(ctx)
    person = person_name(ctx.settings.profile)
    items = from_today(plan)
    return build_handout(ctx.catalog, items, ctx.clock.wall().date(), person, warmups=plan.warmups)


def local_paper() -> str:
    """US Letter where people measure in inches and feet, A4 elsewhere."""
    us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if us else "a4"


def can_print() -> bool:
    try:
        from PySide6 import QtPrintSupport  # noqa: F401  (some builds leave it out)
    except ImportError:
        return False
    return True


def ask_how(parent: QWidget) -> str | None:
    """SAVE, PRINT (when printing is available here), or None."""
    box = QMessageBox(parent)
    box.setWindowTitle("Print handout")
    box.setText("A large-print handout of your exercises, your numbers and a log sheet.")
    save = box.addButton("Save as PDF…", QMessageBox.ButtonRole.AcceptRole)
    paper = box.addButton("Print…", QMessageBox.ButtonRole.AcceptRole) if can_print() else None
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else PRINT if paper and clicked is paper else None


def save_pdf(parent: QWidget, handout: Handout, folder: Path) -> Path | None:
    """Asks where, then writes; says so plainly if the file cannot be written."""
    name = f"upright-handout-{handout.person or 'exercises'}.pdf"
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Save the handout", str(folder / name), "PDF files (*.pdf)"
    )
    if not chosen:
        return None
    path = Path(chosen)
    from upright.ui.handout import write_handout

    try:
        write_handout(path, handout, local_paper())
    except OSError as exc:
        warn(parent, "Handout not saved", f"Could not write {path}: {exc}")
        return None
    return path


def print_on_paper(parent: QWidget, handout: Handout) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from upright.ui.handout import print_handout

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)  # the handout keeps its own margins
    printer.setDocName("Upright exercise handout")
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_handout(printer, handout)
    return True


def offer_handout(parent: QWidget, ctx: AppContext) -> None:
    how = ask_how(parent)
    if how == SAVE:
        save_pdf(parent, handout_for(ctx), Path.home())
    elif how == PRINT:
        print_on_paper(parent, handout_for(ctx))
