"""The main window: pages and navigation between them. Rules live in the core, not here."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStackedWidget, QWidget

from upright.core import records
from upright.core.clock import Clock
from upright.core.events import SessionEnd
from upright.core.history import History
from upright.core.plan import Plan, build_plan
from upright.core.program import Catalog
from upright.core.recorder import SessionRecorder
from upright.core.session_table import session_summaries
from upright.core.settings import Settings, save_settings
from upright.core.today import TodayPlan, plan_duration_s
from upright.ui.history_page import HistoryPage
from upright.ui.home_page import HomePage
from upright.ui.player_page import PlayerPage
from upright.ui.progress_page import ProgressPage, progress_source
from upright.ui.session_flow import SessionFlow
from upright.ui.summary_page import SummaryPage
from upright.ui.theme import STYLESHEET, apply_text_scale


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
    level = ctx.catalog.level(ctx.settings.level)
    exercise = ctx.catalog.exercise(level.exercise_id)
    assert exercise.defaults is not None
    return TodayPlan(level, exercise, exercise.defaults, "")


def session_plan(ctx: AppContext, today: TodayPlan) -> Plan:
    return build_plan(
        ctx.catalog, [(today.exercise, today.prescription)], warmups=ctx.settings.warmups
    )


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.flow: SessionFlow | None = None
        self.setWindowTitle("Upright")
        self.setMinimumSize(800, 600)
        self.setStyleSheet(STYLESHEET)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_text_scale(app, ctx.settings.text_scale)
        self.pages = QStackedWidget()
        self.home = HomePage(ctx.catalog)
        self.player = PlayerPage()
        self.summary = SummaryPage()
        self.history_page = HistoryPage()
        self.progress_page = ProgressPage()
        for page in (self.home, self.player, self.summary, self.history_page, self.progress_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)

        self.home.start_requested.connect(self.start_session)
        self.home.level_chosen.connect(self.choose_level)
        self.home.history_requested.connect(self.show_history)
        self.home.progress_requested.connect(self.show_progress)
        self.progress_page.back_requested.connect(self.show_home)
        self.summary.done_requested.connect(self.show_home)
        self.history_page.back_requested.connect(self.show_home)
        self.history_page.session_selected.connect(self._show_session_reps)
        self.history_page.delete_requested.connect(self._delete_session)

        self._shortcut("F11", self.toggle_fullscreen, Qt.ShortcutContext.ApplicationShortcut)
        self._page_shortcut(self.home, "Return", self.start_session)
        self._page_shortcut(self.home, "Enter", self.start_session)
        self._page_shortcut(self.home, "H", self.show_history)
        self._page_shortcut(self.home, "G", self.show_progress)
        self._page_shortcut(self.progress_page, "Escape", self.show_home)
        self._page_shortcut(self.summary, "Return", self.show_home)
        self._page_shortcut(self.summary, "Enter", self.show_home)
        self._page_shortcut(self.history_page, "Escape", self.show_home)
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
        names = {e.id: e.name for e in self.ctx.catalog.exercises}
        self.history_page.show_sessions(session_summaries(db, self.ctx.settings.profile), names)
        self.pages.setCurrentWidget(self.history_page)
        self.history_page.sessions_list.setFocus()

    def show_progress(self) -> None:
        self.pages.setCurrentWidget(self.progress_page)
        self.progress_page.show_progress(progress_source(self.ctx, todays_plan(self.ctx)))
        self.progress_page.back_button.setFocus()

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

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    # -- the session --------------------------------------------------------------------------
    def start_session(self) -> None:
        if self.flow is not None:
            return
        today = todays_plan(self.ctx)
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
        self.summary.show_result(how, recorder.all_reps, planned, note)
        self.pages.setCurrentWidget(self.summary)
        self.summary.done_button.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.flow is not None and self.flow.runner.running:
            self.flow.runner.stop(SessionEnd.STOPPED)  # saved as stopped, not lost
        super().closeEvent(event)
