"""Every check-in page walked by the keyboard alone (keys go to whatever has the focus)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from upright.core import safety
from upright.core.clock import FakeClock
from upright.core.safety import AfterCheck, BeforeCheck
from upright.core.screening import SCREENING_ITEMS, ScreeningResult, screening_result
from upright.ui.checkin_pages import (
    AfterSessionPage,
    BeforeSessionPage,
    NextDayPage,
    ScreeningPage,
)
from upright.ui.checkin_screen import CheckinPage
from upright.ui.checkin_widgets import WrapButton
from upright.ui.theme import STYLESHEET, apply_text_scale

K = Qt.Key
QUESTIONS = [i.id for i in SCREENING_ITEMS if i.advice]
ITEM_IDS = [i.id for i in SCREENING_ITEMS]


@pytest.fixture
def show(qtbot: QtBot) -> Callable[[CheckinPage], None]:
    def _show(page: CheckinPage) -> None:
        page.setStyleSheet(STYLESHEET)
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)

    return _show


def press(qtbot: QtBot, page: QWidget, *keys: Qt.Key) -> None:
    """Each key goes where a real keyboard sends it: to the widget with the focus."""
    for key in keys:
        focused = QApplication.focusWidget()
        assert focused is not None and page.isAncestorOf(focused), focused
        qtbot.keyClick(focused, key)


def title(page: CheckinPage) -> str:
    return page.screen.title_label.text()


def words(page: CheckinPage) -> list[str]:
    """Every paragraph on the screen now showing, title first."""
    labels = page.screen.text.inner.findChildren(QLabel)
    return [label.text() for label in labels if label.isVisibleTo(page.screen)]


def visible_buttons(page: CheckinPage) -> list[WrapButton]:
    return [b for b in page.screen.findChildren(WrapButton) if b.isVisibleTo(page.screen)]


# -- first-run screening --------------------------------------------------------------------


@pytest.fixture
def screening(show: Callable[[CheckinPage], None]) -> ScreeningPage:
    page = ScreeningPage()
    show(page)
    page.start()
    return page


def test_screening_all_clear_by_keyboard(qtbot: QtBot, screening: ScreeningPage) -> None:
    seen = []
    for key in (K.Key_N, K.Key_N, K.Key_N, K.Key_N, K.Key_Y):  # "yes" to the floor question
        seen.append(title(screening))
        press(qtbot, screening, key)
    for _statement in range(2):
        seen.append(title(screening))
        if len(seen) < 7:
            press(qtbot, screening, K.Key_A)
    assert seen == [item.text for item in SCREENING_ITEMS]  # one item per screen, in order
    with qtbot.waitSignal(screening.completed) as done:
        press(qtbot, screening, K.Key_A)
    result = done.args[0]
    assert isinstance(result, ScreeningResult)
    assert result.advised == ()
    assert result.to_dict()["acknowledged"] == ["rule", "not_clinical_advice"]


def test_a_yes_shows_advice_that_enter_never_acknowledges(
    qtbot: QtBot, screening: ScreeningPage
) -> None:
    press(qtbot, screening, K.Key_Y)
    assert title(screening) == "See a physical therapist before starting."
    press(qtbot, screening, K.Key_Return)  # Enter is "Back to the question", never "I understand"
    assert title(screening) == SCREENING_ITEMS[0].text
    press(qtbot, screening, K.Key_Y)
    press(qtbot, screening, K.Key_Escape)  # Esc goes back as well
    assert title(screening) == SCREENING_ITEMS[0].text
    press(qtbot, screening, K.Key_Y, K.Key_A)  # A is the acknowledgement
    assert title(screening) == SCREENING_ITEMS[1].text
    with qtbot.waitSignal(screening.completed) as done:
        press(qtbot, screening, K.Key_N, K.Key_N, K.Key_N, K.Key_Y, K.Key_A, K.Key_A)
    assert [a.item.id for a in done.args[0].advised] == ["fracture"]
    assert "fracture" in done.args[0].to_dict()["acknowledged"]


def test_not_getting_to_the_floor_safely_needs_the_acknowledgement(
    qtbot: QtBot, screening: ScreeningPage
) -> None:
    press(qtbot, screening, K.Key_N, K.Key_N, K.Key_N, K.Key_N, K.Key_N)
    assert title(screening).startswith("Do the exercises on a firm bed")
    with qtbot.waitSignal(screening.completed) as done:
        press(qtbot, screening, K.Key_A, K.Key_A, K.Key_A)
    assert done.args[0].to_dict()["answers"]["floor"] == "no"


def test_the_advice_screen_focuses_back_and_names_both_buttons(
    qtbot: QtBot, screening: ScreeningPage
) -> None:
    press(qtbot, screening, K.Key_Y)
    back, ack = visible_buttons(screening)
    assert QApplication.focusWidget() is back
    assert back.accessibleName() == "Back to the question"
    assert ack.accessibleName() == "I have checked with my clinician / I understand"
    assert ack.accessibleDescription() == "Keyboard: A"
    # Tabbing to the acknowledgement and pressing Enter is an explicit choice, like a click.
    press(qtbot, screening, K.Key_Tab)
    assert QApplication.focusWidget() is ack
    press(qtbot, screening, K.Key_Return)
    assert title(screening) == SCREENING_ITEMS[1].text


def test_enter_on_a_question_or_statement_only_reminds_of_the_keys(
    qtbot: QtBot, screening: ScreeningPage
) -> None:
    press(qtbot, screening, K.Key_Return)
    assert title(screening) == SCREENING_ITEMS[0].text
    assert screening.screen.hint_label.isVisible()
    assert "N for No" in screening.screen.hint_label.text()
    press(qtbot, screening, K.Key_N, K.Key_N, K.Key_N, K.Key_N, K.Key_Y)
    assert not screening.screen.hint_label.isVisible()  # a fresh screen, no old hint
    press(qtbot, screening, K.Key_Return)
    assert title(screening) == SCREENING_ITEMS[5].text
    assert "Press A" in screening.screen.hint_label.text()


def test_esc_goes_back_one_question(qtbot: QtBot, screening: ScreeningPage) -> None:
    press(qtbot, screening, K.Key_N, K.Key_N)
    press(qtbot, screening, K.Key_Escape)
    assert title(screening) == SCREENING_ITEMS[1].text
    press(qtbot, screening, K.Key_Escape, K.Key_Escape)  # nothing before the first
    assert title(screening) == SCREENING_ITEMS[0].text


def test_a_held_key_answers_only_once(qtbot: QtBot, screening: ScreeningPage) -> None:
    press(qtbot, screening, K.Key_N)
    repeat = QKeyEvent(QEvent.Type.KeyPress, K.Key_N, Qt.KeyboardModifier.NoModifier, "n", True)
    QApplication.sendEvent(QApplication.focusWidget(), repeat)
    assert title(screening) == SCREENING_ITEMS[1].text


def test_the_mouse_works_too(qtbot: QtBot, screening: ScreeningPage) -> None:
    no, yes = visible_buttons(screening)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    _back, ack = visible_buttons(screening)
    qtbot.mouseClick(ack, Qt.MouseButton.LeftButton)
    assert title(screening) == SCREENING_ITEMS[1].text
    assert no.accessibleName() == "No" and yes.accessibleDescription() == "Keyboard: Y"


def test_a_click_on_a_button_s_words_is_a_click_on_the_button(
    qtbot: QtBot, screening: ScreeningPage
) -> None:
    """The words are a label inside the button: where a person clicks, on them, counts."""
    _no, yes = visible_buttons(screening)
    qtbot.mouseClick(yes.words, Qt.MouseButton.LeftButton)  # through the window, as a mouse
    assert title(screening) == "See a physical therapist before starting."


def test_review_shows_the_stored_answers_read_only(qtbot: QtBot, screening: ScreeningPage) -> None:
    press(qtbot, screening, K.Key_N, K.Key_Y, K.Key_A, K.Key_N, K.Key_N, K.Key_Y)
    with qtbot.waitSignal(screening.completed) as done:
        press(qtbot, screening, K.Key_A, K.Key_A)
    stored = ScreeningResult.from_dict(done.args[0].to_dict())
    screening.show_review(stored, "2026-01-05 09:00")
    shown = "\n".join(words(screening))
    assert "2. Do you have back pain now, especially new or sudden pain?\nAnswer: Yes" in shown
    assert "Advice shown: See a doctor first." in shown
    assert screening.screen.step_label.text() == "Answered on 2026-01-05 09:00"
    with qtbot.assertNotEmitted(screening.completed):
        press(qtbot, screening, K.Key_Y, K.Key_N, K.Key_A)  # nothing to answer here
    with qtbot.waitSignal(screening.review_closed):
        press(qtbot, screening, K.Key_Return)
    screening.show_review(stored)  # shown again: the old lines are replaced, not doubled
    again = [label.text() for label in screening.screen.findChildren(QLabel)]
    assert sum(t.startswith("2. Do you have back pain") for t in again) == 1


# -- before each session --------------------------------------------------------------------


@pytest.fixture
def before(show: Callable[[CheckinPage], None], clock: FakeClock) -> BeforeSessionPage:
    page = BeforeSessionPage(monotonic=clock.monotonic)
    show(page)
    page.start()
    return page


def test_a_fall_means_no_session_and_enter_goes_back_to_the_start(
    qtbot: QtBot, before: BeforeSessionPage
) -> None:
    assert title(before) == safety.FALL_QUESTION
    press(qtbot, before, K.Key_Y)
    assert title(before) == "Do not exercise today."
    # The only way out of this screen is back to the start: no way to start anyway.
    assert [b.accessibleName() for b in visible_buttons(before)] == ["Back to the start"]
    with qtbot.assertNotEmitted(before.proceed), qtbot.waitSignal(before.declined) as declined:
        press(qtbot, before, K.Key_Return)
    assert declined.args == ["fall_or_new_pain"]
    assert before.check == BeforeCheck(True, None, safety.DeclineReason.FALL_OR_NEW_PAIN)


def test_esc_on_the_fall_advice_also_goes_back_to_the_start(
    qtbot: QtBot, before: BeforeSessionPage
) -> None:
    press(qtbot, before, K.Key_Y)
    with qtbot.waitSignal(before.declined) as declined:
        press(qtbot, before, K.Key_Escape)
    assert declined.args == ["fall_or_new_pain"]


def test_pain_of_5_suggests_skipping_and_enter_skips(
    qtbot: QtBot, before: BeforeSessionPage
) -> None:
    press(qtbot, before, K.Key_N, K.Key_5, K.Key_Return)
    assert title(before) == "We suggest you skip today."
    assert QApplication.focusWidget().accessibleName() == "Skip today"
    with qtbot.assertNotEmitted(before.proceed), qtbot.waitSignal(before.declined) as declined:
        press(qtbot, before, K.Key_Return)
    assert declined.args == ["skipped_for_pain"]
    assert before.check is not None
    assert before.check.to_dict() == {
        "fall_or_new_pain": False,
        "pain_now": 5,
        "skip_suggested": True,
        "declined": "skipped_for_pain",
    }


def test_continue_anyway_goes_ahead_with_the_pain(qtbot: QtBot, before: BeforeSessionPage) -> None:
    press(qtbot, before, K.Key_N, K.Key_1, K.Key_0, K.Key_Return)  # 1 then 0: 10
    assert "Your back pain is 10 out of 10 right now." in words(before)
    with qtbot.waitSignal(before.proceed) as proceed:
        press(qtbot, before, K.Key_C)
    assert proceed.args == [10]
    assert before.check == BeforeCheck(False, 10)


def test_low_pain_goes_straight_ahead(qtbot: QtBot, before: BeforeSessionPage) -> None:
    with qtbot.waitSignal(before.proceed) as proceed:
        press(qtbot, before, K.Key_N, K.Key_3, K.Key_Return)
    assert proceed.args == [3]


def test_enter_without_a_number_answers_nothing(qtbot: QtBot, before: BeforeSessionPage) -> None:
    press(qtbot, before, K.Key_N)
    with qtbot.assertNotEmitted(before.proceed), qtbot.assertNotEmitted(before.declined):
        press(qtbot, before, K.Key_Return)
    assert before.screen is before.pain
    assert before.scale.status_label.objectName() == "hint"


def test_esc_steps_back_and_out(qtbot: QtBot, before: BeforeSessionPage) -> None:
    press(qtbot, before, K.Key_N, K.Key_6, K.Key_Return, K.Key_Escape)
    assert before.screen is before.pain and before.scale.value == 6
    press(qtbot, before, K.Key_Escape)
    assert before.screen is before.fall
    with qtbot.waitSignal(before.declined) as declined:
        press(qtbot, before, K.Key_Escape)
    assert declined.args == ["cancelled"]
    assert before.check is None
    before.start()  # asked afresh next time
    assert before.screen is before.fall and before.scale.value is None


def test_before_by_mouse(qtbot: QtBot, before: BeforeSessionPage) -> None:
    no, _yes = visible_buttons(before)[:2]
    qtbot.mouseClick(no, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(before.scale.buttons[2], Qt.MouseButton.LeftButton)
    next_button = next(b for b in visible_buttons(before) if b.accessibleName() == "Next")
    with qtbot.waitSignal(before.proceed) as proceed:
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert proceed.args == [2]


# -- after each session ---------------------------------------------------------------------


@pytest.fixture
def after(show: Callable[[CheckinPage], None], clock: FakeClock) -> AfterSessionPage:
    page = AfterSessionPage(monotonic=clock.monotonic)
    show(page)
    return page


def test_after_pain_and_effort_by_keys_including_ten(
    qtbot: QtBot, after: AfterSessionPage, clock: FakeClock
) -> None:
    after.start(pain_before=1)
    assert title(after) == "Pain now, 0 to 10"
    assert safety.TIREDNESS_NOTE in words(after)
    press(qtbot, after, K.Key_2, K.Key_Return)
    assert title(after) == "Effort, 0 to 10"
    press(qtbot, after, K.Key_1)
    clock.advance(0.5)
    press(qtbot, after, K.Key_0)
    with qtbot.waitSignal(after.completed) as done:
        press(qtbot, after, K.Key_Return)
    assert done.args == [AfterCheck(2, 10, 1)]  # no advice: 2/10, one point up


def test_red_flag_advice_when_pain_rises_by_two(qtbot: QtBot, after: AfterSessionPage) -> None:
    after.start(pain_before=2)
    with qtbot.assertNotEmitted(after.completed):
        press(qtbot, after, K.Key_4, K.Key_Return, K.Key_3, K.Key_Return)
    assert title(after) == "Your pain has gone up from 2 to 4 out of 10."
    shown = words(after)
    assert safety.RED_FLAGS_INTRO in shown and all(f in shown for f in safety.RED_FLAGS)
    assert safety.TIREDNESS_NOTE in shown
    assert QApplication.focusWidget().accessibleName() == "Continue"
    with qtbot.waitSignal(after.completed) as done:
        press(qtbot, after, K.Key_Return)
    assert done.args == [AfterCheck(4, 3, 2)]


def test_red_flag_advice_for_pain_of_ten_by_t(qtbot: QtBot, after: AfterSessionPage) -> None:
    after.start(pain_before=None)
    press(qtbot, after, K.Key_T, K.Key_Return, K.Key_5, K.Key_Return)
    assert title(after) == "Your pain is 10 out of 10 now."
    press(qtbot, after, K.Key_Escape)  # back to the effort, answer kept
    assert after.screen is after.effort and after.effort_scale.value == 5
    press(qtbot, after, K.Key_Escape)
    assert after.screen is after.pain and after.pain_scale.value == 10
    press(qtbot, after, K.Key_4, K.Key_Return, K.Key_Return)  # a second look, now 4: no advice
    assert after.check == AfterCheck(4, 5, None)


def test_after_start_clears_the_last_answers(qtbot: QtBot, after: AfterSessionPage) -> None:
    after.start(pain_before=0)
    with qtbot.waitSignal(after.completed):
        press(qtbot, after, K.Key_1, K.Key_Return, K.Key_1, K.Key_Return)
    after.start(pain_before=0)
    assert after.screen is after.pain
    assert after.pain_scale.value is None and after.effort_scale.value is None


# -- the next day ---------------------------------------------------------------------------


@pytest.fixture
def next_day(show: Callable[[CheckinPage], None]) -> NextDayPage:
    page = NextDayPage()
    show(page)
    page.start()
    return page


def test_next_day_no(qtbot: QtBot, next_day: NextDayPage) -> None:
    assert title(next_day) == safety.NEXT_DAY_QUESTION
    press(qtbot, next_day, K.Key_Return)  # no default answer
    with qtbot.waitSignal(next_day.answered) as answered:
        press(qtbot, next_day, K.Key_N)
    assert answered.args == [False]


def test_next_day_yes_shows_the_step_down_and_the_red_flags(
    qtbot: QtBot, next_day: NextDayPage
) -> None:
    with qtbot.assertNotEmitted(next_day.answered):
        press(qtbot, next_day, K.Key_Y)
    assert title(next_day) == "Your next session will be one step easier."
    shown = words(next_day)
    assert "If it is already at the easiest step, it stays there." in shown
    assert all(flag in shown for flag in safety.RED_FLAGS)
    press(qtbot, next_day, K.Key_Escape)
    assert title(next_day) == safety.NEXT_DAY_QUESTION
    press(qtbot, next_day, K.Key_Y)
    with qtbot.waitSignal(next_day.answered) as answered:
        press(qtbot, next_day, K.Key_Return)
    assert answered.args == [True]


# -- every screen ---------------------------------------------------------------------------


def all_screens() -> list[tuple[str, Callable[[], CheckinPage]]]:
    return [
        ("screening", ScreeningPage),
        ("before", BeforeSessionPage),
        ("after", AfterSessionPage),
        ("next day", NextDayPage),
    ]


@pytest.mark.parametrize(("name", "make"), all_screens())
def test_every_control_has_a_name_and_a_key(
    name: str, make: Callable[[], CheckinPage], qtbot: QtBot
) -> None:
    page = make()
    qtbot.addWidget(page)
    for index in range(page.stack.count()):
        screen = page.stack.widget(index)
        for button in screen.findChildren(WrapButton):
            assert button.accessibleName(), (name, index)
            assert button.accessibleDescription().startswith("Keyboard: "), (name, index)
            assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
            assert button.accessibleDescription()[len("Keyboard: ") :] in button.words.text()
        # A screen reader announces the question or advice (set afresh when advice is shown).
        assert screen.accessibleName() == screen.title_label.text(), (name, index)


@pytest.fixture
def text_scale() -> Iterator[Callable[[float], None]]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = app.font()
    yield apply_text_scale
    app.setFont(saved)


def filled(page: CheckinPage) -> CheckinPage:
    """Advice screens that are only filled when shown, filled with their longest advice."""
    if isinstance(page, BeforeSessionPage):
        page.skip.show_advice(safety.skip_advice(10))
    if isinstance(page, AfterSessionPage):
        page.advice.show_advice(safety.after_advice(AfterCheck(10, 10, 0)))
    if isinstance(page, NextDayPage):
        page.worse.show_advice(safety.NEXT_DAY_WORSE_ADVICE)
    if isinstance(page, ScreeningPage):
        page.show_review(screening_result(dict.fromkeys(QUESTIONS, True), ITEM_IDS))
    return page


@pytest.mark.parametrize(("width", "height", "scale"), [(1280, 800, 1.0), (800, 600, 2.0)])
@pytest.mark.parametrize(("name", "make"), all_screens())
def test_every_screen_fits_the_window(
    name: str,
    make: Callable[[], CheckinPage],
    width: int,
    height: int,
    scale: float,
    qtbot: QtBot,
    text_scale: Callable[[float], None],
) -> None:
    """Nothing is pushed out of the window: every button and number is inside it, even with
    text at 200% in an 800 x 600 window (long words shrink, then scroll)."""
    text_scale(scale)
    page = filled(make())
    page.setStyleSheet(STYLESHEET)
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    for index in range(page.stack.count()):
        screen = page.stack.widget(index)
        page.go(screen)
        controls = [*screen.findChildren(WrapButton), *screen.findChildren(QPushButton, "scale")]

        def inside(controls: list[QWidget] = controls) -> bool:
            return all(
                page.rect().contains(c.mapTo(page, c.rect().bottomRight()))
                and page.rect().contains(c.mapTo(page, c.rect().topLeft()))
                for c in controls
                if c.isVisibleTo(page)
            )

        qtbot.waitUntil(inside)
        assert page.size().toTuple() == (width, height), (name, index)


def test_words_that_change_while_a_screen_is_hidden_are_fitted_as_it_shows_again(
    qtbot: QtBot, show: Callable[[CheckinPage], None], text_scale: Callable[[float], None]
) -> None:
    """A hidden screen is not fitted (it waits to be shown at its size), so words added while
    it is hidden, as the safety answers' review does, are fitted when it comes back."""
    text_scale(1.0)
    page = ScreeningPage()
    show(page)  # 1280 x 800
    page.show_review(screening_result(dict.fromkeys(QUESTIONS, False), ITEM_IDS))
    short = page.review.sizer.zoom  # every answer "no": short words, full size
    assert short == 1.0
    page.go(page.item_screens[0])
    page.show_review(screening_result(dict.fromkeys(QUESTIONS, True), ITEM_IDS))
    assert page.screen is page.review
    assert page.review.sizer.zoom < short  # every answer "yes", with its advice: smaller type


