"""The keys the check-in screens answer to, named at the first key press.

Naming PySide6's `Qt` namespace makes it build all 93 of its enums (about 20 ms): a daily user's
first screen is the next-day question, which must be on screen before anything is pressed
(tests/e2e/test_startup.py). So the screens set their few enum properties by name, and the
keys are looked up here once a key is pressed.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from upright.core.value import value

if TYPE_CHECKING:
    from PySide6.QtCore import Qt


@value
class AnswerKeys:
    enter: frozenset[int]  # Return, and the keypad's Enter
    left: int
    right: int
    ten: int  # T: 10 on a scale in one key
    escape: int
    digits: Mapping[int, int]  # key -> the digit it types
    scroll: Mapping[int, int]  # key -> lines to scroll the words by (negative: up)
    allowed_modifiers: Qt.KeyboardModifier  # the keypad's and Shift: a digit is still a digit


@cache
def answer_keys() -> AnswerKeys:
    from PySide6.QtCore import Qt

    k = Qt.Key
    return AnswerKeys(
        enter=frozenset({k.Key_Return.value, k.Key_Enter.value}),
        left=k.Key_Left.value,
        right=k.Key_Right.value,
        ten=k.Key_T.value,
        escape=k.Key_Escape.value,
        digits=MappingProxyType({getattr(k, f"Key_{d}").value: d for d in range(10)}),
        scroll=MappingProxyType(
            {
                k.Key_Up.value: -1,
                k.Key_Down.value: 1,
                k.Key_PageUp.value: -6,
                k.Key_PageDown.value: 6,
            }
        ),
        allowed_modifiers=Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier,
    )
