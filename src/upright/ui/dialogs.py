"""Questions that guard a change: the safe answer is the default, for Enter and for Esc."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from upright.ui.plain_text import as_plain_text


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str = "Cancel") -> bool:
    """True only if the person chose ``yes``; Enter and Esc both keep things as they are."""
    box = as_plain_text(QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent))
    cancel = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


def warn(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> None:
    """What went wrong, in words that may hold names and paths (shown as they are)."""
    as_plain_text(QMessageBox(icon, title, text, parent=parent)).exec()
