"""The life of a session in the window: check-ins first, the session, then the answers after.

A mixin of MainWindow (it uses the window's pages, context and check-ins), kept apart so the
window module stays about navigation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from upright.context import next_day_session, screening_answered
from upright.core.session_end import SessionEnd
from upright.core.today import TodayPlan, conclude

if TYPE_CHECKING:
    from upright.context import AppContext
    from upright.core.recorder import SessionRecorder
    from upright.core.safety import BeforeCheck
    from upright.ui.checkin_flow import CheckIns
    from upright.ui.hands_free import HandsFree
    from upright.ui.player_page import PlayerPage
    from upright.ui.session_flow import SessionFlow
    from upright.ui.summary_page import SummaryPage


NEXT_NUMBERS = "Your hold and reps for next time"
REST_OF_SESSION = "The rest of this session"


class SessionControl:
    """Needs from the window: ctx, checkins, player, summary, pages, show_home, _set_fullscreen."""

    ctx: AppContext
    checkins: CheckIns
    player: PlayerPage
    summary: SummaryPage
    flow: SessionFlow | None
    today: TodayPlan | None
    hands_free: HandsFree | None
    _pain_before: int | None

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
        from upright.context import session_plan, todays_plan
        from upright.core.cues import CueOptions
        from upright.ui.session_flow import SessionAids, SessionFlow

        today = self.today = todays_plan(self.ctx)
        self.flow = SessionFlow(
            today,
            session_plan(self.ctx, today),
            self.ctx.clock,
            self.ctx.history,
            self.ctx.settings.profile,
            self.player,
            self.ctx.time_scale,
            self,  # type: ignore[arg-type]
            SessionAids(
                self.hands_free,
                CueOptions(count_down_from=self.ctx.settings.count_down_from),
                self.ctx.settings.flash,
            ),
            self.ctx.reopen_history,
        )
        self.flow.ended.connect(self._session_ended)
        self.pages.setCurrentWidget(self.player)
        self.setFocus()
        self.flow.start()
        self._pain_before = pain_before
        if pain_before is not None and check is not None:
            self.checkins.session_started(self.flow.recorder, pain_before, check)

    def _session_ended(self, how: SessionEnd, recorder: SessionRecorder) -> None:
        flow, self.flow = self.flow, None
        if flow is not None:
            flow.deleteLater()
        if self.player.distance:
            self.player.set_distance(False)
            self._set_fullscreen(False)
        if self.ctx.history is None and recorder.history is not None:
            self.ctx.adopt_history(recorder.history)  # it could be opened during the session
        if recorder.cause is not None:  # tried again with the answers, in order, until saved
            self.ctx.save(REST_OF_SESSION, recorder.save_rest)
        # Asked even when nothing can be saved yet: the advice on pain matters all the same.
        self.checkins.after(
            recorder, self._pain_before, then=lambda: self._show_summary(how, recorder)
        )

    def _show_summary(self, how: SessionEnd, recorder: SessionRecorder) -> None:
        """What was done, and (once pain and effort are in) what the rules make of it."""
        planned = sum(p.reps for p in recorder.planned)
        retried = any(what == REST_OF_SESSION for what, _ in self.ctx.unsaved)
        note = recorder.unsaved_at_end(retried) or (
            "Every rep is saved in your history." if recorder.history else "Nothing was saved."
        )
        if self.today is not None and (recorder.cause is None or retried):
            reasons = self._conclude(self.today)
            if reasons is None:  # not saved: the home page says so, and here if nothing else does
                reasons = [] if retried else self.ctx.unsaved_notices()
            note = "\n".join([*reasons, note])
        self.summary.show_result(how, recorder.all_reps, planned, note)
        self.pages.setCurrentWidget(self.summary)
        self.summary.done_button.setFocus()

    def launch_checks(self) -> None:
        """At start-up: the first-run questions, then "is your back worse?" after a session,
        then the home page."""
        # Until something has been asked in this run, what is due is read without loading the
        # questions' pages and flow (a launch with nothing due never loads them).
        asked = self.checkins if self._built("checkins") else None
        screening_due = asked.screening_due() if asked else not screening_answered(self.ctx)
        if screening_due:
            self.checkins.screen(then=self.launch_checks)
            return
        session_id = asked.next_day_due() if asked else next_day_session(self.ctx)
        if session_id is not None:
            self.checkins.next_day(session_id, then=lambda: self._after_next_day(self.show_home))
            return
        self.show_home()

    def _after_next_day(self, then: Callable[[], None]) -> None:
        from upright.context import todays_plan

        if self.ctx.history is not None:  # a worse back steps the next session down
            self._conclude(todays_plan(self.ctx))
        then()

    def _conclude(self, today: TodayPlan) -> list[str] | None:
        """Store each exercise's next numbers (the progression rules) and say why, in words;
        None if the history refused (tried again later, with what it refused before)."""
        ctx = self.ctx
        profile, at = ctx.settings.profile, ctx.clock.wall()  # as now, even if saved later
        decisions = ctx.save(NEXT_NUMBERS, lambda h: conclude(ctx.catalog, h, profile, today, at))
        return None if decisions is None else [d.reason for d in decisions]

    def stop_running_session(self) -> None:
        if self.flow is not None and self.flow.runner.running:
            self.flow.runner.stop(SessionEnd.STOPPED)  # saved as stopped, not lost
