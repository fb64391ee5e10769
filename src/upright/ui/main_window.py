"""The main window: pages and navigation between them. Rules live in the core, not here."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Literal

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from upright.context import AppContext, session_plan, todays_plan
from upright.core import records
from upright.core.history import HistoryError
from upright.core.settings import Settings, save_settings
from upright.core.today import TodayPlan, plan_duration_s
from upright.core.value import replace
from upright.ui.session_control import SessionControl
from upright.ui.shortcuts import app_shortcut, page_shortcut
from upright.ui.theme import apply_text_scale, stylesheet

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent  # its type alone takes PySide6 over a millisecond

    from upright.ui.checkin_flow import CheckIns
    from upright.ui.clinic import ClinicPages
    from upright.ui.hands_free import HandsFree
    from upright.ui.history_page import HistoryPage
    from upright.ui.home_page import HomePage
    from upright.ui.player_page import PlayerPage
    from upright.ui.progress_page import ProgressPage
    from upright.ui.session_flow import SessionFlow
    from upright.ui.settings_page import SettingsPage
    from upright.ui.summary_page import SummaryPage

# What the window shows first: home; the questions due at a launch (then home); or, for
# `upright start`, the session (after the questions due before it).
FirstScreen = Literal["home", "checks", "session"]


class MainWindow(SessionControl, QWidget):
    """Every page is built the first time it is needed, so the window is on screen quickly
    and a page's modules (charts, audio ...) load only when used.

    A plain widget holding the pages, not a QMainWindow: it has no menus, tool bars or status
    bar, and PySide6 takes ~0.7 ms to make QMainWindow's Python type at start-up."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, first: FirstScreen = "home"
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.flow: SessionFlow | None = None
        self.today: TodayPlan | None = None
        self._pain_before: int | None = None
        self.hands_free: HandsFree | None = None
        self.setObjectName("window")
        self.setWindowTitle("Upright")
        self.setMinimumSize(800, 600)
        self._applied_look: tuple[float, bool] | None = None
        self._apply_look()  # first: the pages are then built at the right text size at once
        self.pages = QStackedWidget()
        frame = QVBoxLayout(self)
        frame.setContentsMargins(0, 0, 0, 0)
        frame.addWidget(self.pages)
        app_shortcut(self, "F11", self.toggle_distance)
        # Only the first screen is built before the window shows. For someone who exercises
        # daily that is "is your back worse?", and the home page waits for the answer.
        if first == "checks":
            self.launch_checks()
        elif first == "session":
            self.start_session()
        else:
            self.show_home()

    @cached_property
    def home(self) -> HomePage:
        from upright.ui.home_page import HomePage  # not before a check-in's first paint

        home = HomePage(self.ctx.catalog)
        self.pages.addWidget(home)
        home.start_requested.connect(self.start_session)
        home.level_chosen.connect(self.choose_level)
        home.history_requested.connect(self.show_history)
        home.progress_requested.connect(self.show_progress)
        home.handout_requested.connect(self.offer_handout)
        home.settings_requested.connect(self.show_settings)
        page_shortcut(home, ["Return", "Enter"], self.start_session)
        page_shortcut(home, "H", self.show_history)
        page_shortcut(home, "G", self.show_progress)
        page_shortcut(home, "Ctrl+P", self.offer_handout)
        page_shortcut(home, "S", self.show_settings)
        self.clinic.add_to_home(home)
        return home

    @cached_property
    def clinic(self) -> ClinicPages:
        from upright.ui.clinic import ClinicPages

        return ClinicPages(self)

    # -- pages, each built on first use ---------------------------------------------------------
    def _add(self, page: QWidget, escape_to_home: bool = True) -> None:
        self.pages.addWidget(page)
        if escape_to_home:
            page_shortcut(page, "Escape", self.show_home)

    @cached_property
    def checkins(self) -> CheckIns:
        from upright.ui.checkin_flow import CheckIns

        return CheckIns(self.pages, self.ctx)

    @cached_property
    def player(self) -> PlayerPage:
        from upright.ui.illustration_view import IllustrationView
        from upright.ui.player_page import PlayerPage

        page = PlayerPage()
        page.set_illustration(IllustrationView(self.ctx.clock.monotonic))
        page.high_contrast = self.ctx.settings.high_contrast
        page.distance_requested.connect(self.toggle_distance)
        self._add(page, escape_to_home=False)  # Esc during a session means "stop?"
        return page

    @cached_property
    def summary(self) -> SummaryPage:
        from upright.ui.summary_page import SummaryPage

        page = SummaryPage()
        page.done_requested.connect(self.show_home)
        self._add(page, escape_to_home=False)
        page_shortcut(page, ["Return", "Enter"], self.show_home)
        return page

    @cached_property
    def history_page(self) -> HistoryPage:
        from upright.ui.history_page import HistoryPage

        page = HistoryPage()
        page.back_requested.connect(self.show_home)
        page.session_selected.connect(self._show_session_reps)
        page.delete_requested.connect(self._delete_session)
        self._add(page)
        return page

    @cached_property
    def settings_page(self) -> SettingsPage:
        from upright.ui.settings_page import SettingsPage

        page = SettingsPage()
        page.back_requested.connect(self.show_home)
        page.changed.connect(self.change_settings)
        if self.hands_free is not None:
            page.test_sound_requested.connect(self.hands_free.test_sound)
            page.set_voices(self.hands_free.cues.voices)
        self._add(page)
        return page

    @cached_property
    def progress_page(self) -> ProgressPage:
        from upright.ui.progress_page import ProgressPage

        page = ProgressPage()
        page.back_requested.connect(self.show_home)
        self._add(page)
        return page

    # -- navigation ---------------------------------------------------------------------------
    def show_home(self) -> None:
        self.ctx.retry_unsaved()  # answers the history refused earlier, before the plan
        today = todays_plan(self.ctx)
        self.home.show_today(today, plan_duration_s(session_plan(self.ctx, today)))
        self.home.show_profile(self.ctx.settings.profile)
        self._show_notices()
        db = self.ctx.readable.connection if self.ctx.readable else None
        self.home.show_recent(records.sessions(db, self.ctx.settings.profile, 5) if db else [])
        self.pages.setCurrentWidget(self.home)
        self.home.start_button.setFocus()

    def show_history(self) -> None:
        if self.ctx.readable is None:
            return
        db = self.ctx.readable.connection
        names = {e.id: e.name for e in self.ctx.catalog.exercises}
        from upright.core.session_table import session_summaries

        self.history_page.show_sessions(session_summaries(db, self.ctx.settings.profile), names)
        self.pages.setCurrentWidget(self.history_page)
        self.history_page.sessions_list.setFocus()

    def show_progress(self) -> None:
        from upright.ui.progress_page import progress_source

        self.pages.setCurrentWidget(self.progress_page)
        self.progress_page.show_progress(progress_source(self.ctx, todays_plan(self.ctx)))
        self.progress_page.back_button.setFocus()

    def offer_handout(self) -> None:
        """Save the handout of today's programme as a PDF, or print it."""
        from upright.ui.handout_dialog import offer_handout

        offer_handout(self, self.ctx)

    def _show_session_reps(self, session_id: int) -> None:
        if self.ctx.readable is not None:
            self.history_page.show_reps(records.reps(self.ctx.readable.connection, session_id))

    def _delete_session(self, session_id: int) -> None:
        from PySide6.QtWidgets import QMessageBox

        from upright.ui.dialogs import warn

        answer = QMessageBox.question(
            self,
            "Delete this session?",
            "Delete this session and all its reps from your history? This cannot be undone.",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.write(lambda h: h.delete_session(session_id))
        except HistoryError as exc:
            warn(self, "Not deleted", f"The session was not deleted: {exc}.")
        self.show_history()

    def attach_hands_free(self, hands_free: HandsFree) -> None:
        """Sound, voice and screen-awake, made by the composition root once the window shows."""
        self.hands_free = hands_free
        hands_free.apply(self.ctx.settings)
        hands_free.cues.status_changed.connect(self._show_notices)
        if self._built("settings_page"):
            self.settings_page.test_sound_requested.connect(hands_free.test_sound)
        self._show_notices()

    def _built(self, page: str) -> bool:
        return page in self.__dict__  # cached_property keeps a built page there

    def _show_notices(self) -> None:
        sound = self.hands_free.problems() if self.hands_free else []
        if self._built("home"):  # else show_home shows them
            self.home.show_notices([*self.ctx.notices, *self.ctx.unsaved_notices(), *sound])
        if self._built("settings_page"):
            self.settings_page.show_status("\n".join(sound))
            if self.hands_free is not None:
                self.settings_page.set_voices(self.hands_free.cues.voices)

    def show_settings(self) -> None:
        self._show_notices()
        self.settings_page.show_settings(self.ctx.settings)
        self.pages.setCurrentWidget(self.settings_page)
        self.settings_page.voice_box.setFocus()

    def change_settings(self, settings: Settings) -> None:
        self.ctx.settings = settings
        self._save_settings()
        self._apply_look()
        if self.hands_free is not None:
            self.hands_free.apply(settings)

    def _apply_look(self) -> None:
        """The text size and contrast, applied to every widget when either has changed (not on
        every tick of the volume slider: polishing the whole window takes ~25 ms)."""
        look = (self.ctx.settings.text_scale, self.ctx.settings.high_contrast)
        if look == self._applied_look:
            return
        self._applied_look = look
        apply_text_scale(self.ctx.settings.text_scale)
        # Set even if the sheet is unchanged: it fixes each widget's font when it polishes the
        # widget, so only polishing again makes every label and button take a new text size.
        self.setStyleSheet(stylesheet(self.ctx.settings.high_contrast))
        if self._built("player"):
            self.player.high_contrast = self.ctx.settings.high_contrast

    def choose_level(self, level_id: str) -> None:
        self.ctx.settings = replace(self.ctx.settings, level=level_id)
        self._save_settings()
        self.show_home()

    def _save_settings(self) -> None:
        if self.ctx.settings_path is None:
            return
        try:
            save_settings(self.ctx.settings_path, self.ctx.settings)
        except OSError as exc:
            self.ctx.say(f"Your choice could not be saved ({exc.strerror}).")

    def handle_instance_message(self, message: str) -> None:
        """Another launch on the same data folder: come forward (and start, if asked)."""
        from PySide6.QtCore import Qt  # not at start-up: see upright.ui.shortcuts

        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
        if message == "start" and self._built("home") and self.pages.currentWidget() is self.home:
            self.start_session()

    def toggle_distance(self) -> None:
        """F11: during a session, the across-the-room view in full screen; elsewhere full screen."""
        if self._built("player") and self.pages.currentWidget() is self.player:
            on = not self.player.distance
            self.player.set_distance(on)
            self._set_fullscreen(on)
        else:
            self._set_fullscreen(not self.isFullScreen())

    def _set_fullscreen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_running_session()
        self.ctx.retry_unsaved()  # a last try for what waits (kept in memory only)
        # The person closing the window (the window manager's close button or keys: a
        # spontaneous event) is asked first if something would be lost. Upright quitting for a
        # logout or a shutdown (not spontaneous) never waits for an answer.
        if self.ctx.unsaved and event.spontaneous() and not self._close_losing_unsaved():
            event.ignore()
            self._show_notices()  # the home page says what still waits (tried just above)
            return
        super().closeEvent(event)

    def _close_losing_unsaved(self) -> bool:
        """Close even though what waits to be saved would be lost? Keeping Upright open is the
        default (Enter and Esc)."""
        from PySide6.QtWidgets import QMessageBox

        from upright.ui.plain_text import as_plain_text

        box = as_plain_text(QMessageBox(self))
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Close Upright?")
        box.setText(self.ctx.unsaved_words())
        box.setInformativeText(
            "If Upright closes now, this is lost. Keep it open and it tries again each time "
            "the home page shows, and once more as it closes."
        )
        keep = box.addButton("Keep Upright open", QMessageBox.ButtonRole.RejectRole)
        box.addButton("Close and lose it", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() not in (None, keep)
