"""Loads and validates the exercise catalogue (assets/programs/*.json) into core value classes."""

from __future__ import annotations

import json
from pathlib import Path

from upright.core.assets import asset_path
from upright.core.fields import Problems, Reader, ValidationError
from upright.core.program import Catalog, Exercise, ExerciseKind, Level, Movement, Prescription

CATALOG_FORMAT = "upright-catalog"
CATALOG_VERSION = 1
MAX_FILE_BYTES = 1_000_000
_IDS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


def builtin_catalog_path() -> Path:
    return asset_path("programs", "builtin.json")


def load_builtin_catalog() -> Catalog:
    return load_catalog(builtin_catalog_path())


def load_catalog(path: Path) -> Catalog:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValidationError(str(path), [f"the file is larger than {MAX_FILE_BYTES} bytes"])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(str(path), [f"not valid JSON text: {exc}"]) from exc
    return parse_catalog(data, source=str(path))


# The bounds of every prescription field, shared by the readers and the programme editor.
LIMITS: dict[str, tuple[float, float]] = {
    "hold_s": (1, 120),  # and within start_hold_s .. target_hold_s
    "reps": (1, 30),  # and within start_reps .. target_reps
    "start_hold_s": (1, 120),
    "target_hold_s": (1, 120),
    "step_s": (0.5, 30),
    "start_reps": (1, 30),
    "target_reps": (1, 30),
    "rest_s": (0, 300),
    "long_rest_s": (0, 300),
    "long_rest_from_s": (0, 120),
    "get_ready_s": (0, 60),
    "lift_s": (0.5, 10),
    "lower_s": (0.5, 10),
    "sessions_per_week": (2, 7),
}


def _seconds(r: Reader, key: str, default: float | None = None) -> float:
    low, high = LIMITS[key]
    return r.number(key, low, high, default=default, unit=" s")


def _count(r: Reader, key: str, default: int | None = None) -> int:
    low, high = LIMITS[key]
    return r.integer(key, int(low), int(high), default=default)


def read_prescription(r: Reader) -> Prescription:
    """The prescription fields shared by the catalogue's defaults and a person's programme file."""
    start = _seconds(r, "start_hold_s")
    target = _seconds(r, "target_hold_s")
    if target < start:
        r.problems.add(r._at("target_hold_s"), "must not be shorter than start_hold_s")
    start_reps = _count(r, "start_reps")
    target_reps = _count(r, "target_reps", default=start_reps)
    if target_reps < start_reps:
        r.problems.add(r._at("target_reps"), "must not be fewer than start_reps")
    rest = _seconds(r, "rest_s")
    # Today's numbers lie between the start and the target; while those two are the wrong way
    # round, only the absolute limits are checked (the target's message says what to change).
    holds = (start, target) if target >= start else LIMITS["hold_s"]
    reps = (start_reps, target_reps) if target_reps >= start_reps else LIMITS["reps"]
    return Prescription(
        hold_s=r.number("hold_s", *holds, default=start, unit=" s"),
        reps=r.integer("reps", int(reps[0]), int(reps[1]), default=start_reps),
        start_hold_s=start,
        target_hold_s=target,
        step_s=_seconds(r, "step_s"),
        start_reps=start_reps,
        target_reps=target_reps,
        rest_s=rest,
        long_rest_s=_seconds(r, "long_rest_s", default=rest),
        long_rest_from_s=_seconds(r, "long_rest_from_s", default=target),
        get_ready_s=_seconds(r, "get_ready_s"),
        lift_s=_seconds(r, "lift_s"),
        lower_s=_seconds(r, "lower_s"),
        sessions_per_week=_count(r, "sessions_per_week", default=5),
    )


def _identifier(r: Reader, key: str) -> str:
    value = r.text(key, max_len=60)
    if value and not set(value) <= _IDS:
        r.problems.add(r._at(key), "may use only lower-case letters, digits and '-'")
    return value


def _exercise(r: Reader) -> Exercise:
    ident = _identifier(r, "id")
    kind_text = r.text("kind")
    try:
        kind = ExerciseKind(kind_text)
    except ValueError:
        r.problems.add(r._at("kind"), "must be one of warmup, transition, hold")
        kind = ExerciseKind.HOLD
    movement = None
    defaults = None
    duration = 0.0
    if kind is ExerciseKind.WARMUP and (m := r.child("movement")):
        movement = Movement(
            sides=m.texts("sides", max_items=4),
            reps_per_side=m.integer("reps_per_side", 1, 30),
            seconds_per_rep=m.number("seconds_per_rep", 1, 20, unit=" s"),
        )
    if kind is ExerciseKind.TRANSITION:
        duration = r.number("duration_s", 5, 300, unit=" s")
    if kind is ExerciseKind.HOLD and (p := r.child("prescription")):
        defaults = read_prescription(p)
    return Exercise(
        id=ident,
        name=r.text("name", max_len=80),
        kind=kind,
        summary=r.text("summary"),
        steps=r.texts("steps"),
        cues=r.texts("cues", required=False),
        poses=r.texts("poses", max_items=6),
        movement=movement,
        duration_s=duration,
        defaults=defaults,
        label=r.text("label", default="", max_len=40),
    )


def _level(r: Reader) -> Level:
    return Level(
        id=_identifier(r, "id"),
        name=r.text("name", max_len=80),
        description=r.text("description"),
        exercise_id=r.text("exercise"),
        next_level_id=r.data.get("next") if isinstance(r.data.get("next"), str) else None,
        clinician_check=r.boolean("clinician_check", default=False),
    )


def parse_catalog(data: object, source: str = "catalogue") -> Catalog:
    problems = Problems(source)
    root = Reader(data, "", problems)
    if root.data.get("format") != CATALOG_FORMAT:
        problems.add("format", f"must be {CATALOG_FORMAT!r}")
    if root.data.get("version") != CATALOG_VERSION:
        problems.add("version", f"must be {CATALOG_VERSION} (this Upright reads no other)")
    exercises = tuple(_exercise(r) for r in root.children("exercises"))
    levels = tuple(_level(r) for r in root.children("levels"))
    warmup_ids = root.texts("warmups")
    get_down_id = root.text("get_down")
    note = root.text("extension_note")

    by_id = {e.id: e for e in exercises}
    if len(by_id) != len(exercises):
        problems.add("exercises", "two exercises share an id")
    for i, wid in enumerate(warmup_ids):
        if by_id.get(wid) is None or by_id[wid].kind is not ExerciseKind.WARMUP:
            problems.add(f"warmups[{i}]", f"{wid!r} is not a warm-up exercise in this file")
    if get_down_id and (by_id.get(get_down_id) is None):
        problems.add("get_down", f"{get_down_id!r} is not an exercise in this file")
    level_ids = {lv.id for lv in levels}
    for i, lv in enumerate(levels):
        ex = by_id.get(lv.exercise_id)
        if ex is None or ex.kind is not ExerciseKind.HOLD:
            problems.add(f"levels[{i}].exercise", f"{lv.exercise_id!r} is not a hold exercise")
        if lv.next_level_id is not None and lv.next_level_id not in level_ids:
            problems.add(f"levels[{i}].next", f"{lv.next_level_id!r} is not a level")
    problems.raise_if_any()
    return Catalog(exercises, levels, warmup_ids, get_down_id, note)
