"""The handout's weeks: each exercise's week-by-week ramp and the rows of the paper log sheet.

Both follow ``project``: what the holds become if every session goes well.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from upright.core.ladder import SESSIONS_PER_STEP
from upright.core.program import Prescription
from upright.core.progression import (
    DOWN_PAIN,
    MAX_CLEAN_EFFORT,
    MAX_CLEAN_PAIN,
    MAX_PAIN_RISE,
    seconds_text,
)
from upright.core.projection import project
from upright.core.safety import EFFORT_WORDS, PAIN_WORDS
from upright.core.value import replace, value
from upright.core.weeks import day_text

RAMP_WEEKS = 12  # the week-by-week table of each exercise
LOG_WEEKS = 4  # the paper log sheet
RAMP_INTRO = "If every session goes well, your holds build up like this:"
LOG_TICKS = "Tick one box for each rep you do, and write down your longest hold in seconds."
SCALES = (
    f"Pain: 0 = {PAIN_WORDS[0].lower()}, 10 = {PAIN_WORDS[1].lower()}. "
    f"Effort: 0 = {EFFORT_WORDS[0].lower()}, 10 = {EFFORT_WORDS[1].lower()}."
)


@value
class RampRow:
    week: int  # 1 = the week the handout is made
    starts: date
    reps: int
    hold_s: float  # at the week's first session
    at_target: bool


@value
class RampLine:
    """Weeks in a row with the same numbers: one line of the printed table."""

    first_week: int
    last_week: int
    starts: date  # the first week's first day
    reps: int
    hold_s: float
    at_target: bool

    @property
    def weeks_text(self) -> str:
        if self.first_week == self.last_week:
            return str(self.first_week)
        return f"{self.first_week} to {self.last_week}"


@value
class LogTarget:
    name: str
    reps: int  # tick boxes to print
    hold_s: float  # the planned hold that week


@value
class LogRow:
    """One planned session on the paper log sheet."""

    week: int
    session: int  # 1-based within the week
    week_starts: date
    targets: tuple[LogTarget, ...]

    @property
    def first_of_week(self) -> bool:
        return self.session == 1

    @property
    def week_heading(self) -> str:
        plans = "; ".join(
            f"{t.name} {t.reps} reps of {seconds_text(t.hold_s)}" for t in self.targets
        )
        return f"Week {self.week}, from {day_text(self.week_starts)}. If all goes well: {plans}"


def ramp(p: Prescription, start: date, weeks: int = RAMP_WEEKS) -> tuple[RampRow, ...]:
    return tuple(
        RampRow(i + 1, w.week_start, w.reps, w.hold_s, w.hold_s >= p.target_hold_s)
        for i, w in enumerate(project(p, start, weeks))
    )


def ramp_lines(rows: Sequence[RampRow]) -> tuple[RampLine, ...]:
    """The ramp as printed: weeks in a row at the same numbers (the target, mostly) as one line."""
    lines: list[RampLine] = []
    for r in rows:
        if lines and (lines[-1].reps, lines[-1].hold_s) == (r.reps, r.hold_s):
            lines[-1] = replace(lines[-1], last_week=r.week)
        else:
            lines.append(RampLine(r.week, r.week, r.starts, r.reps, r.hold_s, r.at_target))
    return tuple(lines)


def ramp_rule(p: Prescription) -> str:
    """CONTENT.md section 3's rules in the person's own numbers."""
    step = f"holds {seconds_text(p.step_s)} longer"
    if p.reps < p.target_reps:
        step = f"one more rep until you do {p.target_reps}, then {step}"
    return (
        f"Move up one step ({step}) after {SESSIONS_PER_STEP} sessions in a row in which you "
        f"did every rep, pain was {MAX_CLEAN_PAIN}/10 or less (and no more than "
        f"{MAX_PAIN_RISE} point above your pain before) and effort was {MAX_CLEAN_EFFORT}/10 "
        f"or less. Stay at the same step when pain was {MAX_CLEAN_PAIN + 1}/10, effort was "
        f"{MAX_CLEAN_EFFORT + 1} or {MAX_CLEAN_EFFORT + 2}, or a rep was missed. Go back one "
        f"step when pain was {DOWN_PAIN}/10 or more. Never go beyond your target hold of "
        f"{seconds_text(p.target_hold_s)}."
    )


def log_rows(
    plans: Sequence[tuple[str, Prescription]], start: date, weeks: int
) -> tuple[LogRow, ...]:
    """One row per planned session of the coming weeks, with each exercise's planned numbers
    (``plans``: each exercise's name and prescription). A session holds every exercise, so a
    week has as many rows as the most frequent exercise asks for."""
    per_week = max(p.sessions_per_week for _, p in plans)
    ramps = [ramp(p, start, weeks) for _, p in plans]
    rows: list[LogRow] = []
    for week in range(weeks):
        targets = tuple(
            LogTarget(name, r[week].reps, r[week].hold_s)
            for (name, _), r in zip(plans, ramps, strict=True)
        )
        rows += [LogRow(week + 1, s + 1, ramps[0][week].starts, targets) for s in range(per_week)]
    return tuple(rows)
