"""The programme editor's model: pure edits, checks through the file reader, undo and redo."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from programme_samples import CATALOG, EXAMPLE
from upright.core.fields import ValidationError
from upright.core.history import History
from upright.core.programme_edit import (
    add_exercise,
    check,
    move_exercise,
    problems_of,
    remove_exercise,
    reset_numbers,
    set_note,
    set_number,
    set_warmups,
)
from upright.core.programme_file import install_programme, read_programme_file
from upright.core.undo import UndoStack

DRAFT = read_programme_file(EXAMPLE, CATALOG)


def test_edits_make_new_drafts_and_keep_numbers_with_their_exercise() -> None:
    hand = CATALOG.exercise("hand-press-up")
    assert hand.defaults is not None
    d = add_exercise(DRAFT, hand, hand.defaults)
    assert d.programme.exercise_ids == ("forearm-press-up", "chest-raise", "hand-press-up")
    d, at = move_exercise(d, 2, -1)
    assert at == 1 and d.programme.exercise_ids[1] == "hand-press-up"
    assert d.prescriptions[1] == hand.defaults
    assert move_exercise(d, 0, -1)[1] == 0  # already first: stays
    d = set_number(d, 0, "reps", 12)
    d = set_note(d, 0, "Slowly")
    d = set_warmups(d, False)
    assert (d.prescriptions[0].reps, d.programme.items[0].note, d.programme.warmups) == (
        12,
        "Slowly",
        False,
    )
    d = remove_exercise(d, 1)
    assert d.programme.exercise_ids == ("forearm-press-up", "chest-raise")
    assert DRAFT.prescriptions[0].reps == 10  # the original is untouched


def test_check_names_each_field_in_the_readers_words() -> None:
    d = set_number(DRAFT, 1, "target_hold_s", 3)  # shorter than the start (5)
    d = set_number(d, 0, "hold_s", 45)  # beyond the target (30)
    d = set_note(d, 1, "x" * 501)
    entries = check(d, CATALOG)
    assert problems_of(entries, 0) == {"hold_s": "must be between 5 and 30 s"}
    assert problems_of(entries, 1) == {
        "target_hold_s": "must not be shorter than start_hold_s",
        "note": "is longer than 500 characters",
    }
    assert check(DRAFT, CATALOG) == []
    empty = remove_exercise(remove_exercise(DRAFT, 0), 0)
    assert check(empty, CATALOG) == [("exercises", "must be a non-empty list")]


def test_reset_puts_back_upright_s_numbers_and_keeps_the_list_and_notes() -> None:
    d = reset_numbers(set_number(DRAFT, 0, "hold_s", 20), CATALOG)
    assert d.prescriptions == tuple(CATALOG.exercise(i).defaults for i in d.programme.exercise_ids)
    assert d.programme == DRAFT.programme


def test_a_wrong_draft_is_never_stored() -> None:
    history = History(":memory:")
    bad = set_number(DRAFT, 0, "hold_s", 45)
    with pytest.raises(ValidationError, match="hold_s"):
        install_programme(history, CATALOG, "Anna", bad, datetime(2026, 3, 2, tzinfo=UTC), "x")
    assert history.connection.execute("SELECT COUNT(*) FROM prescriptions").fetchone()[0] == 0


def test_undo_goes_back_at_least_twenty_steps_and_redo_forward() -> None:
    stack = UndoStack(DRAFT)
    for reps in range(1, 31):
        stack.push(set_number(stack.current, 0, "reps", reps))
    for _ in range(30):
        assert stack.undo() is not None
    assert stack.current == DRAFT and not stack.can_undo and stack.undo() is None
    stack.redo()
    assert stack.current.prescriptions[0].reps == 1
    stack.push(set_warmups(stack.current, False))
    assert not stack.can_redo  # a new edit drops the redo steps


def test_typing_into_one_box_is_one_undo_step() -> None:
    stack = UndoStack(DRAFT)
    stack.push(set_number(DRAFT, 0, "hold_s", 2.0), merge_key=(0, "hold_s"))
    stack.push(set_number(stack.current, 0, "hold_s", 25.0), merge_key=(0, "hold_s"))
    stack.push(set_number(stack.current, 0, "reps", 9), merge_key=(0, "reps"))
    stack.undo()
    assert stack.current.prescriptions[0].hold_s == 25
    stack.undo()
    assert stack.current == DRAFT


def test_the_oldest_steps_go_beyond_the_limit() -> None:
    stack = UndoStack(0, limit=20)
    for n in range(1, 31):
        stack.push(n)
    steps = 0
    while stack.undo() is not None:
        steps += 1
    assert (steps, stack.current) == (20, 10)
