"""for_today: easing the stored prescription after a break, counted in calendar days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from upright.core.catalog import load_builtin_catalog
from upright.core.program import Prescription
from upright.core.progression import (
    Change,
    SessionEnd,
    SessionOutcome,
    after_session,
    days_since_last_session,
    for_today,
)

CATALOG = load_builtin_catalog()
BEGINNER = "forearm-press-up"
MONDAY = date(2025, 3, 3)
LONDON = ZoneInfo("Europe/London")


def defaults(exercise_id: str) -> Prescription:
    p = CATALOG.exercise(exercise_id).defaults
    assert p is not None
    return p


def clean(
    day: date, hold: float = 20, exercise_id: str = BEGINNER, reps: int = 10
) -> SessionOutcome:
    return SessionOutcome(day, exercise_id, hold, reps, reps, SessionEnd.FINISHED, 0, 1, 5, None)


@pytest.mark.parametrize(
    ("gap", "hold", "change", "reason"),
    [
        (0, 20, Change.STAY, "Today: 20 s holds."),
        (1, 20, Change.STAY, "Today: 20 s holds."),
        (6, 20, Change.STAY, "Today: 20 s holds."),
        (
            7,
            15,
            Change.BREAK,
            "Today: 15 s holds. It has been 7 days since your last session, so today is one step"
            " easier than before.",
        ),
        (13, 15, Change.BREAK, ""),
        (
            14,
            10,
            Change.BREAK,
            "Today: 10 s holds. It has been 14 days since your last session, so today is two steps"
            " easier than before.",
        ),
        (40, 10, Change.BREAK, ""),
    ],
)
def test_break_eases_by_calendar_days(gap: int, hold: float, change: Change, reason: str) -> None:
    base = defaults(BEGINNER).with_hold(20)
    d = for_today(base, [clean(MONDAY - timedelta(days=3)), clean(MONDAY)], MONDAY + timedelta(gap))
    assert (d.prescription.hold_s, d.prescription.reps, d.change) == (hold, 10, change)
    if reason:
        assert d.reason == reason
    assert d.suggest_next_level is None and not d.clinician_prompt


def test_no_history_is_no_break() -> None:
    base = defaults(BEGINNER)
    assert for_today(base, [], MONDAY) == for_today(base, [], MONDAY + timedelta(days=400))
    assert for_today(base, [], MONDAY).prescription == base
    assert days_since_last_session([], MONDAY) is None


def test_any_exercise_counts_as_a_session() -> None:
    history = [clean(MONDAY, 20), clean(MONDAY + timedelta(days=18), 3, "hand-press-up")]
    d = for_today(defaults(BEGINNER).with_hold(20), history, MONDAY + timedelta(days=20))
    assert (d.prescription.hold_s, d.change) == (20, Change.STAY)


def test_at_the_start_a_break_cannot_ease_further() -> None:
    d = for_today(defaults(BEGINNER), [clean(MONDAY, 5)], MONDAY + timedelta(days=9))
    assert (d.prescription.hold_s, d.change) == (5, Change.STAY)
    assert d.reason == (
        "Today: 5 s holds. It has been 9 days since your last session, and this is already the"
        " easiest step."
    )


def test_a_long_break_one_step_above_the_start_eases_one_step() -> None:
    d = for_today(defaults(BEGINNER).with_hold(10), [clean(MONDAY, 10)], MONDAY + timedelta(30))
    assert (d.prescription.hold_s, d.change) == (5, Change.BREAK)
    assert "so today is one step easier" in d.reason


def test_advanced_eases_holds_then_reps() -> None:
    base = defaults("chest-raise").with_hold(7).with_reps(10)
    d = for_today(base, [clean(MONDAY, 7, "chest-raise")], MONDAY + timedelta(days=14))
    assert (d.prescription.hold_s, d.prescription.reps) == (5, 9)
    assert d.reason.startswith("Today: 9 reps of 5 s holds. It has been 14 days")


def test_a_session_dated_after_today_is_no_break() -> None:
    # The clock was set back (or the person flew west) since the last session.
    base = defaults(BEGINNER).with_hold(20)
    d = for_today(base, [clean(MONDAY)], MONDAY - timedelta(days=30))
    assert (d.prescription, d.change) == (base, Change.STAY)
    assert days_since_last_session([clean(MONDAY)], MONDAY - timedelta(days=30)) == 0


def test_the_latest_day_counts_whatever_the_order() -> None:
    history = [clean(MONDAY + timedelta(days=5)), clean(MONDAY)]
    assert days_since_last_session(history, MONDAY + timedelta(days=12)) == 7


def local_day(instant: datetime) -> date:
    """The person's calendar day of a moment, as the history derives it from a UTC time."""
    return instant.astimezone(LONDON).date()


def test_spring_forward_week_is_seven_days_though_only_144_hours_pass() -> None:
    last = datetime(2025, 3, 29, 23, 30, tzinfo=UTC)  # Sat 23:30 GMT
    now = last + timedelta(days=6)  # Sat 5 Apr 00:30 BST: the clocks went forward on the 30th
    assert (local_day(last), local_day(now)) == (date(2025, 3, 29), date(2025, 4, 5))
    d = for_today(defaults(BEGINNER).with_hold(20), [clean(local_day(last))], local_day(now))
    assert (d.prescription.hold_s, d.change) == (15, Change.BREAK)


def test_fall_back_six_days_is_no_break_though_more_than_168_hours_pass() -> None:
    last = datetime(2025, 10, 19, 23, 5, tzinfo=UTC)  # Mon 20 Oct 00:05 BST
    now = last + timedelta(days=7, minutes=50)  # Sun 26 Oct 23:55 GMT: clocks went back that day
    assert (local_day(last), local_day(now)) == (date(2025, 10, 20), date(2025, 10, 26))
    d = for_today(defaults(BEGINNER).with_hold(20), [clean(local_day(last))], local_day(now))
    assert (d.prescription.hold_s, d.change) == (20, Change.STAY)


def test_sessions_either_side_of_midnight_are_different_days() -> None:
    late = datetime(2025, 6, 9, 22, 58, tzinfo=UTC)  # 23:58 BST
    early = late + timedelta(minutes=4)  # 00:02 BST the next day
    assert (local_day(early) - local_day(late)).days == 1
    # Two clean sessions four minutes apart, either side of midnight, are two sessions in a row.
    history = [clean(local_day(late), 10), clean(local_day(early), 10)]
    d = after_session(defaults(BEGINNER).with_hold(10), BEGINNER, history)
    assert (d.prescription.hold_s, d.change) == (15, Change.UP)
    # 00:01 six days and three minutes after 23:58 is seven calendar days later: a break.
    a_week_on = late + timedelta(days=6, minutes=3)
    assert days_since_last_session([clean(local_day(late))], local_day(a_week_on)) == 7


def test_showing_today_twice_never_eases_twice() -> None:
    base = defaults(BEGINNER).with_hold(20)
    history = [clean(MONDAY, 20)]
    day = MONDAY + timedelta(days=10)
    first = for_today(base, history, day)
    assert for_today(base, history, day) == first  # the app opened again the same day
    assert first.prescription.hold_s == 15
    # The session runs at the eased hold and after_session continues from there...
    done = clean(day, first.prescription.hold_s)
    base = after_session(first.prescription, BEGINNER, [*history, done]).prescription
    assert base.hold_s == 15
    # ...and the next day there is no break left to apply.
    nxt = for_today(base, [*history, done], day + timedelta(days=1))
    assert (nxt.prescription.hold_s, nxt.change) == (15, Change.STAY)
