"""The clinic pages in the main window: people, the programme editor and demo mode.

Each page is built the first time it is shown, so none of them slows the start.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from upright.core.value import replace
from upright.ui.shortcuts import page_shortcut

if TYPE_CHECKING:
    from upright.ui.demo import DemoPage
    from upright.ui.home_page import HomePage
    from upright.ui.main_window import MainWindow
    from upright.ui.profiles_page import ProfilesPage
    from upright.ui.programme_editor import ProgrammeEditor


class ClinicPages(QObject):
    """Adds the pages to the window's stack and the home page's buttons and keys to them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def add_to_home(self, home: HomePage) -> None:
        """The home page's buttons and keys for these pages (when the window builds it)."""
        for signal, key, slot in (
            (home.people_requested, "W", self.show_people),
            (home.programme_requested, "E", self.show_editor),
            (home.demo_requested, "D", self.show_demo),
        ):
            signal.connect(slot)
            page_shortcut(home, key, slot)

    # -- the pages, each built on first use -----------------------------------------------------
    def _add(self, page: ProfilesPage | ProgrammeEditor | DemoPage) -> None:
        self.window.pages.addWidget(page)
        page.back_requested.connect(self.window.show_home)

    @cached_property
    def people(self) -> ProfilesPage:
        from upright.ui.profiles_page import ProfilesPage

        page = ProfilesPage(self.window.ctx)
        page.switched.connect(self.switch_person)
        page.chosen.connect(self.window.show_home)
        self._add(page)
        return page

    @cached_property
    def editor(self) -> ProgrammeEditor:
        from upright.ui.programme_editor import ProgrammeEditor

        page = ProgrammeEditor(self.window.ctx)
        self._add(page)
        return page

    @cached_property
    def demo(self) -> DemoPage:
        from upright.ui.demo import DemoPage

        page = DemoPage(self.window.ctx)
        self._add(page)
        return page

    def show_people(self) -> None:
        self.people.show_people()
        self.window.pages.setCurrentWidget(self.people)

    def show_editor(self) -> None:
        self.window.pages.setCurrentWidget(self.editor)
        self.editor.open()

    def show_demo(self) -> None:
        self.window.pages.setCurrentWidget(self.demo)
        self.demo.open()

    def switch_person(self, name: str) -> None:
        """The person in use changes, and is remembered for next time."""
        self.window.change_settings(replace(self.window.ctx.settings, profile=name))
