"""When each safety check-in is shown, and where its answers are stored.

The pages (upright.ui.checkin_pages) ask; this module decides which one is due, shows it in
the main window's page stack (each is built the first time it is needed) and writes the
answers to the history, then hands control back through a callback.

Answers the history refuses (a disk that filled or went read-only while Upright was open, or
another program holding the file) never stop the person: the flow goes on, the home page says
they are not saved yet, and AppContext saves them, as given, once it can. A question answered
in this run is not asked again in it, saved or not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QStackedWidget, QWidget

from upright.context import next_day_session, screening_answered
from upright.core.checkins import (
    BEFORE,
    NEXT_DAY,
    SCREENING,
    latest_checkin,
    record_checkin,
    set_after,
    set_next_day_worse,
    set_pain_before,
)

if TYPE_CHECKING:
    from upright.context import AppContext
    from upright.core.history import History
    from upright.core.recorder import SessionRecorder
    from upright.core.safety import AfterCheck, BeforeCheck
    from upright.core.screening import ScreeningResult
    from upright.ui.checkin_pages import AfterSessionPage, BeforeSessionPage
    from upright.ui.next_day_page import NextDayPage
    from upright.ui.screening_page import ScreeningPage


# What each write keeps, in words, for the home page while it waits to be saved.
SAFETY_ANSWERS = "Your answers to the safety questions"
BEFORE_ANSWERS = "Your answers before the session"
AFTER_ANSWERS = "Your answers after the session"
NEXT_DAY_ANSWER = "Your answer about today"


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
        self._next_day_asked: set[int] = set()  # sessions asked about this run, saved or not

    # -- pages, built on first use ------------------------------------------------------------
    def _page(self, name: str) -> Any:
        if name not in self._pages:
            page = self._make(name)
            self._pages[name] = page
            self.stack.addWidget(page)
        return self._pages[name]

    def _make(self, name: str) -> QWidget:
        # Each page's module loads with it: the next day's question, a daily user's first
        # screen, needs neither the scales nor the screening.
        if name == "next_day":
            from upright.ui.next_day_page import NextDayPage

            return NextDayPage()
        if name == "screening":
            from upright.ui.screening_page import ScreeningPage

            return ScreeningPage()
        from upright.ui.checkin_pages import AfterSessionPage, BeforeSessionPage

        kind = {"before": BeforeSessionPage, "after": AfterSessionPage}[name]
        return kind(monotonic=self.ctx.clock.monotonic)

    def _show(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)

    @property
    def _profile(self) -> str:
        return self.ctx.settings.profile

    def _record(
        self,
        what: str,
        kind: str,
        answers: dict[str, Any],
        also: Callable[[History], dict[str, Any] | None] | None = None,
    ) -> None:
        """Store a check-in (and `also`, in the same try, which may add to the answers), for
        the person and the time it was answered, even when it is saved later."""
        profile, at = self._profile, self.ctx.clock.wall()

        def write(history: History) -> None:
            more = also(history) if also is not None else None
            record_checkin(history, profile, kind, at, {**answers, **(more or {})})

        self.ctx.save(what, write)

    # -- first run ------------------------------------------------------------------------------
    def screening_due(self) -> bool:
        # Answered this run, even if the answers could not be kept, is answered.
        return not self._screened_this_run and not screening_answered(self.ctx)

    def screen(self, then: Callable[[], None]) -> None:
        page: ScreeningPage = self._page("screening")

        def done(result: ScreeningResult) -> None:
            self._screened_this_run = True
            self._record(SAFETY_ANSWERS, SCREENING, result.to_dict())
            then()

        _once(page.completed, done)
        page.start()
        self._show(page)

    def review(self, then: Callable[[], None]) -> bool:
        """Show the stored answers; False if there are none to show."""
        stored = (
            latest_checkin(self.ctx.readable, self._profile, SCREENING)
            if (self.ctx.readable is not None)
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
                self._record(BEFORE_ANSWERS, BEFORE, page.check.to_dict())
            declined()

        page.proceed.connect(go)
        page.declined.connect(stop)
        page.start()
        self._show(page)

    def session_started(self, recorder: SessionRecorder, pain: int, check: BeforeCheck) -> None:
        """Store the before-session answers with the session's row (which, if the session
        could not be saved yet, is written first when they are)."""

        def with_session(history: History) -> dict[str, Any]:
            session_id = recorder.session_row(history)
            set_pain_before(history, session_id, pain)
            return {"session_id": session_id}

        self._record(BEFORE_ANSWERS, BEFORE, check.to_dict(), also=with_session)

    def after(
        self, recorder: SessionRecorder, pain_before: int | None, then: Callable[[], None]
    ) -> None:
        """Pain and effort after a session, and the advice they call for: asked even if the
        session cannot be saved yet (the answers then wait with it)."""
        page: AfterSessionPage = self._page("after")

        def done(check: AfterCheck) -> None:
            self.ctx.save(
                AFTER_ANSWERS,
                lambda h: set_after(h, recorder.session_row(h), check.pain, check.effort),
            )
            then()

        _once(page.completed, done)
        page.start(pain_before)
        self._show(page)

    # -- the next day ---------------------------------------------------------------------------
    def next_day_due(self) -> int | None:
        due = next_day_session(self.ctx)
        return None if due in self._next_day_asked else due

    def next_day(self, session_id: int, then: Callable[[], None]) -> None:
        page: NextDayPage = self._page("next_day")

        def done(worse: bool) -> None:
            self._next_day_asked.add(session_id)
            answers = {"session_id": session_id, "worse": worse}
            self._record(
                NEXT_DAY_ANSWER,
                NEXT_DAY,
                answers,
                also=lambda h: set_next_day_worse(h, session_id, worse),
            )
            then()

        _once(page.answered, done)
        page.start()
        self._show(page)
