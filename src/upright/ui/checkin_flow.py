"""When each safety check-in is shown, and where its answers are stored.

The pages (upright.ui.checkin_pages) ask; this module decides which one is due, shows it in
the main window's page stack (each is built the first time it is needed) and writes the
answers to the history, then hands control back through a callback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QStackedWidget, QWidget

from upright.core.checkins import (
    BEFORE,
    NEXT_DAY,
    SCREENING,
    latest_checkin,
    record_checkin,
    session_awaiting_next_day_check,
    set_after,
    set_next_day_worse,
    set_pain_before,
)

if TYPE_CHECKING:
    from upright.context import AppContext
    from upright.core.safety import AfterCheck, BeforeCheck
    from upright.core.screening import ScreeningResult
    from upright.ui.checkin_pages import (
        AfterSessionPage,
        BeforeSessionPage,
        NextDayPage,
        ScreeningPage,
    )


def _once(signal: SignalInstance, slot: Callable[..., None]) -> None:
    """Connect ``slot`` for the next emission only."""

    def fire(*args: Any) -> None:
        signal.disconnect(fire)
        slot(*args)

    signal.connect(fire)


class CheckIns(QObject):
    def __init__(self, stack: QStackedWidget, ctx: AppContext) -> None:
        super().__init__(stack)
        self.stack = stack
        self.ctx = ctx
        self._pages: dict[str, QWidget] = {}
        self._screened_this_run = False  # when nothing can be stored, ask once per run

    # -- pages, built on first use ------------------------------------------------------------
    def _page(self, name: str) -> Any:
        if name not in self._pages:
            from upright.ui import checkin_pages

            monotonic = self.ctx.clock.monotonic
            factories: dict[str, Callable[[], QWidget]] = {
                "screening": checkin_pages.ScreeningPage,
                "before": lambda: checkin_pages.BeforeSessionPage(monotonic=monotonic),
                "after": lambda: checkin_pages.AfterSessionPage(monotonic=monotonic),
                "next_day": checkin_pages.NextDayPage,
            }
            page = factories[name]()
            self._pages[name] = page
            self.stack.addWidget(page)
        return self._pages[name]

    def _show(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)

    @property
    def _profile(self) -> str:
        return self.ctx.settings.profile

    def _record(self, kind: str, answers: dict[str, Any]) -> None:
        if self.ctx.history is not None:
            record_checkin(self.ctx.history, self._profile, kind, self.ctx.clock.wall(), answers)

    # -- first run ------------------------------------------------------------------------------
    def screening_due(self) -> bool:
        if self.ctx.history is None:
            return not self._screened_this_run
        return latest_checkin(self.ctx.history, self._profile, SCREENING) is None

    def screen(self, then: Callable[[], None]) -> None:
        page: ScreeningPage = self._page("screening")

        def done(result: ScreeningResult) -> None:
            self._screened_this_run = True
            self._record(SCREENING, result.to_dict())
            then()

        _once(page.completed, done)
        page.start()
        self._show(page)

    def review(self, then: Callable[[], None]) -> bool:
        """Show the stored answers; False if there are none to show."""
        stored = (
            latest_checkin(self.ctx.history, self._profile, SCREENING)
            if (self.ctx.history is not None)
            else None
        )
        if stored is None:
            return False
        page: ScreeningPage = self._page("screening")
        _once(page.review_closed, then)
        from upright.core.screening import ScreeningResult  # with the page, not at start-up

        page.show_review(ScreeningResult.from_dict(stored), str(stored["_at"])[:16])
        self._show(page)
        return True

    # -- around a session -----------------------------------------------------------------------
    def before(
        self, proceed: Callable[[int, BeforeCheck], None], declined: Callable[[], None]
    ) -> None:
        page: BeforeSessionPage = self._page("before")

        def go(pain: int) -> None:
            page.declined.disconnect(stop)
            proceed(pain, page.check)

        def stop(_reason: str) -> None:
            page.proceed.disconnect(go)
            if page.check is not None:
                self._record(BEFORE, page.check.to_dict())
            declined()

        page.proceed.connect(go)
        page.declined.connect(stop)
        page.start()
        self._show(page)

    def session_started(self, session_id: int | None, pain: int, check: BeforeCheck) -> None:
        """Store the before-session answers once the session has its row."""
        if self.ctx.history is None or session_id is None:
            return
        set_pain_before(self.ctx.history, session_id, pain)
        self._record(BEFORE, {**check.to_dict(), "session_id": session_id})

    def after(
        self, session_id: int | None, pain_before: int | None, then: Callable[[], None]
    ) -> None:
        page: AfterSessionPage = self._page("after")

        def done(check: AfterCheck) -> None:
            if self.ctx.history is not None and session_id is not None:
                set_after(self.ctx.history, session_id, check.pain, check.effort)
            then()

        _once(page.completed, done)
        page.start(pain_before)
        self._show(page)

    # -- the next day ---------------------------------------------------------------------------
    def next_day_due(self) -> int | None:
        if self.ctx.history is None:
            return None
        today = self.ctx.clock.wall().date().isoformat()
        return session_awaiting_next_day_check(self.ctx.history, self._profile, today)

    def next_day(self, session_id: int, then: Callable[[], None]) -> None:
        page: NextDayPage = self._page("next_day")

        def done(worse: bool) -> None:
            if self.ctx.history is not None:
                set_next_day_worse(self.ctx.history, session_id, worse)
                self._record(NEXT_DAY, {"session_id": session_id, "worse": worse})
            then()

        _once(page.answered, done)
        page.start()
        self._show(page)
