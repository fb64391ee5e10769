"""The progression rules: a person's session history -> next time's prescription, and why.

Pure functions of the history and today's date (CONTENT.md section 3), meant to be used so:

1. Before a session, ``for_today(base, history, today)`` eases the stored base after a break.
   It is computed each time it is shown and never stored, so opening the app twice never
   eases twice. Run the session with its prescription.
2. After the session, ``after_session(current, exercise_id, history, catalog)`` with the new
   outcome at the end of ``history``; store its prescription as the new base.
3. When the next-day answer ("Is your back pain worse than before your last session?") is
   recorded on that outcome, call ``after_session`` again and store the result.

``after_session`` decides from the history alone: the step is anchored on the hold and reps
of the exercise's last session, and ``current`` only supplies the bounds, the step size and
the timings (and the answer while the exercise has no sessions yet). So calling it again on
the same history gives the same answer and never applies a change twice, and a session run
after a break continues from the eased step it was actually done at.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from upright.core.ladder import SESSIONS_PER_STEP, is_top, same_hold, step_down, step_up
from upright.core.program import Catalog, Prescription
from upright.core.session_end import SessionEnd
from upright.core.value import value

BREAK_DAYS = 7  # days without any session that ease today's prescription by one step
LONG_BREAK_DAYS = 14  # ... by two steps
MAX_CLEAN_PAIN = 2  # pain during the session, out of 10, that still allows a step up
MAX_PAIN_RISE = 1  # points above the pre-session pain that still allow a step up
MAX_CLEAN_EFFORT = 6
DOWN_PAIN = 4  # pain at or above this steps down
HARD_EFFORT = 9  # two sessions in a row at or above this step down
SCALE_MAX = 10


@value
class SessionOutcome:
    """What one session of one hold exercise tells the rules. Ratings are 0 to 10 or None."""

    day: date  # the person's local calendar date of the session
    exercise_id: str
    hold_s: float  # the prescribed hold that session
    reps_planned: int
    reps_completed: int  # reps completed at the full prescribed hold
    ended: SessionEnd
    pain_before: int | None  # asked before the session
    pain_after: int | None  # pain during/after, asked after the session
    effort: int | None  # 0 = rest, 10 = maximum effort
    next_day_worse: bool | None  # "Is your back pain worse than before your last session?"

    def __post_init__(self) -> None:
        if self.hold_s <= 0:
            raise ValueError(f"hold_s must be positive, not {self.hold_s:g}")
        if self.reps_planned < 1:
            raise ValueError(f"reps_planned must be at least 1, not {self.reps_planned}")
        if not 0 <= self.reps_completed <= self.reps_planned:
            raise ValueError(f"reps_completed must be 0 to {self.reps_planned}")
        for name in ("pain_before", "pain_after", "effort"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= SCALE_MAX:
                raise ValueError(f"{name} must be 0 to {SCALE_MAX}, not {value}")


class Change(StrEnum):
    """How a decision moved the prescription: STAY whenever it did not move, even when a rule
    asked for a step it could not take (already at the easiest or the hardest step)."""

    UP = "up"  # one step harder
    STAY = "stay"  # unchanged
    DOWN = "down"  # one step easier, by the rules after a session
    BREAK = "break"  # eased for today after days without a session


@value
class Decision:
    """A prescription and why, in words the person sees."""

    prescription: Prescription  # what to do next time (for_today: today)
    change: Change
    reason: str  # "Next time: ..." (for_today: "Today: ...") and one plain sentence saying why
    suggest_next_level: str | None = None  # a level id, once the target is met twice in a row
    clinician_prompt: bool = False  # that level asks to check with a clinician first


def seconds_text(seconds: float) -> str:
    """A duration as people write it: "5 s", "12.5 s"."""
    return f"{round(seconds, 1):g} s"


def plan_text(p: Prescription) -> str:
    """The step in words: "15 s holds", or with the reps where they build: "9 reps of 5 s holds"."""
    holds = f"{seconds_text(p.hold_s)} holds"
    return holds if p.start_reps == p.target_reps else f"{p.reps} reps of {holds}"


def _in_a_row(outcomes: Sequence[SessionOutcome]) -> list[SessionOutcome]:
    """The last SESSIONS_PER_STEP sessions, oldest first, cut at a gap of BREAK_DAYS or more."""
    run = list(outcomes[-1:])
    for earlier in reversed(outcomes[-SESSIONS_PER_STEP:-1]):
        if (run[0].day - earlier.day).days >= BREAK_DAYS:
            break
        run.insert(0, earlier)
    return run


def _down_cause(run: list[SessionOutcome]) -> str | None:
    last = run[-1]
    if last.ended is SessionEnd.PAIN:
        return "Your last session was stopped for pain"
    if last.pain_after is not None and last.pain_after >= DOWN_PAIN:
        return f"Your pain was {last.pain_after}/10 in your last session"
    if last.next_day_worse:
        return "You said your back pain was worse than before your last session"
    hard = [o.effort for o in run[-2:] if o.effort is not None and o.effort >= HARD_EFFORT]
    if len(hard) == 2:
        return f"Your last two sessions were hard (effort {hard[0]}/10 and {hard[1]}/10)"
    return None


_ENDED_EARLY = {
    SessionEnd.STOPPED: "was stopped early",
    SessionEnd.PAIN: "was stopped for pain",
    SessionEnd.INTERRUPTED: "was interrupted",
}


def _stay_cause(o: SessionOutcome) -> str | None:
    """Why this session does not count towards a step up, or None if it was clean."""
    if o.ended is not SessionEnd.FINISHED:
        ended = _ENDED_EARLY.get(o.ended, "did not finish")
        return f"Your last session {ended}, so you stay at this step."
    if o.reps_completed < o.reps_planned:
        return (
            f"You completed {o.reps_completed} of {o.reps_planned} reps at the full hold,"
            " so you stay at this step."
        )
    if o.pain_before is None or o.pain_after is None or o.effort is None:
        return (
            "Without your pain and effort answers for the last session,"
            " it cannot count towards a step up."
        )
    if o.pain_after > MAX_CLEAN_PAIN:
        return f"Your pain was {o.pain_after}/10, so you stay at this step."
    if o.pain_after > o.pain_before + MAX_PAIN_RISE:
        return (
            f"Your pain went from {o.pain_before}/10 to {o.pain_after}/10 in the session,"
            " so you stay at this step."
        )
    if o.effort > MAX_CLEAN_EFFORT:
        return f"You rated the effort {o.effort}/10, so you stay at this step."
    return None


def after_session(
    current: Prescription,
    exercise_id: str,
    history: Sequence[SessionOutcome],
    catalog: Catalog | None = None,
) -> Decision:
    """Next time's prescription for one exercise, from its sessions in ``history``.

    ``history`` is oldest first and may hold every exercise: only ``exercise_id``'s sessions
    count, and two of them are "in a row" unless BREAK_DAYS or more lie between them.
    ``catalog`` (optional) finds the exercise's level, to suggest the next one at the target.
    """
    mine = [o for o in history if o.exercise_id == exercise_id]
    if not mine:
        reason = f"Next time: {plan_text(current)}. It will be your first session of this exercise."
        return Decision(current, Change.STAY, reason)
    run = _in_a_row(mine)
    last = run[-1]
    done = current.with_hold(last.hold_s).with_reps(last.reps_planned)

    if (cause := _down_cause(run)) is not None:
        easier = step_down(done)
        if easier == done:
            why = f"{cause}, and this is already the easiest step."
            return Decision(done, Change.STAY, f"Next time: {plan_text(done)} again. {why}")
        why = f"{cause}, so the next session is one step easier."
        return Decision(easier, Change.DOWN, f"Next time: {plan_text(easier)}. {why}")
    if (cause := _stay_cause(last)) is not None:
        return Decision(done, Change.STAY, f"Next time: {plan_text(done)} again. {cause}")

    streak = len(run) == SESSIONS_PER_STEP and all(
        _stay_cause(o) is None
        and not o.next_day_worse
        and same_hold(o.hold_s, last.hold_s)
        and o.reps_planned == last.reps_planned
        for o in run
    )
    if is_top(done):
        return _at_target(done, streak, exercise_id, catalog)
    if not streak:
        why = (
            "After one more session like this one, with all reps done and little pain,"
            " you move up a step."
        )
        return Decision(done, Change.STAY, f"Next time: {plan_text(done)} again. {why}")
    harder = step_up(done)
    why = (
        f"You completed all {done.reps} reps at {seconds_text(done.hold_s)}"
        " in your last two sessions with little pain."
    )
    return Decision(harder, Change.UP, f"Next time: {plan_text(harder)}. {why}")


def _at_target(
    done: Prescription, streak: bool, exercise_id: str, catalog: Catalog | None
) -> Decision:
    """A clean session at the top step: stay there, and after two suggest the next level."""
    level = catalog.level_for_exercise(exercise_id) if catalog else None
    nxt = catalog.level(level.next_level_id) if catalog and level and level.next_level_id else None
    headline = f"Next time: {plan_text(done)} again."
    if nxt is None:
        why = f"You completed all {done.reps} reps at the {seconds_text(done.hold_s)} target."
        return Decision(done, Change.STAY, f"{headline} {why}")
    if not streak:
        why = f"After one more session like this one, you could try the {nxt.name} level."
        return Decision(done, Change.STAY, f"{headline} {why}")
    why = (
        f"You completed all {done.reps} reps at the {seconds_text(done.hold_s)} target"
        f" in your last two sessions, so you could try the {nxt.name} level."
    )
    return Decision(done, Change.STAY, f"{headline} {why}", nxt.id, nxt.clinician_check)


def days_since_last_session(history: Sequence[SessionOutcome], today: date) -> int | None:
    """Calendar days from the latest session of any exercise to ``today`` (None if none)."""
    if not history:
        return None
    # A clock set back (or a flight west) can date a session after today: that is no break.
    return max(0, (today - max(o.day for o in history)).days)


def for_today(base: Prescription, history: Sequence[SessionOutcome], today: date) -> Decision:
    """Today's prescription: ``base`` eased one step after 7 to 13 days without any session,
    two steps after 14 or more. Computed when shown, never stored.
    """
    days = days_since_last_session(history, today)
    steps = 0 if days is None or days < BREAK_DAYS else 1 if days < LONG_BREAK_DAYS else 2
    eased = base
    for _ in range(steps):
        eased = step_down(eased)
    if steps == 0:
        return Decision(base, Change.STAY, f"Today: {plan_text(base)}.")
    gap = f"It has been {days} days since your last session"
    if eased == base:
        reason = f"Today: {plan_text(base)}. {gap}, and this is already the easiest step."
        return Decision(base, Change.STAY, reason)
    how = "one step" if step_down(base) == eased else "two steps"
    reason = f"Today: {plan_text(eased)}. {gap}, so today is {how} easier than before."
    return Decision(eased, Change.BREAK, reason)
