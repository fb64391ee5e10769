"""The 0-to-10 scale: every key, 1-then-0 for 10 on a fake clock, arrows, Enter, the mouse."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from upright.core.clock import FakeClock
from upright.ui.scale_question import NO_CHOICE_HINT, TEN_WINDOW_S, ScaleQuestion
from upright.ui.theme import BASE_POINT_SIZE, STYLESHEET, apply_text_scale

K = Qt.Key


@pytest.fixture
def scale(qtbot: QtBot, clock: FakeClock) -> ScaleQuestion:
    widget = ScaleQuestion("Pain", "No pain", "Worst possible pain", monotonic=clock.monotonic)
    widget.setStyleSheet(STYLESHEET)
    qtbot.addWidget(widget)
    widget.resize(1000, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.setFocus()
    return widget


def press(qtbot: QtBot, scale: ScaleQuestion, *keys: Qt.Key) -> None:
    """Keys go where the keyboard sends them: to the focused widget."""
    for key in keys:
        focused = QApplication.focusWidget()
        assert focused is scale or scale.isAncestorOf(focused), focused
        qtbot.keyClick(focused, key)


def checked(scale: ScaleQuestion) -> list[int]:
    return [v for v, b in enumerate(scale.buttons) if b.isChecked()]


@pytest.mark.parametrize("digit", range(10))
def test_each_digit_chooses_its_number(qtbot: QtBot, scale: ScaleQuestion, digit: int) -> None:
    with qtbot.waitSignal(scale.changed) as changed:
        press(qtbot, scale, getattr(K, f"Key_{digit}"))
    assert changed.args == [digit]
    assert scale.value == digit
    assert checked(scale) == [digit]
    assert QApplication.focusWidget() is scale.buttons[digit]  # so Enter confirms it
    assert f"{digit} out of 10" in scale.status_label.text()


def test_one_then_zero_quickly_is_ten(qtbot: QtBot, scale: ScaleQuestion, clock: FakeClock) -> None:
    press(qtbot, scale, K.Key_1)
    assert scale.value == 1
    clock.advance(TEN_WINDOW_S - 0.1)
    press(qtbot, scale, K.Key_0)
    assert scale.value == 10
    assert checked(scale) == [10]


def test_one_then_zero_slowly_is_zero(qtbot: QtBot, scale: ScaleQuestion, clock: FakeClock) -> None:
    press(qtbot, scale, K.Key_1)
    clock.advance(TEN_WINDOW_S + 0.1)
    press(qtbot, scale, K.Key_0)
    assert scale.value == 0


def test_only_a_one_just_before_makes_zero_ten(qtbot: QtBot, scale: ScaleQuestion) -> None:
    press(qtbot, scale, K.Key_1, K.Key_5, K.Key_0)
    assert scale.value == 0
    press(qtbot, scale, K.Key_1, K.Key_0, K.Key_0)  # 10, then a fresh 0
    assert scale.value == 0


def test_t_is_ten(qtbot: QtBot, scale: ScaleQuestion) -> None:
    press(qtbot, scale, K.Key_3, K.Key_T)
    assert scale.value == 10


def test_arrows_move_the_choice_and_stop_at_the_ends(qtbot: QtBot, scale: ScaleQuestion) -> None:
    press(qtbot, scale, K.Key_Right)
    assert scale.value == 0  # nothing chosen yet: the first arrow chooses 0
    press(qtbot, scale, K.Key_Right, K.Key_Right)
    assert scale.value == 2
    assert QApplication.focusWidget() is scale.buttons[2]  # arrows on a button move the choice
    press(qtbot, scale, K.Key_Left)
    assert scale.value == 1
    press(qtbot, scale, K.Key_Left, K.Key_Left, K.Key_Left)
    assert scale.value == 0
    press(qtbot, scale, K.Key_T, K.Key_Right)
    assert scale.value == 10


def test_enter_with_nothing_chosen_shows_a_hint_and_answers_nothing(
    qtbot: QtBot, scale: ScaleQuestion
) -> None:
    with qtbot.assertNotEmitted(scale.answered):
        press(qtbot, scale, K.Key_Return)
    assert scale.status_label.text() == NO_CHOICE_HINT
    assert scale.status_label.objectName() == "hint"
    with qtbot.waitSignal(scale.answered) as answered:
        press(qtbot, scale, K.Key_4, K.Key_Enter)  # the keypad's Enter too
    assert answered.args == [4]
    assert scale.status_label.objectName() == ""


def test_enter_confirms_the_choice(qtbot: QtBot, scale: ScaleQuestion) -> None:
    press(qtbot, scale, K.Key_7)
    with qtbot.waitSignal(scale.answered) as answered:
        press(qtbot, scale, K.Key_Return)
    assert answered.args == [7]


def test_keys_with_ctrl_or_alt_are_not_answers(qtbot: QtBot, scale: ScaleQuestion) -> None:
    qtbot.keyClick(QApplication.focusWidget(), K.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), K.Key_T, Qt.KeyboardModifier.AltModifier)
    assert scale.value is None


def test_mouse_chooses_then_enter_confirms(qtbot: QtBot, scale: ScaleQuestion) -> None:
    qtbot.mouseClick(scale.buttons[6], Qt.MouseButton.LeftButton)
    assert scale.value == 6
    qtbot.mouseClick(scale.buttons[8], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(scale.buttons[8], Qt.MouseButton.LeftButton)  # a second click keeps it
    assert (scale.value, checked(scale)) == (8, [8])
    with qtbot.waitSignal(scale.answered) as answered:
        press(qtbot, scale, K.Key_Return)
    assert answered.args == [8]


def test_clear_forgets_the_choice(qtbot: QtBot, scale: ScaleQuestion) -> None:
    press(qtbot, scale, K.Key_9)
    scale.clear()
    assert scale.value is None and checked(scale) == []
    with qtbot.assertNotEmitted(scale.answered):
        scale.confirm()


def test_every_button_is_named_for_a_screen_reader(scale: ScaleQuestion) -> None:
    names = [b.accessibleName() for b in scale.buttons]
    assert names == [f"Pain {v} of 10" for v in range(11)]
    assert "No pain" in scale.buttons[0].accessibleDescription()
    assert "Keyboard: 3" in scale.buttons[3].accessibleDescription()
    assert "T" in scale.buttons[10].accessibleDescription()
    assert scale.accessibleName() == "Pain, 0 to 10"
    assert all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in scale.buttons)


@pytest.fixture
def double_text() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = app.font()
    apply_text_scale(2.0)
    yield
    app.setFont(saved)


@pytest.mark.usefixtures("double_text")
def test_numbers_fit_their_buttons_at_double_text_in_a_narrow_window(
    qtbot: QtBot, clock: FakeClock
) -> None:
    scale = ScaleQuestion("Pain", "No pain", "Worst possible pain", monotonic=clock.monotonic)
    scale.setStyleSheet(STYLESHEET)
    qtbot.addWidget(scale)
    scale.resize(736, 300)  # an 800-pixel window less the page's margins
    scale.show()
    qtbot.waitExposed(scale)
    ten = scale.buttons[10]
    qtbot.waitUntil(lambda: ten.width() < 80)
    assert QFontMetricsF(ten.font()).horizontalAdvance("10") < ten.width() - 8
    assert all(b.geometry().right() <= scale.width() for b in scale.buttons)
    # Still big: bigger than the body text at the normal text size.
    assert ten.font().pointSizeF() > BASE_POINT_SIZE
