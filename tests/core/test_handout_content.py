"""The handout's content: the catalogue's and CONTENT.md's wording, the ramp and the log rows."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from upright.core import safety
from upright.core.catalog import load_builtin_catalog
from upright.core.handout_content import (
    EVERY_NUMBER,
    NOT_CLINICAL_ADVICE,
    Handout,
    HandoutExercise,
    build_handout,
    from_level,
    from_today,
    person_name,
)
from upright.core.handout_weeks import LOG_WEEKS, RAMP_WEEKS, ramp_lines
from upright.core.history import History
from upright.core.prescriptions import save_prescription
from upright.core.programme import Programme, ProgrammeItem, save_programme
from upright.core.projection import project
from upright.core.screening import ITEMS_BY_ID
from upright.core.today import plan_today
from upright.core.value import field_names, is_value, replace

CATALOG = load_builtin_catalog()
TUESDAY = date(2026, 3, 3)
LEVELS = [level.id for level in CATALOG.levels]


def item(exercise_id: str, note: str = "", **changes: object) -> HandoutExercise:
    exercise = CATALOG.exercise(exercise_id)
    assert exercise.defaults is not None
    return HandoutExercise(exercise, replace(exercise.defaults, **changes), note)  # type: ignore[arg-type]


def two_items() -> list[HandoutExercise]:
    return [
        item("forearm-press-up", "Pillow under the tummy if your back aches.", sessions_per_week=3),
        item("chest-raise", hold_s=9.0, reps=10),
    ]


def two_exercises() -> Handout:
    return build_handout(CATALOG, two_items(), TUESDAY, "ann")


def all_text(value: object) -> list[str]:
    """Every string anywhere in a (nested) value or tuple."""
    if isinstance(value, str):
        return [value]
    if is_value(value):
        return [t for name in field_names(value) for t in all_text(getattr(value, name))]
    if isinstance(value, tuple | list):
        return [t for v in value for t in all_text(v)]
    return []


@pytest.mark.parametrize("level_id", LEVELS)
def test_every_section_uses_the_catalogue_words(level_id: str) -> None:
    h = build_handout(CATALOG, from_level(CATALOG, level_id), TUESDAY, "ann")
    exercise = CATALOG.exercise(CATALOG.level(level_id).exercise_id)
    assert h.extension_note == CATALOG.extension_note
    assert [s.exercise_id for s in h.sections] == [
        "side-reach",
        "hip-circles",
        "get-down",
        exercise.id,
    ]
    for section in h.sections:
        source = CATALOG.exercise(section.exercise_id)
        assert section.steps == source.steps
        assert section.cues == source.cues
        assert section.summary == source.summary
        assert {p.pose_id for p in section.pictures} == set(source.poses)
    label = exercise.label.replace(" ", "\u00a0")  # a label is never broken across lines
    assert h.exercises[0].heading == f"Exercise 1: {exercise.name} ({label})"


def test_the_hold_pictures_are_rest_then_hold_with_the_working_muscles_marked() -> None:
    h = build_handout(CATALOG, from_level(CATALOG, "advanced"), TUESDAY)
    rest, hold = h.exercises[0].pictures
    assert (rest.pose_id, rest.caption, rest.highlight) == ("chest-raise-rest", "Start", False)
    assert (hold.pose_id, hold.caption, hold.highlight) == ("chest-raise-hold", "Hold", True)
    # A warm-up shows its movement once per side, the second side mirrored as in the player.
    reach = h.warmups[0].pictures
    assert [(p.pose_id, p.caption, p.mirrored) for p in reach] == [
        ("stand", "Start", False),
        ("side-reach", "Left arm", False),
        ("side-reach", "Right arm", True),
    ]
    down = h.get_down.pictures
    assert [p.caption for p in down] == ["Step 1 of 3", "Step 2 of 3", "Step 3 of 3"]


def test_safety_wording_comes_from_the_safety_modules() -> None:
    h = two_exercises()
    assert h.red_flags_intro == safety.RED_FLAGS_INTRO
    assert h.red_flags == safety.RED_FLAGS
    assert h.rule == ITEMS_BY_ID["rule"].text
    assert h.closing == (safety.TIREDNESS_NOTE, NOT_CLINICAL_ADVICE, EVERY_NUMBER)
    assert "This handout does not replace clinical advice." in NOT_CLINICAL_ADVICE
    assert EVERY_NUMBER == (
        "Every number here is a starting point that you or your therapist can change."
    )
    (fall_q, fall_a), (pain_q, pain_a) = h.before_session
    assert fall_q == safety.FALL_QUESTION
    assert safety.FALL_ADVICE.title in fall_a and safety.FALL_ADVICE.lines[0] in fall_a
    assert pain_q.startswith(safety.PAIN_BEFORE_QUESTION)
    assert (
        pain_a
        == f"With back pain of {safety.SKIP_PAIN} or more, we suggest skipping today's session."
    )


def test_forward_appears_only_in_never_bend_forward_warnings() -> None:
    h = two_exercises()
    text = " ".join(all_text(h)).lower()
    assert "bend forward" not in text
    allowed = (h.extension_note.lower(), h.rule.lower())
    for phrase in allowed:
        text = text.replace(phrase, "")
    assert "forward" not in text


def test_the_persons_numbers_and_the_therapists_note() -> None:
    h = two_exercises()
    press, raise_ = h.exercises
    assert dict(press.numbers) == {
        "Reps": "10",
        "Hold each rep": "5 s",
        "Rest between reps": "5 s",
        "Lift and lower": "slowly, about 2 s each",
        "Sessions a week": "3",
        "Your target hold": "30 s",
    }
    assert press.note == "Pillow under the tummy if your back aches."
    assert raise_.note == ""
    assert dict(raise_.numbers)["Reps"] == "10"
    assert dict(raise_.numbers)["Hold each rep"] == "9 s"
    advanced = build_handout(CATALOG, from_level(CATALOG, "advanced"), TUESDAY)
    assert dict(advanced.exercises[0].numbers)["Reps"] == "8, building to 10"
    assert h.programme == (
        "Forearm press-up (Beginner): 10 reps, 5 s holds, 3 sessions a week",
        "Chest raise (Advanced): 10 reps, 9 s holds, 5 sessions a week",
    )


def test_the_ramp_rows_are_the_projection() -> None:
    h = two_exercises()
    for section, p in zip(h.exercises, (i.prescription for i in two_items()), strict=True):
        weeks = project(p, TUESDAY, RAMP_WEEKS)
        assert [(r.week, r.starts, r.hold_s, r.reps) for r in section.ramp] == [
            (n, w.week_start, w.hold_s, w.reps) for n, w in enumerate(weeks, start=1)
        ]
        assert [r.at_target for r in section.ramp] == [w.hold_s >= p.target_hold_s for w in weeks]
    # The chest raise climbs to its 20 s target and stays there.
    assert h.exercises[1].ramp[-1].hold_s == 20 and h.exercises[1].ramp[-1].at_target
    assert "2 s longer" in h.exercises[1].ramp_rule and "20 s" in h.exercises[1].ramp_rule


def test_the_rule_mentions_more_reps_only_while_reps_build() -> None:
    advanced = build_handout(CATALOG, from_level(CATALOG, "advanced"), TUESDAY)
    assert "one more rep until you do 10" in advanced.exercises[0].ramp_rule
    beginner = build_handout(CATALOG, from_level(CATALOG, "beginner"), TUESDAY)
    assert "rep until" not in beginner.exercises[0].ramp_rule


def test_log_rows_cover_the_coming_weeks_at_the_busiest_exercises_pace() -> None:
    h = two_exercises()
    assert h.sessions_per_week == 5  # 3 and 5 a week: one session holds both on 5 days
    assert len(h.log_rows) == LOG_WEEKS * 5
    assert [(r.week, r.session) for r in h.log_rows[:6]] == [
        (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (2, 1)
    ]  # fmt: skip
    for row in h.log_rows:
        assert row.week_starts == TUESDAY + timedelta(weeks=row.week - 1)
        for target, section in zip(row.targets, h.exercises, strict=True):
            week = section.ramp[row.week - 1]
            assert (target.reps, target.hold_s) == (week.reps, week.hold_s)
    assert [t.name for t in h.log_rows[0].targets] == ["Forearm press-up", "Chest raise"]
    assert h.log_rows[5].week_heading == (
        "Week 2, from Tue 10 Mar 2026. If all goes well: "
        "Forearm press-up 10 reps of 10 s; Chest raise 10 reps of 13 s"
    )
    longer = build_handout(CATALOG, two_items(), TUESDAY, log_weeks=6)
    assert len(longer.log_rows) == 30


def test_default_programme_comes_from_the_stored_programme_and_prescriptions(
    tmp_path: Path,
) -> None:
    history = History(tmp_path / "h.sqlite3")
    at = datetime(2026, 3, 1, 9, tzinfo=ZoneInfo("Europe/London"))
    items = (ProgrammeItem("hand-press-up", "Only as high as is comfortable today."),
             ProgrammeItem("chest-raise"))  # fmt: skip
    save_programme(history, "ann", Programme(items, warmups=False), at)
    stored = item("chest-raise", hold_s=13.0, reps=10).prescription
    save_prescription(history, "ann", "chest-raise", stored, "Next time: 13 s holds.", at)
    plan = plan_today(CATALOG, history, "ann", "beginner", TUESDAY)
    h = build_handout(CATALOG, from_today(plan), TUESDAY, "ann", warmups=plan.warmups)
    assert h.warmups == ()  # the programme leaves them out
    assert h.get_down.exercise_id == "get-down"
    assert [s.exercise_id for s in h.exercises] == ["hand-press-up", "chest-raise"]
    assert h.exercises[0].note == "Only as high as is comfortable today."
    assert dict(h.exercises[1].numbers)["Hold each rep"] == "13 s"
    assert h.exercises[1].ramp[0].hold_s == 13
    history.close()


def test_bad_programmes_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        build_handout(CATALOG, [], TUESDAY)
    warmup = CATALOG.exercise("side-reach")
    with pytest.raises(ValueError, match="hold exercises only"):
        build_handout(CATALOG, [HandoutExercise(warmup, item("chest-raise").prescription)], TUESDAY)
    with pytest.raises(KeyError):
        from_level(CATALOG, "expert")


def test_the_unnamed_default_profile_gets_a_line_to_write_on() -> None:
    assert person_name("default") is None
    assert person_name(None) is None
    assert person_name("ann") == "ann"
    assert build_handout(CATALOG, from_level(CATALOG, "beginner"), TUESDAY).person is None
    assert build_handout(CATALOG, from_level(CATALOG, "beginner"), TUESDAY).made_on_text == (
        "Tue 3 Mar 2026"
    )


def test_the_printed_ramp_joins_weeks_at_the_same_numbers() -> None:
    h = build_handout(CATALOG, from_level(CATALOG, "beginner"), TUESDAY)
    lines = ramp_lines(h.exercises[0].ramp)
    assert [(x.weeks_text, x.starts, x.reps, x.hold_s, x.at_target) for x in lines] == [
        ("1", TUESDAY, 10, 5, False),
        ("2", date(2026, 3, 10), 10, 15, False),
        ("3 to 12", date(2026, 3, 17), 10, 30, True),
    ]
    # Two sessions a week: a step a week, so no two weeks are joined until the target.
    slow = build_handout(CATALOG, [item("chest-raise", sessions_per_week=2)], TUESDAY)
    lines = ramp_lines(slow.exercises[0].ramp)
    assert [x.weeks_text for x in lines] == [str(n) for n in range(1, 11)] + ["11 to 12"]
    assert [x.reps for x in lines[:3]] == [8, 9, 10]