def test_in_a_stack_of_pages_the_keys_work_once_the_page_is_shown(qtbot: QtBot) -> None:
    """How the main window uses a page: start it, then make it the current page."""
    stack = QStackedWidget()
    stack.setStyleSheet(STYLESHEET)
    home = QPushButton("Start")
    page = NextDayPage()
    stack.addWidget(home)
    stack.addWidget(page)
    qtbot.addWidget(stack)
    stack.resize(1280, 800)
    stack.show()
    qtbot.waitExposed(stack)
    stack.activateWindow()
    qtbot.waitUntil(stack.isActiveWindow)
    home.setFocus()
    page.start()
    stack.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()))
    with qtbot.waitSignal(page.answered) as answered:
        press(qtbot, page, K.Key_N)
    assert answered.args == [False]


def test_a_new_text_size_reaches_a_page_already_on_screen(
    qtbot: QtBot, show: Callable[[CheckinPage], None], text_scale: Callable[[float], None]
) -> None:
    text_scale(1.0)
    page = NextDayPage()
    show(page)
    page.start()
    before = page.screen.title_label.font().pointSizeF()
    text_scale(1.5)
    qtbot.waitUntil(lambda: page.screen.title_label.font().pointSizeF() > before * 1.4)
    button = visible_buttons(page)[0]
    assert button.words.font().pointSizeF() > 1.5 * 13
