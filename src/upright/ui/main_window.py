"""The main window: pages and navigation between them. Rules live in the core, not here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from upright.core import records
from upright.core.clock import Clock
from upright.core.cues import CueOptions
from upright.core.events import SessionEnd
from upright.core.history import History
from upright.core.plan import Plan, build_plan
from upright.core.program import Catalog
from upright.core.recorder import SessionRecorder
from upright.core.safety import BeforeCheck
from upright.core.session_table import session_summaries
from upright.core.settings import Settings, save_settings
from upright.core.today import TodayPlan, conclude, plan_duration_s, plan_today
from upright.ui.checkin_flow import CheckIns
from upright.ui.handout_dialog import offer_handout
from upright.ui.hands_free import HandsFree
from upright.ui.history_page import HistoryPage
from upright.ui.home_page import HomePage
from upright.ui.illustration_view import IllustrationView
from upright.ui.player_page import PlayerPage
from upright.ui.progress_page import ProgressPage, progress_source
from upright.ui.session_flow import SessionAids, SessionFlow
from upright.ui.settings_page import SettingsPage
from upright.ui.summary_page import SummaryPage
from upright.ui.theme import apply_text_scale, stylesheet


@dataclass
class AppContext:
    """Everything the window needs, built once by the composition root (upright.app)."""

    catalog: Catalog
    clock: Clock
    history: History | None
    settings: Settings
    settings_path: Path | None
    time_scale: float = 1.0
    notices: list[str] = field(default_factory=list)


def todays_plan(ctx: AppContext) -> TodayPlan:
    return plan_today(
        ctx.catalog, ctx.history, ctx.settings.profile, ctx.settings.level, ctx.clock.wall().date()
    )


def session_plan(ctx: AppContext, today: TodayPlan) -> Plan:
    pairs = [(item.exercise, item.prescription) for item in today.items]
    return build_plan(ctx.catalog, pairs, warmups=today.warmups and ctx.settings.warmups)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.flow: SessionFlow | None = None
        self.today: TodayPlan | None = None
        self._pain_before: int | None = None
        self.hands_free: HandsFree | None = None
        self.setWindowTitle("Upright")
        self.setMinimumSize(800, 600)
        self.pages = QStackedWidget()
        self.home = HomePage(ctx.catalog)
        self.player = PlayerPage()
        self.player.set_illustration(IllustrationView(ctx.clock.monotonic))
        self.summary = SummaryPage()
        self.history_page = HistoryPage()
        self.settings_page = SettingsPage()
        self.progress_page = ProgressPage()
        pages = (self.home, self.player, self.summary, self.history_page, self.settings_page)
        for page in (*pages, self.progress_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.checkins = CheckIns(self.pages, ctx)
        self._apply_look()

        self.home.start_requested.connect(self.start_session)
        self.home.level_chosen.connect(self.choose_level)
        self.home.history_requested.connect(self.show_history)
        self.home.progress_requested.connect(self.show_progress)
        self.home.handout_requested.connect(self.offer_handout)
        self.progress_page.back_requested.connect(self.show_home)
        self.summary.done_requested.connect(self.show_home)
        self.history_page.back_requested.connect(self.show_home)
        self.home.settings_requested.connect(self.show_settings)
        self.settings_page.back_requested.connect(self.show_home)
        self.settings_page.changed.connect(self.change_settings)
        self.player.distance_requested.connect(self.toggle_distance)
        self.history_page.session_selected.connect(self._show_session_reps)
        self.history_page.delete_requested.connect(self._delete_session)

        self._shortcut("F11", self.toggle_distance, Qt.ShortcutContext.ApplicationShortcut)
        self._page_shortcut(self.home, "Return", self.start_session)
        self._page_shortcut(self.home, "Enter", self.start_session)
        self._page_shortcut(self.home, "H", self.show_history)
        self._page_shortcut(self.home, "G", self.show_progress)
        self._page_shortcut(self.home, "Ctrl+P", self.offer_handout)
        self._page_shortcut(self.progress_page, "Escape", self.show_home)
        self._page_shortcut(self.summary, "Return", self.show_home)
        self._page_shortcut(self.summary, "Enter", self.show_home)
        self._page_shortcut(self.history_page, "Escape", self.show_home)
        self._page_shortcut(self.home, "S", self.show_settings)
        self._page_shortcut(self.settings_page, "Escape", self.show_home)
        self.show_home()

    def _shortcut(self, key: str, slot: object, context: Qt.ShortcutContext) -> None:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(context)
        shortcut.activated.connect(slot)

    def _page_shortcut(self, page: QWidget, key: str, slot: object) -> None:
        shortcut = QShortcut(QKeySequence(key), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # -- navigation ---------------------------------------------------------------------------
    def show_home(self) -> None:
        today = todays_plan(self.ctx)
        self.home.show_today(today, plan_duration_s(session_plan(self.ctx, today)))
        self.home.show_profile(self.ctx.settings.profile)
        self._show_notices()
        db = self.ctx.history.connection if self.ctx.history else None
        self.home.show_recent(records.sessions(db, self.ctx.settings.profile, 5) if db else [])
        self.pages.setCurrentWidget(self.home)
        self.home.start_button.setFocus()

    def show_history(self) -> None:
        if self.ctx.history is None:
            return
        db = self.ctx.history.connection
        names = {e.id: e.name for e in self.ctx.catalog.exercises}
        self.history_page.show_sessions(session_summaries(db, self.ctx.settings.profile), names)
        self.pages.setCurrentWidget(self.history_page)
        self.history_page.sessions_list.setFocus()

    def show_progress(self) -> None:
        self.pages.setCurrentWidget(self.progress_page)
        self.progress_page.show_progress(progress_source(self.ctx, todays_plan(self.ctx)))
        self.progress_page.back_button.setFocus()

    def offer_handout(self) -> None:
        """Save the handout of today's programme as a PDF, or print it."""
        offer_handout(self, self.ctx)

    def _show_session_reps(self, session_id: int) -> None:
        if self.ctx.history is not None:
            self.history_page.show_reps(records.reps(self.ctx.history.connection, session_id))

    def _delete_session(self, session_id: int) -> None:
        answer = QMessageBox.question(
            self,
            "Delete this session?",
            "Delete this session and all its reps from your history? This cannot be undone.",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes and self.ctx.history is not None:
            self.ctx.history.delete_session(session_id)
            self.show_history()

    def attach_hands_free(self, hands_free: HandsFree) -> None:
        """Sound, voice and screen-awake, made by the composition root once the window shows."""
        self.hands_free = hands_free
        hands_free.apply(self.ctx.settings)
        hands_free.cues.status_changed.connect(self._show_notices)
        self.settings_page.test_sound_requested.connect(hands_free.test_sound)
        self._show_notices()

    def _show_notices(self) -> None:
        sound = self.hands_free.problems() if self.hands_free else []
        self.home.show_notices([*self.ctx.notices, *sound])
        self.settings_page.show_status("\n".join(sound))
        if self.hands_free is not None:
            self.settings_page.set_voices(self.hands_free.cues.voices)

    def show_settings(self) -> None:
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
        apply_text_scale(self.ctx.settings.text_scale)
        sheet = stylesheet(self.ctx.settings.high_contrast)
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)
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
            self.ctx.notices.append(f"Your choice could not be saved ({exc.strerror}).")

    def handle_instance_message(self, message: str) -> None:
        """Another launch on the same data folder: come forward (and start, if asked)."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
        if message == "start" and self.pages.currentWidget() is self.home:
            self.start_session()

    def toggle_distance(self) -> None:
        """F11: during a session, the across-the-room view in full screen; elsewhere full screen."""
        if self.pages.currentWidget() is self.player:
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

    # -- the session --------------------------------------------------------------------------
    def start_session(self) -> None:
        """Start, as the person asked: the safety questions first, then the session."""
        if self.flow is not None:
            return
        if self.checkins.screening_due():
            self.checkins.screen(then=self.start_session)
            return
        session_id = self.checkins.next_day_due()
        if session_id is not None:
            self.checkins.next_day(
                session_id, then=lambda: self._after_next_day(self.start_session)
            )
            return
        self.checkins.before(proceed=self.begin_session, declined=self.show_home)

    def begin_session(
        self, pain_before: int | None = None, check: BeforeCheck | None = None
    ) -> None:
        """The session itself, once the person has said they are fit to exercise today."""
        if self.flow is not None:
            return
        today = self.today = todays_plan(self.ctx)
        self.flow = SessionFlow(
            today,
            session_plan(self.ctx, today),
            self.ctx.clock,
            self.ctx.history,
            self.ctx.settings.profile,
            self.player,
            self.ctx.time_scale,
            self,
            SessionAids(
                self.hands_free,
                CueOptions(count_down_from=self.ctx.settings.count_down_from),
                self.ctx.settings.flash,
            ),
        )
        self.flow.ended.connect(self._session_ended)
        self.pages.setCurrentWidget(self.player)
        self.setFocus()
        self.flow.start()
        self._pain_before = pain_before
        if pain_before is not None and check is not None:
            self.checkins.session_started(self.flow.recorder.session_id, pain_before, check)

    def _session_ended(self, how: SessionEnd, recorder: SessionRecorder) -> None:
        flow, self.flow = self.flow, None
        if flow is not None:
            flow.deleteLater()
        if self.player.distance:
            self.player.set_distance(False)
            self._set_fullscreen(False)
        if recorder.history is None or recorder.session_id is None:
            self._show_summary(how, recorder)
            return
        self.checkins.after(
            recorder.session_id, self._pain_before, then=lambda: self._show_summary(how, recorder)
        )

    def _show_summary(self, how: SessionEnd, recorder: SessionRecorder) -> None:
        """What was done, and (once pain and effort are in) what the rules make of it."""
        planned = sum(p.reps for p in recorder.planned)
        note = recorder.problem or (
            "Every rep is saved in your history." if recorder.history else "Nothing was saved."
        )
        if self.ctx.history is not None and self.today is not None and recorder.problem is None:
            decisions = conclude(
                self.ctx.catalog,
                self.ctx.history,
                self.ctx.settings.profile,
                self.today,
                self.ctx.clock.wall(),
            )
            note = "\n".join([*(d.reason for d in decisions), note])
        self.summary.show_result(how, recorder.all_reps, planned, note)
        self.pages.setCurrentWidget(self.summary)
        self.summary.done_button.setFocus()

    def launch_checks(self) -> None:
        """At start-up: the first-run questions, then "is your back worse?" after a session."""
        if self.checkins.screening_due():
            self.checkins.screen(then=self.launch_checks)
            return
        session_id = self.checkins.next_day_due()
        if session_id is not None:
            self.checkins.next_day(session_id, then=lambda: self._after_next_day(self.show_home))
            return
        self.show_home()

    def _after_next_day(self, then: Callable[[], None]) -> None:
        if self.ctx.history is not None:  # a worse back steps the next session down
            conclude(
                self.ctx.catalog,
                self.ctx.history,
                self.ctx.settings.profile,
                todays_plan(self.ctx),
                self.ctx.clock.wall(),
            )
        then()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.flow is not None and self.flow.runner.running:
            self.flow.runner.stop(SessionEnd.STOPPED)  # saved as stopped, not lost
        super().closeEvent(event)
