"""The first-run screening: which answers need advice, acknowledgements, the stored form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from upright.core.checkins import SCREENING, latest_checkin, record_checkin
from upright.core.clock import FakeClock
from upright.core.history import History
from upright.core.screening import (
    ACK_ADVICE,
    ACK_STATEMENT,
    ITEMS_BY_ID,
    SCREENING_ITEMS,
    ItemKind,
    ScreeningResult,
    screening_result,
)

QUESTIONS = [i.id for i in SCREENING_ITEMS if i.kind is ItemKind.QUESTION]
STATEMENTS = [i.id for i in SCREENING_ITEMS if i.kind is ItemKind.STATEMENT]
ALL_CLEAR = {"fracture": False, "back_pain": False, "height_loss": False, "health": False}
ALL_CLEAR["floor"] = True  # "can you get down to the floor safely?": yes is the clear answer


def test_seven_items_five_questions_then_two_statements() -> None:
    assert [i.kind for i in SCREENING_ITEMS] == [ItemKind.QUESTION] * 5 + [ItemKind.STATEMENT] * 2
    assert len(ITEMS_BY_ID) == 7
    assert all(i.advice for i in SCREENING_ITEMS[:5])
    assert all(i.text.endswith("?") for i in SCREENING_ITEMS[:5])


@pytest.mark.parametrize(
    ("item_id", "needs_advice_for"),
    [
        ("fracture", True),
        ("back_pain", True),
        ("height_loss", True),
        ("health", True),
        ("floor", False),  # phrased so that "no" is the answer needing advice
    ],
)
def test_each_question_names_the_answer_that_needs_advice(
    item_id: str, needs_advice_for: bool
) -> None:
    item = ITEMS_BY_ID[item_id]
    assert item.needs_advice(needs_advice_for)
    assert not item.needs_advice(not needs_advice_for)


def test_statements_never_show_advice() -> None:
    for item_id in STATEMENTS:
        item = ITEMS_BY_ID[item_id]
        assert not item.needs_advice(True) and not item.needs_advice(False)
        assert item.advice == ""


def test_all_clear_needs_only_the_statements_acknowledged() -> None:
    result = screening_result(ALL_CLEAR, STATEMENTS)
    assert result.advised == ()
    assert result.to_dict() == {
        "version": 1,
        "answers": {
            "fracture": "no",
            "back_pain": "no",
            "height_loss": "no",
            "health": "no",
            "floor": "yes",
        },
        "acknowledged": ["rule", "not_clinical_advice"],
    }


@pytest.mark.parametrize(("item_id", "answer"), [(q, q != "floor") for q in QUESTIONS])
def test_an_answer_needing_advice_must_be_acknowledged(item_id: str, answer: bool) -> None:
    answers = {**ALL_CLEAR, item_id: answer}
    with pytest.raises(ValueError, match="needs an acknowledgement"):
        screening_result(answers, STATEMENTS)
    result = screening_result(answers, [*STATEMENTS, item_id])
    assert [a.item.id for a in result.advised] == [item_id]
    assert result.to_dict()["acknowledged"] == [item_id, *STATEMENTS]


@pytest.mark.parametrize("statement", STATEMENTS)
def test_each_statement_must_be_acknowledged(statement: str) -> None:
    with pytest.raises(ValueError, match=statement):
        screening_result(ALL_CLEAR, [s for s in STATEMENTS if s != statement])


def test_bad_answers_are_refused() -> None:
    missing = {k: v for k, v in ALL_CLEAR.items() if k != "health"}
    with pytest.raises(ValueError, match="'health' was not answered"):
        screening_result(missing, STATEMENTS)
    with pytest.raises(ValueError, match="unknown"):
        screening_result({**ALL_CLEAR, "smoking": True}, STATEMENTS)
    with pytest.raises(ValueError, match="statement"):
        screening_result({**ALL_CLEAR, "rule": True}, STATEMENTS)


def test_an_acknowledgement_no_longer_needed_is_dropped() -> None:
    """Answered yes, acknowledged, went back and answered no: nothing to acknowledge."""
    result = screening_result(ALL_CLEAR, ["fracture", *STATEMENTS])
    assert result.to_dict()["acknowledged"] == STATEMENTS


def test_stored_form_round_trips_through_the_history(tmp_path: Path) -> None:
    answers = {**ALL_CLEAR, "back_pain": True, "floor": False}
    result = screening_result(answers, ["back_pain", "floor", *STATEMENTS])
    history = History(tmp_path / "h.sqlite3")
    record_checkin(history, "ann", SCREENING, FakeClock().wall(), result.to_dict())
    stored = latest_checkin(history, "ann", SCREENING)
    assert stored is not None and "_at" in stored  # the read adds when it was answered
    assert ScreeningResult.from_dict(stored) == result
    assert ScreeningResult.from_dict(json.loads(json.dumps(result.to_dict()))) == result


@pytest.mark.parametrize(
    "stored",
    [
        {},
        {"answers": [], "acknowledged": []},
        {"answers": {**dict.fromkeys(QUESTIONS, "no"), "floor": "maybe"}, "acknowledged": []},
        {"answers": dict.fromkeys(QUESTIONS, "no"), "acknowledged": []},  # floor "no" unacked
    ],
)
def test_a_malformed_stored_form_is_refused(stored: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        ScreeningResult.from_dict(stored)


def test_review_shows_each_answer_its_advice_and_what_was_acknowledged() -> None:
    result = screening_result({**ALL_CLEAR, "height_loss": True}, ["height_loss", *STATEMENTS])
    review = result.review()
    assert [e.number for e in review] == [1, 2, 3, 4, 5, 6, 7]
    fracture, _pain, height, _health, floor, rule, _app = review
    assert (fracture.answer, fracture.advice, fracture.acknowledgement) == ("No", "", "")
    assert (height.answer, height.advice) == ("Yes", "See a doctor.")
    assert height.acknowledgement == ACK_ADVICE
    assert (floor.answer, floor.advice) == ("Yes", "")
    assert (rule.answer, rule.acknowledgement) == ("", ACK_STATEMENT)
    lines = result.summary_lines()
    assert lines[2] == (
        "3. Have you lost half an inch (about 1.3 cm) or more of height in the past year?"
        f" Answer: Yes. Advice shown: See a doctor. Acknowledged: {ACK_ADVICE}."
    )
    assert lines[0].endswith("Answer: No.")
    assert lines[6].endswith(f"Acknowledged: {ACK_STATEMENT}.")
