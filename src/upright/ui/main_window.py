"""The main window: pages and navigation between them. Rules live in the core, not here."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from upright.core import records
from upright.core.clock import Clock
from upright.core.events import SessionEnd
from upright.core.history import History
from upright.core.plan import Plan, build_plan
from upright.core.program import Catalog
from upright.core.recorder import SessionRecorder
from upright.core.settings import Settings, save_settings
from upright.core.today import TodayPlan, conclude, plan_duration_s, plan_today
from upright.ui.clinic import ClinicPages
from upright.ui.history_page import HistoryPage
from upright.ui.home_page import HomePage
from upright.ui.player_page import PlayerPage
from upright.ui.session_flow import SessionFlow
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
    backups: Path | None = None  # where a deleted person's data is kept


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
        self.setWindowTitle("Upright")
        self.setMinimumSize(800, 600)
        self.pages = QStackedWidget()
        self.home = HomePage(ctx.catalog)
        self.player = PlayerPage()
        self.summary = SummaryPage()
        self.history_page = HistoryPage()
        self.settings_page = SettingsPage()
        for page in (self.home, self.player, self.summary, self.history_page, self.settings_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self._apply_look()

        self.home.start_requested.connect(self.start_session)
        self.home.level_chosen.connect(self.choose_level)
        self.home.history_requested.connect(self.show_history)
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
        self._page_shortcut(self.summary, "Return", self.show_home)
        self._page_shortcut(self.summary, "Enter", self.show_home)
        self._page_shortcut(self.history_page, "Escape", self.show_home)
        self._page_shortcut(self.home, "S", self.show_settings)
        self._page_shortcut(self.settings_page, "Escape", self.show_home)
        self.clinic = ClinicPages(self)
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
        self.home.show_notices(self.ctx.notices)
        db = self.ctx.history.connection if self.ctx.history else None
        self.home.show_recent(records.sessions(db, self.ctx.settings.profile, 5) if db else [])
        self.pages.setCurrentWidget(self.home)
        self.home.start_button.setFocus()

    def show_history(self) -> None:
        if self.ctx.history is None:
            return
        db = self.ctx.history.connection
        self.history_page.show_sessions(records.sessions(db, self.ctx.settings.profile))
        self.pages.setCurrentWidget(self.history_page)
        self.history_page.sessions_list.setFocus()

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

    def show_settings(self) -> None:
        self.settings_page.show_settings(self.ctx.settings)
        self.pages.setCurrentWidget(self.settings_page)
        self.settings_page.voice_box.setFocus()

    def change_settings(self, settings: Settings) -> None:
        self.ctx.settings = settings
        self._save_settings()
        self._apply_look()

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
        )
        self.flow.ended.connect(self._session_ended)
        self.pages.setCurrentWidget(self.player)
        self.setFocus()
        self.flow.start()

    def _session_ended(self, how: SessionEnd, recorder: SessionRecorder) -> None:
        flow, self.flow = self.flow, None
        if flow is not None:
            flow.deleteLater()
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
        if self.player.distance:
            self.player.set_distance(False)
            self._set_fullscreen(False)
        self.summary.show_result(how, recorder.all_reps, planned, note)
        self.pages.setCurrentWidget(self.summary)
        self.summary.done_button.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.flow is not None and self.flow.runner.running:
            self.flow.runner.stop(SessionEnd.STOPPED)  # saved as stopped, not lost
        super().closeEvent(event)
