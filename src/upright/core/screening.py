"""The first-run safety screening: its seven items, which answers need advice, the stored form.

Every sentence comes from CONTENT.md section 4 (split into short sentences where it was long).
A "yes" never locks anyone out: it shows advice that must be acknowledged to go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from upright.core.value import value

ACK_ADVICE = "I have checked with my clinician / I understand"
ACK_STATEMENT = "I understand"


class ItemKind(StrEnum):
    QUESTION = "question"  # answered yes or no; one of the two answers shows advice
    STATEMENT = "statement"  # read and acknowledged


@value
class ScreeningItem:
    id: str
    kind: ItemKind
    text: str  # the question, or the statement
    advice: str = ""  # shown for the answer that needs advice
    advice_when: bool | None = None  # that answer: True = "yes", False = "no"

    def needs_advice(self, answer: bool) -> bool:
        return self.kind is ItemKind.QUESTION and answer is self.advice_when


SCREENING_VERSION = 1  # stored with the answers: which wording the person saw
SCREENING_ITEMS: tuple[ScreeningItem, ...] = (
    ScreeningItem(
        "fracture",
        ItemKind.QUESTION,
        "Have you been told you have a spinal (vertebral) fracture, several fractures,"
        " or a marked forward curve of the upper back?",
        "See a physical therapist before starting.",
        advice_when=True,
    ),
    ScreeningItem(
        "back_pain",
        ItemKind.QUESTION,
        "Do you have back pain now, especially new or sudden pain?",
        "See a doctor first.",
        advice_when=True,
    ),
    ScreeningItem(
        "height_loss",
        ItemKind.QUESTION,
        "Have you lost half an inch (about 1.3 cm) or more of height in the past year?",
        "See a doctor.",
        advice_when=True,
    ),
    ScreeningItem(
        "health",
        ItemKind.QUESTION,
        "Are you new to exercise, or do you have heart, lung or blood-pressure problems,"
        " recent surgery, or other conditions your doctor asked you to be careful with?",
        "Talk to your doctor first.",
        advice_when=True,
    ),
    ScreeningItem(
        "floor",
        ItemKind.QUESTION,
        "Can you get down to and up from the floor safely, and lie on your front comfortably?",
        "Do the exercises on a firm bed, or ask a therapist for a standing alternative.",
        advice_when=False,  # "no" is the answer that needs advice
    ),
    ScreeningItem(
        "rule",
        ItemKind.STATEMENT,
        "The rule: no forward bending. No twisting to the end of your range.",
    ),
    ScreeningItem(
        "not_clinical_advice",
        ItemKind.STATEMENT,
        "This app does not replace clinical advice. You can stop at any time.",
    ),
)
ITEMS_BY_ID = {item.id: item for item in SCREENING_ITEMS}


@value
class ScreeningAnswer:
    item: ScreeningItem
    answer: bool | None  # None for a statement
    acknowledged: bool

    @property
    def needs_ack(self) -> bool:
        """A statement, or the answer that shows advice: both need "I understand" to go on."""
        if self.item.kind is ItemKind.STATEMENT:
            return True
        return self.answer is not None and self.item.needs_advice(self.answer)


@value
class ReviewEntry:
    """One item as a therapist reviews it later."""

    number: int
    text: str
    answer: str  # "Yes", "No", or "" for a statement
    advice: str  # the advice shown, or ""
    acknowledgement: str  # the words acknowledged, or "" when none was needed

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.text}"

    def details(self) -> tuple[str, ...]:
        """The answer, the advice shown and what was acknowledged, as far as they apply."""
        parts = (
            ("Answer", self.answer),
            ("Advice shown", self.advice.rstrip(".")),
            ("Acknowledged", self.acknowledgement),
        )
        return tuple(f"{name}: {value}." for name, value in parts if value)


@value
class ScreeningResult:
    answers: tuple[ScreeningAnswer, ...]
    version: int = SCREENING_VERSION

    @property
    def advised(self) -> tuple[ScreeningAnswer, ...]:
        """The questions whose answer showed advice."""
        return tuple(a for a in self.answers if a.item.advice and a.needs_ack)

    def to_dict(self) -> dict[str, Any]:
        """The stored form (``record_checkin(..., SCREENING, ...)``): answers and what was
        acknowledged."""
        return {
            "version": self.version,
            "answers": {a.item.id: _yes_no(a.answer) for a in self.answers if a.answer is not None},
            "acknowledged": [a.item.id for a in self.answers if a.acknowledged],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScreeningResult:
        """Read the stored form back; a malformed one raises ValueError."""
        answers = data.get("answers")
        acknowledged = data.get("acknowledged")
        if not isinstance(answers, dict) or not isinstance(acknowledged, list):
            raise ValueError("stored screening needs 'answers' (object) and 'acknowledged' (list)")
        parsed: dict[str, bool] = {}
        for item_id, word in answers.items():
            if word not in ("yes", "no"):
                raise ValueError(f"answer to {item_id!r} must be 'yes' or 'no', not {word!r}")
            parsed[str(item_id)] = word == "yes"
        result = screening_result(parsed, (str(i) for i in acknowledged))
        version = data.get("version", SCREENING_VERSION)
        return cls(result.answers, int(version))

    def review(self) -> tuple[ReviewEntry, ...]:
        entries = []
        for number, a in enumerate(self.answers, start=1):
            advice = a.item.advice if a.answer is not None and a.needs_ack else ""
            ack = "" if not a.needs_ack else (ACK_ADVICE if advice else ACK_STATEMENT)
            answer = "" if a.answer is None else _yes_no(a.answer).title()
            entries.append(ReviewEntry(number, a.item.text, answer, advice, ack))
        return tuple(entries)

    def summary_lines(self) -> tuple[str, ...]:
        """One plain line per item, for a report or a log."""
        return tuple(" ".join((e.heading, *e.details())) for e in self.review())


def _yes_no(answer: bool | None) -> str:
    return "yes" if answer else "no"


def screening_result(answers: Mapping[str, bool], acknowledged: Iterable[str]) -> ScreeningResult:
    """Every question answered, every advice and statement acknowledged, or ValueError.

    An acknowledgement that was not needed (the answer was changed afterwards) is dropped.
    """
    acks = set(acknowledged)
    unknown = (set(answers) | acks) - ITEMS_BY_ID.keys()
    if unknown:
        raise ValueError(f"unknown screening items: {', '.join(sorted(unknown))}")
    result = []
    for item in SCREENING_ITEMS:
        answer: bool | None = None
        if item.kind is ItemKind.QUESTION:
            if item.id not in answers:
                raise ValueError(f"screening item {item.id!r} was not answered")
            answer = bool(answers[item.id])
        elif item.id in answers:
            raise ValueError(f"screening item {item.id!r} is a statement, not a question")
        entry = ScreeningAnswer(item, answer, acknowledged=False)
        if entry.needs_ack and item.id not in acks:
            raise ValueError(f"screening item {item.id!r} needs an acknowledgement")
        result.append(ScreeningAnswer(item, answer, acknowledged=entry.needs_ack))
    return ScreeningResult(tuple(result))
