"""The safety check-ins around each session: before, after, the next day, and the red flags.

Every sentence comes from CONTENT.md section 4 (split into short sentences where it was long).
The rules decide which advice to show and what to suggest; they never lock anyone out. The
first-run screening lives in ``upright.core.screening``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from upright.core.value import value

SCALE_MAX = 10
SKIP_PAIN = 4  # back pain before a session at or above this: suggest skipping today
RED_FLAG_PAIN = 5  # pain after a session at or above this shows the red-flag advice
RED_FLAG_RISE = 2  # ... and so does pain that rose by this many points over the pain before

# The two ends of each 0-to-10 scale. Generic words, deliberately not the Borg scales' wording
# (trademarked, licensed).
PAIN_WORDS = ("No pain", "Worst possible pain")
EFFORT_WORDS = ("Rest", "Maximum effort")

FALL_QUESTION = (
    "Since last time, have you had a fall, or new or sudden back pain"
    " (for example after a cough, sneeze or lift)?"
)
PAIN_BEFORE_QUESTION = "Back pain right now, 0 to 10"
PAIN_AFTER_QUESTION = "Pain now, 0 to 10"
EFFORT_QUESTION = "Effort, 0 to 10"
NEXT_DAY_QUESTION = "Is your back pain worse than before your last session?"
TIREDNESS_NOTE = "Mild muscle tiredness that settles is normal."

RED_FLAGS_INTRO = "Stop and seek advice from a doctor or physical therapist if you have:"
RED_FLAGS = (
    "sharp or stabbing back or rib pain",
    "pain of 5/10 or more, or pain rising by 2 points",
    "pain spreading to the legs, numbness, tingling or leg weakness",
    "chest pain, dizziness or unusual breathlessness",
)


@value
class Advice:
    """What an advice screen says: a headline, plain sentences, the red flags if any, a note."""

    title: str
    lines: tuple[str, ...]
    red_flags: tuple[str, ...] = ()  # shown after RED_FLAGS_INTRO when not empty
    note: str = ""


def _check_scale(name: str, value: int | None) -> None:
    if value is not None and not 0 <= value <= SCALE_MAX:
        raise ValueError(f"{name} must be 0 to {SCALE_MAX}, not {value}")


# -- before each session --------------------------------------------------------------------


class BeforeOutcome(StrEnum):
    PROCEED = "proceed"
    NO_EXERCISE_TODAY = "no_exercise_today"  # a fall or new pain: contact a clinician
    SUGGEST_SKIP = "suggest_skip"  # pain of SKIP_PAIN or more: skipping is the suggestion


class DeclineReason(StrEnum):
    """Why the person did not start a session from the before-session check."""

    FALL_OR_NEW_PAIN = "fall_or_new_pain"
    SKIPPED_FOR_PAIN = "skipped_for_pain"  # took the suggestion to skip today
    CANCELLED = "cancelled"  # went back to the start before answering


def before_outcome(fall_or_new_pain: bool, pain_now: int | None) -> BeforeOutcome:
    """The fall question decides first; pain is only asked after a "no"."""
    if fall_or_new_pain:
        return BeforeOutcome.NO_EXERCISE_TODAY
    if pain_now is None:
        raise ValueError("pain_now is needed when there was no fall or new pain")
    _check_scale("pain_now", pain_now)
    return BeforeOutcome.SUGGEST_SKIP if pain_now >= SKIP_PAIN else BeforeOutcome.PROCEED


@value
class BeforeCheck:
    """The answers before one session and what the person chose."""

    fall_or_new_pain: bool
    pain_now: int | None = None  # None after a fall: the pain question is not asked
    declined: DeclineReason | None = None  # None: the session went ahead

    def __post_init__(self) -> None:
        before_outcome(self.fall_or_new_pain, self.pain_now)  # raises on impossible answers

    @property
    def outcome(self) -> BeforeOutcome:
        return before_outcome(self.fall_or_new_pain, self.pain_now)

    def to_dict(self) -> dict[str, Any]:
        """The stored form, for ``record_checkin(..., BEFORE, ...)``."""
        return {
            "fall_or_new_pain": self.fall_or_new_pain,
            "pain_now": self.pain_now,
            "skip_suggested": self.outcome is BeforeOutcome.SUGGEST_SKIP,
            "declined": None if self.declined is None else self.declined.value,
        }


FALL_ADVICE = Advice(
    "Do not exercise today.",
    (
        "Contact a clinician: your doctor or physical therapist.",
        "You can start a session on another day, after you have seen a clinician.",
    ),
)


def skip_advice(pain_now: int) -> Advice:
    return Advice(
        "We suggest you skip today.",
        (
            f"Your back pain is {pain_now} out of 10 right now.",
            f"With back pain of {SKIP_PAIN} or more, we suggest skipping today's session.",
        ),
    )


# -- after each session ---------------------------------------------------------------------


def after_red_flag(pain_after: int, pain_before: int | None) -> bool:
    """Pain of RED_FLAG_PAIN or more, or a rise of RED_FLAG_RISE points or more."""
    _check_scale("pain_after", pain_after)
    _check_scale("pain_before", pain_before)
    rose = pain_before is not None and pain_after - pain_before >= RED_FLAG_RISE
    return pain_after >= RED_FLAG_PAIN or rose


@value
class AfterCheck:
    """Pain and effort after a session (store with ``set_after(history, id, pain, effort)``)."""

    pain: int
    effort: int
    pain_before: int | None = None

    def __post_init__(self) -> None:
        for name in ("pain", "effort", "pain_before"):
            _check_scale(name, getattr(self, name))

    @property
    def red_flag(self) -> bool:
        return after_red_flag(self.pain, self.pain_before)


def after_advice(check: AfterCheck) -> Advice | None:
    """The red-flag advice when pain is high or rose; None when there is nothing to add."""
    if not check.red_flag:
        return None
    before = check.pain_before
    if before is not None and check.pain - before >= RED_FLAG_RISE:
        title = f"Your pain has gone up from {before} to {check.pain} out of 10."
    else:
        title = f"Your pain is {check.pain} out of 10 now."
    return Advice(title, (), RED_FLAGS, TIREDNESS_NOTE)


# -- the next day ---------------------------------------------------------------------------

# The step-down rule of CONTENT.md section 3, as upright.core.progression applies it.
NEXT_DAY_WORSE_ADVICE = Advice(
    "Your next session will be one step easier.",
    ("If it is already at the easiest step, it stays there.",),
    RED_FLAGS,
    TIREDNESS_NOTE,
)


def next_day_advice(worse: bool) -> Advice | None:
    return NEXT_DAY_WORSE_ADVICE if worse else None
