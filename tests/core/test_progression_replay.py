"""Weeks of scripted sessions replayed one by one, checked against hand-worked prescriptions."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from upright.core.catalog import load_builtin_catalog
from upright.core.program import Prescription
from upright.core.progression import (
    Change,
    Decision,
    SessionEnd,
    SessionOutcome,
    after_session,
    for_today,
)
from upright.core.projection import project
from upright.core.value import replace

CATALOG = load_builtin_catalog()
MONDAY = date(2025, 3, 3)
ONE_MORE = (
    "After one more session like this one, with all reps done and little pain, you move up a step."
)
WORSE = "worse"  # a script entry: the next-day answer "worse" for the session before


def defaults(exercise_id: str) -> Prescription:
    p = CATALOG.exercise(exercise_id).defaults
    assert p is not None
    return p


class Person:
    """Follows the app's flow: today's prescription, the session, after_session, store the base."""

    def __init__(self, exercise_id: str, base: Prescription) -> None:
        self.exercise_id = exercise_id
        self.base = base
        self.history: list[SessionOutcome] = []

    def today(self, day: int) -> Decision:
        return for_today(self.base, self.history, MONDAY + timedelta(days=day))

    def session(self, day: int, **answers: Any) -> tuple[Prescription, Decision]:
        ran = self.today(day).prescription
        done = answers.pop("done", ran.reps)
        fields: dict[str, Any] = {"pain_before": 0, "pain_after": 1, "effort": 5} | answers
        outcome = SessionOutcome(
            day=MONDAY + timedelta(days=day),
            exercise_id=self.exercise_id,
            hold_s=ran.hold_s,
            reps_planned=ran.reps,
            reps_completed=done,
            ended=fields.pop("ended", SessionEnd.FINISHED),
            next_day_worse=None,
            **fields,
        )
        self.history.append(outcome)
        return ran, self.decide()

    def answer_worse(self) -> Decision:
        self.history[-1] = replace(self.history[-1], next_day_worse=True)
        return self.decide()

    def decide(self) -> Decision:
        d = after_session(self.base, self.exercise_id, self.history, CATALOG)
        self.base = d.prescription
        return d


def up(hold: int, was: int) -> str:
    return (
        f"Next time: {hold} s holds. You completed all 10 reps at {was} s in your last two"
        " sessions with little pain."
    )


def stay(hold: int, why: str) -> str:
    return f"Next time: {hold} s holds again. {why}"


def kept(hold: int, cause: str) -> str:
    return stay(hold, f"{cause}, so you stay at this step.")


def down(hold: int, why: str) -> str:
    return f"Next time: {hold} s holds. {why}, so the next session is one step easier."


NO_ANSWERS = (
    "Without your pain and effort answers for the last session, it cannot count towards a step up."
)
PAIN_4 = "Your pain was 4/10 in your last session"
STOPPED = "Your last session was stopped early"
TWO_HARD = "Your last two sessions were hard (effort 9/10 and 10/10)"
WAS_WORSE = "You said your back pain was worse than before your last session"

# (day, answers or WORSE, hold the session ran at, change, next hold, reason)
BEGINNER_WEEKS: list[tuple[int, dict[str, Any] | str, float, Change, float, str]] = [
    (0, {}, 5, Change.STAY, 5, stay(5, ONE_MORE)),
    (1, {}, 5, Change.UP, 10, up(10, 5)),
    (2, {}, 10, Change.STAY, 10, stay(10, ONE_MORE)),
    (3, {"effort": 7}, 10, Change.STAY, 10, kept(10, "You rated the effort 7/10")),
    (4, {}, 10, Change.STAY, 10, stay(10, ONE_MORE)),
    # Week 2: the weekend gap does not break the run.
    (7, {}, 10, Change.UP, 15, up(15, 10)),
    (8, {"pain_after": 3}, 15, Change.STAY, 15, kept(15, "Your pain was 3/10")),
    (9, {"pain_after": 4}, 15, Change.DOWN, 10, down(10, PAIN_4)),
    (10, {}, 10, Change.STAY, 10, stay(10, ONE_MORE)),
    (11, {}, 10, Change.UP, 15, up(15, 10)),
    # Ten days away: today's 15 s is eased to 10 s, and the run starts again from there.
    (21, {}, 10, Change.STAY, 10, stay(10, ONE_MORE)),
    (22, {}, 10, Change.UP, 15, up(15, 10)),
    (23, {"pain_after": None, "effort": None}, 15, Change.STAY, 15, stay(15, NO_ANSWERS)),
    (24, {}, 15, Change.STAY, 15, stay(15, ONE_MORE)),
    (25, {}, 15, Change.UP, 20, up(20, 15)),
    # Opened the next day: "worse than before your last session?" Yes. The 20 s never happens.
    (26, WORSE, 15, Change.DOWN, 10, down(10, WAS_WORSE)),
    (28, {}, 10, Change.STAY, 10, stay(10, ONE_MORE)),
    (29, {}, 10, Change.UP, 15, up(15, 10)),
    (30, {"done": 6, "ended": SessionEnd.STOPPED}, 15, Change.STAY, 15, kept(15, STOPPED)),
    (31, {"effort": 9}, 15, Change.STAY, 15, kept(15, "You rated the effort 9/10")),
    (32, {"effort": 10}, 15, Change.DOWN, 10, down(10, TWO_HARD)),
]  # fmt: skip


def test_five_weeks_of_the_beginner_exercise() -> None:
    person = Person("forearm-press-up", defaults("forearm-press-up"))
    for day, answers, ran_at, change, next_hold, reason in BEGINNER_WEEKS:
        today = person.today(day)
        if day == 21:
            assert (today.change, today.prescription.hold_s) == (Change.BREAK, 10)
            assert today.reason == (
                "Today: 10 s holds. It has been 10 days since your last session, so today is one"
                " step easier than before."
            )
        else:
            assert (today.change, today.prescription) == (Change.STAY, person.base), day
        if answers == WORSE:
            ran, d = person.history[-1].hold_s, person.answer_worse()
        else:
            assert isinstance(answers, dict)
            prescription, d = person.session(day, **answers)
            ran = prescription.hold_s
        assert (ran, d.change, d.prescription.hold_s, d.reason) == (
            ran_at,
            change,
            next_hold,
            reason,
        ), f"day {day}"
        assert d.prescription.reps == 10 and d.suggest_next_level is None
    # Eighteen days later: 10 s eases to 5 s, the start, which is as far as it goes.
    back = person.today(50)
    assert (back.change, back.prescription.hold_s) == (Change.BREAK, 5)
    assert back.reason == (
        "Today: 5 s holds. It has been 18 days since your last session, so today is one step"
        " easier than before."
    )


def weekdays(count: int) -> list[int]:
    return [week * 7 + d for week in range(count // 5 + 1) for d in range(5)][:count]


def test_advanced_every_weekday_until_the_next_level_is_suggested() -> None:
    person = Person("chest-raise", defaults("chest-raise").at_start())
    steps = [(d.prescription.hold_s, d.prescription.reps) for d in [
        person.session(day)[1] for day in weekdays(22)
    ]]  # fmt: skip
    assert steps == [
        (5, 8), (5, 9), (5, 9), (5, 10), (5, 10),
        (7, 10), (7, 10), (9, 10), (9, 10), (11, 10),
        (11, 10), (13, 10), (13, 10), (15, 10), (15, 10),
        (17, 10), (17, 10), (19, 10), (19, 10), (20, 10),
        (20, 10), (20, 10),
    ]  # fmt: skip
    last = after_session(person.base, "chest-raise", person.history, CATALOG)
    assert (last.suggest_next_level, last.clinician_prompt) == ("advanced-legs", True)
    before_last = after_session(person.base, "chest-raise", person.history[:-1], CATALOG)
    assert before_last.suggest_next_level is None
    assert before_last.reason == (
        "Next time: 10 reps of 20 s holds again. After one more session like this one, you could"
        " try the Advanced + legs level."
    )


def test_the_projection_matches_a_replay_where_every_session_goes_well() -> None:
    start = defaults("chest-raise").at_start()
    person = Person("chest-raise", start)
    on_mondays = []
    for day in weekdays(25):
        if day % 7 == 0:
            on_mondays.append((person.today(day).prescription.hold_s, person.base.reps))
        person.session(day)
    projected = [(w.hold_s, w.reps) for w in project(start, MONDAY, 5)]
    assert projected == on_mondays == [(5, 8), (5, 10), (11, 10), (15, 10), (20, 10)]
