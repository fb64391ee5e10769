"""The check-ins around each session: every advice branch, and the words they use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from upright.core import safety, screening
from upright.core.safety import (
    FALL_ADVICE,
    NEXT_DAY_WORSE_ADVICE,
    RED_FLAGS,
    TIREDNESS_NOTE,
    AfterCheck,
    BeforeCheck,
    BeforeOutcome,
    DeclineReason,
    after_advice,
    after_red_flag,
    before_outcome,
    next_day_advice,
    skip_advice,
)

CONTENT = Path(__file__).resolve().parents[2].parent / "shared" / "CONTENT.md"


# -- before ---------------------------------------------------------------------------------


def test_a_fall_or_new_pain_means_no_exercise_today_whatever_the_pain() -> None:
    assert before_outcome(True, None) is BeforeOutcome.NO_EXERCISE_TODAY
    assert before_outcome(True, 0) is BeforeOutcome.NO_EXERCISE_TODAY
    assert FALL_ADVICE.title == "Do not exercise today."
    assert any("Contact a clinician" in line for line in FALL_ADVICE.lines)


@pytest.mark.parametrize(
    ("pain", "outcome"),
    [
        (0, "proceed"),
        (3, "proceed"),
        (4, "suggest_skip"),
        (5, "suggest_skip"),
        (10, "suggest_skip"),
    ],
)
def test_pain_of_4_or_more_suggests_skipping(pain: int, outcome: str) -> None:
    assert before_outcome(False, pain) is BeforeOutcome(outcome)


def test_skip_advice_names_the_pain() -> None:
    advice = skip_advice(6)
    assert "skip today" in advice.title
    assert "Your back pain is 6 out of 10 right now." in advice.lines


def test_before_answers_are_checked() -> None:
    with pytest.raises(ValueError, match="pain_now is needed"):
        before_outcome(False, None)
    for bad in (-1, 11):
        with pytest.raises(ValueError, match="0 to 10"):
            BeforeCheck(False, bad)


def test_before_check_stored_form() -> None:
    went_ahead = BeforeCheck(False, 5)
    assert went_ahead.to_dict() == {
        "fall_or_new_pain": False,
        "pain_now": 5,
        "skip_suggested": True,
        "declined": None,
    }
    fall = BeforeCheck(True, None, DeclineReason.FALL_OR_NEW_PAIN)
    assert fall.outcome is BeforeOutcome.NO_EXERCISE_TODAY
    assert fall.to_dict()["declined"] == "fall_or_new_pain"
    assert BeforeCheck(False, 2).to_dict()["skip_suggested"] is False


# -- after ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "red_flag"),
    [
        (None, 4, False),
        (None, 5, True),  # 5/10 or more
        (0, 1, False),
        (0, 2, True),  # rose by 2 points
        (3, 4, False),
        (3, 5, True),
        (6, 5, True),  # high, even though it fell
        (4, 4, False),
        (2, 10, True),
    ],
)
def test_red_flag_after_when_pain_is_5_or_rose_by_2(
    before: int | None, after: int, red_flag: bool
) -> None:
    assert after_red_flag(after, before) is red_flag
    check = AfterCheck(after, 3, before)
    assert check.red_flag is red_flag
    assert (after_advice(check) is None) is not red_flag


def test_after_advice_says_what_happened_then_the_red_flags() -> None:
    rose = after_advice(AfterCheck(4, 5, pain_before=2))
    assert rose is not None
    assert rose.title == "Your pain has gone up from 2 to 4 out of 10."
    assert rose.red_flags == RED_FLAGS
    assert rose.note == TIREDNESS_NOTE
    high = after_advice(AfterCheck(7, 5, pain_before=7))
    assert high is not None and high.title == "Your pain is 7 out of 10 now."


def test_after_answers_are_checked() -> None:
    for pain, effort in ((11, 0), (0, 11), (-1, 0), (0, -1)):
        with pytest.raises(ValueError, match="0 to 10"):
            AfterCheck(pain, effort)


# -- next day -------------------------------------------------------------------------------


def test_next_day_worse_says_the_next_session_is_easier_and_lists_the_red_flags() -> None:
    assert next_day_advice(False) is None
    advice = next_day_advice(True)
    assert advice is NEXT_DAY_WORSE_ADVICE
    assert "one step easier" in advice.title
    assert advice.red_flags == RED_FLAGS


# -- wording --------------------------------------------------------------------------------


def all_words() -> list[str]:
    texts: list[str] = []
    for module in (safety, screening):
        for value in vars(module).values():
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
                texts.extend(value)
    for item in screening.SCREENING_ITEMS:
        texts += [item.text, item.advice]
    advices = [FALL_ADVICE, NEXT_DAY_WORSE_ADVICE, skip_advice(4)]
    advices += [after_advice(AfterCheck(5, 5, 0)), after_advice(AfterCheck(9, 5, 9))]
    for advice in advices:
        assert advice is not None
        texts += [advice.title, *advice.lines, *advice.red_flags, advice.note]
    return texts


def test_the_word_list_covers_the_texts() -> None:
    words = " ".join(all_words())
    assert "forward curve" in words and "one step easier" in words and "skip today" in words


def test_forward_appears_only_to_forbid_bending_or_to_name_a_curve() -> None:
    allowed = ("no forward bending", "marked forward curve of the upper back")
    for text in all_words():
        rest = text.lower()
        for phrase in allowed:
            rest = rest.replace(phrase, "")
        assert "forward" not in rest, text
        assert not re.search(r"\b(bend|curl|flex)\w*\b[^.]*\bforward", rest), text


def test_no_borg_scale_wording() -> None:
    borg = ("borg", "exertion", "perceived", "rpe", "very light", "somewhat hard", "very hard")
    for text in all_words():
        assert not any(word in text.lower() for word in borg), text


def test_no_forbidden_claims() -> None:
    claims = ("prevent", "300%", "fewer fractures", "guarantee", "cure", "reduces", "protects")
    for text in all_words():
        assert not any(word in text.lower() for word in claims), text


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.skipif(not CONTENT.is_file(), reason="needs ../shared/CONTENT.md")
def test_questions_and_red_flags_are_word_for_word_from_content_md() -> None:
    content = _normal(CONTENT.read_text(encoding="utf-8"))
    verbatim = [safety.FALL_QUESTION, safety.NEXT_DAY_QUESTION, *RED_FLAGS[:1]]
    verbatim += ["Mild muscle tiredness that settles is normal"]
    verbatim += [i.text for i in screening.SCREENING_ITEMS if i.id in ("back_pain", "health")]
    verbatim += [i.advice.rstrip(".") for i in screening.SCREENING_ITEMS[:5]]
    for text in verbatim:
        assert _normal(text).lower() in content.lower(), text
