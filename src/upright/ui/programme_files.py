"""The programme editor's Import… and Export…: a file comes in to be looked at before saving."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from upright.core.atomic import write_atomically
from upright.core.fields import ValidationError
from upright.core.programme_edit import check
from upright.core.programme_file import programme_file_text, read_programme_file
from upright.core.value import replace

if TYPE_CHECKING:
    from upright.ui.programme_editor import ProgrammeEditor

FILES = "Upright programme (*.json);;All files (*)"


class ProgrammeFiles:
    """Mixed into ProgrammeEditor: the same files as ``upright program import/export``."""

    def import_file(self: ProgrammeEditor, path: Path) -> bool:
        """Into the editor, to look at before saving; a bad file changes nothing."""
        try:
            loaded = read_programme_file(path, self.ctx.catalog)
        except ValidationError as exc:
            self.status_label.setText(
                "\n".join([f"{path.name} was not imported:", *exc.problems[:8]])
            )
            return False
        self.row = 0
        self._apply(replace(loaded, person=self.draft.person))
        who = f" (written for {loaded.person})" if loaded.person else ""
        self.status_label.setText(f"Imported {path.name}{who}. Press Save to keep it.")
        return True

    def export_file(self: ProgrammeEditor, path: Path) -> bool:
        if check(self.draft, self.ctx.catalog):
            self.status_label.setText("Change what is marked ⚠ before exporting.")
            return False
        try:
            write_atomically(path, programme_file_text(self.draft))
        except OSError as exc:
            self.status_label.setText(f"{path} could not be written: {exc.strerror}.")
            return False
        self.status_label.setText(f"Exported to {path}.")
        return True

    def choose_import(self: ProgrammeEditor) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import a programme", str(Path.home()), FILES)
        if name:
            self.import_file(Path(name))

    def choose_export(self: ProgrammeEditor) -> None:
        person = self.ctx.settings.profile
        suggested = str(Path.home() / f"{person}-programme.json")
        name, _ = QFileDialog.getSaveFileName(self, "Export the programme", suggested, FILES)
        if name:
            self.export_file(Path(name))
